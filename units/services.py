"""Writes on units: the nationwide structure loader, and the departments a ward keeps."""

import json
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

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


@transaction.atomic
def load_current_units(divisions):
    """Create or update the 34 provinces and every commune-level unit; idempotent.

    Side effects: inserts missing units, renames/re-kinds changed ones, sets paths.
    Returns (provinces, communes, created, updated).
    """
    existing = {u.code: u for u in Unit.objects.filter(code__isnull=False, valid_to__isnull=True)}
    created = updated = 0

    def upsert(code, name, kind, parent):
        nonlocal created, updated
        unit = existing.get(code)
        if unit is None:
            created += 1
            return Unit(code=code, name=name, kind=kind, parent=parent, valid_from=REORGANISATION_DAY), True
        if (unit.name, unit.kind, unit.parent_id) != (name, kind, parent.pk if parent else None):
            unit.name, unit.kind, unit.parent = name, kind, parent
            updated += 1
            return unit, "changed"
        return unit, False

    provinces, new, changed = [], [], []
    for p in divisions:
        unit, state = upsert(f"{p['code']:02d}", p["name"], PROVINCE_KINDS[p["division_type"]], None)
        provinces.append((unit, p))
        (new if state is True else changed if state else []).append(unit)
    _save(new, changed)

    new, changed, communes = [], [], 0
    for province, p in provinces:
        for w in p["wards"]:
            unit, state = upsert(f"{w['code']:05d}", w["name"], COMMUNE_KINDS[w["division_type"]], province)
            communes += 1
            (new if state is True else changed if state else []).append(unit)
    _save(new, changed)
    return len(provinces), communes, created, updated


def _save(new, changed):
    if new:
        Unit.objects.bulk_create(new, batch_size=1000)
        if any(u.pk is None for u in new):  # backends that do not return ids
            by_code = dict(Unit.objects.filter(code__in=[u.code for u in new]).values_list("code", "pk"))
            for u in new:
                u.pk = by_code[u.code]
    if changed:
        Unit.objects.bulk_update(changed, ["name", "kind", "parent"], batch_size=1000)
    touched = new + changed
    if touched:
        parent_ids = {u.parent_id for u in touched if u.parent_id}
        paths = dict(Unit.objects.filter(pk__in=parent_ids).values_list("pk", "path"))
        for u in touched:
            parent_path = paths.get(u.parent_id, "/") if u.parent_id else "/"
            u.path = f"{parent_path}{u.pk}/"
            u.depth = parent_path.count("/") - 1
        Unit.objects.bulk_update(touched, ["path", "depth"], batch_size=1000)


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
