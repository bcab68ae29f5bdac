"""Writes of the indicators app: targets, indicators and the stored evaluation of results.

A target changes only through :func:`set_target` (text as written, its parse, the figure bounds):
the indicator form, the plan file import, copying a plan and the admin all call it.

``Result.status`` and ``Result.percent`` are a denormalised copy of what the pure evaluator
(:mod:`core.evaluation`) says about a result, so the supervisors' dashboard counts statuses with
one ``GROUP BY`` over millions of results instead of evaluating each one in Python. Model
``save()`` methods do not compute them: every writer calls :func:`apply_evaluation` (one unsaved
result), :func:`evaluate_results` (a batch before ``bulk_create``), :func:`refresh_evaluation`
(one saved result) or :func:`refresh_indicator` (after a target changed). Result writes with the
lost-update check are in :mod:`indicators.results`.

A frozen (issued) plan is never changed here: :func:`require_draft` refuses it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.phrases import QUALITATIVE, parse
from core.vnformat import RATE_UNITS, fits_columns, format_number
from units import audit
from units.ordering import next_order, swap

from .assess import assess
from .models import PlanIndicator, PlanSector, Result, TargetKind

FROZEN_MESSAGE = "Kế hoạch đã ban hành không sửa được. Bấm “Sửa (tạo bản điều chỉnh)” để tạo bản dự thảo điều chỉnh."

INDICATOR_FIELDS = ["stt", "name", "unit_of_measure", "target_text", "baseline_text", "baseline_value",
                    "note", "department", "in_main_list", "in_appendix"]


def require_draft(plan):
    """ValidationError (code "frozen") when ``plan`` is issued: it is revised, not edited."""
    if plan.is_issued:
        raise ValidationError(FROZEN_MESSAGE, code="frozen")


# --- targets --------------------------------------------------------------------------------

def read_target(text, name=None):
    """The parsed target of ``text``; anything the parser cannot read, or a figure the columns
    cannot hold, is qualitative (kept as written, judged by a person), never an error."""
    if not (text or "").strip():
        return QUALITATIVE
    try:
        target = parse(text, name=name)
    except Exception:  # an unreadable phrase is kept as written and judged by a person
        return QUALITATIVE
    numbers = [n for n in (target.value, target.value_max, target.denominator) if n is not None]
    if not all(fits_columns(n) for n in numbers):
        return QUALITATIVE
    return target


def target_fields(text, name=None):
    """Model fields of the parsed target of ``text`` (kind, value, max, denominator, unit, per)."""
    target = read_target(text, name)
    return {"target_kind": str(getattr(target.kind, "value", target.kind)), "target_value": target.value,
            "target_value_max": target.value_max, "target_denominator": target.denominator,
            "target_unit": target.unit or "", "target_per": target.per or ""}


def set_target(indicator, text, *, name=None):
    """Give ``indicator`` the target ``text`` as written and its parse (read with the indicator's
    name, which may say the direction: "Giảm hộ nghèo"). In memory only: the caller saves, then
    calls :func:`refresh_indicator` when the indicator already had results."""
    indicator.target_text = text or ""
    for field, value in target_fields(indicator.target_text, name or indicator.name).items():
        setattr(indicator, field, value)
    return indicator


def baseline_value(text, name=None):
    """The figure of a baseline written as text ("95%", "261/200" -> 261), or None."""
    target = read_target(text, name)
    return None if target.kind == TargetKind.QUALITATIVE else target.value


def baseline_from(result, indicator):
    """(baseline_text, baseline_value) from last year's final annual ``result``, written the
    Vietnamese way ("95%", "1.302,5", "261/200")."""
    if result is None:
        return "", None
    if result.numerator is not None and result.denominator is not None:
        return f"{format_number(result.numerator)}/{format_number(result.denominator)}", result.numerator
    if result.value is not None:
        text = format_number(result.value)
        if indicator.target_unit in RATE_UNITS:
            text += indicator.target_unit
        return text, result.value
    return (result.text or "")[:300], None


def is_qualitative(indicator_or_kind):
    kind = getattr(indicator_or_kind, "target_kind", indicator_or_kind)
    return kind == TargetKind.QUALITATIVE


# --- the stored evaluation --------------------------------------------------------------------

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
    columns are derived data, not a person's change).
    """
    if apply_evaluation(result):
        Result.objects.filter(pk=result.pk).update(status=result.status, percent=result.percent)
    return result


@transaction.atomic
def refresh_indicator(indicator):
    """Recompute the stored evaluation of every result of ``indicator`` (its target changed).

    Side effects: one SELECT, and one bulk UPDATE of the results whose evaluation changed.
    """
    if indicator.pk is None:
        return 0
    changed = [r for r in Result.objects.filter(indicator=indicator) if apply_evaluation(r, indicator)]
    if changed:
        Result.objects.bulk_update(changed, ["status", "percent"])
    return len(changed)


