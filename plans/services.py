"""Writes on plans: creating, copying, revising, editing and issuing (results, period reports and
task progress: :mod:`plans.reporting`). Every function here is
``transaction.atomic``, takes keyword-only arguments after the first and lists its side
effects; changes of targets and plan status are audited through :mod:`units.audit`.

An issued plan is frozen: nothing here changes it except :func:`start_revision`, which makes
a draft copy (revision + 1) and leaves the issued one as it was.
"""

import datetime
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from simple_history.utils import bulk_create_with_history

from core.tree import depth_first
from indicators.models import PlanIndicator, PlanSector, Result, Sector
from indicators.services import baseline_from, evaluate_results, require_draft, set_target
from units import audit
from units.ordering import next_order, swap

from . import yearroll
from .models import PeriodReport, Plan, PlanStatus, Section, Task
from .reporting import TASK_FIELDS, due_date_error, results_plan, revision_label

# Metadata carried from one plan to its copy or revision (document header, signer, schedule).
CARRIED_FIELDS = ["authority_parent", "authority", "symbol", "place", "doc_type", "title", "legal_bases",
                  "preamble", "recipients", "signer_authority", "signer_title", "signer_name",
                  "appendix_title", "monthly_report_day", "annual_report_due"]
# What the metadata form may change on a draft.
EDITABLE_FIELDS = ["authority_parent", "authority", "number", "symbol", "place", "issued_on", "date_text",
                   "title", "legal_bases", "preamble", "recipients", "signer_authority", "signer_title",
                   "signer_name", "monthly_report_day", "appendices", "appendix_year", "appendix_title"]
SECTION_FIELDS = ["heading", "body", "include_indicators"]


# --- rules used by forms and views too -------------------------------------------------------

def issue_date_error(plan, day):
    """The Vietnamese message when ``day`` cannot be the issue date of ``plan`` (None when it can):
    a plan of year Y is issued between 01/01/Y-1 and 31/12/Y."""
    if day is None:
        return None
    if not datetime.date(plan.year - 1, 1, 1) <= day <= datetime.date(plan.year, 12, 31):
        return (f"Ngày ban hành phải trong năm {plan.year - 1} hoặc {plan.year} "
                f"(kế hoạch năm {plan.year}).")
    return None


def _require_free_year(unit, year):
    if Plan.objects.filter(unit=unit, year=year).exists():
        raise ValidationError({"year": f"{unit.name} đã có kế hoạch năm {year}."}, code="duplicate")


def _shift_year(day, years):
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


# --- creating -----------------------------------------------------------------------------

@transaction.atomic
def create_plan(unit, *, year, title, by):
    """A blank draft plan of ``unit`` for ``year``.

    Side effects: creates one Plan (and its first history row, stamped with ``by``) with the
    skeleton sections and sectors of :func:`start_blank_plan`. Raises
    ValidationError on ``year`` when the unit already has a plan that year.
    """
    _require_free_year(unit, year)
    plan = Plan(unit=unit, year=year, title=title, place=unit.short_name)
    plan._history_user = by
    plan.save()
    start_blank_plan(plan, by=by)
    audit.record(plan, "Tạo kế hoạch mới", by=by)
    return plan


@transaction.atomic
def copy_plan(plan, *, year, by):
    """A draft plan for ``year`` copied from ``plan``: metadata, sections, plan sectors, the
    indicator tree and tasks. Last year's final annual results become baselines; targets are
    kept as written for the official to revise; tasks start again (not started, no progress).

    Side effects: creates a Plan and its Sections, PlanSectors, PlanIndicators (with history
    rows) and Tasks (with cooperating departments); one audit row on the new plan. Raises
    ValidationError on ``year`` when the unit already has a plan that year.
    """
    _require_free_year(plan.unit, year)
    shift = year - plan.year
    new = _clone_plan(plan, year=year, revision=0, revision_of=None, by=by)
    new.annual_report_due = _shift_year(plan.annual_report_due, shift)
    _clone_content(plan, new, by=by, next_year=True, shift=shift)
    new.year_changes = yearroll.roll_copied_plan(plan, new) if shift == 1 else []
    if shift != 1:
        new.title = plan.title.replace(str(plan.year), str(year))
    new.save(update_fields=["title", "preamble", "appendix_title", "annual_report_due", "year_changes"])
    audit.record(new, "Sao chép từ năm trước", by=by, old=f"Kế hoạch năm {plan.year}", new=f"năm {year}")
    return new


