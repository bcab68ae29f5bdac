"""Issuing plans: the issue page, the frozen and signed PDFs, signing, uploading a signed copy
(all under /plans/<pk>/), and the public verification page (/verify/)."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from config.throttle import looks_something_up, throttle
from plans import yearroll
from plans.forms import IssueForm
from plans.models import Plan
from plans.selectors import with_reopened_reports
from reports.models import IssuedDocument
from units.http import attachment
from units.permissions import can_issue
from units.scoping import get_scoped_or_404

from ..documents import exporters
from ..documents.registry import get_exporter
from . import services
from .pades import MAX_UPLOAD_BYTES, Refused, check_pdf

MAX_MB = MAX_UPLOAD_BYTES // (1024 * 1024)
TOO_LARGE = f"Tệp lớn hơn {MAX_MB} MB."
# What a form post adds to the file: multipart boundaries and headers, the CSRF token, the code.
UPLOAD_MARGIN = 64 * 1024


class PdfUploadForm(forms.Form):
    file = forms.FileField(label="Tệp PDF", error_messages={"required": "Chọn tệp PDF để tải lên."})

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload:  # optional on the verification page
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(TOO_LARGE)
        data = upload.read()
        try:
            check_pdf(data)
        except Refused as exc:
            raise forms.ValidationError(str(exc)) from None
        return data


class VerifyForm(PdfUploadForm):
    file = forms.FileField(label="Hoặc tải lên tệp PDF nhận được", required=False)


def declared_too_large(request):
    """True when the request announces a body (CONTENT_LENGTH) no acceptable upload could make."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except (TypeError, ValueError):
        return False
    return length > MAX_UPLOAD_BYTES + UPLOAD_MARGIN


def too_large_form(form_class):
    """A ``form_class`` form whose only error is TOO_LARGE, made without reading the request."""
    form = form_class(data={})
    form.full_clean()
    form.errors.clear()
    form.add_error("file", TOO_LARGE)
    return form


def refuse_large_uploads(refusal):
    """Decorator: a POST announcing a body over the upload limit gets ``refusal(request, ...)`` unread.

    Django reads the whole body (to disk) as soon as anything touches request.POST or FILES, and
    the CSRF middleware does so for every POST before the view runs. So the view is exempt from
    the middleware and the same CSRF check (``csrf_protect``) runs here, after the size check.
    The refusal changes nothing and needs no CSRF token.
    """
    def decorator(view):
        protected = csrf_protect(view)

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and declared_too_large(request):
                return refusal(request, *args, **kwargs)
            return protected(request, *args, **kwargs)
        return csrf_exempt(wrapped)
    return decorator


def _attachment(doc):
    try:
        data = services.read_document(doc)
    except OSError:  # committed, but its file never written (see services._lost): not there yet
        raise Http404 from None
    return attachment(doc.file.name.rsplit("/", 1)[-1], "application/pdf", data)


def _plan(request, plan_pk, *, issue=False, write=False):
    plan = get_scoped_or_404(Plan.objects.with_unit(), request.user, write=write, pk=plan_pk)
    if issue and not can_issue(request.user, plan):
        raise PermissionDenied
    return with_reopened_reports(plan)  # the plan header's alerts, in one query


def _status_url(plan):
    return reverse("issuing:plan_status", args=[plan.pk])


# /plans/<pk>/issue/

