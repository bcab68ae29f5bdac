"""Writes on units: the nationwide structure loader."""

import json
from datetime import date

from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat

from .models import Unit, UnitKind

REORGANISATION_DAY = date(2025, 7, 1)

PROVINCE_KINDS = {"tỉnh": UnitKind.PROVINCE, "thành phố trung ương": UnitKind.CITY}
COMMUNE_KINDS = {"phường": UnitKind.WARD, "xã": UnitKind.COMMUNE, "đặc khu": UnitKind.SPECIAL_ZONE,
                 "thị trấn": UnitKind.TOWNSHIP}


class UnitSourceMissing(Exception):
    pass


def read_current_divisions():
    """The nationwide structure since 1 July 2025 from the `vietnam-provinces` package."""
    try:
        import vietnam_provinces
    except ImportError as exc:
        raise UnitSourceMissing(
            "Chưa cài gói vietnam-provinces. Chạy `make setup` (hoặc `pip install vietnam-provinces`) rồi thử lại."
        ) from exc
    with open(vietnam_provinces.NESTED_DIVISIONS_JSON_PATH, encoding="utf-8") as fh:
        return json.load(fh)


class Upsert:
    """Creates or updates units level by level against what is already stored, writing only what
    differs (bulk_create / bulk_update). ``existing``: {code: unit}; ``adoptable``: units of the
    same period stored without a code (e.g. a seed plan's hand-made ward), by (parent id, name,
    kind), which receive their official code instead of a twin."""

    def __init__(self, existing, *, adoptable=None, **defaults):
        self.existing, self.adoptable, self.defaults = existing, adoptable or {}, defaults
        self.created = self.updated = 0

    def level(self, rows):
        """Upsert ``rows`` of (code, name, kind, parent) and return their units, in order."""
        units, new, changed = [], [], []
        for code, name, kind, parent in rows:
            parent_id = parent.pk if parent else None
            unit = self.existing.get(code) or self.adoptable.pop((parent_id, name, kind), None)
            if unit is None:
                unit = Unit(code=code, name=name, kind=kind, parent=parent, **self.defaults)
                new.append(unit)
            elif (unit.code, unit.name, unit.kind, unit.parent_id) != (code, name, kind, parent_id):
                unit.code, unit.name, unit.kind, unit.parent = code, name, kind, parent
                changed.append(unit)
            units.append(unit)
        self.created += len(new)
        self.updated += len(changed)
        _save(new, changed)
        return units


@transaction.atomic
def load_current_units(divisions):
    """Create or update the 34 provinces and every commune-level unit; idempotent.

    Side effects: inserts missing units, renames/re-kinds changed ones, sets paths.
    Returns (provinces, communes, created, updated).
    """
    upsert = Upsert({u.code: u for u in Unit.objects.filter(code__isnull=False, valid_to__isnull=True)},
                    valid_from=REORGANISATION_DAY)
    provinces = upsert.level([(f"{p['code']:02d}", p["name"], PROVINCE_KINDS[p["division_type"]], None)
                              for p in divisions])
    communes = upsert.level([(f"{w['code']:05d}", w["name"], COMMUNE_KINDS[w["division_type"]], province)
                             for province, p in zip(provinces, divisions, strict=True) for w in p["wards"]])
    return len(provinces), len(communes), upsert.created, upsert.updated


def _save(new, changed):
    """Insert ``new`` and update ``changed`` units, then set the paths of both in one UPDATE (from
    the parent's path, already set: levels are saved from the top down)."""
    for unit in changed:
        unit.path = ""
    Unit.objects.bulk_create(new, batch_size=1000)
    Unit.objects.bulk_update(changed, ["code", "name", "kind", "parent", "path"], batch_size=1000)
    if new or changed:
        parent = Unit.objects.filter(pk=OuterRef("parent_id"))
        Unit.objects.filter(path="").update(
            path=Concat(Coalesce(Subquery(parent.values("path")[:1]), Value("/")), Cast("pk", CharField()),
                        Value("/")),
            depth=Coalesce(Subquery(parent.values("depth")[:1]) + 1, 0))
