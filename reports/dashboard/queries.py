"""The supervisors' dashboard: every unit below a root, aggregated in the database.

Both views group a filtered, already-scoped Plan queryset by *row key* and run a fixed number of
``GROUP BY`` queries, whatever the number of units. The comparison groups by the key in SQL; the
overview, over every indicator and result of a country, groups each aggregate by plan id alone (results
through ``Result.plan``, without a join) and adds the plans up into rows in Python (:func:`rekeyed`).

* "children" mode: one row per unit directly below the root; the key is the id of that child,
  cut out of the materialised path with SQL string functions (``/1/5/9/`` under root ``/1/`` ->
  ``5``), so a row rolls up its whole subtree without a join or a correlated subquery.
* "communes" mode: one row per plan-holding unit; the key is the unit id.

Counts add up; shares and rates are computed from summed numerators and denominators, never as an
average of percentages. Statuses come from the stored evaluation (``Result.status``, see
:mod:`indicators.services`). Roll-ups of pre-aggregated rows (the totals row) are sums of sums.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    F,
    Field,
    ForeignKey,
    IntegerField,
    Lookup,
    Max,
    OuterRef,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Cast, StrIndex, Substr, TruncDate
from django.db.models.lookups import Exact
from django.urls import reverse
from django.utils.translation import gettext

from core.periods import due_date
from indicators.counting import COUNTED_INDICATORS, REPORTED, SUB_ITEM_RESULTS, rolled_up_statuses
from indicators.models import Aggregation, Direction, EvaluationStatus, PlanIndicator, Result
from plans.models import PeriodReport, Plan, PlanStatus, ReportStatus, Task
from units.models import COMMUNE_LEVEL, Unit, UnitKind
from units.scoping import visible_units

STATUSES = tuple(EvaluationStatus.values)  # exceeded, met, near, not_met, in_progress, no_data
COUNTED = STATUSES[:-1]
MET = (EvaluationStatus.EXCEEDED, EvaluationStatus.MET)
HUNDRED = Decimal(100)


# --- the plans that count --------------------------------------------------------------------

class IdArray:
    """Ids for ``__in_ids``, held as one value: Django resolves every item of a list in every filter
    it is given to, and psycopg adapts every item again (together some 100 ms per overview for a
    country's 3,321 plans); this is written out once. Integers only."""

    def __init__(self, ids):
        self.ids = [int(pk) for pk in ids]
        self.literal = "{" + ",".join(map(str, self.ids)) + "}"

    def __len__(self):
        return len(self.ids)


class InIds(Lookup):
    """``field__in_ids=IdArray([1, 2, ...])``: ``field = ANY(%s)`` with the ids as one array parameter
    on PostgreSQL (Django's ``__in`` prepares and writes out every value: some 20 ms per query for a
    country's 3,321 plans); a plain IN list elsewhere."""

    lookup_name = "in_ids"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, params = self.process_lhs(compiler, connection)
        ids = self.rhs if isinstance(self.rhs, IdArray) else IdArray(self.rhs)
        if not ids:
            return "1 = 0", list(params)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s::bigint[])", [*params, ids.literal]
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", [*params, *ids.ids]


Field.register_lookup(InIds)
ForeignKey.register_lookup(InIds)   # relations keep their own lookups


def latest_plans(queryset=None):
    """The plan in force for each unit and year: its latest issued revision; a draft only while
    nothing of that unit and year has been issued (a draft revision being prepared does not
    replace the issued plan on the dashboard).

    One NOT EXISTS ("another plan of the unit and year beats this one": an issued plan beats a
    draft, and within the same status the higher revision wins), which PostgreSQL runs as one
    anti-join; two separate NOT EXISTS made its row estimate halve and the overview 60 ms slower."""
    qs = Plan.objects.all() if queryset is None else queryset
    beats = Plan.objects.filter(unit=OuterRef("unit"), year=OuterRef("year")).filter(
        Q(Exact(F("status"), PlanStatus.ISSUED), Exact(OuterRef("status"), PlanStatus.DRAFT))
        | Q(status=OuterRef("status"), revision__gt=OuterRef("revision")))
    return qs.exclude(Exists(beats))


