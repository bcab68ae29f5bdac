"""The plan interchange format ``kehoach.plan/1``: validation, import and export.

The format is documented in README.md ("Plan interchange format"). ``validate`` returns
every problem as "path: message" (``sectors[0].indicators[3].target: ...``); ``import_plan``
writes a whole plan or nothing; ``export_plan`` gives back a document that imports into
the same plan. ``normalise`` fills defaults in, so ``export_plan(import_plan(d)) ==
normalise(d)``.
"""

import copy
import datetime
import json
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.db import transaction
from django.db.models import Prefetch
from simple_history.utils import bulk_create_with_history

from core.periods import PERIOD_CODES
from core.text import clean
from core.tree import nest
from core.vnformat import fits_columns
from indicators.models import (
    Aggregation,
    CatalogIndicator,
    PlanIndicator,
    PlanSector,
    Result,
    Sector,
)
from indicators.services import baseline_value, evaluate_results, set_target
from units.models import Department, Unit, UnitKind

from .models import Appendix, Plan, PlanStatus, Section, Task, TaskOrigin, TaskStatus

FORMAT = "kehoach.plan/1"
REQUIRED = object()


class PlanImportError(Exception):
    """A plan file that cannot be imported; ``errors`` holds every "path: message" line."""

    def __init__(self, errors):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


class PlanExistsError(PlanImportError):
    """The unit already has a plan for that year and revision."""


# --- checkers: each takes (value, path, errors) and returns the normalised value -------


def _join(path, key):
    return f"{path}.{key}" if path else str(key)


def _text(max_length=None, *, null=False):
    """A string; null is read as "" (or kept as None with ``null``, and "" becomes None)."""

    def check(value, path, errors):
        if value is None or (null and value == ""):
            return None if null else ""
        if not isinstance(value, str):
            errors.append(f"{path}: phải là chuỗi ký tự")
            return None if null else ""
        if max_length and len(value) > max_length:
            errors.append(f"{path}: dài quá {max_length} ký tự")
        return value

    return check


def _integer(low, high, *, null=False):
    def check(value, path, errors):
        if value is None and null:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            errors.append(f"{path}: phải là số nguyên")
        elif not low <= value <= high:
            errors.append(f"{path}: phải từ {low} đến {high}")
        return value

    return check


def _progress(value, path, errors):
    """A task's progress in percent, decimals kept ("94.79"), 0 to 100, or null."""
    text = _decimal(value, path, errors)
    if text is not None and not 0 <= Decimal(text) <= 100:
        errors.append(f"{path}: phải từ 0 đến 100")
    return text


def _boolean(value, path, errors):
    if not isinstance(value, bool):
        errors.append(f"{path}: phải là true hoặc false")
    return value


def _choice(values):
    def check(value, path, errors):
        if value not in values:
            errors.append(f"{path}: giá trị “{value}” không hợp lệ; chọn một trong: {', '.join(values)}")
        return value

    return check


def _date(value, path, errors):
    if value is None:
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            datetime.date.fromisoformat(value)
            return value
        except ValueError:
            pass
    errors.append(f"{path}: phải là ngày dạng YYYY-MM-DD (ví dụ 2024-01-31) hoặc null, không phải “{value}”")
    return None


def decimal_text(number):
    """A decimal as the format writes it: a string without trailing zeros ("261", "97.5")."""
    if number is None:
        return None
    text = format(Decimal(number).normalize(), "f")
    return "0" if text in ("-0", "") else text


def _decimal(value, path, errors):
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        errors.append(f"{path}: phải là số (ví dụ \"97.5\") hoặc null")
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        errors.append(f"{path}: “{value}” không phải là số; dùng dấu chấm thập phân, ví dụ \"97.5\"")
        return None
    if not fits_columns(number):
        errors.append(f"{path}: số quá lớn (tối đa 15 chữ số phần nguyên) hoặc quá 6 chữ số thập phân")
    return decimal_text(number)


def _strings(value, path, errors):
    if not isinstance(value, list):
        errors.append(f"{path}: phải là danh sách chuỗi ký tự")
        return []
    return [_text()(item, f"{path}[{i}]", errors) for i, item in enumerate(value)]


