"""Baselines carried from the old wards to the commune they became (2025)."""

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from indicators.models import CatalogIndicator
from plans.carryover import accept_carried_baseline, carried_baselines
from tests import factories as f
from tests.lineage import reorganisation

BUDGET, BHYT, RECRUITS = "thu-ngan-sach", "ty-le-tham-gia-bhyt", "giao-quan"


@pytest.fixture
def reorg(db):
    return reorganisation()


def _indicator(plan, code, **fields):
    catalog = CatalogIndicator.objects.get(code=code)
    return f.PlanIndicatorFactory(plan=plan, catalog=catalog, name=catalog.name, aggregation=catalog.aggregation,
                                  **fields)


def _old_plan(unit, figures, *, year=2024, status="issued"):
    """A plan of ``unit`` with yearly results: {code: dict of Result fields}."""
    plan = f.PlanFactory(unit=unit, year=year, status=status)
    for code, result in figures.items():
        indicator = _indicator(plan, code, target_text="100%", target_kind="at_least", target_value=100)
        f.ResultFactory(indicator=indicator, period="y", **result)
    return plan


@pytest.fixture
def merged(reorg):
    """A, B, C's 2024 figures: budget, health insurance (a rate; the mean of the percentages is not
    the pooled rate) and military recruits met (count of units meeting)."""
    _old_plan(reorg.a, {BUDGET: {"value": D("1200000000")}, RECRUITS: {"value": D(100)},
                        BHYT: {"value": D(90), "numerator": D(900), "denominator": D(1000)}})
    _old_plan(reorg.b, {BUDGET: {"value": D("800000000")}, RECRUITS: {"value": D(80)},
                        BHYT: {"value": D(50), "numerator": D(5), "denominator": D(10)}})
    _old_plan(reorg.c, {BUDGET: {"value": D("500000000")}, RECRUITS: {"value": D(120)},
                        BHYT: {"value": D(95), "numerator": D(95), "denominator": D(100)}})
    _old_plan(reorg.c, {BUDGET: {"value": D("1")}}, year=2023)  # older: ignored
    plan = f.PlanFactory(unit=reorg.merged, year=2026, status="draft")
    indicators = {code: _indicator(plan, code, target_text="") for code in (BUDGET, BHYT, RECRUITS)}
    editor = f.UserFactory(username="canbo.hopnhat")
    f.RoleFactory(user=editor, unit=reorg.merged, role="editor")
    return plan, indicators, editor


def test_three_wards_merged_carry_a_sum_a_pooled_rate_and_a_count(merged):
    plan, indicators, editor = merged
    carried = {c.indicator.catalog.code: c for c in carried_baselines(plan, editor)}
    assert carried[BUDGET].value == D("2500000000") and carried[BUDGET].text == "2.500.000.000"
    rate = carried[BHYT]
    # Pooled: 1000 / 1110 = 90.09 %; the mean of 90, 50 and 95 % would be 78.33 %.
    assert (rate.combined.numerator, rate.combined.denominator) == (D(1000), D(1110))
    assert rate.value == D("90.09") and rate.text == "90,09%"
    assert carried[RECRUITS].text == "2/3 đơn vị đạt" and carried[RECRUITS].value == 2
    assert [s.unit for s in rate.sources] == ["Phường A", "Phường B", "Xã C"]
    assert {s.year for s in rate.sources} == {2024}


def test_carried_baselines_take_three_queries_whatever_the_size(merged, reorg):
    plan, _, editor = merged
    with CaptureQueriesContext(connection) as ctx:
        carried_baselines(plan, editor)
    assert len(ctx.captured_queries) == 3


def test_a_divided_predecessor_makes_the_figure_not_combinable(reorg):
    _old_plan(reorg.d, {BUDGET: {"value": D(10)}})
    _old_plan(reorg.e, {BUDGET: {"value": D(20)}})
    plan = f.PlanFactory(unit=reorg.split, year=2026)
    _indicator(plan, BUDGET)
    (carried,) = carried_baselines(plan, f.UserFactory(is_superuser=True))
    assert not carried.combinable and carried.text == "" and carried.value is None
    assert "Xã D được chia cho nhiều đơn vị mới" in carried.combined.reason


def test_a_predecessor_without_figures_or_out_of_sight_is_named(merged, reorg):
    plan, indicators, _ = merged
    outsider = f.UserFactory(username="canbo.khac")
    f.RoleFactory(user=outsider, unit=reorg.a, role="editor")
    # Someone who reads only Phường A: B and C have no figure they may see.
    (carried,) = carried_baselines(plan, outsider, indicators=type(indicators[BUDGET]).objects.filter(
        pk=indicators[BUDGET].pk))
    assert carried.combined.reason == "Chưa có số liệu cả năm của Phường B, Xã C."


def test_a_unit_without_predecessors_is_offered_nothing(plan_a, editor_a):
    assert carried_baselines(plan_a, editor_a) == []


def test_accepting_writes_the_baseline_with_an_audit_row(merged):
    plan, indicators, editor = merged
    indicator = indicators[BHYT]
    accept_carried_baseline(indicator, user=editor, by=editor)
    indicator.refresh_from_db()
    assert (indicator.baseline_text, indicator.baseline_value) == ("90,09%", D("90.09"))
    row = indicator.history.order_by("-history_date").first()
    assert row.history_user == editor
    assert row.history_change_reason.startswith("Kết quả năm trước từ đơn vị cũ:  → 90,09% (Phường A")


def test_accepting_is_refused_on_an_issued_plan_or_a_figure_not_combinable(merged, reorg):
    plan, indicators, editor = merged
    none = CatalogIndicator.objects.create(code="khong-tong-hop", name="Chỉ tiêu riêng", aggregation="none")
    own = f.PlanIndicatorFactory(plan=plan, catalog=none, name="Chỉ tiêu riêng")
    with pytest.raises(ValidationError, match="không cộng gộp"):
        accept_carried_baseline(own, user=editor, by=editor)
    plan.status = "issued"
    plan.save()
    with pytest.raises(ValidationError, match="đã ban hành"):
        accept_carried_baseline(indicators[BUDGET], user=editor, by=editor)
