"""The Excel template round trip of a plan: download the template (or a blank one), upload it filled,
preview what changes, confirm (all or nothing). The uploaded file waits in the session, never in
the page; confirming reads it again against the plan as it is then."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from indicators.results import Conflict
from plans.importing.forms import SheetUploadForm
from plans.importing.safety import UploadRefused
from plans.importing.xlsx_template import apply_sheet, read_sheet, template_bytes
from plans.models import Plan
from units.http import attachment
from units.scoping import get_scoped_or_404

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SESSION_KEY = "plan_sheet"
MAX_SHEET = 2 * 1024 * 1024  # the filled sheet waits in the session until confirmed


def _download(data, name):
    return attachment(name, XLSX, data)


@login_required
def sheet_template(request, pk):
    plan = get_scoped_or_404(Plan.objects.select_related("unit"), request.user, pk=pk)
    return _download(template_bytes(plan), f"chi-tieu-{plan.year}-{plan.pk}.xlsx")


@login_required
def blank_template(request):
    return _download(template_bytes(None), "mau-chi-tieu.xlsx")


@login_required
@require_http_methods(["GET", "POST"])
def sheet_upload(request, pk):
    plan = get_scoped_or_404(Plan.objects.select_related("unit"), request.user, write=True, pk=pk)
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    changes = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            if len(data) > MAX_SHEET:
                raise UploadRefused("Bảng tính lớn quá 2 MB: hãy bỏ các trang, hình ảnh không cần rồi tải lên lại.")
            changes = read_sheet(data, plan)
        except UploadRefused as exc:
            form.add_error("file", str(exc))
        except Exception:  # openpyxl raises many kinds on a damaged workbook
            form.add_error("file", "Không đọc được bảng tính này: tệp bị hỏng hoặc không phải .xlsx.")
        else:
            if not changes.errors:
                request.session[SESSION_KEY] = {"plan": plan.pk, "data": base64.b64encode(data).decode()}
    return render(request, "plans/sheet_upload.html", {"plan": plan, "form": form, "changes": changes})


@login_required
@require_POST
def sheet_confirm(request, pk):
    plan = get_scoped_or_404(Plan.objects.select_related("unit"), request.user, write=True, pk=pk)
    pending = request.session.get(SESSION_KEY)
    if not pending or pending["plan"] != plan.pk:
        messages.info(request, "Không có bảng tính nào đang chờ: hãy tải lên lại.")
        return redirect("plans:sheet_upload", pk=plan.pk)
    changes = read_sheet(base64.b64decode(pending["data"]), plan)
    if changes.errors:
        return render(request, "plans/sheet_upload.html", {"plan": plan, "form": SheetUploadForm(),
                                                          "changes": changes})
    try:
        counts = apply_sheet(plan, changes, by=request.user)
    except (PermissionDenied, ValidationError, Conflict) as exc:
        reason = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        messages.error(request, f"Không ghi được, không có gì thay đổi: {reason or 'có người vừa sửa trước.'}")
        return redirect("plans:sheet_upload", pk=plan.pk)
    del request.session[SESSION_KEY]
    messages.success(request, f"Đã cập nhật từ bảng tính: thêm {counts['added']}, sửa {counts['changed']}, "
                              f"xoá {counts['removed']} chỉ tiêu; {counts['results']} kết quả.")
    return redirect("plans:indicator_list", pk=plan.pk)