def _obj(spec):
    def check(value, path, errors):
        if not isinstance(value, dict):
            errors.append(f"{path or '(gốc)'}: phải là một đối tượng {{...}}")
            return None
        for key in value:
            if key not in spec:
                errors.append(f"{_join(path, key)}: khóa không có trong định dạng {FORMAT}")
        out = {}
        for key, (checker, default) in spec.items():
            where = _join(path, key)
            if key in value:
                out[key] = checker(value[key], where, errors)
            elif default is REQUIRED:
                errors.append(f"{where}: bắt buộc phải có")
                out[key] = None
            else:
                out[key] = copy.deepcopy(default)
        return out

    return check


def _many(spec):
    item = _obj(spec)

    def check(value, path, errors):
        if not isinstance(value, list):
            errors.append(f"{path}: phải là danh sách [...]")
            return []
        return [item(entry, f"{path}[{i}]", errors) for i, entry in enumerate(value)]

    return check


# --- the format ------------------------------------------------------------------------

UNIT_REF = {"code": (_text(20, null=True), None), "name": (_text(200), REQUIRED),
            "kind": (_choice(UnitKind.values), REQUIRED)}
DEPARTMENT = {"name": (_text(200), REQUIRED), "short_name": (_text(50), "")}
ANCESTOR = {**UNIT_REF, "valid_to": (_date, None)}
UNIT = {**UNIT_REF, "valid_to": (_date, None), "ancestors": (_many(ANCESTOR), []),
        "children": (_many(UNIT_REF), []), "departments": (_many(DEPARTMENT), [])}
