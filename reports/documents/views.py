"""One download view for every official document: scope, render, Content-Disposition."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest, HttpResponseNotFound
from django.views.decorators.http import require_GET

from plans.models import Plan
from units.http import attachment
from units.scoping import get_scoped_or_404

from .exporters import BadPeriod, EmptyDocument, check_period
from .registry import get_exporter


@login_required
@require_GET
def download(request, plan_pk, doc, fmt):
    exporter = get_exporter(doc, fmt)
    if exporter is None:
        raise Http404
    plan = get_scoped_or_404(Plan.objects.with_unit(), request.user, pk=plan_pk)
    try:
        period = check_period(request.GET.get("period"))
    except BadPeriod:
        return HttpResponseBadRequest("Kỳ báo cáo không hợp lệ.", content_type="text/plain; charset=utf-8")
    try:
        return attachment(*exporter.render(plan, period=period))
    except EmptyDocument as empty:
        return HttpResponseNotFound(empty.reason, content_type="text/plain; charset=utf-8")
