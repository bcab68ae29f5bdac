"""The audit trail: who changed a target, result, task or plan status, when, from what to what.

Rows are django-simple-history records (every audited model declares ``history =
HistoricalRecords()``, so each save already writes the full old and new state). ``record``
is called by services right after the save: it stamps that newest row with the person and a
short Vietnamese reason ("Ban hành: Dự thảo → Đã ban hành"). Every app's services write through
it (it sits in the lowest app); reading goes through ``plans.history.plan_history``, which turns
consecutive rows into field-by-field changes.
"""

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