@transaction.atomic
def start_revision(plan, *, by):
    """The draft revision of issued ``plan``: a full copy (results included) with revision + 1
    and ``revision_of`` set. When a draft of the same unit and year already exists it is
    returned instead, so there is only one draft at a time. ``plan`` itself never changes.
    While the revision is a draft, results are still entered on ``plan`` (:func:`results_plan`)
    and :func:`issue_plan` carries them over.

    Side effects: creates a Plan with its Sections, PlanSectors, PlanIndicators, Results and
    Tasks (history rows for those that keep history); one audit row on the new plan.
    """
    if plan.status != PlanStatus.ISSUED:
        raise ValidationError("Chỉ tạo bản điều chỉnh cho kế hoạch đã ban hành.", code="not_issued")
    in_force = Plan.objects.in_force(plan.unit_id, plan.year)
    if in_force.pk != plan.pk:
        raise ValidationError(f"Kế hoạch này đã được thay thế. Chỉ điều chỉnh kế hoạch đang có hiệu lực "
                              f"({revision_label(in_force)}).", code="replaced")
    draft = Plan.objects.filter(unit=plan.unit, year=plan.year, status=PlanStatus.DRAFT).order_by("-revision")
    if draft.exists():
        return draft.first()
    latest = Plan.objects.filter(unit=plan.unit, year=plan.year).aggregate(m=Max("revision"))["m"] or 0
    new = _clone_plan(plan, year=plan.year, revision=latest + 1, revision_of=plan, by=by)
    _clone_content(plan, new, by=by, next_year=False, shift=0)
    audit.record(new, "Tạo bản điều chỉnh", by=by, old=f"lần {plan.revision}", new=f"lần {new.revision}")
    return new


def _clone_plan(plan, *, year, revision, revision_of, by):
    new = Plan(unit=plan.unit, year=year, revision=revision, revision_of=revision_of,
               **{name: getattr(plan, name) for name in CARRIED_FIELDS})
    new.legal_bases, new.recipients = list(plan.legal_bases), list(plan.recipients)
    new._history_user = by
    new.save()
    return new


def _clone_content(src, dst, *, by, next_year, shift):
    section_map = {}
    for section in (row for row, _ in depth_first(Section.objects.filter(plan=src).order_by("order", "pk"))):
        section_map[section.pk] = Section.objects.create(
            plan=dst, parent=section_map.get(section.parent_id), order=section.order,
            **{name: getattr(section, name) for name in SECTION_FIELDS})
    sector_map = {}
    for ps in PlanSector.objects.filter(plan=src).order_by("order", "pk"):
        sector_map[ps.pk] = PlanSector.objects.create(plan=dst, sector_id=ps.sector_id, name=ps.name,
                                                      order=ps.order)
    indicator_map = _clone_indicators(src, dst, sector_map, by=by, next_year=next_year)
    if not next_year:
        _clone_results(src, indicator_map, by=by)
        # A revision keeps the periods' submissions: a submitted period stays locked in the draft.
        _clone_period_reports(src, dst)
    _clone_tasks(src, dst, by=by, next_year=next_year, shift=shift)


# What a copied period report keeps: its submission (a submitted period stays locked) and reopening.
PERIOD_REPORT_FIELDS = ("period", "status", "due_date", "submitted_at", "submitted_by_id", "reopened_at",
                        "reopened_by_id", "reopen_comment")


def _period_report_copies(src, dst):
    """Unsaved copies for ``dst`` of the period reports of ``src``, in period order."""
    return [PeriodReport(plan=dst, **{name: getattr(report, name) for name in PERIOD_REPORT_FIELDS})
            for report in PeriodReport.objects.filter(plan=src).order_by("period")]


def _clone_period_reports(src, dst):
    PeriodReport.objects.bulk_create(_period_report_copies(src, dst))


def _clone_indicators(src, dst, sector_map, *, by, next_year):
    annual = {}
    if next_year:
        annual = {r.indicator_id: r for r in Result.objects.filter(indicator__plan=src, period="y",
                                                                   is_estimate=False)}
    skip = {"id", "plan", "plan_sector", "parent", "copied_from", "version"}
    names = [f.attname for f in PlanIndicator._meta.concrete_fields if f.name not in skip]
    mapping = {}
    by_depth = defaultdict(list)
    for ind, depth in depth_first(PlanIndicator.objects.filter(plan=src).order_by("order", "pk")):
        by_depth[depth].append(ind)
    for level in sorted(by_depth):
        olds = by_depth[level]
        rows = []
        for old in olds:
            row = PlanIndicator(plan=dst, plan_sector=sector_map[old.plan_sector_id],
                                parent=mapping.get(old.parent_id), copied_from=old,
                                **{n: getattr(old, n) for n in names})
            set_target(row, old.target_text)
            if next_year:
                row.baseline_text, row.baseline_value = baseline_from(annual.get(old.pk), old)
            rows.append(row)
        created = bulk_create_with_history(rows, PlanIndicator, default_user=by,
                                           default_change_reason="Sao chép chỉ tiêu")
        mapping.update({old.pk: row for old, row in zip(olds, created, strict=True)})
    return mapping


