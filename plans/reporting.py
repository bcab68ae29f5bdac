"""Following the plan through the year: results typed on the grid, period reports submitted and
reopened, task progress. Every write happens on the plan in force (:func:`results_plan`): a draft
revision reports on it until it is issued, a replaced version is read-only.

Lost updates are prevented by a version column checked in the UPDATE's WHERE clause (see
:mod:`indicators.results`); tasks use the same check and the same Conflict. A result save and
"Nộp báo cáo" on one plan take the plan's row lock, so neither slips past the other.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from core.periods import due_date
from core.vnformat import format_percent
from indicators.results import Conflict, write_result
from units import audit

from .models import PeriodReport, Plan, ReportStatus, Task, TaskStatus

TASK_FIELDS = ["progress", "result_text", "status", "due_date"]
LOCKED_MESSAGE = "Báo cáo kỳ này đã nộp: kết quả bị khoá. Đề nghị cấp trên mở lại nếu cần sửa."


def period_report(plan, period):
    """The PeriodReport of ``plan`` for ``period``, or an unsaved open one with its due date."""
    report = PeriodReport.objects.filter(plan=plan, period=period).select_related(
        "submitted_by", "reopened_by").first()
    if report is None:
        report = PeriodReport(plan=plan, period=period, status=ReportStatus.OPEN)
    if report.due_date is None:
        report.due_date = due_date(period, plan.year, monthly_day=plan.monthly_report_day)
    return report


def results_plan(plan):
    """The plan whose results, period reports and task progress are entered for ``plan``: the
    plan in force (a draft revision reports on it until it is issued, :func:`issue_plan` carries
    the figures over; a replaced version sends people to it); a first draft, with nothing issued
    yet, takes its own. One query (never cached: issuing changes the answer)."""
    return Plan.objects.in_force(plan.unit_id, plan.year) or plan


def revision_message(plan, in_force=None):
    """The Vietnamese note on a plan whose results are entered elsewhere (None when they are
    entered on ``plan``). ``in_force``: :func:`results_plan` when the caller already has it."""
    in_force = results_plan(plan) if in_force is None else in_force
    if in_force.pk == plan.pk:
        return None
    if plan.is_issued:
        return (f"Kế hoạch này đã được thay thế bởi kế hoạch đang có hiệu lực ({revision_label(in_force)}): "
                "chỉ xem, không nhập hay sửa. Kết quả và nhiệm vụ được cập nhật trên kế hoạch đang có hiệu lực.")
    return (f"Kết quả được nhập vào kế hoạch đang có hiệu lực ({revision_label(in_force)}). "
            "Khi bản điều chỉnh này được ban hành, kết quả và tiến độ nhiệm vụ sẽ được chuyển sang.")


def revision_label(plan):
    return f"lần điều chỉnh {plan.revision}" if plan.revision else "bản ban hành đầu"


def _require_results_plan(plan):
    message = revision_message(plan)
    if message:
        raise PermissionDenied(message)


def _lock_plan(plan):
    """Take the plan's row lock for the rest of the transaction, so a result save and "Nộp báo cáo"
    on the same plan run one after the other (PostgreSQL; SQLite runs write transactions one at a
    time anyway, settings open them IMMEDIATE)."""
    Plan.objects.select_for_update().filter(pk=plan.pk).values_list("pk", flat=True).first()


def _require_open_period(plan, period):
    _require_results_plan(plan)
    _lock_plan(plan)
    if PeriodReport.objects.filter(plan=plan, period=period, status=ReportStatus.SUBMITTED).exists():
        raise PermissionDenied(LOCKED_MESSAGE)


@transaction.atomic
def save_result(indicator, *, period, is_estimate, values, expected_version, expected_id=None, by):
    """Save a result typed on the grid (:func:`indicators.results.write_result`) once the plan's
    rules allow it. Raises PermissionDenied when the period's report is submitted or the plan is
    a draft revision (results are entered on the plan in force, :func:`results_plan`), and
    :class:`~indicators.results.Conflict` when someone saved first.
    """
    _require_open_period(indicator.plan, period)
    return write_result(indicator, period=period, is_estimate=is_estimate, values=values,
                        expected_version=expected_version, expected_id=expected_id, by=by)


@transaction.atomic
def submit_period(report, *, by):
    """Submit the results of ``report``'s period ("Nộp báo cáo"): they are locked for editors.

    ``report`` may be unsaved (see :func:`period_report`). Side effects: one INSERT or one
    UPDATE of the PeriodReport (status submitted, submitted_at now, submitted_by, due_date
    kept), a history row and an audit row naming on time or late. Raises ValidationError
    when it is already submitted, PermissionDenied on a draft revision (:func:`results_plan`).
    """
    _require_results_plan(report.plan)
    _lock_plan(report.plan)
    if report.pk is None:
        report, _ = PeriodReport.objects.get_or_create(plan=report.plan, period=report.period)
    old = report.get_status_display()
    now = timezone.now()
    updated = PeriodReport.objects.filter(pk=report.pk).exclude(status=ReportStatus.SUBMITTED).update(
        status=ReportStatus.SUBMITTED, submitted_at=now, submitted_by=by)
    if not updated:
        raise ValidationError("Báo cáo kỳ này đã được nộp.", code="submitted")
    report.refresh_from_db()
    if report.due_date is None:
        report.due_date = due_date(report.period, report.plan.year, monthly_day=report.plan.monthly_report_day)
    report._history_user = by
    report.save(update_fields=["due_date"])
    audit.record(report, "Nộp báo cáo", by=by, old=old, new=report.get_status_display(),
                 reason="nộp muộn" if report.is_late else "đúng hạn")
    return report


@transaction.atomic
def reopen_period(report, *, comment, by):
    """Reopen the submitted ``report`` so the ward can correct its results; ``comment`` (required)
    is shown to the ward. The caller checks ``can_reopen``.

    Side effects: one UPDATE of the PeriodReport (status reopened, reopened_at/by, reopen_comment),
    a history row and an audit row with the comment. Raises ValidationError when the comment
    is empty or the report is not submitted, PermissionDenied on a draft revision.
    """
    _require_results_plan(report.plan)
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError({"comment": "Nhập lý do mở lại để đơn vị biết cần sửa gì."})
    if report.pk is None or report.status != ReportStatus.SUBMITTED:
        raise ValidationError("Chỉ mở lại được báo cáo đã nộp.", code="not_submitted")
    old = report.get_status_display()
    report.status, report.reopened_at, report.reopened_by = ReportStatus.REOPENED, timezone.now(), by
    report.reopen_comment = comment
    report._history_user = by
    report.save(update_fields=["status", "reopened_at", "reopened_by", "reopen_comment"])
    audit.record(report, "Mở lại báo cáo", by=by, old=old, new=report.get_status_display(), reason=comment)
    return report


def due_date_error(plan, day):
    """The Vietnamese message when ``day`` is outside the plan year (None when it is inside)."""
    if day is not None and day.year != plan.year:
        return f"Thời hạn phải trong năm kế hoạch {plan.year} (từ 01/01/{plan.year} đến 31/12/{plan.year})."
    return None


def _status_for_progress(status, progress):
    """A task cannot be 50 % done and "not started": progress moves a status that contradicts it
    (above 0 % starts it, 100 % completes it); a status the person chose otherwise stands."""
    if progress is None:
        return {}
    if progress == 100 and status in (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS):
        return {"status": TaskStatus.DONE}
    if 0 < progress < 100 and status == TaskStatus.NOT_STARTED:
        return {"status": TaskStatus.IN_PROGRESS}
    return {}


@transaction.atomic
def save_task(task, *, values, expected_version, by):
    """Change the progress, result text, status and due date of ``task`` from ``values``.

    Side effects: one UPDATE checked on the version (version + 1), a history row stamped with
    ``by`` and an audit row with the old and new progress. Raises :class:`Conflict` when
    someone saved first, ValidationError for a progress outside 0-100 or a due date outside
    the plan year, PermissionDenied on a plan that is not the one in force (progress has one
    writable home during a revision: :func:`results_plan`; issuing carries it over).
    """
    _require_results_plan(task.plan)
    errors = {}
    progress = values.get("progress")
    if progress is not None and not 0 <= progress <= 100:
        errors["progress"] = "Tiến độ phải từ 0 đến 100%."
    if due_date_error(task.plan, values.get("due_date")):
        errors["due_date"] = due_date_error(task.plan, values.get("due_date"))
    if errors:
        raise ValidationError(errors)
    new = {name: values[name] for name in TASK_FIELDS if name in values}
    new["result_text"] = new.get("result_text") or ""
    new.update(_status_for_progress(new.get("status", task.status), new.get("progress", task.progress)))
    updated = Task.objects.filter(pk=task.pk, version=expected_version).update(
        version=expected_version + 1, **new)
    if not updated:
        raise Conflict(Task.objects.filter(pk=task.pk).select_related("lead").first())
    old = format_percent(task.progress)
    for name, value in new.items():
        setattr(task, name, value)
    task.version = expected_version + 1
    Task.history.bulk_history_create([task], update=True, default_user=by)
    audit.record(task, "Cập nhật nhiệm vụ", by=by, old=old,
                 new=format_percent(task.progress))
    return task