def due_passed(period, year, today, prefix=""):
    """Q on Plan (through ``prefix``): the report for ``period`` was due before ``today``.

    The due date is the plan's monthly report day in the month after the period; only the day varies
    between plans, so the condition is a comparison on ``monthly_report_day``.
    """
    first = due_date(period, year, monthly_day=1)
    if (first.year, first.month) < (today.year, today.month):
        return Q()
    if (first.year, first.month) > (today.year, today.month):
        return Q(pk__in=[])
    return Q(**{f"{prefix}monthly_report_day__lt": min(today.day, 29)})


def submitted_q(prefix=""):
    return Q(**{f"{prefix}status": ReportStatus.SUBMITTED})


def late_q(prefix=""):
    return submitted_q(prefix) & Q(**{f"{prefix}due_date__isnull": False, f"{prefix}submitted_date__gt":
                                      F(f"{prefix}due_date")})


def reports_of(period):
    return PeriodReport.objects.filter(period=period).annotate(submitted_date=TruncDate("submitted_at"))


def with_report_state(plans, period, year, today):
    """Annotate plans with ``report_submitted`` / ``report_late`` (EXISTS) for the report filter."""
    reports = reports_of(period).filter(plan=OuterRef("pk"))
    return plans.annotate(report_submitted=Exists(reports.filter(submitted_q())),
                          report_late=Exists(reports.filter(late_q())))


def final_results(period):
    """Results of ``period`` that are final figures (most of them)."""
    return Result.objects.filter(period=period, is_estimate=False)


def lone_estimates(period):
    """Estimates of ``period`` with no final figure beside them: they count in its place."""
    final = Result.objects.filter(indicator=OuterRef("indicator"), period=period, is_estimate=False)
    return Result.objects.filter(period=period, is_estimate=True).exclude(Exists(final))


# --- row keys --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Grouping:
    """How rows are keyed: by the child of ``root_path`` (children) or by the unit (communes)."""

    root_path: str = "/"
    communes: bool = False

    def key(self, to_unit):
        """Expression of the row key for a queryset whose unit is reached through ``to_unit``."""
        if self.communes:
            return F(f"{to_unit}_id" if to_unit else "pk")
        path = F(f"{to_unit}__path" if to_unit else "path")
        start = len(self.root_path) + 1
        rest = Substr(path, start)
        return Cast(Substr(path, start, StrIndex(rest, Value("/")) - 1), IntegerField())


def grouped(queryset, grouping, to_unit, **aggregates):
    """{key: {name: value}} from one GROUP BY query."""
    if grouping.root_path != "/":
        # Repeated on the outer query with a literal prefix (the plans subquery already implies it), so
        # the planner starts from the subtree's units instead of every result of the period.
        queryset = queryset.filter(**{f"{to_unit}__path__startswith" if to_unit else "path__startswith":
                                      grouping.root_path})
    rows = (queryset.annotate(row_key=grouping.key(to_unit)).values("row_key").order_by()
            .annotate(**aggregates))
    return {row.pop("row_key"): row for row in rows}


def per_plan(queryset, to_plan, **aggregates):
    """{plan id: {name: value}} from one GROUP BY on the plan's id (``to_plan``: the path to it), no
    join to the plans or units: the overview maps plans to its rows in Python (:func:`rekeyed`)."""
    rows = queryset.values(to_plan).order_by().annotate(**aggregates)
    return {row.pop(to_plan): row for row in rows}