def _clone_results(src, indicator_map, *, by):
    skip = {"id", "indicator", "updated_at", "version"}   # the plan: Result.fill_plan takes the copy's
    names = [f.attname for f in Result._meta.concrete_fields if f.name not in skip]
    rows = [Result(indicator=indicator_map[r.indicator_id], **{n: getattr(r, n) for n in names})
            for r in Result.objects.filter(indicator__plan=src)]
    if rows:
        evaluate_results(rows)  # against the copy's target, read afresh by set_target
        bulk_create_with_history(rows, Result, default_user=by, default_change_reason="Sao chép kết quả")


def _clone_tasks(src, dst, *, by, next_year, shift):
    skip = {"id", "plan", "version", "copied_from"}
    reset = {"progress": None, "result_text": "", "status": Task._meta.get_field("status").default}
    names = [f.attname for f in Task._meta.concrete_fields if f.name not in skip]
    for old in Task.objects.filter(plan=src).prefetch_related("cooperating").order_by("order", "pk"):
        task = Task(plan=dst, copied_from=old, **{n: getattr(old, n) for n in names})
        if next_year:
            for name, value in reset.items():
                setattr(task, name, value)
            task.due_date = _shift_year(old.due_date, shift)
        task._history_user = by
        task.save()
        cooperating = list(old.cooperating.all())
        if cooperating:
            task.cooperating.set(cooperating)


# --- editing a draft ------------------------------------------------------------------------

@transaction.atomic
def update_plan(plan, *, values, by):
    """Change the document metadata of draft ``plan`` from ``values`` (names in EDITABLE_FIELDS).

    Side effects: one UPDATE of the plan (history row stamped with ``by``). Raises
    ValidationError for an issued plan or an issue date outside the plan's years.
    """
    require_draft(plan)
    error = issue_date_error(plan, values.get("issued_on"))
    if error:
        raise ValidationError({"issued_on": error})
    changed = [name for name in EDITABLE_FIELDS if name in values and getattr(plan, name) != values[name]]
    for name in changed:
        setattr(plan, name, values[name])
    plan.save(update_fields=[*changed, "updated_at"])
    audit.record(plan, "Sửa thông tin văn bản", by=by)
    return plan


@transaction.atomic
def issue_plan(plan, *, number, issued_on, signer_name, signer_title, signer_authority, by):
    """Issue draft ``plan`` with its number, date and signer; from then on it is frozen.

    Side effects: one UPDATE of the plan (status issued, number, issued_on, signer fields,
    date_text cleared); one audit row "Ban hành: Dự thảo → Đã ban hành". Raises
    ValidationError when the plan is already issued, the number is empty or the date is
    outside the plan's years. The caller checks ``can_issue``.

    A draft revision takes over the results of the plan it revises (see :func:`_carry_results`):
    while it was a draft they were entered on that plan, the one in force.
    """
    if plan.status == PlanStatus.ISSUED:
        raise ValidationError("Kế hoạch này đã được ban hành.", code="issued")
    errors = {}
    if not (number or "").strip():
        errors["number"] = "Nhập số văn bản."
    if issued_on is None:
        errors["issued_on"] = "Nhập ngày ban hành."
    elif issue_date_error(plan, issued_on):
        errors["issued_on"] = issue_date_error(plan, issued_on)
    if errors:
        raise ValidationError(errors)
    old_status = plan.get_status_display()
    revised = results_plan(plan)
    plan.number, plan.issued_on, plan.date_text = number.strip(), issued_on, ""
    plan.signer_name, plan.signer_title, plan.signer_authority = signer_name, signer_title, signer_authority
    plan.status = PlanStatus.ISSUED
    plan.save(update_fields=["number", "issued_on", "date_text", "signer_name", "signer_title",
                             "signer_authority", "status", "updated_at"])
    audit.record(plan, "Ban hành", by=by, old=old_status, new=plan.get_status_display())
    if revised.pk != plan.pk:
        _carry_results(revised, plan, by=by)
    return plan


