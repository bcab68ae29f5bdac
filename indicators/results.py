"""Writing results, with the lost-update check.

Lost updates are prevented by a version column checked in the UPDATE's WHERE clause
(select_for_update does nothing on SQLite): the form carries the version it was loaded with,
and an UPDATE that matches no row means someone saved in between. Whether a period may be typed
at all (a submitted report, a draft revision) is the plan's rule: callers go through
``plans.reporting.save_result``, which checks it and then calls :func:`write_result`.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from units import audit

from .assess import Assessment, pick_result
from .models import Result
from .services import apply_evaluation

RESULT_FIELDS = ["value", "numerator", "denominator", "text", "judgement", "cause"]


class Conflict(Exception):
    """Someone else saved first. ``current`` is the row as it is now in the database (None when
    it was deleted); the caller shows it next to what the person typed and lets them choose."""

    def __init__(self, current):
        super().__init__("conflict")
        self.current = current


def current_result(indicator, period):
    """The result a person edits for ``indicator`` and ``period``: the final figure, else the estimate.
    Read through ``indicator.results``, so ``result.indicator`` is ``indicator`` (no query)."""
    return pick_result(indicator.results.filter(period=period).order_by("pk"))


def result_text(result):
    """A result as officials write it: "261/200", "95", or its text; "(ước)" for an estimate."""
    if result is None:
        return ""
    return Assessment(result=result, percent=None, status="").result_display


def _or_blank(name, value):
    # Text columns are NOT NULL: an emptied text is "", an emptied number is NULL.
    if value is None and name in {"text", "judgement", "cause"}:
        return ""
    return value


@transaction.atomic
def write_result(indicator, *, period, is_estimate, values, expected_version, expected_id=None, by):
    """Save the result of ``indicator`` for ``period`` from ``values`` (RESULT_FIELDS).

    ``expected_id`` and ``expected_version`` are the row and version the person loaded (None
    and 0 when there was no result yet); a field missing from ``values`` is left as it is.
    Nothing is written when nothing changed.
    Side effects: one INSERT, or one UPDATE checked on the version (version + 1); a history
    row stamped with ``by`` and an audit reason "Nhập kết quả: old → new"; the stored evaluation
    computed; an estimate row left behind when a figure changes kind is deleted. Raises
    :class:`Conflict` when someone saved first.
    """
    current = current_result(indicator, period)
    if current is None:
        if expected_id is not None or expected_version:
            raise Conflict(None)  # it was deleted in between
        result = Result(indicator=indicator, period=period, is_estimate=is_estimate, updated_by=by,
                        **{name: _or_blank(name, values.get(name)) for name in RESULT_FIELDS})
        apply_evaluation(result, indicator)
        result._history_user = by
        try:
            with transaction.atomic():
                result.save()
        except IntegrityError as exc:  # someone inserted the same row a moment ago
            raise Conflict(current_result(indicator, period)) from exc
        audit.record(result, "Nhập kết quả", by=by, old="", new=result_text(result))
        return result
    if current.pk != expected_id or current.version != expected_version:
        raise Conflict(current)
    new = {name: _or_blank(name, values[name]) for name in RESULT_FIELDS if name in values}
    changed = [name for name in new if getattr(current, name) != new[name]]
    if not changed and current.is_estimate == is_estimate:
        return current
    if set(changed) - {"cause"}:
        new["evaluation_text"] = ""  # an imported "đạt 131% so với KH" no longer describes the figure
    old_text = result_text(current)
    now = timezone.now()
    if is_estimate != current.is_estimate:
        # The figure changes kind: one of that kind left behind is superseded (deleted first, for
        # the unique constraint; a conflict below rolls the deletion back).
        Result.objects.filter(indicator=indicator, period=period, is_estimate=is_estimate).exclude(
            pk=current.pk).delete()
    for name, value in new.items():
        setattr(current, name, value)
    current.is_estimate, current.updated_by, current.updated_at = is_estimate, by, now
    current.version = expected_version + 1
    apply_evaluation(current, indicator)  # stored by the same UPDATE
    updated = Result.objects.filter(pk=current.pk, version=expected_version).update(
        is_estimate=is_estimate, updated_by=by, updated_at=now, version=expected_version + 1,
        status=current.status, percent=current.percent, **new)
    if not updated:
        raise Conflict(Result.objects.filter(pk=current.pk).first())
    Result.history.bulk_history_create([current], update=True, default_user=by)
    audit.record(current, "Sửa kết quả", by=by, old=old_text, new=result_text(current))
    return current
