"""The five seed plans as demo data: loaded completely, idempotently, with the demo accounts."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from indicators.models import PlanIndicator
from plans.demo import DEMO_PROVINCE_CODE
from plans.models import PeriodReport, Plan, Task
from plans.synthetic import SYNTHETIC_MARK
from tests import factories as f
from units.models import Role, Unit
from units.scoping import scoped
from units.services import REORGANISATION_DAY


@pytest.fixture
def demo(db):
    call_command("load_demo")


def _plan(unit_name, year=2024):
    return Plan.objects.get(unit__name=unit_name, year=year)


def test_demo_loads_the_five_seed_plans(demo):
    names = set(Plan.objects.filter(year=2024).values_list("unit__name", flat=True))
    assert names == {"Phường Mỹ Phú", "Phường 2", "Phường Thọ Xương", "Phường Nhơn Hưng", "Xã Lai Hưng"}


def test_demo_twice_neither_duplicates_nor_fails(demo, capsys):
    counts = (Plan.objects.count(), PlanIndicator.objects.count(), Unit.objects.count(),
              get_user_model().objects.count())
    call_command("load_demo")
    assert (Plan.objects.count(), PlanIndicator.objects.count(), Unit.objects.count(),
            get_user_model().objects.count()) == counts
    assert "đã có" in capsys.readouterr().out


def test_my_phu_metadata_as_in_the_seed(demo):
    plan = _plan("Phường Mỹ Phú")
    assert (plan.number, plan.symbol, plan.issued_on.isoformat()) == ("843", "KH-UBND", "2023-11-29")
    assert plan.status == "issued"
    budget = PlanIndicator.objects.get(plan=plan, name="Thu ngân sách")
    assert budget.target_text == "9.949.000.000đ"
    assert budget.target_value == Decimal("9949000000")
    assert budget.children.count() == 8
    assert [u.name for u in plan.unit.ancestors()] == ["Tỉnh Đồng Tháp", "Thành phố Cao Lãnh"]


def test_phuong_2_is_a_draft_with_a_blank_number(demo):
    plan = _plan("Phường 2")
    assert plan.status == "draft"
    assert plan.number == ""
    assert plan.issued_on is None


def test_tho_xuong_has_15_main_indicators(demo):
    plan = _plan("Phường Thọ Xương")
    assert PlanIndicator.objects.filter(plan=plan, parent__isnull=True).count() == 15


def test_nhon_hung_has_24_indicators_for_2024(demo):
    plan = _plan("Phường Nhơn Hưng")
    assert PlanIndicator.objects.filter(plan=plan, parent__isnull=True).count() == 24


def test_nhon_hung_2023_results_as_stated(demo):
    plan = _plan("Phường Nhơn Hưng", 2023)
    jobs = PlanIndicator.objects.get(plan=plan, catalog__code="giai-quyet-viec-lam").results.get(period="y")
    assert (jobs.numerator, jobs.denominator) in {(261, 200), (None, None)}
    assert jobs.numerator == 261 or jobs.value == 261


def test_lai_hung_bhyt_parses_as_at_least(demo):
    ind = PlanIndicator.objects.get(plan=_plan("Xã Lai Hưng"), target_text="đạt từ 93,45%")
    assert (ind.target_kind, ind.target_value, ind.target_unit) == ("at_least", Decimal("93.45"), "%")


def test_demo_accounts_see_their_own_plans(demo):
    User = get_user_model()
    editor = User.objects.get(username="canbo.myphu")
    assert set(scoped(Plan.objects.all(), editor).values_list("unit__name", flat=True)) == {"Phường Mỹ Phú"}
    an_giang = User.objects.get(username="giamsat.tinhangiang")
    assert set(scoped(Plan.objects.all(), an_giang).values_list("unit__name", flat=True)) == {"Phường Nhơn Hưng"}
    assert User.objects.get(username="admin").is_superuser


def test_editor_lands_on_own_plan_grouped_by_sector(demo, client):
    # Through the login page: django-axes needs the request (Client.login passes none).
    client.post("/login/", {"username": "canbo.myphu", "password": "kehoach2024"})
    response = client.get("/", follow=True)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Phường Mỹ Phú" in content
    assert "KINH TẾ" in content and "9.949.000.000đ" in content
    assert "≥ 90%" in content  # "90% trở lên" with its parsed meaning


@pytest.fixture
def small_province(db):
    """A current province with four communes, under the demo province's code."""
    province = f.UnitFactory(name="Khánh Hòa", kind="province", code=DEMO_PROVINCE_CODE, valid_from=REORGANISATION_DAY)
    for i in range(4):
        f.UnitFactory(name=f"Xã Thử {i}", kind="commune", code=f"56{i:03}", parent=province,
                      valid_from=REORGANISATION_DAY)
    return province


def test_demo_province_year_is_idempotent_and_has_a_supervisor(small_province, capsys):
    call_command("load_demo", communes=2)
    first = capsys.readouterr().out
    counts = (Plan.objects.count(), PlanIndicator.objects.count(), PeriodReport.objects.count(),
              Task.objects.count(), get_user_model().objects.count(), Role.objects.count())
    call_command("load_demo", communes=2)
    second = capsys.readouterr().out

    synthetic = Plan.objects.filter(title__endswith=SYNTHETIC_MARK)
    assert synthetic.count() == 2
    assert (Plan.objects.count(), PlanIndicator.objects.count(), PeriodReport.objects.count(),
            Task.objects.count(), get_user_model().objects.count(), Role.objects.count()) == counts
    assert "giamsat.khanhhoa" in first and "giamsat.khanhhoa" in second
    assert "tạo mới 2 kế hoạch" in first and "tạo mới 0 kế hoạch, đã có 2" in second
    supervisor = get_user_model().objects.get(username="giamsat.khanhhoa")
    assert scoped(Plan.objects.all(), supervisor).count() == 2
    # the synthetic communes get no ward accounts of their own, the seed wards keep theirs
    assert not Role.objects.filter(unit__parent=small_province).exists()
    assert get_user_model().objects.filter(username="canbo.myphu").exists()
