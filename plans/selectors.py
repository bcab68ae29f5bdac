"""Read-side helpers for plan pages: named queries with their prefetching decided here."""

from collections import defaultdict

from django.db.models import Exists, OuterRef, Prefetch, Q, prefetch_related_objects

from core.evaluation import summary_sentence
from core.periods import PERIOD_CODES
from core.tree import depth_first
from indicators import counting
from indicators.assess import assess, pick_result
from indicators.counting import COUNTED_INDICATORS, COUNTED_RESULTS, REPORTED
from indicators.models import EvaluationStatus, PlanIndicator, PlanSector, Result
from units.models import Unit
from units.scoping import scoped

from .models import PeriodReport, Plan, ReportStatus, Section, Task
from .schedule import next_report


def plans_for(user):
    """Plans the user may see, with their unit, newest year first."""
    return scoped(Plan.objects.with_unit(), user).order_by("-year", "unit__name", "-revision")


def plans_with_next_report(user, *, today):
    """plans_for(user), each with ``next_report`` (plans.schedule.NextReport or None) and
    ``reopened_reports`` (see :func:`with_reopened_reports`). Two queries."""
    reports = (PeriodReport.objects.filter(status__in=[ReportStatus.SUBMITTED, ReportStatus.REOPENED])
               .select_related("reopened_by"))
    plans = list(plans_for(user).prefetch_related(Prefetch("period_reports", queryset=reports,
                                                           to_attr="reports_with_status")))
    for plan in plans:
        submitted = {r.period for r in plan.reports_with_status if r.status == ReportStatus.SUBMITTED}
        plan.reopened_reports = _in_period_order(
            r for r in plan.reports_with_status if r.status == ReportStatus.REOPENED)
        plan.next_report = next_report(plan.year, monthly_day=plan.monthly_report_day,
                                       annual_due=plan.annual_report_due, submitted=submitted, today=today)
    return plans


def reopened_prefetch():
    """Prefetch of a plan's periods reopened by a supervisor, as ``plan.reopened_reports``
    (with who reopened them): what templates/plans/_plan_header.html shows."""
    reports = PeriodReport.objects.filter(status=ReportStatus.REOPENED).select_related("reopened_by")
    return Prefetch("period_reports", queryset=reports, to_attr="reopened_reports")


def with_reopened_reports(plan):
    """``plan`` with ``reopened_reports`` (list, in period order) attached. One query."""
    if not hasattr(plan, "reopened_reports"):
        prefetch_related_objects([plan], reopened_prefetch())
    plan.reopened_reports = _in_period_order(plan.reopened_reports)
    return plan


def _in_period_order(reports):
    return sorted(reports, key=lambda r: PERIOD_CODES.index(r.period) if r.period in PERIOD_CODES else 99)


def results_missing(plan, period):
    """(indicators of ``plan`` without a result for ``period``, all its indicators), counted by the
    rule of indicators.counting (the rows the ward listed; a result is a status other than
    "no_data"; a parent with results only on its sub-items as they roll up). Four queries."""
    total = PlanIndicator.objects.filter(COUNTED_INDICATORS, plan=plan).count()
    filled = (Result.objects.filter(COUNTED_RESULTS, REPORTED, indicator__plan=plan, period=period)
              .values("indicator").distinct().count())
    rolled = counting.rolled_up_statuses(PlanIndicator.objects.filter(plan=plan), period)
    filled += sum(status != EvaluationStatus.NO_DATA for status in rolled.values())
    return total - filled, total


def with_has_sections(plans):
    """``plans`` annotated with ``has_sections``, which :func:`has_body` reads instead of asking."""
    return plans.annotate(has_sections=Exists(Section.objects.filter(plan=OuterRef("pk"))))


