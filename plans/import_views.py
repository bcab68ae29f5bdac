"""Bring your own plan: upload a Word plan, review what was read, confirm (all or nothing).

The pending extraction lives in the session (server-side), never in the page: the review posts
corrections only, and confirming writes through plans.importing.pipeline.save_extraction, i.e.
plans.interchange.import_plan.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from plans.importing.forms import PlanUploadForm
from plans.importing.pipeline import Extraction, attach_unit, extract_docx, save_extraction
from plans.importing.review import NEW_ROWS, apply_edits, rows
from plans.importing.safety import UploadRefused
from plans.interchange import PlanImportError, validate
from units.models import Unit
from units.permissions import can_edit
from units.scoping import visible_units

SESSION_KEY = "plan_import"


@login_required
@require_http_methods(["GET", "POST"])
def plan_import(request):
    form = PlanUploadForm(request.POST or None, request.FILES or None, user=request.user)
    if not form.fields["unit"].queryset.exists():
        raise PermissionDenied
    if request.method == "POST" and form.is_valid():
        try:
            extraction = extract_docx(form.cleaned_data["file"].read())
        except UploadRefused as exc:
            form.add_error("file", str(exc))
        else:
            chosen = form.cleaned_data["unit"]
            if chosen is not None:
                extraction.doc, extraction.unit_id, extraction.unit_error = attach_unit(extraction.doc, chosen), chosen.pk, ""
            if extraction.unit_error:
                form.add_error("unit", extraction.unit_error + " Chọn đơn vị rồi tải lên lại.")
            elif not visible_units(request.user, write=True).filter(pk=extraction.unit_id).exists():
                form.add_error("unit", f"Bạn không được soạn kế hoạch của {extraction.doc['unit']['name']}.")
            else:
                request.session[SESSION_KEY] = extraction.as_session()
                return redirect("plans:plan_import_review")
    return render(request, "plans/plan_import.html", {"form": form})


def _pending(request):
    data = request.session.get(SESSION_KEY)
    if not data:
        return None
    extraction = Extraction.from_session(data)
    unit = Unit.objects.filter(pk=extraction.unit_id).first()
    if unit is None or not can_edit(request.user, unit):
        raise PermissionDenied
    return extraction


@login_required
@require_http_methods(["GET", "POST"])
def plan_import_review(request):
    extraction = _pending(request)
    if extraction is None:
        messages.info(request, "Chưa có văn bản nào đang chờ xem lại: hãy tải văn bản lên.")
        return redirect("plans:plan_import")
    errors = []
    if request.method == "POST":
        if "cancel" in request.POST:
            del request.session[SESSION_KEY]
            messages.info(request, "Đã huỷ, không có gì được ghi.")
            return redirect("plans:plan_create")
        extraction.doc = apply_edits(extraction.doc, request.POST)
        request.session[SESSION_KEY] = extraction.as_session()
        if "confirm" in request.POST:
            try:
                plan = save_extraction(extraction, by=request.user)
            except PlanImportError as exc:
                errors = exc.errors
            else:
                del request.session[SESSION_KEY]
                messages.success(request, f"Đã nhập kế hoạch {plan.unit.name} năm {plan.year}: "
                                          f"{plan.indicators.count()} chỉ tiêu.")
                return redirect(plan)
        else:
            errors = validate(extraction.doc)
    return render(request, "plans/plan_import_review.html", _review_context(extraction, errors))


def _review_context(extraction, errors):
    doc = extraction.doc
    unsure = extraction.unsure
    return {"doc": doc, "plan": doc["plan"], "rows": rows(doc, unsure), "errors": errors,
            "sectors": list(enumerate(doc["sectors"])), "new_rows": range(NEW_ROWS),
            "unsure_header": [m for p, m in unsure if not p.startswith("sectors[")],
            "unsure_count": len(unsure), "sections": doc["sections"],
            "tasks": [{"lead": "", "cooperating": [], "due_date": "", "due_text": "", **t} for t in doc["tasks"]],
            "previous": extraction.previous}
