"""What counts: the one rule the dashboard, Biểu 02, the period report's summary and the plan pages
use (README, "What counts").

* The plan's indicators are the rows the ward listed at the top of each sector: an indicator
  without a parent. Sub-items ("Trong đó", 11.1) are printed under their parent and never
  counted on their own.
* A row has a result when its status is not "no_data": a figure, a ratio, a judgement, words
  for a qualitative target, or an official's typed evaluation that says a status
  (:func:`indicators.assess.assess`). :func:`has_result` (Python) and :data:`REPORTED` (SQL
  over the stored ``Result.status``) are the same rule.
* The status that counts is the official's typed evaluation when its words say one, else the
  computed one; both are kept (:class:`indicators.assess.Assessment`).
* A parent with a result of its own is evaluated on it, and its sub-items without one print no
  status of their own (the ward evaluated the row as a whole). A parent without a result is
  shown as its sub-items say (:func:`core.evaluation.roll_up`): never "Đạt" over a sub-item
  "Chưa có kết quả". The SQL side (the dashboard, results_missing) takes the same roll-up from
  :func:`rolled_up_statuses`.
"""

from dataclasses import replace
from operator import itemgetter

from django.db.models import Exists, OuterRef, Q

from core.evaluation import roll_up
from core.tree import children_map

from .models import EvaluationStatus, PlanIndicator, Result

# Indicators that count (PlanIndicator), and results that count (Result).
COUNTED_INDICATORS = Q(parent__isnull=True)
COUNTED_RESULTS = Q(indicator__parent__isnull=True)
# The others: results of sub-items. Counting every result of a plan from Result.plan and taking these away
# spares joining each result to its indicator (the dashboard over a country's results).
SUB_ITEM_RESULTS = Q(indicator__parent__isnull=False)
# A stored result that is a result (Result.status written by indicators.services.apply_evaluation).
REPORTED = ~Q(status=EvaluationStatus.NO_DATA)


def is_counted(indicator):
    return indicator.parent_id is None


def has_result(assessment):
    """The row has a result (see the module docstring)."""
    return assessment is not None and assessment.status not in ("", EvaluationStatus.NO_DATA)


def settle_tree(rows):
    """Apply the parent rule to ``rows`` [(indicator, depth, assessment)] in reading order.

    Returns [(indicator, depth, assessment)]: a sub-item without a result of its own under a
    parent (or any ancestor) that has one gets the empty status "" (printed without status); a parent
    without a result takes the roll-up of its sub-items' statuses."""
    rows = list(rows)
    children = {}
    for indicator, _depth, assessment in rows:
        children.setdefault(indicator.parent_id, []).append((indicator, assessment))
    settled = {}

    def status_of(indicator, assessment):
        if indicator.pk in settled:
            return settled[indicator.pk]
        kids = children.get(indicator.pk, [])
        if assessment.result is None and kids:
            statuses = [status_of(k, a) for k, a in kids]
            assessment = replace(assessment, status=roll_up(s.status for s in statuses if s is not None))
        settled[indicator.pk] = assessment
        return assessment

    by_pk = {indicator.pk: (indicator, assessment) for indicator, _d, assessment in rows}

    def under_evaluated(indicator):
        """An ancestor has a result of its own: the ward evaluated that row as a whole, sub-items at
        any depth included (11.1.a under 11 as much as 11.1)."""
        seen, parent = set(), by_pk.get(indicator.parent_id)
        while parent is not None and parent[0].pk not in seen:
            if parent[1].result is not None:
                return True
            seen.add(parent[0].pk)
            parent = by_pk.get(parent[0].parent_id)
        return False

    out = []
    for indicator, depth, assessment in rows:
        if assessment.result is None and under_evaluated(indicator):
            out.append((indicator, depth, replace(assessment, status="", percent=None)))
            continue
        out.append((indicator, depth, status_of(indicator, assessment)))
    return out


def count(rows):
    """({status: n}, total) over the counted rows of [(indicator, depth, assessment)]."""
    counts, total = {}, 0
    for indicator, _depth, assessment in rows:
        if not is_counted(indicator):
            continue
        total += 1
        counts[assessment.status] = counts.get(assessment.status, 0) + 1
    return counts, total


def rolled_up_statuses(indicators, period):
    """{parent pk: status} for the counted indicators of ``indicators`` (a PlanIndicator queryset)
    that have no result of their own for ``period`` but have sub-items: the roll-up of the
    sub-items' statuses as :func:`settle_tree` gives them, at any depth (a sub-item with a result
    of its own is evaluated on it, final figure preferred over an estimate; one without takes the
    roll-up of its own sub-items, or "no_data" when it has none). For the pages that count stored
    results in SQL (the dashboard, results_missing, the comparison), so a parent whose results
    exist only on its sub-items counts as the documents show it. Two queries per level of
    sub-items, reading only the subtrees of those parents."""
    own = Result.objects.filter(indicator=OuterRef("pk"), period=period)
    # "parent__isnull=False" says nothing new to the database, but lets PostgreSQL read only the sub-items
    # from the parent index instead of every indicator's NULL (24 ms for a country's 132,840).
    sub_items = PlanIndicator.objects.filter(parent__isnull=False, parent=OuterRef("pk"))
    parents = indicators.filter(COUNTED_INDICATORS).exclude(Exists(own)).filter(Exists(sub_items)).order_by()
    pairs, picked, level = [], {}, parents.values("pk")
    while True:
        rows = list(PlanIndicator.objects.filter(parent__in=level).order_by()
                    .annotate(nests=Exists(PlanIndicator.objects.filter(parent=OuterRef("pk"))))
                    .values_list("pk", "parent_id", "nests"))
        if not rows:
            break
        pairs += [(pk, parent) for pk, parent, _nests in rows]
        for indicator_id, status in (Result.objects.filter(indicator__parent__in=level, period=period)
                                     .order_by("is_estimate").values_list("indicator_id", "status")):
            picked.setdefault(indicator_id, status)   # the final figure comes first
        if not any(nests for _pk, _parent, nests in rows):
            break
        level = PlanIndicator.objects.filter(parent__in=level).values("pk")
    children = children_map(pairs, parent=itemgetter(1))

    def status(pk):
        if pk in picked:
            return picked[pk]
        kids = children.get(pk)
        return roll_up(status(kid) for kid, _parent in kids) if kids else EvaluationStatus.NO_DATA

    roots = {parent for _pk, parent in pairs} - {pk for pk, _parent in pairs}
    return {parent: status(parent) for parent in roots}
