"""reports/dashboard/queries.py: roll-ups of a scoped plan queryset, a fixed number of queries."""

import datetime
from decimal import Decimal

from django.urls import reverse

from indicators.models import CatalogIndicator
from plans.models import Plan
from reports.dashboard import queries as dashboard
from tests import factories as f


def rows_by_name(rows):
    return {r.name: r for r in rows}


def test_overview_rolls_children_up_by_district(country, supervisor_p):
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, totals = dashboard.overview(plans, root=country["province"], period="y", year=2024, user=supervisor_p)

    by = rows_by_name(rows)
    d, e = by["Thành phố D"], by["Thị xã E"]
    assert (d.plans, d.indicators, d.reported, d.exceeded, d.no_data) == (1, 3, 2, 2, 1)
    assert (d.on_time, d.late, d.missing, d.overdue_tasks) == (1, 0, 0, 1)
    assert (e.near, e.not_met, e.late, e.missing) == (1, 1, 1, 0)
    assert (totals.plans, totals.indicators, totals.reported) == (2, 6, 4)
    assert totals.reported_share == Decimal("66.7")


def test_overview_communes_mode_lists_every_ward_even_without_plan(country, supervisor_p):
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, _ = dashboard.overview(plans, root=country["province"], period="y", year=2024, user=supervisor_p,
                                 communes=True)

    by = rows_by_name(rows)
    assert set(by) == {"Phường A", "Phường B", "Phường C"}
    assert by["Phường C"].plan_status == "Chưa có kế hoạch"
    assert by["Phường A"].url == reverse("plans:plan_detail", args=[country["plan_a"].pk]) + "?period=y"


def test_overview_lists_only_units_that_existed_in_the_year(country, supervisor_p):
    """A commune created by the July 2025 reorganisation has no row in 2024; one abolished then has none in 2026."""
    merged = f.UnitFactory(name="Phường Mới", kind="ward", parent=country["d"], valid_from=datetime.date(2025, 7, 1))
    country["c"].valid_to = datetime.date(2025, 6, 30)
    country["c"].save()
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows_2024, _ = dashboard.overview(plans, root=country["province"], period="y", year=2024, user=supervisor_p,
                                      communes=True)
    rows_2026, _ = dashboard.overview(Plan.objects.none(), root=country["province"], period="y", year=2026,
                                      user=supervisor_p, communes=True)

    assert set(rows_by_name(rows_2024)) == {"Phường A", "Phường B", "Phường C"}
    assert merged.name in rows_by_name(rows_2026) and "Phường C" not in rows_by_name(rows_2026)


def test_comparison_rate_is_summed_numerators_over_denominators(country):
    bhyt = CatalogIndicator.objects.get(code="ty-le-tham-gia-bhyt")
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, totals = dashboard.comparison(plans, bhyt, root=country["province"], period="y", year=2024)

    assert [(r.name, r.value) for r in rows] == [("Thành phố D", Decimal("95.00")), ("Thị xã E", Decimal("85.00"))]
    # (95 + 170) / (100 + 200), not the mean of 95% and 85%
    assert totals.value == Decimal("88.33")
    assert (totals.met, totals.units) == (1, 2)


def test_comparison_of_a_sum_adds_values_and_targets(country):
    budget = CatalogIndicator.objects.get(code="thu-ngan-sach")
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, totals = dashboard.comparison(plans, budget, root=country["d"], period="y", year=2024)

    assert [(r.name, r.value, r.is_single, r.target_text) for r in rows] == [
        ("Phường A", Decimal("120"), True, "100 triệu đồng")]
    assert (totals.value_sum, totals.target_sum, totals.percent) == (Decimal("120"), Decimal("100"),
                                                                      Decimal("120.00"))