def refresh_all(queryset=None, *, batch_size=2000):
    """Recompute every stored evaluation (data migration, repair). Returns the number changed."""
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


# --- indicators -----------------------------------------------------------------------------

def _plan_sector_for(plan, values, by):
    parent = values.get("parent")
    if parent is not None:
        return parent.plan_sector
    if values.get("plan_sector") is not None:
        return values["plan_sector"]
    sector = values["new_sector"]
    existing = PlanSector.objects.filter(plan=plan, sector=sector).first()
    if existing:
        return existing
    plan_sector = PlanSector(plan=plan, sector=sector, name=sector.name.upper(),
                             order=next_order(PlanSector.objects.filter(plan=plan)))
    plan_sector._history_user = by
    plan_sector.save()
    audit.record(plan_sector, "Thêm lĩnh vực", by=by, new=plan_sector.name)
    return plan_sector


@transaction.atomic
def save_indicator(plan, *, values, by, indicator=None):
    """Add an indicator to draft ``plan`` (last among its siblings) or change ``indicator``.

    ``values`` holds the INDICATOR_FIELDS plus parent (an indicator of the plan or None) and
    either plan_sector (of the plan) or new_sector (a catalogue Sector, whose plan sector is
    created when missing). The target is stored as typed with its parse (:func:`set_target`).
    Side effects: one INSERT or UPDATE of a PlanIndicator (history row), maybe one INSERT of a
    PlanSector, one audit row naming the old and new target, the stored evaluation of its
    results refreshed.
    """
    require_draft(plan)
    plan_sector = _plan_sector_for(plan, values, by)
    parent = values.get("parent")
    old_target = None
    if indicator is None:
        siblings = PlanIndicator.objects.filter(plan=plan, plan_sector=plan_sector, parent=parent)
        indicator = PlanIndicator(plan=plan, order=next_order(siblings))
        action = "Thêm chỉ tiêu"
    else:
        old_target = indicator.target_text
        if parent != indicator.parent or plan_sector != indicator.plan_sector:
            siblings = PlanIndicator.objects.filter(plan=plan, plan_sector=plan_sector, parent=parent)
            indicator.order = next_order(siblings)
        indicator.version += 1
        action = "Sửa chỉ tiêu"
    indicator.plan_sector, indicator.parent = plan_sector, parent
    for name in INDICATOR_FIELDS:
        if name in values:
            setattr(indicator, name, values[name])
    set_target(indicator, indicator.target_text)
    indicator._history_user = by
    indicator.save()
    refresh_indicator(indicator)
    audit.record(indicator, action, by=by, old=old_target, new=indicator.target_text)
    _carry_sub_items(indicator)
    return indicator


@transaction.atomic
def set_baseline(indicator, *, text, value, by, action, reason=""):
    """Give ``indicator`` (of a draft plan) the baseline ``text`` as written and its figure
    ``value`` (e.g. carried from the units a new commune was formed from: plans.carryover).

    Side effects: one UPDATE of the PlanIndicator (history row), one audit row ``action`` naming
    the old and new baseline and ``reason``.
    """
    require_draft(indicator.plan)
    old = indicator.baseline_text
    indicator.baseline_text, indicator.baseline_value = text, value
    indicator.version += 1
    indicator._history_user = by
    indicator.save(update_fields=["baseline_text", "baseline_value", "version"])
    audit.record(indicator, action, by=by, old=old, new=text, reason=reason)
    return indicator


def _carry_sub_items(indicator):
    # Sub-items follow their parent when it moves to another sector (one UPDATE per level).
    level = [indicator.pk]
    while level:
        children = PlanIndicator.objects.filter(parent_id__in=level)
        children.exclude(plan_sector=indicator.plan_sector).update(plan_sector=indicator.plan_sector)
        level = list(children.values_list("pk", flat=True))


@transaction.atomic
def move_indicator(indicator, *, up, by):
    """Swap ``indicator`` with its previous (``up``) or next sibling (same sector and parent).
    Side effects: UPDATEs of sibling orders (renumbered 1..n, no history rows)."""
    require_draft(indicator.plan)
    siblings = PlanIndicator.objects.filter(plan_id=indicator.plan_id, plan_sector_id=indicator.plan_sector_id,
                                            parent_id=indicator.parent_id)
    swap(siblings, indicator, up=up)


@transaction.atomic
def delete_indicator(indicator, *, by):
    """Delete ``indicator`` with its sub-items and their results.

    Side effects: DELETEs (history rows "-" stamped with ``by`` and the reason "Xoá chỉ tiêu").
    """
    require_draft(indicator.plan)
    indicator._history_user = by
    indicator._change_reason = audit.reason_text("Xoá chỉ tiêu", reason=indicator.target_text)
    indicator.delete()
