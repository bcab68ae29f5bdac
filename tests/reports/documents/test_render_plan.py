"""manage.py render_plan writes the document of a unit's plan."""

import pytest
from django.core.management import CommandError, call_command

from plans.models import Plan
from units.models import Unit

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["30280", "Phường Mỹ Phú"])
def test_render_plan_writes_file_by_code_or_name(plan, tmp_path, capsys, key):
    output = tmp_path / "kh.pdf"

    call_command("render_plan", "--unit", key, "--year", "2024", "--doc", "plan", "--format", "pdf",
                 "-o", str(output))

    assert output.read_bytes().startswith(b"%PDF")
    assert str(output) in capsys.readouterr().out


def test_render_plan_xlsx_with_period(plan, tmp_path):
    output = tmp_path / "b02.xlsx"

    call_command("render_plan", "--unit", "30280", "--year", "2024", "--doc", "bieu02", "--period", "q1",
                 "--format", "xlsx", "-o", str(output))

    assert output.read_bytes().startswith(b"PK")


def test_render_plan_unknown_unit_fails_in_vietnamese(db, tmp_path):
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị"):
        call_command("render_plan", "--unit", "Phường Không Có", "--year", "2024", "-o", str(tmp_path / "x"))


def test_render_plan_ambiguous_name_fails(plan, tmp_path):
    other_province = Unit.objects.create(name="Tỉnh Khác", kind="province", code="98")
    namesake = Unit.objects.create(name="Phường Mỹ Phú", kind="ward", code="99999", parent=other_province)
    Plan.objects.create(unit=namesake, year=2024, title="Kế hoạch của phường cùng tên")

    with pytest.raises(CommandError, match="Hãy dùng mã đơn vị"):
        call_command("render_plan", "--unit", "Phường Mỹ Phú", "--year", "2024", "-o", str(tmp_path / "x"))


def test_render_plan_settles_a_shared_name_by_the_unit_with_a_plan_that_year(plan, tmp_path):
    """A ward and the commune it became in 2025 may share a name or code: the one with the plan wins."""
    other_province = Unit.objects.create(name="Tỉnh Khác", kind="province", code="98")
    Unit.objects.create(name="Phường Mỹ Phú", kind="ward", code="99999", parent=other_province)

    call_command("render_plan", "--unit", "Phường Mỹ Phú", "--year", "2024", "-o", str(tmp_path / "x.pdf"))

    assert (tmp_path / "x.pdf").read_bytes().startswith(b"%PDF")


def test_render_plan_missing_year_fails(plan, tmp_path):
    with pytest.raises(CommandError, match="chưa có kế hoạch năm 2030"):
        call_command("render_plan", "--unit", "30280", "--year", "2030", "-o", str(tmp_path / "x"))
