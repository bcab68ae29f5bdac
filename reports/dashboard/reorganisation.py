"""A province's figures before and after the 2025 reorganisation, on the current units.

For one catalogue indicator, each current commune of a (new) province gets the yearly figure of a
year before the reorganisation, combined from the old communes it was formed from
(core.aggregate: sums add, rates pool numerators and denominators, "count met" counts), next to
its own figure of a year after. The province's totals combine every old commune that became part
of it (a divided commune counts whole when all its parts stayed in the province) and every current
commune. Only the plans the person may read count (units.scoping). At most five queries
whatever the size.
"""

from dataclasses import dataclass

from core.aggregate import combine
from indicators.models import Result
from plans.carryover import baseline_of, source_of, yearly_figures
from units.models import Unit, UnitSuccession


@dataclass(frozen=True)
class Row:
    unit: Unit
    before: object  # core.aggregate.Combined
    before_text: str
    after: object
    after_text: str


def _figure(rule, sources, unit_of_measure):
    combined = combine(rule, sources, unit_of_measure=unit_of_measure)
    return combined, baseline_of(combined, unit_of_measure)[0]


def _own(rule, source, unit_of_measure):
    """A unit's own figure: its value as it stands (a rate without numerator and denominator too)."""
    if rule != "rate" or source.missing or (source.numerator is not None and source.denominator is not None):
        return _figure(rule, [source], unit_of_measure)
    combined = combine("sum", [source])
    return combined, baseline_of(combined, unit_of_measure)[0] + (unit_of_measure if combined.combinable else "")


def before_and_after(province, catalog, user, *, before, after):
    """(rows, totals) for the current communes of ``province``: ``before`` (a year before the
    reorganisation) carried from their predecessors, ``after`` their own. ``totals`` is a Row
    whose unit is the province."""
    rule, unit_of_measure = catalog.aggregation, catalog.unit_of_measure
    communes = list(Unit.objects.current().commune_level().filter(parent=province).order_by("name"))
    links = list(UnitSuccession.objects.filter(successor__parent=province, successor__valid_to__isnull=True)
                 .select_related("predecessor").order_by("predecessor__name"))
    divided = {link.predecessor_id for link in links if link.divided}
    leaving = set(UnitSuccession.objects.filter(predecessor_id__in=divided).exclude(successor__parent=province)
                  .values_list("predecessor_id", flat=True)) if divided else set()
    old = yearly_figures(Result.objects.filter(
        indicator__catalog=catalog, indicator__plan__year=before,
        indicator__plan__unit__succession_links__successor__parent=province), user)
    new = yearly_figures(Result.objects.filter(
        indicator__catalog=catalog, indicator__plan__year=after, indicator__plan__unit__parent=province), user)

    by_successor = {}
    for link in links:
        by_successor.setdefault(link.successor_id, []).append(
            source_of(link.predecessor, old.get((link.predecessor_id, catalog.pk)), divided=link.divided))
    rows = []
    for unit in communes:
        carried, carried_text = _figure(rule, by_successor.get(unit.pk, []), unit_of_measure)
        own, own_text = _own(rule, source_of(unit, new.get((unit.pk, catalog.pk))), unit_of_measure)
        rows.append(Row(unit, carried, carried_text, own, own_text))

    predecessors = {link.predecessor_id: link for link in links}
    all_before = [source_of(link.predecessor, old.get((pk, catalog.pk)), divided=pk in leaving)
                  for pk, link in sorted(predecessors.items(), key=lambda item: item[1].predecessor.name)]
    all_after = [source_of(unit, new.get((unit.pk, catalog.pk))) for unit in communes]
    total_before, total_before_text = _figure(rule, all_before, unit_of_measure)
    total_after, total_after_text = _figure(rule, all_after, unit_of_measure)
    return rows, Row(province, total_before, total_before_text, total_after, total_after_text)