def merge_row(into, row, latest=()):
    """Add ``row`` ({name: value}) into ``into``: sums, except names in ``latest`` (the larger value)
    and empty values (the other one)."""
    for name, value in row.items():
        old = into.get(name)
        if old is None or value is None:
            into[name] = value if old is None else old
        elif name in latest:
            into[name] = max(old, value)
        else:
            into[name] = old + value


def rekeyed(rows, key_of, latest=()):
    """{row key: {name: value}} from ``rows`` {plan id: {name: value}} and ``key_of`` {plan id: key}."""
    out = {}
    for plan_id, row in rows.items():
        if plan_id in key_of:
            merge_row(out.setdefault(key_of[plan_id], {}), row, latest)
    return out


def grouped_results(period, results_filter, group, *, latest=(), **aggregates):
    """``group(queryset, **aggregates)`` (:func:`grouped` or :func:`per_plan`) over the results that
    count for ``period``: final figures, and estimates where there is no final one. Two queries, so the
    common case stays a plain index-only scan (an OR with NOT EXISTS would force a nested loop over every
    result). Names in ``latest`` keep the value of the newest row instead of the sum."""
    merged = group(final_results(period).filter(results_filter), **aggregates)
    for key, row in group(lone_estimates(period).filter(results_filter), **aggregates).items():
        merge_row(merged.setdefault(key, {}), row, latest)
    return merged


def rolled_up_by_key(indicators, period, key):
    """[(row key, status)] of the parents of ``indicators`` whose results exist only on their
    sub-items and say something, with the status the documents give them
    (indicators.counting.rolled_up_statuses); ``key``: the row key, an expression on PlanIndicator
    (``F("plan_id")``, or a :class:`Grouping` key). Three queries."""
    rolled = rolled_up_statuses(indicators, period)
    if not rolled:
        return []
    keys = PlanIndicator.objects.filter(pk__in=list(rolled)).annotate(row_key=key).values_list("pk", "row_key")
    return [(key, rolled[pk]) for pk, key in keys if rolled[pk] != EvaluationStatus.NO_DATA]


# --- overview --------------------------------------------------------------------------------

