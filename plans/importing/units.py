"""The unit a plan document names, found in the unit tree by name and parents (2025 communes included)."""

import unicodedata

from core.plan_text import fold
from units.models import COMMUNE_LEVEL, Unit


class UnitNotFound(Exception):
    """The document names a unit the tree does not hold (or names none); the message says what was read."""


def _candidates(name):
    last = name.split()[-1]
    rows = Unit.objects.filter(kind__in=COMMUNE_LEVEL, name__icontains=last)
    wanted = fold(name)
    return [u for u in rows if fold(u.name) == wanted]


def resolve_unit(hint, *, year=None, text=""):
    """The Unit for the reader's ``hint`` ({"name", "kind", "ancestors"}); ``text`` (the document)
    breaks ties by the parents it names. Raises UnitNotFound."""
    name = unicodedata.normalize("NFC", hint.get("name") or "")
    if not name:
        raise UnitNotFound("Không đọc được tên phường/xã trong văn bản (ví dụ “UBND PHƯỜNG MỸ PHÚ”): "
                           "hãy chọn đơn vị rồi nhập lại.")
    found = _candidates(name)
    if year is not None and len(found) > 1:
        valid = [u for u in found if Unit.objects.valid_in(year).filter(pk=u.pk).exists()]
        found = valid or found
    if len(found) > 1:
        folded = fold(text + " " + " ".join(a["name"] for a in hint.get("ancestors", [])))
        scored = [(sum(1 for a in u.ancestors() if fold(a.short_name) in folded), u) for u in found]
        best = max(score for score, _ in scored)
        found = [u for score, u in scored if score == best]
    if not found:
        raise UnitNotFound(f"Văn bản ghi đơn vị “{name}” nhưng không có đơn vị này trong cây đơn vị hành chính "
                           "(kể cả các xã, phường sau sắp xếp năm 2025).")
    if len(found) > 1:
        places = "; ".join(", ".join(a.name for a in reversed(u.ancestors())) for u in found)
        raise UnitNotFound(f"Có {len(found)} đơn vị tên “{name}” ({places}): văn bản không ghi rõ thuộc đâu.")
    return found[0]


def unit_spec(unit, departments=()):
    """The ``unit`` part of a kehoach.plan/1 document for an existing unit."""
    def ref(u):
        return {"code": u.code, "name": u.name, "kind": u.kind,
                "valid_to": u.valid_to.isoformat() if u.valid_to else None}

    return {**ref(unit), "ancestors": [ref(a) for a in unit.ancestors()], "children": [],
            "departments": [{"name": d, "short_name": ""} for d in dict.fromkeys(departments) if d]}
