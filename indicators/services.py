"""Writes of the indicators app: the stored evaluation of results.

``Result.status`` and ``Result.percent`` are a denormalised copy of what the pure evaluator
(:mod:`core.evaluation`) says about a result, so the supervisors' dashboard counts statuses
with one ``GROUP BY`` over millions of results instead of evaluating each one in Python.

They are kept fresh automatically by ``Result.save()`` and ``PlanIndicator.save()``. Code that
writes results *without* ``save()`` (``bulk_create``, ``bulk_update``, ``QuerySet.update``) must call
:func:`refresh_evaluation` (one result), :func:`evaluate_results` (a batch before ``bulk_create``)
or :func:`refresh_indicator` (after a target changed).
"""

from django.db import transaction

from .assess import assess


def apply_evaluation(result, indicator=None):
    """Set ``result.status`` and ``result.percent`` in memory from what the pages show
    (:func:`indicators.assess.assess`); returns True when they changed. No query if the
    indicator is given or already loaded."""
    outcome = assess(indicator or result.indicator, result, result.period)
    percent = outcome.percent
    if percent is not None and abs(percent) >= 10 ** 12:
        percent = None  # outside the column's range: a data-entry slip, not a percentage
    changed = (result.status, result.percent) != (outcome.status, percent)
    result.status, result.percent = outcome.status, percent
    return changed


def evaluate_results(results):
    """Fill the stored evaluation of unsaved results, e.g. right before ``bulk_create``."""
    for result in results:
        apply_evaluation(result)
    return results


def refresh_evaluation(result):
    """Recompute and store the evaluation of one saved result.

    Side effects: one UPDATE of ``status`` and ``percent`` when they changed (no audit row: the
    columns are derived data, not a person's change). Call it after writing a result through
    ``QuerySet.update`` or ``bulk_update``; ``Result.save()`` already does it.
    """
    from .models import Result

    if apply_evaluation(result):
        Result.objects.filter(pk=result.pk).update(status=result.status, percent=result.percent)
    return result


@transaction.atomic
def refresh_indicator(indicator):
    """Recompute the stored evaluation of every result of ``indicator`` (its target changed).

    Side effects: one SELECT, and one bulk UPDATE of the results whose evaluation changed.
    """
    from .models import Result

    if indicator.pk is None:
        return 0
    changed = [r for r in Result.objects.filter(indicator=indicator) if apply_evaluation(r, indicator)]
    if changed:
        Result.objects.bulk_update(changed, ["status", "percent"])
    return len(changed)


def refresh_all(queryset=None, *, batch_size=2000):
    """Recompute every stored evaluation (data migration, repair). Returns the number changed."""
    from .models import Result

    qs = (queryset if queryset is not None else Result.objects.all()).select_related("indicator")
    changed = []
    count = 0
    for result in qs.iterator(chunk_size=batch_size):
        if apply_evaluation(result):
            changed.append(result)
        if len(changed) >= batch_size:
            Result.objects.bulk_update(changed, ["status", "percent"])
            count += len(changed)
            changed = []
    if changed:
        Result.objects.bulk_update(changed, ["status", "percent"])
        count += len(changed)
    return count