@dataclass
class OverviewRow:
    unit: Unit | None
    name: str = ""
    kind: str = ""
    plans: int = 0
    issued: int = 0
    plan_id: int | None = None
    indicators: int = 0
    reported: int = 0
    counts: dict = field(default_factory=dict)
    on_time: int = 0
    late: int = 0
    missing: int = 0
    overdue_tasks: int = 0
    last_update: object = None
    link: tuple = ()             # (url name, argument, query) of the drill-down, resolved when shown
    is_commune: bool = False

    @property
    def url(self):
        if not self.link:
            return ""
        name, arg, query = self.link
        return reverse(name, args=[arg] if arg else None) + query

    def __getattr__(self, name):
        # Table columns read each status count as an attribute: row.exceeded, row.no_data ...
        if name in STATUSES:
            return self.counts.get(name, 0)
        raise AttributeError(name)

    def __getitem__(self, name):
        # Templates try row["name"] before row.name; answering it spares an exception per cell.
        return getattr(self, name)

    @property
    def not_due(self):
        return max(self.plans - self.on_time - self.late - self.missing, 0)

    @property
    def reported_share(self):
        """Share of indicators with a result, from summed counts (never an average of shares)."""
        return (Decimal(self.reported) * HUNDRED / self.indicators).quantize(Decimal("0.1")) \
            if self.indicators else None

    @property
    def plan_status(self):
        if not self.plans:
            return gettext("Chưa có kế hoạch")
        if self.is_commune and self.plans == 1:
            return str(PlanStatus.ISSUED.label if self.issued else PlanStatus.DRAFT.label)
        return gettext("%(issued)s/%(plans)s đã ban hành") % {"issued": self.issued, "plans": self.plans}

    def add(self, other):
        for name in ("plans", "issued", "indicators", "reported", "on_time", "late", "missing", "overdue_tasks"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for status in STATUSES:
            self.counts[status] = self.counts.get(status, 0) + other.counts.get(status, 0)
        if other.last_update and (self.last_update is None or other.last_update > self.last_update):
            self.last_update = other.last_update


def overview(plans, *, root, period, year, user, communes=False, today=None, include_empty=True):
    """(rows, totals) of the overview for ``plans`` (already scoped and filtered) below ``root``
    (None: the whole country). Fourteen queries whatever the number of units."""
    today = today or date.today()
    root_path = root.path if root else "/"
    grouping = Grouping(root_path, communes or bool(root and root.kind in COMMUNE_LEVEL))
    # The plans that count, read once with the row each belongs to; every aggregate below is grouped by
    # plan id alone (no join to the plans or units, no row key computed per indicator or result) and
    # added up into rows here. The ids are one array parameter (InIds), not the scoped, filtered subquery
    # (whose stacked conditions made PostgreSQL expect one row and re-run the scoping for every indicator
    # and result of the subtree).
    plan_rows, key_of = {}, {}
    scoped_plans = (plans.filter(unit__path__startswith=root_path).annotate(row_key=grouping.key("unit"))
                    .values_list("pk", "row_key", "status", "updated_at"))
    for pk, key, status, updated in scoped_plans:
        key_of[pk] = key
        merge_row(plan_rows.setdefault(key, {}), {"n": 1, "issued": int(status == PlanStatus.ISSUED),
                                                  "plan_id": pk, "updated": updated}, latest=("plan_id", "updated"))
    plan_ids = IdArray(key_of)
    plans = Plan.objects.filter(pk__in_ids=plan_ids)

    def by_plan(queryset, **aggregates):
        return per_plan(queryset, "plan", **aggregates)

    # What counts (indicators.counting): the rows the ward listed, reported when not "no_data".
    indicator_rows = rekeyed(by_plan(PlanIndicator.objects.filter(COUNTED_INDICATORS, plan__in_ids=plan_ids),
                                     n=Count("pk")), key_of)
    # Results per plan from Result.plan (index-only on result_period_plan_idx, no join: hence
    # Count("status"), not Count("pk")), less those of sub-items (read from the sub-items' side: few).
    # "updated" keeps the latest of all, sub-items included.
    def results_per_plan(results_filter):
        return grouped_results(period, results_filter, by_plan, latest=("updated",),
                               n=Count("status", filter=REPORTED), updated=Max("updated_at"),
                               **{s: Count("status", filter=Q(status=s)) for s in COUNTED})
    per_plan_results = results_per_plan(Q(plan__in_ids=plan_ids))
    for plan_id, row in results_per_plan(SUB_ITEM_RESULTS & Q(plan__in_ids=plan_ids)).items():
        into = per_plan_results[plan_id]
        for name, value in row.items():
            if name != "updated":
                into[name] -= value or 0
    for plan_id, status in rolled_up_by_key(PlanIndicator.objects.filter(plan__in_ids=plan_ids), period,
                                            F("plan_id")):
        merge_row(per_plan_results.setdefault(plan_id, {}), {status: 1, "n": 1})
    result_rows = rekeyed(per_plan_results, key_of, latest=("updated",))
    report_rows = rekeyed(by_plan(reports_of(period).filter(plan__in_ids=plan_ids),
                                  submitted=Count("pk", filter=submitted_q()), late=Count("pk", filter=late_q())),
                          key_of)
    missing_rows = rekeyed(per_plan(
        plans.filter(due_passed(period, year, today)).exclude(
            Exists(reports_of(period).filter(plan=OuterRef("pk")).filter(submitted_q()))), "pk", n=Count("pk")),
        key_of)
    task_rows = rekeyed(by_plan(Task.objects.filter(plan__in_ids=plan_ids).overdue(today), n=Count("pk")), key_of)

    keys = set(plan_rows)
    units = Unit.objects.filter(pk__in=keys)
    if include_empty:
        empty = Unit.objects.valid_in(year).filter(pk__in=visible_units(user).values("pk"))
        if grouping.communes:
            empty = empty.filter(kind__in=COMMUNE_LEVEL, path__startswith=root_path)
            if root is not None and root.kind in COMMUNE_LEVEL:
                empty = empty.filter(pk=root.pk)
        else:
            empty = empty.filter(parent=root)
        units = Unit.objects.filter(Q(pk__in=keys) | Q(pk__in=empty.values("pk")))
    rows = []
    kinds = {value: str(label) for value, label in UnitKind.choices}
    for unit in units.only("pk", "name", "kind", "path").order_by("path"):
        p = plan_rows.get(unit.pk, {})
        r = result_rows.get(unit.pk, {})
        rep = report_rows.get(unit.pk, {})
        indicators = indicator_rows.get(unit.pk, {}).get("n", 0)
        counts = {s: r.get(s, 0) for s in COUNTED}
        counts["no_data"] = max(indicators - sum(counts.values()), 0)
        updates = [d for d in (p.get("updated"), r.get("updated")) if d]
        is_commune = unit.kind in COMMUNE_LEVEL
        row = OverviewRow(
            unit=unit, name=unit.name, kind=kinds.get(unit.kind, unit.kind), plans=p.get("n", 0),
            issued=p.get("issued", 0), plan_id=p.get("plan_id"), indicators=indicators, reported=r.get("n", 0),
            counts=counts, on_time=rep.get("submitted", 0) - rep.get("late", 0), late=rep.get("late", 0),
            missing=missing_rows.get(unit.pk, {}).get("n", 0), overdue_tasks=task_rows.get(unit.pk, {}).get("n", 0),
            last_update=max(updates) if updates else None, is_commune=is_commune)
        if is_commune and row.plans == 1:
            row.link = ("plans:plan_detail", row.plan_id, f"?period={period}")  # the plan opens on the same period
        elif not is_commune:
            row.link = ("dashboard:overview", None, f"?parent={unit.pk}&year={year}&period={period}")
        rows.append(row)
    totals = OverviewRow(unit=root, name=gettext("Tổng cộng"), is_commune=False)
    for row in rows:
        totals.add(row)
    return rows, totals


# --- comparison of one catalogue indicator ------------------------------------------------------

@dataclass
class ComparisonRow:
    unit: Unit | None
    name: str = ""
    aggregation: str = Aggregation.NONE
    units: int = 0               # plan indicators counted (one per unit, as a rule)
    reported: int = 0
    met: int = 0
    value_sum: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    target_sum: Decimal | None = None
    target_text: str = ""
    unit_percent: Decimal | None = None
    unit_status: str = ""
    unit_value_text: str = ""
    is_single: bool = False      # one unit's own figure, not a roll-up
    url: str = ""

    @property
    def value(self):
        """The figure to compare: one unit's own result; for a roll-up, by the aggregation rule."""
        if self.is_single:
            return self.value_sum if self.value_sum is not None else self._rate()
        if self.aggregation == Aggregation.SUM:
            return self.value_sum
        if self.aggregation == Aggregation.RATE:
            return self._rate()
        if self.aggregation == Aggregation.COUNT_MET:
            return (Decimal(self.met) * HUNDRED / self.units).quantize(Decimal("0.01")) if self.units else None
        return None

    def _rate(self):
        if self.numerator is None or not self.denominator:
            return None
        return (self.numerator * HUNDRED / self.denominator).quantize(Decimal("0.01"))

    @property
    def percent(self):
        if self.is_single:
            return self.unit_percent
        if self.aggregation == Aggregation.SUM and self.value_sum is not None and self.target_sum:
            return (self.value_sum * HUNDRED / self.target_sum).quantize(Decimal("0.01"))
        return None

    def add(self, other):
        self.units += other.units
        self.reported += other.reported
        self.met += other.met
        for name in ("value_sum", "numerator", "denominator", "target_sum"):
            a, b = getattr(self, name), getattr(other, name)
            setattr(self, name, b if a is None else a if b is None else a + b)


def comparison(plans, catalog, *, root, period, year, communes=False):
    """(rows, totals) comparing ``catalog`` across the units below ``root``: seven queries. A linked
    parent whose results exist only on its sub-items counts with the status the documents give it
    (:func:`rolled_up_by_key`); its figure stays empty (the sub-items measure other things)."""
    root_path = root.path if root else "/"
    grouping = Grouping(root_path, communes or bool(root and root.kind in COMMUNE_LEVEL))
    plan_ids = plans.filter(unit__path__startswith=root_path).values("pk")
    indicators = PlanIndicator.objects.filter(plan__in=plan_ids, catalog=catalog)
    rate_rows = Q(numerator__isnull=False, denominator__isnull=False)
    results = grouped_results(
        period, Q(indicator__catalog=catalog, plan__in=plan_ids),
        lambda queryset, **aggregates: grouped(queryset, grouping, "plan__unit", **aggregates),
        latest=("top_status", "top_percent", "plan_id", "unit_name", "unit_kind"),
        reported=Count("status", filter=REPORTED), met=Count("status", filter=Q(status__in=MET)), value_sum=Sum("value"),
        num_sum=Sum("numerator", filter=rate_rows), den_sum=Sum("denominator", filter=rate_rows),
        top_status=Max("status"), top_percent=Max("percent"), plan_id=Max("plan_id"),
        unit_name=Max("plan__unit__name"), unit_kind=Max("plan__unit__kind"))
    for key, status in rolled_up_by_key(indicators, period, grouping.key("plan__unit")):   # a parent judged on its sub-items
        row = results.setdefault(key, {})
        row["reported"] = (row.get("reported") or 0) + 1
        row["met"] = (row.get("met") or 0) + (status in MET)
        row["top_status"] = max(row.get("top_status") or "", status)   # as Max("status") picks
    targets = grouped(indicators, grouping, "plan__unit", n=Count("pk"), target_sum=Sum("target_value"),
                      target_as_written=Max("target_text"), plan_id=Max("plan_id"), unit_name=Max("plan__unit__name"),
                      unit_kind=Max("plan__unit__kind"))
    names = {}
    if not grouping.communes:
        names = dict(Unit.objects.filter(pk__in=set(targets) | set(results)).values_list("pk", "name"))
    rows = []
    for key in set(targets) | set(results):
        t, r = targets.get(key, {}), results.get(key, {})
        single = grouping.communes or (t.get("unit_kind") in COMMUNE_LEVEL and t.get("n", 0) == 1)
        row = ComparisonRow(
            unit=None, name=names.get(key) or t.get("unit_name") or r.get("unit_name", ""),
            aggregation=catalog.aggregation, units=t.get("n", 0), reported=r.get("reported", 0),
            met=r.get("met", 0), value_sum=r.get("value_sum"), numerator=r.get("num_sum"),
            denominator=r.get("den_sum"), target_sum=t.get("target_sum"), is_single=single)
        if single:
            row.target_text = t.get("target_as_written", "")
            row.unit_percent, row.unit_status = r.get("top_percent"), r.get("top_status") or "no_data"
            if t.get("plan_id"):
                row.url = reverse("plans:plan_detail", args=[t["plan_id"]]) + f"?period={period}"
        else:
            row.url = (f"{reverse('dashboard:compare')}?parent={key}&catalog={catalog.code}"
                       f"&year={year}&period={period}")
        rows.append(row)
    lower = catalog.direction == Direction.LOWER
    rows.sort(key=lambda row: (row.value is None, (row.value or 0) if lower else -(row.value or 0), row.name))
    totals = ComparisonRow(unit=root, name=gettext("Tổng hợp"), aggregation=catalog.aggregation)
    for row in rows:
        totals.add(row)
    return rows, totals
