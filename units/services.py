"""Writes on units: the nationwide structure loader, and the departments a ward keeps."""

import json
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Coalesce, Concat

from . import audit
from .models import Department, Unit, UnitKind
from .ordering import next_order, swap

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


# --- the ward's departments ----------------------------------------------------------------

DEPARTMENT_FIELDS = ["name", "short_name"]


@transaction.atomic
def save_department(unit, *, values, by, department=None):
    """Add a department to ``unit`` (last in order) or rename ``department``.

    ``values`` holds name and short_name. Side effects: one INSERT or UPDATE of a Department with
    its history row and audit reason. Raises ValidationError on ``name`` when it is empty or the
    unit already has a department of that name.
    """
    name = " ".join((values.get("name") or "").split())
    if not name:
        raise ValidationError({"name": "Nhập tên bộ phận."})
    same = Department.objects.filter(unit=unit, name__iexact=name)
    if department is not None:
        same = same.exclude(pk=department.pk)
    if same.exists():
        raise ValidationError({"name": f"{unit.name} đã có bộ phận “{name}”."})
    if department is None:
        department = Department(unit=unit, order=next_order(Department.objects.filter(unit=unit)))
    action = "Thêm bộ phận" if department.pk is None else "Sửa bộ phận"
    old = department.name
    department.name = name
    department.short_name = (values.get("short_name") or "").strip()
    department._history_user = by
    department.save()
    audit.record(department, action, by=by, old=old or None, new=name)
    return department


@transaction.atomic
def move_department(department, *, up, by):
    """Swap ``department`` with its previous (``up``) or next one in the unit's list. Side effects:
    UPDATEs of the orders (renumbered 1..n)."""
    swap(Department.objects.filter(unit_id=department.unit_id), department, up=up)


@transaction.atomic
def set_department_active(department, *, active, by):
    """Deactivate ``department`` (its tasks keep it; new tasks cannot pick it) or bring it back.
    Side effects: one UPDATE with its history row and audit reason."""
    if department.active == active:
        return department
    department.active = active
    department._history_user = by
    department.save(update_fields=["active"])
    audit.record(department, "Dùng lại bộ phận" if active else "Ngừng dùng bộ phận", by=by,
                 reason=department.name)
    return department
