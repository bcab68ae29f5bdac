"""A unit's history across the 2025 reorganisation: what it was formed from, what it became.

Reads only (selectors); the command ``unit_history`` and the unit page print what these return.
"""

from .models import Unit, UnitSuccession


def path_ids(unit):
    return [int(part) for part in unit.path.strip("/").split("/") if part]


def ancestors_of(units):
    """{unit pk: [ancestors from the top down]} for many units in one query."""
    wanted = {pk for unit in units for pk in path_ids(unit)[:-1]}
    by_id = {u.pk: u for u in Unit.objects.filter(pk__in=wanted)}
    return {unit.pk: [by_id[pk] for pk in path_ids(unit)[:-1] if pk in by_id] for unit in units}


def links_of(unit):
    """(predecessor links, successor links) of ``unit``, each with its other unit loaded: two queries."""
    before = list(UnitSuccession.objects.filter(successor=unit).select_related("predecessor")
                  .order_by("predecessor__name", "predecessor__code"))
    after = list(UnitSuccession.objects.filter(predecessor=unit).select_related("successor")
                 .order_by("-is_default", "successor__name"))
    return before, after


def _ref(unit, parents):
    return {"name": unit.name, "code": unit.code, "kind": unit.kind,
            "parents": [{"name": p.name, "code": p.code, "kind": p.kind} for p in parents]}


def _day(day):
    return day.isoformat() if day else None


def history(unit):
    """The unit, its predecessors and its successors as plain data (the JSON of ``unit_history``):
    four queries."""
    before, after = links_of(unit)
    others = [link.predecessor for link in before] + [link.successor for link in after]
    parents = ancestors_of([unit, *others])
    return {
        "unit": {**_ref(unit, parents[unit.pk]), "valid_from": _day(unit.valid_from),
                 "valid_to": _day(unit.valid_to)},
        "predecessors": [{**_ref(link.predecessor, parents[link.predecessor_id]), "divided": link.divided,
                          "is_default": link.is_default} for link in before],
        "successors": [{**_ref(link.successor, parents[link.successor_id]), "divided": link.divided,
                        "is_default": link.is_default} for link in after],
    }


def find_units(query, *, period=None):
    """Units whose code or name is ``query``; "Phường Mỹ Phú, Thành phố Cao Lãnh" narrows by the
    names of ancestors (any level), "Mỹ Phú" finds the name without its kind. ``period``: "old"
    (ended on the reorganisation) or "current"."""
    name, *above = [part.strip() for part in query.split(",") if part.strip()] or [""]
    units = Unit.objects.all()
    if period == "current":
        units = units.current()
    elif period == "old":
        units = units.filter(valid_to__isnull=False)
    found = list(units.filter(code=name)) or list(units.filter(name__iexact=name))
    if not found:
        found = [u for u in units.filter(name__iendswith=" " + name) if u.short_name.casefold() == name.casefold()]
    if above:
        parents = ancestors_of(found)
        wanted = [a.casefold() for a in above]
        found = [u for u in found if all(any(_names(p.name, w) for p in parents[u.pk]) for w in wanted)]
    return sorted(found, key=lambda u: (u.valid_to is not None, u.name, u.code or ""))


def _names(name, part):
    """Whether ``part`` names ``name``: in full or its last words ("Cao Lãnh", "Thành phố Cao Lãnh")."""
    name = name.casefold()
    return name == part or name.endswith(" " + part)


def describe(unit, parents):
    """"Phường Mỹ Phú (29888) – Thành phố Cao Lãnh, Tỉnh Đồng Tháp – đến 30/06/2025"."""
    text = unit.name + (f" ({unit.code})" if unit.code else "")
    if parents:
        text += " – " + ", ".join(p.name for p in reversed(parents))
    if unit.valid_to:
        text += f" – đến {unit.valid_to:%d/%m/%Y}"
    elif unit.valid_from:
        text += f" – từ {unit.valid_from:%d/%m/%Y}"
    return text
