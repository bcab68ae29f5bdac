"""Links of plan indicators to the catalogue: suggestions (core.matching) and their confirmation."""

from django.db import transaction

from core.matching import Matcher
from indicators.models import Aggregation, CatalogIndicator, PlanIndicator
from units.models import RoleKind
from units.scoping import scoped

SHOWN = 200  # suggestions computed per page view: names are compared in Python


def linkable_indicators(user):
    """Unlinked plan indicators of the units the user administers; None when they administer none.

    A catalogue link is analysis metadata (which indicators compare across units): it may be set on
    an issued plan too, whose frozen document it does not change."""
    qs = scoped(PlanIndicator.objects.filter(catalog__isnull=True), user, roles={RoleKind.ADMIN})
    if not user.is_superuser and not user.unit_roles.filter(role=RoleKind.ADMIN).exists():
        return None
    return qs


def _catalog():
    return [(c.code, c.name, c.unit_of_measure) for c in CatalogIndicator.objects.order_by("code")]


def suggestions_for(indicators, *, limit=SHOWN):
    """[(indicator, [Suggestion])] for the first ``limit`` unlinked indicators that have a suggestion."""
    matcher = Matcher(_catalog())
    rows = []
    qs = indicators.select_related("plan__unit").order_by("-plan__year", "plan__unit__name", "order", "pk")
    for indicator in qs[: limit * 5]:
        found = matcher.suggest(indicator.name, plan_unit=indicator.unit_of_measure or indicator.target_unit)
        if found:
            rows.append((indicator, found))
        if len(rows) >= limit:
            break
    return rows


@transaction.atomic
def confirm_links(indicators, choices, *, by):
    """Link each "<indicator pk>:<catalogue code>" in ``choices`` (only among ``indicators``).

    Side effects: sets ``catalog`` (and ``aggregation`` when it was "none") through ``save()``, which
    writes the indicator's history row. Returns the number linked.
    """
    wanted = {}
    for choice in choices:
        pk, _, code = str(choice).partition(":")
        if pk.isdigit() and code:
            wanted[int(pk)] = code
    catalog = {c.code: c for c in CatalogIndicator.objects.filter(code__in=set(wanted.values()))}
    count = 0
    for indicator in indicators.filter(pk__in=wanted):
        entry = catalog.get(wanted[indicator.pk])
        if entry is None:
            continue
        indicator.catalog = entry
        if indicator.aggregation == Aggregation.NONE:
            indicator.aggregation = entry.aggregation
        indicator._change_reason = f"Liên kết danh mục ({by})"
        indicator.save(update_fields=["catalog", "aggregation"])
        count += 1
    return count
