from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import F
from django.http import Http404, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect
from django_tables2 import RequestConfig

from core.periods import PERIOD_LABELS, PERIODS, entry_period
from core.phrases import short_meaning
from core.vnformat import has_english_number
from indicators import counting
from indicators import services as indicator_services
from indicators.assess import assess, pick_result
from indicators.forms import PlanIndicatorForm, ResultForm
from indicators.models import PlanIndicator
from indicators.results import Conflict, current_result, result_text
from indicators.services import FROZEN_MESSAGE
from units.permissions import READ_ROLES, can_edit, can_reopen, supervises
from units.scoping import get_scoped_or_404, scoped, visible_units

from . import detail_rows, grid, history, reporting, selectors, services
from .filters import TaskFilter
from .forms import PlanCreateForm, PlanMetaForm, ReopenForm, SectionForm, TaskForm
from .models import Plan, Section, Task
from .tables import TaskTable


def _plan(request, pk, *, write=False):
    """The plan, with its reopened periods for the plan header (one query more)."""
    plan = get_scoped_or_404(Plan.objects.with_unit().prefetch_related(selectors.reopened_prefetch()),
                             request.user, write=write, pk=pk)
    return selectors.with_reopened_reports(plan)


def _draft(request, plan_pk, queryset=None, /, **lookup):
    """What a person changes in draft plan ``plan_pk``: the plan itself, or the row of ``queryset``
    (a section, an indicator) matching ``lookup`` inside it. 404 outside their scope; 403 inside
    it without the right to write, or when the plan is issued (the message says to revise it)."""
    if queryset is None:
        obj = plan = _plan(request, plan_pk, write=True)
    else:
        obj = get_scoped_or_404(queryset.select_related("plan", "plan__unit"), request.user, write=True,
                                plan_id=plan_pk, **lookup)
        plan = selectors.with_reopened_reports(obj.plan)
    if plan.is_issued:
        raise PermissionDenied(FROZEN_MESSAGE)
    return obj


def _preview(text, name=None):
    target = indicator_services.read_target(text, name or None)
    return {"text": (text or "").strip(), "meaning": short_meaning(target, f"{name or ''} {text or ''}"),
            "qualitative": indicator_services.is_qualitative(target.kind),
            "english_number": has_english_number(text)}


def row_views(model, *, move, delete, page, anchor, deleted):
    """The ↑↓ and delete views of the rows of a draft plan (sections, indicators, tasks): each is
    scope (:func:`_draft`) → service → back to ``page`` at the row's ``anchor``. The URL names the
    row's id as ``<row>_pk``."""

    @login_required
    @require_POST
    def move_row(request, pk, direction, **row_pk):
        (row_id,) = row_pk.values()
        row = _draft(request, pk, model.objects, pk=row_id)
        move(row, up=direction == "up", by=request.user)
        return redirect(reverse(page, args=[pk]) + f"#{anchor}-{row.pk}")

    @login_required
    @require_POST
    def delete_row(request, pk, **row_pk):
        (row_id,) = row_pk.values()
        delete(_draft(request, pk, model.objects, pk=row_id), by=request.user)
        messages.success(request, deleted)
        return redirect(page, pk=pk)

    return move_row, delete_row


def _apply(form, call):
    """Run a service ``call``; its ValidationError lands on the form. Returns the result or None."""
    try:
        return call()
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


# /  and  /plans/<pk>/

@login_required
def home(request):
    plans = selectors.plans_with_next_report(request.user, today=timezone.localdate())
    units = {p.unit_id for p in plans}
    may_create = visible_units(request.user, write=True).exists()
    if not request.GET.get("all"):
        # Someone who only follows units from above starts on the dashboard;
        # a ward official with one unit goes straight to its newest plan.
        if not may_create and supervises(request.user):
            return redirect("dashboard:overview")
        # Units held through a role, not only read as a predecessor (units.scoping): a new commune's
        # official lands on their own plan, or the list, never on an old ward's plan.
        own = set(visible_units(request.user, roles=READ_ROLES).filter(pk__in=units).values_list("pk", flat=True))
        if len(own) == 1:
            return redirect(next(p for p in plans if p.unit_id in own))
    return render(request, "plans/home.html", {"plans": plans, "may_create": may_create})