def test_a_draft_revision_does_not_replace_the_issued_plan_on_the_dashboard(country):
    issued = country["plan_a"]
    draft = f.PlanFactory(unit=issued.unit, year=2024, revision=1, revision_of=issued, status="draft")
    only_draft = f.PlanFactory(unit=country["c"], year=2024, status="draft")

    in_force = set(dashboard.latest_plans(Plan.objects.filter(year=2024)))

    assert issued in in_force and draft not in in_force and only_draft in in_force
    draft.status = "issued"
    draft.save()
    assert set(dashboard.latest_plans(Plan.objects.filter(unit=issued.unit))) == {draft}


def test_overview_counts_what_counts(country, supervisor_p):
    """indicators.counting: sub-items are not counted; a row whose result says nothing (words for a
    figure target, no official evaluation) is not reported; an official's words that say a status
    count as that status. Never "Đã báo cáo 100%" beside "Chưa có kết quả"."""
    plan = country["plan_a"]
    ps = plan.sectors.first() if hasattr(plan, "sectors") else None
    parent = f.PlanIndicatorFactory(plan=plan, plan_sector=ps or f.PlanSectorFactory(plan=plan),
                                    name="Huy động học sinh", target_text="100%", target_kind="exact",
                                    target_value=100, target_unit="%")
    for name in ("Tiểu học", "Trung học cơ sở"):
        child = f.PlanIndicatorFactory(plan=plan, plan_sector=parent.plan_sector, parent=parent, name=name,
                                       target_text="100%", target_kind="exact", target_value=100, target_unit="%")
        f.ResultFactory(indicator=child, period="y", value=100)
    words_only = f.PlanIndicatorFactory(plan=plan, plan_sector=parent.plan_sector, name="Thu ngân sách khác",
                                        target_text="200 triệu đồng", target_kind="exact", target_value=200)
    f.ResultFactory(indicator=words_only, period="y", value=None, text="Chưa tổng hợp")
    official = f.PlanIndicatorFactory(plan=plan, plan_sector=parent.plan_sector, name="Duy trì chuẩn y tế",
                                      target_text="Duy trì", target_kind="qualitative")
    result = f.ResultFactory(indicator=official, period="y", value=None, text="Chưa có kết quả",
                             evaluation_text="Đang tiếp tục thực hiện")
    assert result.status == "in_progress"
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, _totals = dashboard.overview(plans, root=country["province"], period="y", year=2024,
                                       user=supervisor_p)

    d = rows_by_name(rows)["Thành phố D"]
    # 3 listed before + the parent, the words-only row and the official's row (sub-items not counted);
    # the parent has results only on its sub-items, both "met": it counts as met, as Biểu 02 shows it
    assert (d.indicators, d.reported, d.in_progress, d.met, d.no_data) == (6, 4, 1, 1, 2)
    assert d.reported + d.no_data == d.indicators


def test_dashboard_counts_a_parent_with_only_sub_item_results_as_the_documents_do(country, supervisor_p):
    """One rule (indicators.counting): the dashboard's counts for a ward are Biểu 02's and the period
    report's, whether the sub-items all have results (the parent takes the weakest) or one lacks it."""
    from plans import selectors
    from reports.documents import documents as docs

    plan = country["plan_b"]
    ps = f.PlanSectorFactory(plan=plan)
    for parent_name, child_values in (("Huy động trẻ đến trường", (100, 95)), ("Tiêm chủng", (100, None))):
        parent = f.PlanIndicatorFactory(plan=plan, plan_sector=ps, name=parent_name, target_text="100%",
                                        target_kind="exact", target_value=100, target_unit="%")
        for i, value in enumerate(child_values):
            child = f.PlanIndicatorFactory(plan=plan, plan_sector=ps, parent=parent, name=f"{parent_name} {i}",
                                           target_text="100%", target_kind="exact", target_value=100,
                                           target_unit="%")
            if value is not None:
                f.ResultFactory(indicator=child, period="y", value=value)
    counts, total = docs.result_counts(docs.result_groups(plan, "y"))
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, _totals = dashboard.overview(plans, root=country["province"], period="y", year=2024, user=supervisor_p)

    e = rows_by_name(rows)["Thị xã E"]
    assert counts["near"] == 2 and counts["no_data"] == 2   # the rate at 85% and the 95% sub-item's parent
    assert e.indicators == total
    assert {s: n for s, n in e.counts.items() if n} == counts
    assert e.reported == total - counts["no_data"]
    assert selectors.results_missing(plan, "y") == (counts["no_data"], total)


