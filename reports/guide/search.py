"""One search box for units, plans and indicators, matching without diacritics ("my phu" finds
"Phường Mỹ Phú"), scoped like every other read (units.scoping).

The match is Python-side over scoped querysets read as plain tuples: every folded word of the
query must occur in the folded name (core.matching.fold). At ward and province scale this is a
few thousand short strings; reading stops once LIMIT matches of a kind are found.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core.matching import fold
from indicators.models import PlanIndicator
from plans.models import Plan
from units.scoping import scoped, visible_units

LIMIT = 20


def _matches(words, text):
    folded = fold(text)
    return all(word in folded for word in words)


def _first(rows, words, text_of):
    found = []
    for row in rows:
        if _matches(words, text_of(row)):
            found.append(row)
            if len(found) >= LIMIT:
                break
    return found


def search_all(user, query):
    """{"units": [...], "plans": [...], "indicators": [...]} for ``query`` within what ``user``
    may read; each a list of dicts of plain values, at most LIMIT each."""
    words = fold(query).split()
    if not words:
        return {"units": [], "plans": [], "indicators": []}
    units = _first(visible_units(user).order_by("depth", "name").values("pk", "name", "parent__name").iterator(),
                   words, lambda u: u["name"])
    plans = _first(scoped(Plan.objects.all(), user).order_by("-year", "unit__name", "-revision")
                   .values("pk", "year", "title", "revision", "status", "unit__name").iterator(),
                   words, lambda p: f"{p['unit__name']} {p['year']} {p['title']}")
    newest = {}
    for row in scoped(Plan.objects.all(), user).values("unit_id", "pk").order_by("unit_id", "-year", "-revision"):
        newest.setdefault(row["unit_id"], row["pk"])
    for unit in units:
        unit["plan_pk"] = newest.get(unit["pk"])
    indicators = _first(scoped(PlanIndicator.objects.all(), user).order_by("-plan__year", "plan__unit__name", "order")
                        .values("pk", "name", "plan_id", "plan__year", "plan__unit__name").iterator(),
                        words, lambda i: i["name"])
    return {"units": units, "plans": plans, "indicators": indicators}


@login_required
def search(request):
    query = (request.GET.get("q") or "").strip()[:100]
    found = search_all(request.user, query) if query else None
    return render(request, "search.html", {"q": query, "found": found})
