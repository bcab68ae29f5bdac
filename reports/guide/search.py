"""One search box for units, plans and indicators, matching without diacritics ("my phu" finds
"Phường Mỹ Phú"), scoped like every other read (units.scoping).

Every folded word of the query must occur in the folded name, matched in the database against the
stored folded copies (units.folding.matching, kept on save and by migration), so a nationwide
superuser's search reads LIMIT rows of a kind, not every name.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from indicators.models import PlanIndicator
from plans.models import Plan
from units.folding import matching, query_words
from units.scoping import scoped, visible_units

LIMIT = 20


def search_all(user, query):
    """{"units": [...], "plans": [...], "indicators": [...]} for ``query`` within what ``user``
    may read; each a list of dicts of plain values, at most LIMIT each."""
    if not query_words(query):
        return {"units": [], "plans": [], "indicators": []}
    units = list(matching(visible_units(user), query, "name_folded").order_by("depth", "name")
                 .values("pk", "name", "parent__name")[:LIMIT])
    plans = list(matching(scoped(Plan.objects.all(), user), query, "unit__name_folded", "year", "title_folded")
                 .order_by("-year", "unit__name", "-revision")
                 .values("pk", "year", "title", "revision", "status", "unit__name")[:LIMIT])
    newest = {}
    for row in (scoped(Plan.objects.all(), user).filter(unit_id__in=[u["pk"] for u in units])
                .values("unit_id", "pk").order_by("unit_id", "-year", "-revision")):
        newest.setdefault(row["unit_id"], row["pk"])
    for unit in units:
        unit["plan_pk"] = newest.get(unit["pk"])
    indicators = list(matching(scoped(PlanIndicator.objects.all(), user), query, "name_folded")
                      .order_by("-plan__year", "plan__unit__name", "order")
                      .values("pk", "name", "plan_id", "plan__year", "plan__unit__name")[:LIMIT])
    return {"units": units, "plans": plans, "indicators": indicators}


@login_required
def search(request):
    query = (request.GET.get("q") or "").strip()[:100]
    found = search_all(request.user, query) if query else None
    return render(request, "search.html", {"q": query, "found": found})