# What a carried result takes from the plan in force; status and percent are evaluated afresh
# against the revision's target, updated_at and version start again.
CARRIED_RESULT_FIELDS = ["period", "is_estimate", "value", "numerator", "denominator", "text", "judgement",
                         "evaluation_text", "cause", "updated_by_id"]
CARRIED_REASON = "Chuyển kết quả từ kế hoạch đang có hiệu lực"


def _carry_results(src, dst, *, by):
    """Copy the results and period reports of issued ``src`` onto ``dst``, the revision of it being
    issued: results were entered on ``src`` while ``dst`` was a draft (:func:`results_plan`).

    For each indicator of ``dst`` copied from one of ``src``, the results of every period
    ``src`` has one for replace those of ``dst`` (a period only ``dst`` has a figure for keeps
    it: it was typed on the draft before drafts were read-only, and nothing may be lost).
    Indicators added in the revision keep what they have (nothing); removed ones are not
    carried. The period reports of ``dst`` become copies of those of ``src`` (a submitted period
    stays submitted). ``src`` is not changed.

    Side effects: DELETEs of the replaced results and period reports of ``dst`` (history rows
    "-"); INSERTs of the copies, evaluated against the targets of ``dst`` (history rows "+"
    with the reason CARRIED_REASON); one audit row on ``dst`` with the number carried.
    """
    pairs = {ind.copied_from_id: ind for ind in PlanIndicator.objects.filter(plan=dst, copied_from__plan=src)}
    theirs = list(Result.objects.filter(indicator_id__in=list(pairs)).order_by("indicator_id", "period", "pk"))
    carried = {(pairs[r.indicator_id].pk, r.period) for r in theirs}
    replaced = [r.pk for r in Result.objects.filter(indicator__plan=dst).only("pk", "indicator_id", "period")
                if (r.indicator_id, r.period) in carried]
    if replaced:
        Result.objects.filter(pk__in=replaced).delete()
    rows = [Result(indicator=pairs[r.indicator_id], **{name: getattr(r, name) for name in CARRIED_RESULT_FIELDS})
            for r in theirs]
    if rows:
        evaluate_results(rows)  # against the revision's target, which may have changed
        bulk_create_with_history(rows, Result, default_user=by, default_change_reason=CARRIED_REASON)
    PeriodReport.objects.filter(plan=dst).delete()
    reports = _period_report_copies(src, dst)
    if reports:
        bulk_create_with_history(reports, PeriodReport, default_user=by, default_change_reason=CARRIED_REASON)
    tasks = _carry_task_progress(src, dst, by=by)
    # A history row of its own, so that the "Ban hành" row keeps its reason.
    dst._history_user = by
    dst.save(update_fields=["updated_at"])
    audit.record(dst, f"Chuyển {len(rows)} kết quả từ {revision_label(src)}", by=by,
                 reason=f"{len(reports)} báo cáo kỳ, {tasks} nhiệm vụ")
    return len(rows)


def _carry_task_progress(src, dst, *, by):
    """Give each task of ``dst`` copied from a task of ``src`` the progress, status, result and due
    date typed on ``src`` while ``dst`` was a draft (progress has one writable home, the plan in
    force). Tasks added in the revision keep theirs. Returns the number carried.

    Side effects: one bulk UPDATE and history rows (reason CARRIED_REASON)."""
    theirs = {t.pk: t for t in Task.objects.filter(plan=src)}
    carried = []
    for task in Task.objects.filter(plan=dst, copied_from_id__in=list(theirs)):
        source = theirs[task.copied_from_id]
        for name in TASK_FIELDS:
            setattr(task, name, getattr(source, name))
        task.version += 1
        carried.append(task)
    if carried:
        Task.objects.bulk_update(carried, [*TASK_FIELDS, "version"])
        Task.history.bulk_history_create(carried, update=True, default_user=by, default_change_reason=CARRIED_REASON)
    return len(carried)


# --- sections -------------------------------------------------------------------------------

@transaction.atomic
def save_section(plan, *, values, by, section=None):
    """Add a section to draft ``plan`` (last among its siblings) or change ``section``.

    ``values`` holds heading, body, include_indicators and parent (a Section of the same plan
    or None). Side effects: one INSERT or UPDATE of a Section with its history row and audit reason.
    """
    require_draft(plan)
    parent = values.get("parent")
    if section is None:
        section = Section(plan=plan, order=next_order(Section.objects.filter(plan=plan, parent=parent)))
    elif parent != section.parent:
        section.order = next_order(Section.objects.filter(plan=plan, parent=parent))
    action = "Thêm mục" if section.pk is None else "Sửa mục"
    section.parent = parent
    for name in SECTION_FIELDS:
        setattr(section, name, values.get(name, getattr(section, name)))
    section._history_user = by
    section.save()
    audit.record(section, action, by=by)
    return section


