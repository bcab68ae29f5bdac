"""A small country for the dashboard: wards under districts under a province, each with one plan."""

import datetime
from decimal import Decimal

import pytest

from indicators.models import CatalogIndicator, PlanIndicator
from plans.models import PeriodReport, PlanStatus, ReportStatus, Task, TaskStatus
from tests import factories as f

TODAY = datetime.date(2024, 12, 20)


def add_plan(unit, *, rate=(90, 100), budget=100, status=PlanStatus.ISSUED, submitted=None, tasks_overdue=0):
    """One plan of 2024 for ``unit`` with a BHYT rate (numerator/denominator) and a budget sum, results
    for "y"; ``submitted``: None (no report), "on_time" or "late"."""
    plan = f.PlanFactory(unit=unit, year=2024, status=status)
    ps = f.PlanSectorFactory(plan=plan)
    bhyt = CatalogIndicator.objects.get(code="ty-le-tham-gia-bhyt")
    budget_catalog = CatalogIndicator.objects.get(code="thu-ngan-sach")
    rate_ind = f.PlanIndicatorFactory(plan=plan, plan_sector=ps, name="Tỷ lệ tham gia BHYT", catalog=bhyt,
                                      aggregation="rate", target_text="từ 90% trở lên", target_kind="at_least",
                                      target_value=90, target_unit="%")
    sum_ind = f.PlanIndicatorFactory(plan=plan, plan_sector=ps, name="Thu ngân sách", catalog=budget_catalog,
                                     aggregation="sum", target_text="100 triệu đồng", target_kind="exact",
                                     target_value=100, target_unit="")
    f.PlanIndicatorFactory(plan=plan, plan_sector=ps, name="Chỉ tiêu chưa báo cáo")
    num, den = rate
    f.ResultFactory(indicator=rate_ind, period="y", value=None, numerator=num, denominator=den)
    f.ResultFactory(indicator=sum_ind, period="y", value=Decimal(budget))
    if submitted:
        day = datetime.date(2025, 1, 5) if submitted == "on_time" else datetime.date(2025, 1, 25)
        PeriodReport.objects.create(plan=plan, period="y", status=ReportStatus.SUBMITTED,
                                    due_date=datetime.date(2025, 1, 10),
                                    submitted_at=datetime.datetime.combine(day, datetime.time(9),
                                                                           tzinfo=datetime.UTC))
    for i in range(tasks_overdue):
        Task.objects.create(plan=plan, title=f"Nhiệm vụ {i}", due_date=datetime.date(2024, 6, 30),
                            status=TaskStatus.IN_PROGRESS)
    Task.objects.create(plan=plan, title="Xong", due_date=datetime.date(2024, 6, 30), status=TaskStatus.DONE)
    return plan


@pytest.fixture
def country(province, district_d, district_e, ward_a, ward_b):
    """ward A (district D) and ward B (district E) with plans; ward C in D without a plan yet."""
    ward_c = f.UnitFactory(name="Phường C", kind="ward", parent=district_d)
    plans = {"a": add_plan(ward_a, rate=(95, 100), budget=120, submitted="on_time", tasks_overdue=1),
             "b": add_plan(ward_b, rate=(170, 200), budget=60, submitted="late")}
    return {"province": province, "d": district_d, "e": district_e, "a": ward_a, "b": ward_b, "c": ward_c,
            **{f"plan_{k}": v for k, v in plans.items()}}


def more_wards(district, n, start=0):
    for i in range(n):
        ward = f.UnitFactory(name=f"Phường thêm {start + i}", kind="ward", parent=district)
        add_plan(ward, rate=(80 + i, 100), budget=50 + i, submitted="on_time" if i % 2 else None,
                 tasks_overdue=i % 3)


__all__ = ["PlanIndicator", "TODAY", "add_plan", "more_wards"]
