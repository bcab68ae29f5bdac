"""The admin lists for fixing data: unit, plan and year columns, Vietnamese numbers, search without
diacritics, filters, a bounded number of queries, kehoach branding."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories as f

LISTS = {"result": "admin:indicators_result_changelist", "indicator": "admin:indicators_planindicator_changelist",
         "task": "admin:plans_task_changelist"}


@pytest.fixture
def my_phu(province):
    ward = f.UnitFactory(name="Phường Mỹ Phú", kind="ward", parent=province)
    plan = f.PlanFactory(unit=ward, year=2025, number="45")
    indicator = f.PlanIndicatorFactory(plan=plan, name="Thu ngân sách nhà nước", target_text="2.500.000.000 đồng",
                                       target_kind="exact", target_value=Decimal("2500000000"), target_unit="")
    f.ResultFactory(indicator=indicator, period="y", value=Decimal("2500000000"))
    f.TaskFactory(plan=plan, title="Đôn đốc thu ngân sách", progress=Decimal("62.5"), due_date=date(2025, 3, 31))
    return plan


def _more_rows(n):
    for _ in range(n):
        indicator = f.PlanIndicatorFactory()
        f.ResultFactory(indicator=indicator)
        f.TaskFactory(plan=indicator.plan)


@pytest.mark.parametrize("kind", LISTS)
def test_list_shows_unit_year_plan_and_vietnamese_numbers(admin_client, my_phu, kind):
    body = admin_client.get(reverse(LISTS[kind])).content.decode()

    assert "Phường Mỹ Phú" in body and "2025" in body and "45/KH-UBND" in body
    assert "2500000000,000000" not in body and "2500000000.000000" not in body
    expected = {"result": "2.500.000.000", "indicator": "2.500.000.000", "task": "62,5%"}[kind]
    assert expected in body


@pytest.mark.parametrize("kind", LISTS)
def test_search_needs_no_diacritics(admin_client, my_phu, ward_b, kind):
    plan_b = f.PlanFactory(unit=ward_b, year=2024)
    f.TaskFactory(plan=plan_b, title="Nhiệm vụ phường B")
    f.ResultFactory(indicator=f.PlanIndicatorFactory(plan=plan_b, name="Chỉ tiêu phường B"))

    found = admin_client.get(reverse(LISTS[kind]), {"q": "my phu"}).content.decode()
    missed = admin_client.get(reverse(LISTS[kind]), {"q": "dong thap"}).content.decode()

    assert "Phường Mỹ Phú" in found and "Phường B" not in found
    assert "Phường Mỹ Phú" not in missed


def test_filters_by_year_province_and_kind(admin_client, my_phu, ward_b):
    other = f.PlanIndicatorFactory(plan=f.PlanFactory(unit=ward_b, year=2024), name="Chỉ tiêu phường B")
    url = reverse(LISTS["indicator"])

    by_year = admin_client.get(url, {"nam": "2024"}).content.decode()
    by_province = admin_client.get(url, {"tinh": str(my_phu.unit.parent_id)}).content.decode()
    by_kind = admin_client.get(url, {"plan__unit__kind__exact": "commune"}).content.decode()

    assert other.name in by_year and "Thu ngân sách" not in by_year
    assert "Thu ngân sách" in by_province and other.name in by_province   # both wards lie in the province
    assert "Thu ngân sách" not in by_kind and other.name not in by_kind
    for title in ("năm kế hoạch", "tỉnh, thành phố", "loại đơn vị"):
        assert title in by_year


def test_overdue_task_filter(admin_client, my_phu):
    f.TaskFactory(plan=my_phu, title="Việc đã xong", due_date=date(2025, 1, 31), status="done")

    body = admin_client.get(reverse(LISTS["task"]), {"qua_han": "1"}).content.decode()

    assert "Đôn đốc thu ngân sách" in body and "Việc đã xong" not in body


@pytest.mark.parametrize("kind", LISTS)
def test_query_count_does_not_grow_with_rows(admin_client, my_phu, kind):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(reverse(LISTS[kind])).status_code == 200
        return len(queries)

    few = count()
    _more_rows(6)
    assert count() == few
    assert few <= 14


def test_branding_in_vietnamese(admin_client):
    body = admin_client.get(reverse("admin:index")).content.decode()

    assert "kehoach – Quản trị" in body and "Quản trị dữ liệu kế hoạch" in body