SIGNER_DEFAULT = {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": ""}
SIGNER = {"authority": (_text(100), SIGNER_DEFAULT["authority"]),
          "title": (_text(100), SIGNER_DEFAULT["title"]), "name": (_text(100), "")}
PLAN = {
    "year": (_integer(1900, 2200), REQUIRED), "revision": (_integer(0, 1000), 0),
    "status": (_choice(PlanStatus.values), PlanStatus.DRAFT.value),
    "authority_parent": (_text(200), ""), "authority": (_text(200), ""), "number": (_text(20), ""),
    "symbol": (_text(40), "KH-UBND"), "place": (_text(100), ""), "issued_on": (_date, None),
    "date_text": (_text(100), ""), "doc_type": (_text(50), "KẾ HOẠCH"), "title": (_text(500), REQUIRED),
    "legal_bases": (_strings, []), "preamble": (_text(), ""), "recipients": (_strings, []),
    "signer": (_obj(SIGNER), SIGNER_DEFAULT), "appendix_title": (_text(300), ""),
    "monthly_report_day": (_integer(1, 31), 10),
    "appendices": (_strings, [Appendix.PHU_LUC.value]), "appendix_year": (_integer(1900, 2200, null=True), None),
}
SECTION = {"heading": (_text(500), ""), "body": (_text(), ""), "include_indicators": (_boolean, False)}
SECTION["children"] = (_many(SECTION), [])
RESULT = {"period": (_choice(PERIOD_CODES), REQUIRED), "value": (_decimal, None), "numerator": (_decimal, None),
          "denominator": (_decimal, None), "text": (_text(), ""), "estimate": (_boolean, False),
          "evaluation": (_text(200), ""), "cause": (_text(), "")}
INDICATOR = {
    "stt": (_text(20), ""), "name": (_text(), REQUIRED), "unit": (_text(50), ""), "target": (_text(500), ""),
    "baseline": (_text(300), ""), "note": (_text(), ""), "department": (_text(200, null=True), None),
    "catalog": (_text(60, null=True), None), "aggregation": (_choice(Aggregation.values), Aggregation.NONE.value),
    "in_main_list": (_boolean, True), "in_appendix": (_boolean, True), "results": (_many(RESULT), []),
}
INDICATOR["children"] = (_many(INDICATOR), [])
SECTOR = {"name": (_text(300), REQUIRED), "sector": (_text(40, null=True), None),
          "indicators": (_many(INDICATOR), [])}
TASK = {
    "stt": (_text(20), ""), "group": (_text(300), ""), "sector": (_text(40, null=True), None),
    "title": (_text(), REQUIRED), "description": (_text(), ""), "lead": (_text(200, null=True), None),
    "cooperating": (_strings, []), "due_date": (_date, None), "due_text": (_text(200), ""),
    "progress": (_progress, None), "result": (_text(), ""),
    "origin": (_choice(TaskOrigin.values), TaskOrigin.OWN.value),
    "status": (_choice(TaskStatus.values), TaskStatus.NOT_STARTED.value), "note": (_text(), ""),
}
DOCUMENT = {"format": (_text(), REQUIRED), "unit": (_obj(UNIT), REQUIRED), "plan": (_obj(PLAN), REQUIRED),
            "sections": (_many(SECTION), []), "sectors": (_many(SECTOR), []), "tasks": (_many(TASK), [])}


def _walk_indicators(items, path):
    """(path, indicator) for every indicator of a list and its sub-items, depth first."""
    for i, item in enumerate(items or []):
        if item:
            yield f"{path}[{i}]", item
            yield from _walk_indicators(item["children"], f"{path}[{i}].children")


def _check_references(doc, errors):
    unit = doc["unit"] or {}
    names = set()
    for i, dep in enumerate(unit.get("departments") or []):
        if dep and dep["name"] in names:
            errors.append(f"unit.departments[{i}].name: bộ phận “{dep['name']}” khai báo hai lần")
        names.add(dep and dep["name"])

    def department(name, path):
        if name is not None and name not in names:
            errors.append(f"{path}: bộ phận “{name}” không có trong unit.departments")

    sectors, catalog = [], []
    for i, group in enumerate(doc["sectors"]):
        if not group:
            continue
        sectors.append((f"sectors[{i}].sector", group["sector"]))
        for path, item in _walk_indicators(group["indicators"], f"sectors[{i}].indicators"):
            department(item["department"], f"{path}.department")
            catalog.append((f"{path}.catalog", item["catalog"]))
            seen = {}
            for j, result in enumerate(item["results"]):
                if not result:
                    continue
                key = (result["period"], result["estimate"])
                if key in seen:
                    errors.append(f"{path}.results[{j}]: kỳ “{key[0]}” đã có ở results[{seen[key]}]")
                seen[key] = j
    for i, task in enumerate(doc["tasks"]):
        if task:
            sectors.append((f"tasks[{i}].sector", task["sector"]))
            department(task["lead"], f"tasks[{i}].lead")
            for j, name in enumerate(task["cooperating"]):
                department(name, f"tasks[{i}].cooperating[{j}]")
    for model, refs, what in ((Sector, sectors, "lĩnh vực"), (CatalogIndicator, catalog, "chỉ tiêu danh mục")):
        codes = {code for _, code in refs if code}
        known = set(model.objects.filter(code__in=codes).values_list("code", flat=True))
        errors.extend(f"{path}: không có {what} mã “{code}”" for path, code in refs if code and code not in known)


def _clean(data):
    if not isinstance(data, dict):
        return None, ["(gốc): tài liệu phải là một đối tượng {...}"]
    if data.get("format") != FORMAT:
        got = f"nhận được “{data['format']}”" if "format" in data else "không có"
        return None, [f"format: phải là “{FORMAT}” ({got})"]
    errors = []
    doc = _obj(DOCUMENT)(data, "", errors)
    _check_references(doc, errors)
    if not errors and doc["unit"]["departments"]:
        # Many-to-many rows keep no order: cooperating departments follow the declared order.
        rank = {dep["name"]: i for i, dep in enumerate(doc["unit"]["departments"])}
        for task in doc["tasks"]:
            task["cooperating"] = sorted(dict.fromkeys(task["cooperating"]), key=rank.__getitem__)
    return doc, errors


def validate(data):
    """Every problem of a plan document, as "path: message" lines in Vietnamese (empty when valid)."""
    return _clean(data)[1]


def normalise(data):
    """The document with defaults filled in and decimals as strings; raises PlanImportError."""
    doc, errors = _clean(data)
    if errors:
        raise PlanImportError(errors)
    return doc


# --- import ----------------------------------------------------------------------------


def _same_name(a, b):
    def fold(s):
        return " ".join(unicodedata.normalize("NFC", s).casefold().split())

    return fold(a) == fold(b)


def _same_period(queryset, valid_to):
    """The one unit of ``queryset``, or when an old and a new unit share a name or code (the 2025
    reorganisation: Tỉnh Đồng Tháp before and after), the one ending on ``valid_to``."""
    units = list(queryset[:3])
    if len(units) > 1:
        units = [u for u in units if u.valid_to == _day(valid_to)] or units
    return units[0] if units else None


def _ensure_unit(spec, parent, path, *, valid_to=None):
    """The unit matching ``spec`` (by code when given, else by parent, name and kind; an official
    unit loaded by load_units is matched like any other), created if missing."""
    if spec["code"]:
        unit = _same_period(Unit.objects.filter(code=spec["code"]), valid_to)
        if unit:
            if unit.kind != spec["kind"] or not _same_name(unit.name, spec["name"]):
                raise PlanImportError([f"{path}.code: mã “{spec['code']}” đã là của đơn vị “{unit.name}”, "
                                       f"không phải “{spec['name']}”"])
            return unit
    unit = _same_period(Unit.objects.filter(parent=parent, name=spec["name"], kind=spec["kind"]), valid_to)
    if unit is None:
        return Unit.objects.create(code=spec["code"], name=spec["name"], kind=spec["kind"], parent=parent,
                                   valid_to=_day(valid_to))
    if spec["code"] and unit.code and unit.code != spec["code"]:
        raise PlanImportError([f"{path}.code: đơn vị “{unit.name}” đã có mã “{unit.code}”, "
                               f"không phải “{spec['code']}”"])
    if spec["code"] and not unit.code:
        unit.code = spec["code"]
        unit.save(update_fields=["code"])
    return unit


def _ensure_departments(unit, specs):
    existing = {dep.name: dep for dep in unit.departments.all()}
    new = [Department(unit=unit, name=s["name"], short_name=s["short_name"], order=i)
           for i, s in enumerate(specs) if s["name"] not in existing]
    Department.objects.bulk_create(new)
    return existing | {dep.name: dep for dep in new}


def _dec(text):
    return None if text is None else Decimal(text)


def _day(text):
    return None if text is None else datetime.date.fromisoformat(text)


def _create_sections(plan, specs):
    level = [(None, i, spec) for i, spec in enumerate(specs)]
    while level:
        rows = Section.objects.bulk_create([
            Section(plan=plan, parent=parent, order=i, heading=s["heading"], body=s["body"],
                    include_indicators=s["include_indicators"]) for parent, i, s in level])
        level = [(row, j, child) for row, (_, _, s) in zip(rows, level, strict=True)
                 for j, child in enumerate(s["children"])]


def _create_indicators(plan, groups, departments, by):
    sectors = {s.code: s for s in Sector.objects.filter(code__in={g["sector"] for g in groups})}
    catalog = {c.code: c for c in CatalogIndicator.objects.filter(
        code__in={item["catalog"] for _, item in _walk_indicators(
            [i for g in groups for i in g["indicators"]], "")})}
    plan_sectors = PlanSector.objects.bulk_create([
        PlanSector(plan=plan, sector=sectors.get(g["sector"]), name=g["name"], order=i)
        for i, g in enumerate(groups)])
    level = [(None, ps, i, spec) for ps, g in zip(plan_sectors, groups, strict=True)
             for i, spec in enumerate(g["indicators"])]
    results = []
    while level:
        rows = bulk_create_with_history([
            set_target(PlanIndicator(plan=plan, plan_sector=ps, parent=parent, order=i, stt=s["stt"],
                                     name=s["name"], unit_of_measure=s["unit"], baseline_text=s["baseline"],
                                     baseline_value=baseline_value(s["baseline"], s["name"]),
                                     note=s["note"], department=departments.get(s["department"]),
                                     catalog=catalog.get(s["catalog"]), aggregation=s["aggregation"],
                                     in_main_list=s["in_main_list"], in_appendix=s["in_appendix"]), s["target"])
            for parent, ps, i, s in level], PlanIndicator, default_user=by)
        for row, (_, _, _, s) in zip(rows, level, strict=True):
            results += [Result(indicator=row, period=r["period"], is_estimate=r["estimate"],
                               value=_dec(r["value"]), numerator=_dec(r["numerator"]),
                               denominator=_dec(r["denominator"]), text=r["text"],
                               evaluation_text=r["evaluation"], cause=r["cause"], updated_by=by)
                        for r in s["results"]]
        level = [(row, row.plan_sector, j, child) for row, (_, _, _, s) in zip(rows, level, strict=True)
                 for j, child in enumerate(s["children"])]
    if results:
        evaluate_results(results)
        bulk_create_with_history(results, Result, default_user=by)


def _create_tasks(plan, specs, departments, by):
    sectors = {s.code: s for s in Sector.objects.filter(code__in={t["sector"] for t in specs})}
    for i, s in enumerate(specs):
        task = Task(plan=plan, order=i, stt=s["stt"], group=s["group"], sector=sectors.get(s["sector"]),
                    title=s["title"], description=s["description"], lead=departments.get(s["lead"]),
                    due_date=_day(s["due_date"]), due_text=s["due_text"], progress=s["progress"],
                    result_text=s["result"], origin=s["origin"], status=s["status"], note=s["note"])
        task._history_user = by
        task.save()
        if s["cooperating"]:
            task.cooperating.set([departments[name] for name in s["cooperating"]])


def import_plan(data, *, by=None, replace=False):
    """Write the plan of a ``kehoach.plan/1`` document; all or nothing.

    Side effects: creates the unit, its missing ancestors, sub-units and departments; creates
    the plan with its sections, sectors, indicators (targets parsed), results and tasks, with
    history rows by ``by``. An existing plan of the same unit, year and revision is refused
    (PlanExistsError) unless ``replace``, which deletes it first in the same transaction.
    Raises PlanImportError with every problem found; nothing is written then.
    """
    doc = normalise(data)
    u, p = doc["unit"], doc["plan"]
    with transaction.atomic():
        parent = None
        for i, spec in enumerate(u["ancestors"]):
            parent = _ensure_unit(spec, parent, f"unit.ancestors[{i}]", valid_to=spec["valid_to"])
        unit = _ensure_unit(u, parent, "unit", valid_to=u["valid_to"])
        existing = Plan.objects.filter(unit=unit, year=p["year"], revision=p["revision"]).first()
        if existing and not replace:
            revision = f" (lần điều chỉnh {p['revision']})" if p["revision"] else ""
            raise PlanExistsError([f"Đơn vị {unit.name} đã có kế hoạch năm {p['year']}{revision}."])
        if existing:
            existing.delete()
        for i, child in enumerate(u["children"]):
            _ensure_unit(child, unit, f"unit.children[{i}]")
        departments = _ensure_departments(unit, u["departments"])
        signer = p["signer"]
        plan = Plan(unit=unit, **{k: v for k, v in p.items() if k not in ("signer", "issued_on")},
                    issued_on=_day(p["issued_on"]),
                    signer_authority=signer["authority"], signer_title=signer["title"], signer_name=signer["name"])
        plan._history_user = by
        plan.save()
        _create_sections(plan, doc["sections"])
        _create_indicators(plan, doc["sectors"], departments, by)
        _create_tasks(plan, doc["tasks"], departments, by)
    return plan


# --- export ----------------------------------------------------------------------------


def _unit_ref(unit):
    return {"code": unit.code, "name": unit.name, "kind": unit.kind}


def _export_indicator(row, children):
    return {
        "stt": row.stt, "name": row.name, "unit": row.unit_of_measure, "target": row.target_text,
        "baseline": row.baseline_text, "note": row.note, "department": row.department.name if row.department else None,
        "catalog": row.catalog.code if row.catalog else None, "aggregation": row.aggregation,
        "in_main_list": row.in_main_list, "in_appendix": row.in_appendix,
        "results": [{"period": r.period, "value": decimal_text(r.value), "numerator": decimal_text(r.numerator),
                     "denominator": decimal_text(r.denominator), "text": r.text, "estimate": r.is_estimate,
                     "evaluation": r.evaluation_text, "cause": r.cause} for r in row.results.all()],
        "children": children,
    }


def export_plan(plan):
    """The plan as a ``kehoach.plan/1`` document (a dict ready for JSON or YAML)."""
    unit = plan.unit
    departments = list(unit.departments.order_by("order", "name", "pk"))
    rank = {dep.pk: i for i, dep in enumerate(departments)}
    sections = nest(plan.sections.order_by("order", "pk"), lambda s, children: {
        "heading": s.heading, "body": s.body, "include_indicators": s.include_indicators, "children": children})
    indicators = list(plan.indicators.select_related("department", "catalog")
                      .prefetch_related(Prefetch("results", queryset=Result.objects.order_by("pk")))
                      .order_by("order", "pk"))
    tasks = plan.tasks.select_related("sector", "lead").prefetch_related("cooperating").order_by("order", "pk")
    return {
        "format": FORMAT,
        "unit": {**_unit_ref(unit), "valid_to": unit.valid_to.isoformat() if unit.valid_to else None,
                 "ancestors": [{**_unit_ref(a), "valid_to": a.valid_to.isoformat() if a.valid_to else None}
                               for a in unit.ancestors()],
                 "children": [_unit_ref(c) for c in unit.children.order_by("pk")],
                 "departments": [{"name": d.name, "short_name": d.short_name} for d in departments]},
        "plan": {
            "year": plan.year, "revision": plan.revision, "status": plan.status,
            "authority_parent": plan.authority_parent, "authority": plan.authority, "number": plan.number,
            "symbol": plan.symbol, "place": plan.place,
            "issued_on": plan.issued_on.isoformat() if plan.issued_on else None, "date_text": plan.date_text,
            "doc_type": plan.doc_type, "title": plan.title, "legal_bases": list(plan.legal_bases),
            "preamble": plan.preamble, "recipients": list(plan.recipients),
            "signer": {"authority": plan.signer_authority, "title": plan.signer_title, "name": plan.signer_name},
            "appendix_title": plan.appendix_title, "monthly_report_day": plan.monthly_report_day,
            "appendices": plan.appendices, "appendix_year": plan.appendix_year,
        },
        "sections": sections,
        "sectors": [{"name": ps.name, "sector": ps.sector.code if ps.sector else None,
                     "indicators": nest([i for i in indicators if i.plan_sector_id == ps.pk], _export_indicator)}
                    for ps in plan.plan_sectors.select_related("sector").order_by("order", "pk")],
        "tasks": [{
            "stt": t.stt, "group": t.group, "sector": t.sector.code if t.sector else None, "title": t.title,
            "description": t.description, "lead": t.lead.name if t.lead else None,
            "cooperating": [d.name for d in sorted(t.cooperating.all(), key=lambda d: rank.get(d.pk, len(rank)))],
            "due_date": t.due_date.isoformat() if t.due_date else None, "due_text": t.due_text,
            "progress": decimal_text(t.progress), "result": t.result_text, "origin": t.origin, "status": t.status, "note": t.note,
        } for t in tasks],
    }


# --- files -----------------------------------------------------------------------------


def _canonical(value):
    """Strings through core.text.clean (NFC, no invisible characters); dates as text (YAML reads
    2024-01-31 as a date; the format carries dates as text)."""
    if isinstance(value, dict):
        return {_canonical(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


class _AliasRefused(yaml.YAMLError):
    def __init__(self, mark):
        super().__init__("alias")
        self.problem_mark = mark


class _NoAliasLoader(yaml.SafeLoader):
    """SafeLoader without anchors' aliases (``*name``): a plan file never needs them, and a few
    hundred bytes of nested aliases ("billion laughs") expand to gigabytes."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefused(self.peek_event().start_mark)
        return super().compose_node(parent, index)


def load_plan_file(path):
    """The document in a JSON file, or YAML when the suffix is .yaml/.yml; raises PlanImportError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PlanImportError([f"{path}: không tìm thấy tệp"]) from None
    except UnicodeDecodeError:
        raise PlanImportError([f"{path}: tệp không phải văn bản UTF-8"]) from None
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            return _canonical(yaml.load(text, Loader=_NoAliasLoader))  # noqa: S506 - a safe loader
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
            where = f"dòng {mark.line + 1}, cột {mark.column + 1}: " if mark else ""
            what = ("YAML dùng bí danh (alias “*…”), tệp kế hoạch không được dùng bí danh"
                    if isinstance(exc, _AliasRefused) else "YAML không đúng cú pháp")
            raise PlanImportError([f"{path}: {where}{what}"]) from None
    try:
        return _canonical(json.loads(text))
    except json.JSONDecodeError as exc:
        raise PlanImportError([f"{path}: dòng {exc.lineno}, cột {exc.colno}: JSON không đúng cú pháp"]) from None


def dump_plan(doc, fmt="json"):
    """A document as JSON or YAML text, Vietnamese characters kept as they are."""
    if fmt == "yaml":
        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