@login_required
def issue(request, pk):
    plan = _plan(request, pk, issue=True, write=True)
    if plan.is_issued:
        messages.warning(request, "Kế hoạch này đã được ban hành.")
        return redirect(plan)
    form = IssueForm(request.POST or None, plan=plan)
    empty = get_exporter("plan", "pdf").empty_reason(plan)   # nothing to freeze: say why, issue nothing
    if request.method == "POST" and not empty and form.is_valid():
        try:
            services.issue_plan(plan, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        except Refused as exc:  # issued, but its file could not be stored: the status page offers a retry
            messages.warning(request, f"Đã ban hành kế hoạch số {plan.number_symbol}. {exc} "
                                      "Bấm “Tạo bản phát hành” ở mục bản phát hành để tạo lại.")
            return redirect(plan)
        else:
            messages.success(request, f"Đã ban hành kế hoạch số {plan.number_symbol}.")
            return redirect(plan)
    return render(request, "issuing/plan_issue.html",
                  {"plan": plan, "form": form, "stale_lines": yearroll.stale_lines(plan),
                   "appendix_lines": exporters.appendix_lines(plan), "empty_reason": empty})


# /plans/<pk>/ky-so/

@login_required
@require_GET
def plan_status(request, plan_pk):
    plan = _plan(request, plan_pk)
    return render(request, "issuing/plan_status.html", {"plan": plan, "issued_docs": services.issued_documents(plan)})


@login_required
@require_GET
def download_frozen(request, plan_pk):
    plan = _plan(request, plan_pk)
    doc = services.frozen_document(plan)
    if doc is None:
        raise Http404
    return _attachment(doc)


@login_required
@require_GET
def download_signed(request, plan_pk):
    plan = _plan(request, plan_pk)
    doc = IssuedDocument.objects.signed().filter(plan=plan).first()
    if doc is None:
        raise Http404
    return _attachment(doc)


@login_required
@require_POST
def freeze(request, plan_pk):
    plan = _plan(request, plan_pk, issue=True)
    try:
        services.freeze_plan(plan, by=request.user)
        messages.success(request, "Đã tạo bản phát hành của kế hoạch.")
    except Refused as exc:
        messages.error(request, str(exc))
    return redirect(_status_url(plan))


@login_required
@require_POST
def sign(request, plan_pk):
    plan = _plan(request, plan_pk, issue=True)
    try:
        services.sign_plan(plan, by=request.user)
        messages.success(request, "Đã ký số bản phát hành bằng chứng thư số của cơ quan.")
    except Refused as exc:
        messages.error(request, str(exc))
    return redirect(_status_url(plan))


def _upload_too_large(request, plan_pk):
    plan = _plan(request, plan_pk, issue=True)
    return render(request, "issuing/upload.html", {"plan": plan, "form": too_large_form(PdfUploadForm),
                                                   "reasons": [], "max_mb": MAX_MB}, status=413)


@login_required
@require_http_methods(["GET", "POST"])
@refuse_large_uploads(_upload_too_large)
def upload_signed(request, plan_pk):
    plan = _plan(request, plan_pk, issue=True)
    form = PdfUploadForm(request.POST or None, request.FILES or None)
    reasons = []
    if request.method == "POST" and form.is_valid():
        try:
            services.accept_signed_upload(plan, form.cleaned_data["file"], by=request.user)
        except Refused as exc:
            reasons = exc.reasons
            form.add_error("file", str(exc))
        else:
            messages.success(request, "Đã nhận bản ký số; đây là bản chính thức của kế hoạch.")
            return redirect(_status_url(plan))
    status = 400 if request.method == "POST" else 200
    return render(request, "issuing/upload.html", {"plan": plan, "form": form, "reasons": reasons,
                                                   "max_mb": MAX_MB}, status=status)


class MovedPermanently(HttpResponsePermanentRedirect):
    """308: like 301, but a POST stays a POST (with its body) at the new address."""

    status_code = 308


@csrf_exempt  # changes nothing, reads no body: a POST is sent on, token and all, to be checked there
def moved(request, *, to, **kwargs):
    """An address that moved: the new one (``to``, a URL name), same arguments and query string."""
    url = reverse(to, kwargs=kwargs)
    query = request.META.get("QUERY_STRING", "")
    return MovedPermanently(f"{url}?{query}" if query else url)


# /verify/  (public: whoever received the document checks it here)

def _verify_too_large(request):
    return render(request, "issuing/verify.html", {"form": too_large_form(VerifyForm), "code": "",
                                                   "max_mb": MAX_MB}, status=413)


@throttle("verify", counts=looks_something_up)
@require_http_methods(["GET", "POST"])
@refuse_large_uploads(_verify_too_large)
def verify(request):
    form = VerifyForm(request.POST or None, request.FILES or None)
    code = (request.POST.get("code") or request.GET.get("code") or "").strip()
    context = {"form": form, "code": code, "max_mb": MAX_MB}
    if request.method == "POST" and form.is_valid() and form.cleaned_data["file"]:
        result = services.verify_file(form.cleaned_data["file"])
        context.update(result=result, frozen=result.frozen, uploaded=True)
    elif code and (request.method == "GET" or form.is_valid()):
        frozen = services.find_by_code(code)
        context.update(frozen=frozen, looked_up=True,
                       signed=frozen.signed_copies.order_by("-created_at", "-pk").first() if frozen else None)
    elif request.method == "POST" and form.is_valid():
        context["nothing_given"] = True  # "Kiểm tra" with neither a code nor a file
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    return render(request, "issuing/verify.html", context, status=status)