@login_required
def plan_detail(request, pk):
    plan = _plan(request, pk)
    period = request.GET.get("period") or "y"
    if period not in dict(PERIODS):
        period = "y"
    groups, summary = selectors.evaluated_groups(plan, period)
    context = {
        "plan": plan,
        "sections": selectors.section_tree(plan),
        "indicator_rows": detail_rows.indicator_rows_html(plan, groups),
        "summary": summary,
        "task_groups": selectors.tasks_by_department(plan),
        "period": period,
        "periods": PERIODS,
        "report": reporting.period_report(plan, period),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_history(request, pk):
    plan = _plan(request, pk)
    indicator = None
    if request.GET.get("indicator"):
        # ?indicator=<pk>: one indicator's targets and results; only an indicator of this plan.
        indicator = get_scoped_or_404(PlanIndicator.objects.all(), request.user, plan_id=plan.pk,
                                      pk=_int_or_404(request.GET["indicator"]))
    return render(request, "plans/plan_history.html", {
        "plan": plan, "indicator": indicator, "changes": history.plan_history(plan, indicator=indicator)})


def _int_or_404(text):
    if not str(text).isdigit():
        raise Http404
    return int(text)


# /plans/new/, copy, revise, edit  (the issue page: reports.issuing.views.issue)

@login_required
def plan_create(request):
    form = PlanCreateForm(request.POST or None, user=request.user,
                          initial={"year": request.GET.get("year"), "unit": request.GET.get("unit")})
    if not form.fields["unit"].queryset.exists():
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.source is not None:
            plan = _apply(form, lambda: services.copy_plan(form.source, year=data["year"], by=request.user))
        else:
            plan = _apply(form, lambda: services.create_plan(data["unit"], year=data["year"], title=data["title"],
                                                             by=request.user))
        if plan is not None:
            messages.success(request, f"Đã tạo kế hoạch năm {plan.year}.")
            return redirect(plan)
    return render(request, "plans/plan_create.html", {"form": form})


@login_required
@require_POST
def plan_copy(request, pk):
    plan = _plan(request, pk, write=True)
    try:
        new = services.copy_plan(plan, year=plan.year + 1, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(plan)
    messages.success(request, f"Đã sao chép sang kế hoạch năm {new.year}. Hãy rà soát lại chỉ tiêu.")
    return redirect(new)


@login_required
@require_POST
def plan_revise(request, pk):
    plan = _plan(request, pk, write=True)
    try:
        draft = services.start_revision(plan, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(plan)
    messages.info(request, f"Đang soạn bản điều chỉnh lần {draft.revision}; bản đã ban hành giữ nguyên.")
    return redirect("plans:plan_edit", pk=draft.pk)


@login_required
def plan_edit(request, pk):
    plan = _draft(request, pk)
    form = PlanMetaForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        if _apply(form, lambda: services.update_plan(plan, values=form.cleaned_data, by=request.user)):
            messages.success(request, "Đã lưu thông tin văn bản.")
            return redirect(plan)
    return render(request, "plans/plan_edit.html", {"plan": plan, "form": form})


# /plans/<pk>/sections/

@login_required
def section_list(request, pk):
    plan = _draft(request, pk)
    form = SectionForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        if _apply(form, lambda: services.save_section(plan, values=form.cleaned_data, by=request.user)):
            messages.success(request, "Đã thêm mục.")
            return redirect("plans:section_list", pk=plan.pk)
    context = {"plan": plan, "form": form, "sections": selectors.section_tree(plan)}
    return render(request, "plans/section_list.html", context)


@login_required
def section_edit(request, pk, section_pk):
    section = _draft(request, pk, Section.objects, pk=section_pk)
    form = SectionForm(request.POST or None, plan=section.plan, instance=section)
    if request.method == "POST" and form.is_valid():
        values = form.cleaned_data
        if _apply(form, lambda: services.save_section(section.plan, values=values, by=request.user,
                                                      section=section)):
            messages.success(request, "Đã lưu mục.")
            return redirect("plans:section_list", pk=pk)
    return render(request, "plans/section_edit.html", {"plan": section.plan, "section": section, "form": form})


section_move, section_delete = row_views(Section, move=services.move_section, delete=services.delete_section,
                                         page="plans:section_list", anchor="muc", deleted="Đã xoá mục.")


# /plans/<pk>/indicators/

@login_required
def indicator_list(request, pk):
    plan = _draft(request, pk)
    form = PlanIndicatorForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        if _apply(form, lambda: indicator_services.save_indicator(plan, values=form.values(), by=request.user)):
            messages.success(request, "Đã thêm chỉ tiêu.")
            return redirect("plans:indicator_list", pk=plan.pk)
    context = {"plan": plan, "form": form, "groups": selectors.indicator_groups(plan),
               "preview": _preview(form["target_text"].value(), form["name"].value())}
    return render(request, "plans/indicator_list.html", context)


@login_required
def indicator_edit(request, pk, indicator_pk):
    indicator = _draft(request, pk, PlanIndicator.objects.select_related("plan_sector"), pk=indicator_pk)
    plan = indicator.plan
    form = PlanIndicatorForm(request.POST or None, plan=plan, instance=indicator)
    if request.method == "POST" and form.is_valid():
        if _apply(form, lambda: indicator_services.save_indicator(plan, values=form.values(), by=request.user,
                                                        indicator=indicator)):
            messages.success(request, "Đã lưu chỉ tiêu.")
            return redirect(reverse("plans:indicator_list", args=[pk]) + f"#ct-{indicator.pk}")
    context = {"plan": plan, "indicator": indicator, "form": form,
               "preview": _preview(form["target_text"].value(), form["name"].value())}
    return render(request, "plans/indicator_edit.html", context)


indicator_move, indicator_delete = row_views(
    PlanIndicator, move=indicator_services.move_indicator, delete=indicator_services.delete_indicator,
    page="plans:indicator_list", anchor="ct", deleted="Đã xoá chỉ tiêu.")


@login_required
@require_GET
def target_preview(request):
    """htmx fragment: how the typed target will be read ("≥ 90%"), or the qualitative note."""
    context = _preview(request.GET.get("target_text", ""), request.GET.get("name"))
    return render(request, "plans/_target_preview.html", context)


# /plans/<pk>/results/  (results of one period, saved row by row)

def _period_or_404(period):
    if period not in PERIOD_LABELS:
        raise Http404
    return period


def _entry_refusal(plan, report, revision_note=None):
    """Why results of ``report``'s period cannot be typed on ``plan`` (None when they can): the
    plan is a draft revision (its results are entered on the plan in force), or the period is
    submitted. The grid shows it read-only; a save is refused with this message.
    ``revision_note``: reporting.revision_message(plan) when the caller already has it."""
    if revision_note is None:
        revision_note = reporting.revision_message(plan)
    return revision_note or (reporting.LOCKED_MESSAGE if report.is_locked else None)


def _result_row(request, plan, indicator, depth, period, report, *, form=None, result=None, conflict=None,
                saved=False, editable=None):
    """One grid row (plans.grid.row_html writes it): ``result`` is the row's current figure when
    ``form`` is None (no form is built then); ``form`` is a bound one shown again as typed.
    ``editable`` is worked out here unless the grid already did it once for all its rows."""
    if form is not None:
        result = current_result(indicator, period) if result is None else result
    if editable is None:
        editable = not _entry_refusal(plan, report) and can_edit(request.user, plan.unit)
    return {"indicator": indicator, "depth": depth, "form": form, "ev": assess(indicator, result, period),
            "conflict": conflict, "saved": saved, "editable": editable, "plan": plan, "period": period}


def _submit_confirm(report, missing, total):
    """The question "Nộp báo cáo" asks, with the facts: how many indicators still have no result."""
    if missing:
        facts = f"Còn {missing}/{total} chỉ tiêu chưa có kết quả."
    else:
        facts = f"Đã có kết quả của cả {total}/{total} chỉ tiêu."
    return (f"{facts} Nộp báo cáo {report.get_period_display()}? "
            "Sau khi nộp, chỉ cấp trên mới mở lại được.")


def _results_page(request, plan, period, *, bound_row=None):
    report = reporting.period_report(plan, period)
    in_force = reporting.results_plan(plan)  # asked once per page (it is one query each time)
    plan.version_in_force = in_force if in_force.is_issued else None  # the header's, primed
    revision_note = reporting.revision_message(plan, in_force) or ""
    editable = not _entry_refusal(plan, report, revision_note) and can_edit(request.user, plan.unit)
    token = get_token(request)
    groups = []
    missing = total = 0
    for ps, rows in selectors.indicator_groups(plan, period=period):
        items = []
        counts, listed = counting.count(counting.settle_tree(
            (ind, depth, assess(ind, pick_result(ind.period_results), period)) for ind, depth in rows))
        total, missing = total + listed, missing + counts.get("no_data", 0)
        for ind, depth in rows:
            current = pick_result(ind.period_results)
            if bound_row is not None and bound_row["indicator"].pk == ind.pk:
                items.append(bound_row)
            else:
                items.append(_result_row(request, plan, ind, depth, period, report, result=current,
                                         editable=editable))
        groups.append((ps, [grid.row_html(row, token) for row in items]))
    context = {"plan": plan, "period": period, "periods": PERIODS, "groups": groups, "report": report,
               "may_edit": can_edit(request.user, plan.unit) and not revision_note,
               "may_reopen": can_reopen(request.user, report) and not revision_note,
               "revision_note": revision_note, "in_force": in_force,
               "submit_confirm": _submit_confirm(report, missing, total)}
    return render(request, "plans/results.html", context)


@login_required
@require_GET
def result_list(request, pk):
    plan = _plan(request, pk)
    period = request.GET.get("period")
    if period not in PERIOD_LABELS:
        period = entry_period(plan.year, timezone.localdate())
    return _results_page(request, plan, period)


@login_required
def result_save(request, pk, period, indicator_pk):
    """GET: one row of the grid (htmx, "keep theirs"). POST: save it; the response replaces the row."""
    _period_or_404(period)
    queryset = PlanIndicator.objects.select_related("plan", "plan__unit")
    indicator = get_scoped_or_404(queryset, request.user, write=request.method == "POST", pk=indicator_pk,
                                  plan_id=pk)
    plan = indicator.plan
    report = reporting.period_report(plan, period)
    depth = request.POST.get("depth") or request.GET.get("depth") or "0"
    depth = min(int(depth), 5) if depth.isdigit() else 0  # indentation only
    if request.method != "POST":
        row = _result_row(request, plan, indicator, depth, period, report,
                          result=current_result(indicator, period))
        return _row_response(request, row)
    refused = _entry_refusal(plan, report)
    if refused:
        raise PermissionDenied(refused)
    form = ResultForm(request.POST, indicator=indicator, period=period,
                      result=current_result(indicator, period))
    conflict = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            result = reporting.save_result(indicator, period=period, is_estimate=data["is_estimate"],
                                          values=form.values(), expected_version=data["version"],
                                          expected_id=data["rid"], by=request.user)
        except Conflict as exc:
            conflict = {"theirs": exc.current, "theirs_text": result_text(exc.current),
                        "yours": form.typed()}
            form = _rebased(form, indicator, period, exc.current)
        else:
            if not request.htmx:
                messages.success(request, "Đã lưu kết quả.")
                return redirect(reverse("plans:result_list", args=[pk]) + f"?period={period}#r-{indicator.pk}")
            # Still editable: the save just passed the same rules (write scope, open period, plan in force).
            row = _result_row(request, plan, indicator, depth, period, report, result=result, saved=True,
                              editable=True)
            # The count in the "Nộp báo cáo" question changes with this save: results.js carries it over.
            row["row_submit_confirm"] = _submit_confirm(report, *selectors.results_missing(plan, period))
            return _row_response(request, row)
    row = _result_row(request, plan, indicator, depth, period, report, form=form, conflict=conflict)
    if not request.htmx:
        return _results_page(request, plan, period, bound_row=row)
    return _row_response(request, row)


def _row_response(request, row):
    """The htmx answer: the row alone, which replaces the one on the page."""
    return HttpResponse(grid.row_html(row, get_token(request)))


def _rebased(form, indicator, period, theirs):
    """The typed values again, now carrying the version in the database: saving them overwrites."""
    data = form.data.copy()
    data[form.add_prefix("version")] = theirs.version if theirs else 0
    data[form.add_prefix("rid")] = theirs.pk if theirs else ""
    rebased = ResultForm(data, indicator=indicator, period=period, result=theirs)
    rebased.is_valid()
    return rebased


@login_required
@require_POST
def period_submit(request, pk, period):
    plan = _plan(request, pk, write=True)
    report = reporting.period_report(plan, _period_or_404(period))
    try:
        report = reporting.submit_period(report, by=request.user)
    except ValidationError as exc:
        messages.warning(request, " ".join(exc.messages))
    else:
        when = "nộp muộn" if report.is_late else "đúng hạn"
        messages.success(request, f"Đã nộp báo cáo {report.get_period_display()} ({when}).")
    grid = reverse("plans:result_list", args=[pk]) + f"?period={period}"
    if request.htmx:  # the button posts through htmx (for hx-confirm): the browser goes to the grid
        return HttpResponseClientRedirect(grid)
    return redirect(grid)


@login_required
def period_reopen(request, pk, period):
    plan = _plan(request, pk)
    report = reporting.period_report(plan, _period_or_404(period))
    if not can_reopen(request.user, report):
        raise PermissionDenied
    form = ReopenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            reporting.reopen_period(report, comment=form.cleaned_data["comment"], by=request.user)
        except ValidationError as exc:
            messages.warning(request, " ".join(exc.messages))
        else:
            messages.success(request, f"Đã mở lại báo cáo {report.get_period_display()}.")
        return redirect(reverse("plans:result_list", args=[pk]) + f"?period={period}")
    return render(request, "plans/period_reopen.html", {"plan": plan, "report": report, "form": form})


# /plans/<pk>/tasks/

@login_required
@require_GET
def task_list(request, pk):
    plan = _plan(request, pk)
    queryset = scoped(Task.objects.filter(plan=plan), request.user).select_related("lead").order_by(
        F("lead__order").asc(nulls_last=True), "lead__name", "order", "pk")
    filters = TaskFilter(request.GET or None, queryset=queryset, plan=plan)
    revision_note = reporting.revision_message(plan)
    may_edit = can_edit(request.user, plan.unit) and not revision_note
    table = TaskTable(filters.qs, may_edit=may_edit)
    RequestConfig(request, paginate=False).configure(table)
    context = {"plan": plan, "filter": filters, "table": table, "may_edit": may_edit,
               "revision_note": revision_note, "in_force": reporting.results_plan(plan)}
    if request.htmx:
        return render(request, "plans/task_list.html#task-table", context)
    return render(request, "plans/task_list.html", context)


@login_required
def task_edit(request, pk, task_pk):
    task = get_scoped_or_404(Task.objects.select_related("plan", "plan__unit", "lead"), request.user,
                             write=True, pk=task_pk, plan_id=pk)
    selectors.with_reopened_reports(task.plan)
    form = TaskForm(request.POST or None, task=task)
    conflict = None
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in reporting.TASK_FIELDS}
        try:
            reporting.save_task(task, values=values, expected_version=form.cleaned_data["version"], by=request.user)
        except Conflict as exc:
            conflict = exc.current
            data = form.data.copy()
            data["version"] = conflict.version if conflict else 0
            form = TaskForm(data, task=task)
            form.is_valid()
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, "Đã cập nhật nhiệm vụ.")
            return redirect(reverse("plans:task_list", args=[pk]) + f"#nv-{task.pk}")
    context = {"plan": task.plan, "task": task, "form": form, "conflict": conflict}
    return render(request, "plans/task_edit.html", context)
