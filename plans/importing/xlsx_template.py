"""The Excel template of a plan's indicators, and the filled template read back.

One sheet "Chỉ tiêu": Mã (the indicator's number in the app: leave it; empty for a new row), Thuộc mã
(the parent's Mã for a sub-item), Lĩnh vực, STT, Chỉ tiêu, Đơn vị tính, Năm trước, Kế hoạch (as
written), Ghi chú, then one column per period for results. Reading back checks every cell and
names the bad ones by sheet, row and column; the changes (added, changed, removed indicators,
results per period) are previewed and then written all or nothing through indicators.services (indicators) and plans.reporting.save_result
(results).
A district's table of assigned targets (STT / Chỉ tiêu / Kế hoạch ..., no Mã column) is read by the
same upload: rows are matched to the plan's indicators by name, unmatched rows are added.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from core.periods import PERIOD_CODES, PERIOD_LABELS
from core.plan_tables import columns as table_columns
from core.plan_text import fold
from core.tree import depth_first
from indicators.forms import read_number
from indicators.models import PlanIndicator, PlanSector, Sector
from indicators.results import current_result, result_text
from indicators.services import delete_indicator, save_indicator
from plans.models import PlanStatus
from plans.reporting import save_result

from .safety import check_archive

SHEET = "Chỉ tiêu"
FIXED = [("id", "Mã (không sửa)"), ("parent", "Thuộc mã"), ("sector", "Lĩnh vực"), ("stt", "STT"),
         ("name", "Chỉ tiêu"), ("unit", "Đơn vị tính"), ("baseline", "Năm trước"),
         ("target", "Kế hoạch (như văn bản)"), ("note", "Ghi chú")]
FIELD_OF = {"stt": "stt", "name": "name", "unit": "unit_of_measure", "baseline": "baseline_text",
            "target": "target_text", "note": "note"}
MAX_ROWS = 2000


def _text(cell, value):
    cell.value = "" if value is None else str(value)
    cell.data_type = "s"  # never a formula, whatever the text starts with


def _result_text(result):
    if result is None:
        return ""
    return result_text(result)


def template_bytes(plan=None):
    """The .xlsx template of ``plan``'s indicators (a blank one when ``plan`` is None)."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    headers = [label for _, label in FIXED] + [f"Kết quả {PERIOD_LABELS[p]}" for p in PERIOD_CODES]
    bold, grey = Font(bold=True), PatternFill("solid", fgColor="DDDDDD")
    for c, label in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=c)
        _text(cell, label)
        cell.font, cell.fill = bold, grey
    sheet.freeze_panes = "E2"
    for c, width in enumerate([8, 8, 22, 6, 50, 12, 14, 24, 20], start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    if plan is None:
        for r, (sector, name) in enumerate([("Kinh tế", "Thu ngân sách nhà nước"),
                                            ("Văn hóa - Xã hội", "Tỷ lệ tham gia bảo hiểm y tế")], start=2):
            _text(sheet.cell(row=r, column=3), sector)
            _text(sheet.cell(row=r, column=5), name)
    else:
        indicators = list(PlanIndicator.objects.filter(plan=plan).select_related("plan_sector")
                          .prefetch_related("results").order_by("plan_sector__order", "order", "pk"))
        r = 2
        for ind, _depth in depth_first(indicators):
            results = {res.period: res for res in sorted(ind.results.all(), key=lambda x: x.is_estimate,
                                                         reverse=True)}
            values = [ind.pk, ind.parent_id or "", ind.plan_sector.name, ind.stt, ind.name, ind.unit_of_measure,
                      ind.baseline_text, ind.target_text, ind.note] + [_result_text(results.get(p))
                                                                       for p in PERIOD_CODES]
            for c, value in enumerate(values, start=1):
                _text(sheet.cell(row=r, column=c), value)
            r += 1
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class SheetChanges:
    added: list = field(default_factory=list)      # (row, values)
    changed: list = field(default_factory=list)    # (indicator, {field: (old, new)}, values)
    removed: list = field(default_factory=list)    # indicator
    results: list = field(default_factory=list)    # (indicator or row, period, old, new, values, label)
    errors: list = field(default_factory=list)

    @property
    def empty(self):
        return not (self.added or self.changed or self.removed or self.results)


def _where(row, col, label):
    return f"Trang “{SHEET}”, dòng {row}, cột {get_column_letter(col + 1)} ({label})"


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header(rows):
    """(header row index, {key: column}) for our template or a district's table of targets."""
    for i, row in enumerate(rows[:10]):
        labels = [_cell(v) for v in row]
        ours = {key: labels.index(label) for key, label in FIXED if label in labels}
        if "name" in ours and ("id" in ours or "target" in ours):
            ours |= {f"result:{p}": labels.index(f"Kết quả {PERIOD_LABELS[p]}") for p in PERIOD_CODES
                     if f"Kết quả {PERIOD_LABELS[p]}" in labels}
            return i, ours
        theirs = table_columns(labels)
        if "name" in theirs and "target" in theirs:
            return i, theirs
    return None, {}


def read_sheet(data, plan):
    """The changes a filled template (bytes) makes to ``plan``; errors name every bad cell."""
    changes = SheetChanges()
    check_archive(data, "xlsx")
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    if SHEET not in book.sheetnames and not book.sheetnames:
        changes.errors.append("Tệp không có trang tính nào.")
        return changes
    sheet = book[SHEET] if SHEET in book.sheetnames else book[book.sheetnames[0]]
    rows = [list(r) for _, r in zip(range(MAX_ROWS + 10), sheet.iter_rows(values_only=True), strict=False)]
    head, cols = _header(rows)
    if head is None:
        changes.errors.append(f"Trang “{sheet.title}”: không thấy dòng tiêu đề có cột “Chỉ tiêu” và “Kế hoạch”.")
        return changes
    labels = {key: _cell(rows[head][c]) for key, c in cols.items()}
    existing = {i.pk: i for i in PlanIndicator.objects.filter(plan=plan).select_related("plan_sector", "parent")}
    by_name = {fold(i.name): i for i in existing.values()}
    sectors = {fold(ps.name): ps for ps in PlanSector.objects.filter(plan=plan)}
    catalogue = {fold(s.name): s for s in Sector.objects.all()}
    seen = set()
    for n, row in enumerate(rows[head + 1:], start=head + 2):
        values = {key: _cell(row[c]) if c < len(row) else "" for key, c in cols.items()}
        if not any(values.values()):
            continue
        _read_row(plan, n, values, cols, labels, existing, by_name, sectors, catalogue, changes, seen)
    if "id" in cols:
        missing = {pk for pk in existing if pk not in seen}
        changes.removed = [existing[pk] for pk in missing if existing[pk].parent_id not in missing]
    if plan.status != PlanStatus.DRAFT and (changes.added or changes.changed or changes.removed):
        changes.errors.append("Kế hoạch đã ban hành: không sửa, thêm hay xoá chỉ tiêu được (hãy tạo bản điều chỉnh); "
                              "bảng tính chỉ được thay đổi cột kết quả.")
    return changes


def _read_row(plan, n, values, cols, labels, existing, by_name, sectors, catalogue, changes, seen):
    errors = changes.errors
    indicator = None
    if values.get("id"):
        try:
            indicator = existing[int(values["id"])]
        except (ValueError, KeyError):
            errors.append(f"{_where(n, cols['id'], labels['id'])}: “{values['id']}” không phải mã một chỉ tiêu "
                          "của kế hoạch này; để trống nếu là chỉ tiêu mới.")
            return
    elif "id" not in cols:
        indicator = by_name.get(fold(values.get("name", "")))
    if not values.get("name"):
        errors.append(f"{_where(n, cols['name'], labels['name'])}: chưa có tên chỉ tiêu.")
        return
    if indicator is not None:
        seen.add(indicator.pk)
    sector = values.get("sector", "")
    plan_sector = sectors.get(fold(sector)) if sector else (indicator.plan_sector if indicator else None)
    new_sector = catalogue.get(fold(sector)) if sector and plan_sector is None else None
    if plan_sector is None and new_sector is None:
        if not sector and not sectors:
            errors.append(f"{_where(n, cols.get('sector', cols['name']), 'Lĩnh vực')}: chưa ghi lĩnh vực.")
            return
        if sector:
            names = ", ".join(sorted({ps.name for ps in sectors.values()} | {s.name for s in catalogue.values()}))
            errors.append(f"{_where(n, cols['sector'], labels['sector'])}: không có lĩnh vực “{sector}”; "
                          f"chọn một trong: {names}.")
            return
        plan_sector = next(iter(sectors.values()))
    parent = None
    if values.get("parent"):
        try:
            parent = existing[int(values["parent"])]
        except (ValueError, KeyError):
            errors.append(f"{_where(n, cols['parent'], labels['parent'])}: “{values['parent']}” không phải mã "
                          "một chỉ tiêu của kế hoạch này.")
            return
    fields = {FIELD_OF[k]: values[k] for k in FIELD_OF if k in values}
    for key, limit in (("stt", 20), ("unit", 50), ("target", 500), ("baseline", 300)):
        if len(values.get(key, "")) > limit:
            errors.append(f"{_where(n, cols[key], labels[key])}: dài quá {limit} ký tự.")
    service_values = {**fields, "parent": parent if "parent" in values else (indicator.parent if indicator else None),
                      "plan_sector": plan_sector, "new_sector": new_sector}
    if indicator is None:
        changes.added.append((n, service_values))
    else:
        diff = {f: (getattr(indicator, f), v) for f, v in fields.items() if (getattr(indicator, f) or "") != v}
        if plan_sector is not None and plan_sector.pk != indicator.plan_sector_id:
            diff["plan_sector"] = (indicator.plan_sector.name, plan_sector.name)
        if diff:
            changes.changed.append((indicator, diff, service_values))
    _read_results(n, values, cols, labels, indicator, changes)


def _read_results(n, values, cols, labels, indicator, changes):
    for period in PERIOD_CODES:
        key = f"result:{period}"
        new = values.get(key, "")
        old = _result_text(current_result(indicator, period)) if indicator is not None else ""
        if new == old or (not new and not old):
            continue
        result = {"value": None, "numerator": None, "denominator": None, "text": ""}
        if new:
            try:
                if "/" in new and new.count("/") == 1:
                    a, b = new.split("/")
                    result["numerator"], result["denominator"] = read_number(a.strip()), read_number(b.strip())
                else:
                    result["value"] = read_number(new, money=True)
            except ValidationError:
                result["text"] = new[:2000]
        changes.results.append((indicator if indicator is not None else n, period, old, new, result,
                                PERIOD_LABELS[period]))


def _decimal_or_none(value):
    return None if value is None else Decimal(value)


@transaction.atomic
def apply_sheet(plan, changes, *, by):
    """Write ``changes`` to ``plan``: all or nothing, through the service functions. Returns counts."""
    added_by_row = {}
    for row, values in changes.added:
        added_by_row[row] = save_indicator(plan, values=values, by=by)
    for indicator, _diff, values in changes.changed:
        save_indicator(plan, values=values, by=by, indicator=indicator)
    for indicator in changes.removed:
        if PlanIndicator.objects.filter(pk=indicator.pk).exists():
            delete_indicator(indicator, by=by)
    for target, period, _old, _new, result, _label in changes.results:
        indicator = added_by_row[target] if isinstance(target, int) else target
        current = current_result(indicator, period)
        save_result(indicator, period=period, is_estimate=current.is_estimate if current else False,
                             values=result, expected_version=current.version if current else 0,
                             expected_id=current.pk if current else None, by=by)
    return {"added": len(changes.added), "changed": len(changes.changed), "removed": len(changes.removed),
            "results": len(changes.results)}