def has_body(plan):
    """The plan has text to print and to issue: a legal basis, an opening or a section. A plan
    without (Nhơn Hưng 2023 holds only the results its 2024 plan reports) prints only its title and
    signature, so it is neither rendered nor issued (reports.documents.exporters.no_body)."""
    if any(str(basis).strip() for basis in plan.legal_bases or ()) or (plan.preamble or "").strip():
        return True
    sections = getattr(plan, "has_sections", None)
    return Section.objects.filter(plan=plan).exists() if sections is None else sections


def section_tree(plan):
    """[(section, depth)] in document order, from one query."""
    return depth_first(Section.objects.filter(plan=plan).order_by("order", "pk"))


def indicator_groups(plan, *, period=None):
    """[(plan_sector, [(indicator, depth)])] in document order; results of ``period`` attached
    as ``indicator.period_results`` (final and estimate). Three queries whatever the size."""
    sectors = list(PlanSector.objects.filter(plan=plan).select_related("sector").order_by("order", "pk"))
    qs = PlanIndicator.objects.filter(plan=plan).select_related("department", "catalog").order_by("order", "pk")
    if period:
        # order_by("pk"): Result's default ordering goes through indicator and plan to the unit's name,
        # four joins for an order pick_result does not need.
        qs = qs.prefetch_related(Prefetch("results", queryset=Result.objects.filter(period=period).order_by("pk"),
                                          to_attr="period_results"))
    by_sector = defaultdict(list)
    for ind in qs:
        by_sector[ind.plan_sector_id].append(ind)
    return [(ps, depth_first(by_sector.get(ps.pk, []))) for ps in sectors]


def evaluated_groups(plan, period):
    """([(plan_sector, [(indicator, depth, assessment)])], summary sentence) for ``period``, by the
    rule of indicators.counting: what the plan page shows. Three queries."""
    groups, rows_all = [], []
    for ps, rows in indicator_groups(plan, period=period):
        rows = counting.settle_tree((ind, depth, assess(ind, pick_result(ind.period_results), period))
                                    for ind, depth in rows)
        groups.append((ps, rows))
        rows_all += rows
    counts, total = counting.count(rows_all)
    return groups, summary_sentence(counts, total, year=plan.year) + "."


def tasks_by_department(plan):
    """[(group label, [task])]: tasks grouped by lead department (or their group as written)."""
    groups = defaultdict(list)
    tasks = Task.objects.filter(plan=plan).select_related("lead").prefetch_related("cooperating")
    for t in tasks.order_by("order", "pk"):
        groups[t.lead.name if t.lead else (t.group or "")].append(t)
    return list(groups.items())


def find_plan(unit_query, year, revision=None):
    """The plan of the unit named or coded ``unit_query`` for ``year`` (latest revision by default),
    for the shell commands. A name or code shared by several units (a ward and the commune it became
    in 2025 keep the same code) is settled by which of them has a plan that year. Raises LookupError
    with a Vietnamese message when none or several match."""
    units = list(Unit.objects.filter(Q(code=unit_query) | Q(name__iexact=unit_query)).order_by("pk"))
    if not units:
        raise LookupError(f"Không tìm thấy đơn vị “{unit_query}” (theo tên hoặc mã).")
    plans = Plan.objects.filter(unit__in=units, year=year).select_related("unit").order_by("-revision")
    if revision is not None:
        plans = plans.filter(revision=revision)
    with_plan = sorted({plan.unit for plan in plans}, key=lambda u: u.pk)
    if not with_plan:
        which = f" (lần điều chỉnh {revision})" if revision is not None else ""
        name = units[0].name if len(units) == 1 else f"“{unit_query}”"
        raise LookupError(f"Đơn vị {name} chưa có kế hoạch năm {year}{which}.")
    if len(with_plan) > 1:
        listed = "; ".join(f"{u.name} (mã {u.code or 'không có'}, {u.get_kind_display()})" for u in with_plan)
        raise LookupError(f"Có {len(with_plan)} đơn vị ứng với “{unit_query}”: {listed}. Hãy dùng mã đơn vị.")
    return plans.filter(unit=with_plan[0]).first()