def test_a_three_level_tree_counts_the_same_on_the_dashboard_bieu_02_and_the_report(country, supervisor_p):
    """Sub-items of sub-items roll up too (indicators.counting.rolled_up_statuses at any depth):
    the ward's counts on the dashboard are Biểu 02's and the period report's summary sentence's."""
    from core.evaluation import summary_sentence
    from indicators.counting import rolled_up_statuses
    from indicators.models import PlanIndicator
    from plans import selectors
    from reports.documents import documents as docs
    from reports.documents import exporters

    plan = country["plan_b"]
    ps = f.PlanSectorFactory(plan=plan)

    def add(name, parent=None, value=None):
        indicator = f.PlanIndicatorFactory(plan=plan, plan_sector=ps, parent=parent, name=name, target_text="100%",
                                           target_kind="exact", target_value=100, target_unit="%")
        if value is not None:
            f.ResultFactory(indicator=indicator, period="y", value=value)
        return indicator

    top = add("Giáo dục")                       # no result: rolls up its two sub-items
    middle = add("Huy động trẻ", parent=top)    # no result: rolls up its own sub-items
    add("Mẫu giáo", parent=middle, value=100)
    add("Tiểu học", parent=middle, value=95)    # near: the weakest, all the way up
    add("Phổ cập", parent=top, value=100)
    bare = add("Y tế")                          # no result anywhere below: "chưa có kết quả"
    add("Tiêm chủng", parent=add("Trạm y tế", parent=bare))

    rolled = rolled_up_statuses(PlanIndicator.objects.filter(plan=plan), "y")
    assert rolled[top.pk] == "near" and rolled[bare.pk] == "no_data"
    groups = docs.result_groups(plan, "y")
    counts, total = docs.result_counts(groups)
    assert exporters.report_summary(plan, "y", groups) == summary_sentence(counts, total, year=plan.year) + "."
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))
    rows, _totals = dashboard.overview(plans, root=country["province"], period="y", year=2024, user=supervisor_p)
    e = rows_by_name(rows)["Thị xã E"]
    assert e.indicators == total
    assert {s: n for s, n in e.counts.items() if n} == counts
    assert e.reported == total - counts["no_data"]
    assert selectors.results_missing(plan, "y") == (counts["no_data"], total)


def test_comparison_counts_a_linked_parent_with_only_sub_item_results_as_the_documents_do(country):
    """The comparison page uses the parent rule too (indicators.counting.rolled_up_statuses): a
    catalogue indicator listed with sub-items that carry its results is reported, with their status."""
    giao_quan = CatalogIndicator.objects.get(code="giao-quan")
    plan = country["plan_a"]
    ps = f.PlanSectorFactory(plan=plan)
    parent = f.PlanIndicatorFactory(plan=plan, plan_sector=ps, name="Giao quân", catalog=giao_quan,
                                    target_text="100%", target_kind="exact", target_value=100, target_unit="%")
    for name in ("Nghĩa vụ quân sự", "Nghĩa vụ công an"):
        child = f.PlanIndicatorFactory(plan=plan, plan_sector=ps, parent=parent, name=name, target_text="100%",
                                       target_kind="exact", target_value=100, target_unit="%")
        f.ResultFactory(indicator=child, period="y", value=100)
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, totals = dashboard.comparison(plans, giao_quan, root=country["d"], period="y", year=2024)

    assert [(r.name, r.reported, r.met, r.unit_status) for r in rows] == [("Phường A", 1, 1, "met")]
    assert (totals.units, totals.reported, totals.met, totals.value) == (1, 1, 1, Decimal("100.00"))
