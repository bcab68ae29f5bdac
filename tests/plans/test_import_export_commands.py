"""manage.py import_plan and export_plan."""

import json
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from plans.interchange import normalise
from plans.models import Plan
from tests.plans.test_interchange import _counts, sample
from units.models import Unit


def _write(tmp_path, data, name="plan.json"):
    path = tmp_path / name
    if name.endswith(".json"):
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _import(*args):
    out, err = StringIO(), StringIO()
    call_command("import_plan", *[str(a) for a in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _import_fails(*args):
    err = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_plan", *[str(a) for a in args], stdout=StringIO(), stderr=err)
    return str(exc.value), err.getvalue().splitlines()


def _export(*args):
    out = StringIO()
    call_command("export_plan", *[str(a) for a in args], stdout=out)
    return out.getvalue()


# --- import_plan ---------------------------------------------------------------------------


def test_import_plan_prints_one_summary_line(db, tmp_path):
    out, err = _import(_write(tmp_path, sample()))

    assert out == "Đã nhập kế hoạch Phường Thử Nghiệm năm 2024: 3 chỉ tiêu, 2 nhiệm vụ, 5 mục.\n"
    assert err == ""
    assert Plan.objects.get().title.startswith("Thực hiện nhiệm vụ")


def test_import_plan_reads_yaml(db, tmp_path):
    out, _ = _import(_write(tmp_path, sample(), "plan.yaml"))

    assert out.startswith("Đã nhập kế hoạch Phường Thử Nghiệm năm 2024")


def test_import_plan_malformed_json_writes_nothing(db, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text('{"format": "kehoach.plan/1",\n "unit": }', encoding="utf-8")

    message, lines = _import_fails(path)

    assert lines == [f"{path}: dòng 2, cột 10: JSON không đúng cú pháp"]
    assert "1 lỗi" in message
    assert all(count == 0 for count in _counts().values())


@pytest.mark.parametrize("change, expected", [
    (lambda d: d.update(format="kehoach.plan/0"), "format: phải là “kehoach.plan/1” (nhận được “kehoach.plan/0”)"),
    (lambda d: d["unit"].update(kind="xa"), "unit.kind: giá trị “xa” không hợp lệ; chọn một trong: province"),
    (lambda d: d["plan"].update(signed_by="Ông A"), "plan.signed_by: khóa không có trong định dạng kehoach.plan/1"),
    (lambda d: d["plan"].update(issued_on="29-11-2023"), "plan.issued_on: phải là ngày dạng YYYY-MM-DD"),
])
def test_import_plan_bad_input_gives_one_message_and_writes_nothing(db, tmp_path, change, expected):
    data = sample()
    change(data)

    message, lines = _import_fails(_write(tmp_path, data))

    assert len(lines) == 1 and lines[0].startswith(expected)
    assert "không có gì được ghi" in message
    assert all(count == 0 for count in _counts().values())


def test_import_plan_duplicate_plan_is_refused(db, tmp_path):
    path = _write(tmp_path, sample())
    _import(path)
    before = _counts()

    message, lines = _import_fails(path)

    assert lines == ["Đơn vị Phường Thử Nghiệm đã có kế hoạch năm 2024.", "Dùng --replace để thay kế hoạch đã có."]
    assert message.startswith("Không nhập được")
    assert _counts() == before


def test_import_plan_replace_overwrites(db, tmp_path):
    _import(_write(tmp_path, sample()))
    data = sample()
    data["plan"]["title"] = "Kế hoạch mới"

    out, _ = _import(_write(tmp_path, data, "new.json"), "--replace")

    assert out.startswith("Đã nhập kế hoạch")
    assert list(Plan.objects.values_list("title", flat=True)) == ["Kế hoạch mới"]


# --- export_plan ---------------------------------------------------------------------------


def test_export_plan_by_name_prints_the_document(db, tmp_path):
    _import(_write(tmp_path, sample()))

    out = _export("--unit", "Phường Thử Nghiệm", "--year", 2024)

    assert "Phường Thử Nghiệm" in out  # ensure_ascii=False
    assert out.startswith('{\n  "format": "kehoach.plan/1"')
    assert json.loads(out) == normalise(sample())


def test_export_plan_by_code_as_yaml(db, tmp_path):
    _import(_write(tmp_path, sample()))

    out = _export("--unit", "99001", "--year", 2024, "--format", "yaml")

    assert "name: Phường Thử Nghiệm" in out
    assert yaml.safe_load(out) == normalise(sample())


def test_export_plan_takes_the_latest_revision_unless_told(db, tmp_path):
    _import(_write(tmp_path, sample()))
    data = sample()
    data["plan"].update(revision=1, title="Điều chỉnh")
    _import(_write(tmp_path, data, "rev1.json"))

    latest = json.loads(_export("--unit", "99001", "--year", 2024))
    first = json.loads(_export("--unit", "99001", "--year", 2024, "--revision", 0))

    assert (latest["plan"]["title"], first["plan"]["revision"]) == ("Điều chỉnh", 0)


def test_export_plan_unknown_unit(db):
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị “Phường Không Có”"):
        _export("--unit", "Phường Không Có", "--year", 2024)


def test_export_plan_no_plan_for_that_year(db, tmp_path):
    _import(_write(tmp_path, sample()))

    with pytest.raises(CommandError, match="Đơn vị Phường Thử Nghiệm chưa có kế hoạch năm 2023"):
        _export("--unit", "Phường Thử Nghiệm", "--year", 2023)


def test_export_plan_several_units_with_that_name(db, tmp_path):
    _import(_write(tmp_path, sample()))
    data = sample()
    data["unit"].update(code="99002", ancestors=[{"code": "98", "name": "Tỉnh Khác", "kind": "province"}])
    _import(_write(tmp_path, data, "other.json"))

    with pytest.raises(CommandError, match="Có 2 đơn vị ứng với “Phường Thử Nghiệm”.*Hãy dùng mã đơn vị"):
        _export("--unit", "Phường Thử Nghiệm", "--year", 2024)
    assert Unit.objects.filter(name="Phường Thử Nghiệm").count() == 2
