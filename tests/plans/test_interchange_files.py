"""Plan files: YAML without aliases (a 600-byte alias bomb is refused at once), text made canonical."""

import unicodedata

import pytest

from plans.interchange import PlanImportError, load_plan_file


def alias_bomb():
    """Nine levels of nine aliases each: 9^9 (387 million) strings once expanded, ~600 bytes written."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    return "\n".join(lines) + "\n"


def test_an_alias_bomb_is_refused_with_a_message(tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(), encoding="utf-8")
    assert len(path.read_bytes()) < 700

    with pytest.raises(PlanImportError) as caught:
        load_plan_file(path)

    assert "bí danh" in str(caught.value)
    assert "dòng 2" in str(caught.value)


def test_anchors_without_aliases_still_load(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("format: kehoach.plan/1\nunit: &u {name: Phường A, kind: ward}\n", encoding="utf-8")

    assert load_plan_file(path)["unit"] == {"name": "Phường A", "kind": "ward"}


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_strings_are_composed_and_cleaned(tmp_path, suffix):
    name = unicodedata.normalize("NFD", "Phường Mỹ Phú") + "\u200b"
    path = tmp_path / f"plan{suffix}"
    path.write_text(f'{{"unit": {{"name": "{name}", "target": "9\u00a00%"}}}}', encoding="utf-8")

    assert load_plan_file(path) == {"unit": {"name": "Phường Mỹ Phú", "target": "90%"}}
