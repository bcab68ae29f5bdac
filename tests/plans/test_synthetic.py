import datetime

import pytest
from django.core.management import CommandError, call_command

from indicators.models import PlanIndicator, Result
from plans.models import PeriodReport, Plan
from plans.synthetic import TEMPLATES
from tests import factories as f
from units.services import REORGANISATION_DAY


@pytest.fixture
def current_structure(db):
    province = f.UnitFactory(name="Tỉnh Mới", kind="province", code="91", valid_from=REORGANISATION_DAY)
    for i in range(3):
        f.UnitFactory(name=f"Xã Mới {i}", kind="commune", code=f"9100{i}", parent=province,
                      valid_from=REORGANISATION_DAY)
    return province


def test_generate_synthetic_creates_a_year_and_is_idempotent(current_structure, capsys):
    call_command("generate_synthetic", "--year", "2026")
    first = capsys.readouterr().out
    call_command("generate_synthetic", "--year", "2026")
    second = capsys.readouterr().out

    assert Plan.objects.filter(year=2026).count() == 3
    assert PlanIndicator.objects.count() == 3 * len(TEMPLATES) == 120
    assert Result.objects.count() == 120 * 12
    assert PeriodReport.objects.count() == 36
    assert "created plans 3" in first and "skipped 3" in second
    # the stored evaluation was computed on the way in
    assert not Result.objects.filter(status="no_data").exists()
    assert Result.objects.filter(status="exceeded").exists()


def test_generate_synthetic_replace(current_structure, capsys):
    call_command("generate_synthetic", "--year", "2026")
    call_command("generate_synthetic", "--year", "2026", "--replace")

    assert "removed 3" in capsys.readouterr().out
    assert Plan.objects.count() == 3 and Result.objects.count() == 1440


def test_generate_synthetic_needs_units(db):
    with pytest.raises(CommandError, match="load_units"):
        call_command("generate_synthetic", "--year", str(datetime.date.today().year))
