"""Reading the audit trail of a plan: consecutive history rows turned into field-by-field
changes, with who, when and why (the rows are stamped by :func:`units.audit.record`)."""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.utils import timezone
from simple_history.models import DeletedObject

from core.periods import label
from core.vnformat import format_number
from indicators.models import PlanIndicator, PlanSector, Result

from .models import PeriodReport, Section, Task

# cooperating: m2m history would cost a query per task row (see plan_history query count test).
HIDDEN_FIELDS = {"updated_at", "created_at", "version", "order", "cooperating"}


def _display(field, value):
    if value is None or value == "":
        return ""
    if isinstance(value, DeletedObject):
        # simple-history's stand-in for an empty or since-deleted foreign key ("Deleted user (pk=None)").
        return "" if value.pk is None else "(đã xoá)"
    choices = getattr(field, "choices", None)
    if choices:
        return str(dict(choices).get(value, value))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if timezone.is_aware(value) \
            else value.strftime("%d/%m/%Y %H:%M")
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, get_user_model()):
        return value.get_full_name() or value.username
    if field.is_relation:
        return str(value)
    if field.get_internal_type() == "DecimalField":
        return format_number(value)
    return str(value)


class Change:
    """One history row read against the row before it: ``fields`` is [(label, old, new)]."""

    def __init__(self, row, subject, fields):
        self.row = row
        self.subject = subject
        self.fields = fields
        self.when = row.history_date
        self.who = row.history_user
        self.reason = row.history_change_reason or ""
        self.kind = row.history_type  # "+" created, "~" changed, "-" deleted

    @property
    def kind_label(self):
        return {"+": "Tạo mới", "~": "Sửa", "-": "Xoá"}.get(self.kind, self.kind)


def _changes(rows, subject_of):
    """Changes of one object's rows (oldest first), each diffed against its predecessor."""
    out = []
    previous = None
    for row in rows:
        fields = []
        if previous is not None and row.history_type == "~":
            delta = row.diff_against(previous, excluded_fields=HIDDEN_FIELDS, foreign_keys_are_objs=True)
            for change in delta.changes:
                field = row.instance_type._meta.get_field(change.field)
                fields.append((str(field.verbose_name), _display(field, change.old), _display(field, change.new)))
        if previous is None or row.history_type != "~" or fields or row.history_change_reason:
            out.append(Change(row, subject_of(row), fields))
        previous = row
    return out


def _grouped(rows):
    by_object = defaultdict(list)
    for row in rows:
        by_object[row.id].append(row)
    return by_object.values()


def plan_history(plan, *, indicator=None, limit=200):
    """Every recorded change of ``plan``, its indicators, results, tasks, period reports, sections
    and sectors, newest first. Seven queries whatever the size. With ``indicator``: that indicator's changes
    and its results' only (two queries).

    Each item is a :class:`Change`; indicators deleted since are included under their last name.
    """
    changes = []
    if indicator is None:
        plan_rows = plan.history.select_related("history_user").order_by("history_date", "history_id")
        changes = _changes(list(plan_rows), lambda row: "Kế hoạch")
    ind_rows = PlanIndicator.history.filter(plan_id=plan.pk)
    if indicator is not None:
        ind_rows = ind_rows.filter(id=indicator.pk)
    ind_rows = ind_rows.select_related("history_user").order_by("history_date", "history_id")
    by_indicator = defaultdict(list)
    for row in ind_rows:
        by_indicator[row.id].append(row)
    for rows in by_indicator.values():
        changes += _changes(rows, lambda row: f"Chỉ tiêu {row.stt} {row.name}".replace("  ", " "))
    names = {row.id: row.name for rows in by_indicator.values() for row in rows}
    result_rows = (Result.history.filter(indicator_id__in=list(names)).select_related("history_user")
                   .order_by("history_date", "history_id"))
    for rows in _grouped(result_rows):
        changes += _changes(rows, lambda row: f"Kết quả {label(row.period)}: {names.get(row.indicator_id, '')}")
    if indicator is not None:
        changes.sort(key=lambda c: (c.when, c.row.history_id), reverse=True)
        return changes[:limit]
    task_rows = (Task.history.filter(plan_id=plan.pk).select_related("history_user")
                 .order_by("history_date", "history_id"))
    for rows in _grouped(task_rows):
        changes += _changes(rows, lambda row: f"Nhiệm vụ {row.stt} {row.title}".replace("  ", " "))
    report_rows = (PeriodReport.history.filter(plan_id=plan.pk).select_related("history_user")
                   .order_by("history_date", "history_id"))
    for rows in _grouped(report_rows):
        changes += _changes(rows, lambda row: f"Báo cáo {label(row.period)}")
    section_rows = (Section.history.filter(plan_id=plan.pk).select_related("history_user")
                    .order_by("history_date", "history_id"))
    for rows in _grouped(section_rows):
        changes += _changes(rows, lambda row: f"Mục {row.heading or row.body[:40]}")
    sector_rows = (PlanSector.history.filter(plan_id=plan.pk).select_related("history_user")
                   .order_by("history_date", "history_id"))
    for rows in _grouped(sector_rows):
        changes += _changes(rows, lambda row: f"Lĩnh vực {row.name}")
    changes.sort(key=lambda c: (c.when, c.row.history_id), reverse=True)
    return changes[:limit]