@transaction.atomic
def move_section(section, *, up, by):
    """Swap ``section`` with its previous (``up``) or next sibling. Side effects: UPDATEs of
    sibling orders (renumbered 1..n)."""
    require_draft(section.plan)
    swap(Section.objects.filter(plan_id=section.plan_id, parent_id=section.parent_id), section, up=up)


@transaction.atomic
def delete_section(section, *, by):
    """Delete ``section`` and its sub-sections. Side effects: DELETEs of Sections (history rows "-"
    stamped with ``by``)."""
    require_draft(section.plan)
    section._history_user = by
    section._change_reason = audit.reason_text("Xoá mục", reason=section.heading)
    section.delete()


# --- tasks of a draft plan (the plan's text: title, who leads, when; progress is save_task's) --

TASK_DRAFT_FIELDS = ["title", "description", "lead", "due_date", "due_text", "result_text", "note",
                     "sector", "group", "stt"]
# The Nghị định 30 skeleton a blank plan starts from: (heading, include_indicators).
BLANK_SECTIONS = [("I. MỤC TIÊU", False), ("II. CHỈ TIÊU", True), ("III. NHIỆM VỤ VÀ GIẢI PHÁP", False),
                  ("IV. TỔ CHỨC THỰC HIỆN", False)]


def _task_draft_errors(plan, values):
    errors = {}
    if not (values.get("title") or "").strip():
        errors["title"] = "Nhập tên nhiệm vụ."
    if due_date_error(plan, values.get("due_date")):
        errors["due_date"] = due_date_error(plan, values.get("due_date"))
    departments = [values.get("lead"), *(values.get("cooperating") or [])]
    if any(d is not None and d.unit_id != plan.unit_id for d in departments):
        errors["lead"] = "Chỉ chọn bộ phận của chính đơn vị."
    return errors


@transaction.atomic
def save_draft_task(plan, *, values, by, task=None):
    """Add a task to draft ``plan`` (last in order) or change every field of ``task`` as the plan
    writes it: names in TASK_DRAFT_FIELDS plus ``cooperating`` (departments of the plan's unit).

    Side effects: one INSERT or UPDATE of a Task (version + 1 on a change), its cooperating set,
    a history row and an audit row. Raises ValidationError naming the field for an empty title,
    a due date outside the plan year or a department of another unit.
    """
    require_draft(plan)
    errors = _task_draft_errors(plan, values)
    if errors:
        raise ValidationError(errors)
    if task is None:
        task = Task(plan=plan, order=next_order(Task.objects.filter(plan=plan)))
    else:
        task.version += 1
    action = "Thêm nhiệm vụ" if task.pk is None else "Sửa nhiệm vụ"
    for name in TASK_DRAFT_FIELDS:
        if name in values:
            value = values[name]
            setattr(task, name, value.strip() if isinstance(value, str) else value)
    task._history_user = by
    task.save()
    if "cooperating" in values:
        task.cooperating.set([d for d in values["cooperating"] if d != task.lead])
    audit.record(task, action, by=by, reason=task.title)
    return task


@transaction.atomic
def move_task(task, *, up, by):
    """Swap ``task`` with the previous (``up``) or next task of its draft plan. Side effects: UPDATEs
    of the orders (renumbered 1..n)."""
    require_draft(task.plan)
    swap(Task.objects.filter(plan_id=task.plan_id), task, up=up)


@transaction.atomic
def delete_task(task, *, by):
    """Remove ``task`` from its draft plan. Side effects: one DELETE (history row "-" stamped with
    ``by`` and the task's title as reason)."""
    require_draft(task.plan)
    task._history_user = by
    task._change_reason = audit.reason_text("Xoá nhiệm vụ", reason=task.title)
    task.delete()


def start_blank_plan(plan, *, by):
    """Give new blank ``plan`` the Nghị định 30 skeleton sections and the usual sectors (every
    catalogue Sector, in order). Side effects: INSERTs of Sections and PlanSectors with history rows.
    Called inside :func:`create_plan`'s transaction."""
    for order, (heading, include) in enumerate(BLANK_SECTIONS, start=1):
        section = Section(plan=plan, order=order, heading=heading, include_indicators=include)
        section._history_user = by
        section.save()
    for order, sector in enumerate(Sector.objects.order_by("order", "name"), start=1):
        row = PlanSector(plan=plan, sector=sector, name=sector.name.upper(), order=order)
        row._history_user = by
        row.save()
