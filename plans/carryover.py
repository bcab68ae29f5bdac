"""Baselines carried across the 2025 reorganisation: a new commune's plan offered, for each
catalogue indicator, its predecessors' latest yearly figures combined by the catalogue's rule
(core.aggregate), with the sources; the editor accepts one into the indicator's baseline.

Only results the person may read count (units.scoping: a role on the new commune reads its
predecessors). A predecessor's latest figure is the yearly result ("y") of its latest plan year
before the new plan's year, from the issued plan before a draft, the highest revision, the final
figure before an estimate.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError

from core.aggregate import COUNT_MET, RATE, RATE_SCALE, SUM, Combined, Source, combine
from core.vnformat import format_number
from indicators.models import PlanIndicator, Result
from indicators.services import require_draft, set_baseline
from units.models import UnitSuccession
from units.scoping import scoped

from .models import PlanStatus

MET = frozenset({"met", "exceeded"})
UNJUDGED = frozenset({"no_data", "in_progress"})
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Carried:
    """One indicator's carried baseline: ``text``/``value`` to store (empty when not combinable)."""

    indicator: PlanIndicator
    combined: Combined
    text: str
    value: Decimal | None

    @property
    def sources(self):
        return self.combined.sources

    @property
    def combinable(self):
        return self.combined.combinable


def predecessor_links(unit):
    """The units ``unit`` was formed from, with the link (divided, default): one query."""
    return list(UnitSuccession.objects.filter(successor_id=unit.pk).select_related("predecessor")
                .order_by("predecessor__name", "predecessor__code"))


def yearly_figures(results, user):
    """{(unit pk, catalogue pk): result row} of the yearly ("y") figure of each unit in ``results``
    (a Result queryset, narrowed here to what ``user`` may read) from its latest plan year, the
    issued plan before a draft, the highest revision, the final figure before an estimate: one
    query."""
    rows = scoped(results.filter(period="y"), user).values(
        "indicator__plan__unit_id", "indicator__catalog_id", "indicator__plan_id", "indicator__plan__year",
        "indicator__plan__revision", "indicator__plan__status", "is_estimate", "value", "numerator",
        "denominator", "status")
    best = {}
    for row in rows:
        key = (row["indicator__plan__unit_id"], row["indicator__catalog_id"])
        rank = (row["indicator__plan__year"], row["indicator__plan__status"] == PlanStatus.ISSUED,
                row["indicator__plan__revision"], not row["is_estimate"])
        if key not in best or rank > best[key][0]:
            best[key] = (rank, row)
    return {key: row for key, (_, row) in best.items()}


def source_of(unit, row, *, divided=False):
    """The core.aggregate Source of ``unit``'s figure ``row`` (from yearly_figures; None: missing).
    ``ref`` is the plan's id, or the unit's when there is no figure."""
    if row is None:
        return Source(unit=unit.name, divided=divided, missing=True, ref=unit.pk)
    met = None if row["status"] in UNJUDGED else row["status"] in MET
    return Source(unit=unit.name, year=row["indicator__plan__year"], value=row["value"], numerator=row["numerator"],
                  denominator=row["denominator"], met=met, divided=divided, ref=row["indicator__plan_id"])


def baseline_of(combined, unit_of_measure):
    """(baseline_text, baseline_value) of a combinable figure, written the Vietnamese way."""
    if not combined.combinable:
        return "", None
    if combined.rule == RATE:
        value = combined.value.quantize(CENT)
        mark = unit_of_measure if unit_of_measure in RATE_SCALE else "%"
        return f"{format_number(value)}{mark}", value
    if combined.rule == COUNT_MET:
        return f"{format_number(combined.value)}/{format_number(combined.denominator)} đơn vị đạt", combined.value
    assert combined.rule == SUM
    return format_number(combined.value), combined.value


def carried_baselines(plan, user, *, indicators=None):
    """[Carried] for each catalogue-linked indicator of ``plan`` (or of ``indicators``) when its
    unit was formed from older units; [] otherwise. Three queries whatever the number of
    indicators and predecessors."""
    links = predecessor_links(plan.unit)
    if not links:
        return []
    if indicators is None:
        indicators = PlanIndicator.objects.filter(plan=plan, catalog__isnull=False).order_by(
            "plan_sector__order", "plan_sector_id", "order", "pk")
    indicators = [i for i in indicators.select_related("catalog") if i.catalog_id]
    figures = yearly_figures(Result.objects.filter(
        indicator__catalog_id__in={i.catalog_id for i in indicators}, indicator__plan__year__lt=plan.year,
        indicator__plan__unit_id__in=[link.predecessor_id for link in links]), user)
    carried = []
    for indicator in indicators:
        unit_of_measure = indicator.catalog.unit_of_measure or indicator.target_unit or indicator.unit_of_measure
        sources = [source_of(link.predecessor, figures.get((link.predecessor_id, indicator.catalog_id)),
                             divided=link.divided) for link in links]
        combined = combine(indicator.catalog.aggregation, sources, unit_of_measure=unit_of_measure)
        carried.append(Carried(indicator, combined, *baseline_of(combined, unit_of_measure)))
    return carried


def accept_carried_baseline(indicator, *, user, by):
    """Store the baseline carried from the predecessors into ``indicator`` (of a draft plan),
    computed again here from what ``user`` may read, never taken from the request.

    Side effects: through indicators.services.set_baseline, one UPDATE of the PlanIndicator
    (history row) and its audit row naming the old and new baseline and the sources. Raises
    ValidationError (Vietnamese) when the plan is issued, the indicator has no catalogue link or
    its figure is not combinable.
    """
    require_draft(indicator.plan)
    found = carried_baselines(indicator.plan, user, indicators=PlanIndicator.objects.filter(pk=indicator.pk))
    if not found:
        raise ValidationError("Chỉ tiêu này không có số liệu kế thừa từ đơn vị cũ.", code="no_lineage")
    carried = found[0]
    if not carried.combinable:
        raise ValidationError(f"Không gộp được số liệu: {carried.combined.reason}", code="not_combinable")
    return set_baseline(indicator, text=carried.text, value=carried.value, by=by,
                        action="Kết quả năm trước từ đơn vị cũ", reason=", ".join(s.unit for s in carried.sources))
