"""The audit trail: who changed a target, result, task or plan status, when, from what to what.

Rows are django-simple-history records (every audited model declares ``history =
HistoricalRecords()``, so each save already writes the full old and new state). ``record``
is called by services right after the save: it stamps that newest row with the person and a
short Vietnamese reason ("Ban hành: Dự thảo → Đã ban hành"). Reading goes through
``plan_history``, which turns consecutive rows into field-by-field changes.
"""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.utils import timezone
from simple_history.models import DeletedObject

REASON_MAX = 100  # simple_history's history_change_reason is a CharField(max_length=100)


def _short(value):
    text = "" if value is None else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def reason_text(action, *, old=None, new=None, reason=""):
    """"Ban hành: Dự thảo → Đã ban hành (lý do)", cut to what the history column holds."""
    text = str(action)
    if old is not None or new is not None:
        text += f": {_short(old)} → {_short(new)}"
    if reason:
        text += f" ({reason})"
    return text if len(text) <= REASON_MAX else text[: REASON_MAX - 1] + "…"


def record(obj, action, *, by, old=None, new=None, reason=""):
    """Stamp the newest history row of ``obj`` with ``by`` and a reason built from ``action``,
    ``old``, ``new`` and ``reason``; return that row (None for a model without history).

    Side effects: one UPDATE of the history table. Call it inside the service's transaction,
    after the save that wrote the row.
    """
    history = getattr(type(obj), "history", None)
    if history is None:
        return None
    row = history.model.objects.filter(id=obj.pk).order_by("-history_date", "-history_id").first()
    if row is None:
        return None
    row.history_user = by if getattr(by, "is_authenticated", False) else None
    row.history_change_reason = reason_text(action, old=old, new=new, reason=reason)
    row.save(update_fields=["history_user", "history_change_reason"])
    return row


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
        from core.vnformat import format_number

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
    """Every recorded change of ``plan``, its indicators, results, tasks and period reports,
    newest first. Five queries whatever the size. With ``indicator``: that indicator's changes
    and its results' only (two queries).

    Each item is a :class:`Change`; indicators deleted since are included under their last name.
    """
    from core.periods import label
    from indicators.models import PlanIndicator, Result

    from .models import PeriodReport, Task

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
    changes.sort(key=lambda c: (c.when, c.row.history_id), reverse=True)
    return changes[:limit]
