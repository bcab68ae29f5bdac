"""The supervisors' dashboard: overview, indicator comparison, their XLSX exports, comments on plans.
Views scope, filter, call reports.dashboard.queries, render."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from django_tables2 import RequestConfig

from core.periods import label as period_label
from plans.models import Plan
from units.http import attachment
from units.permissions import can_comment
from units.scoping import default_root, get_scoped_or_404, scoped

from . import comments
from . import queries as dashboard
from .export import DASHBOARD_EXPORTERS
from .filters import CompareFilter, DashboardFilter
from .svgchart import bar_chart
from .tables import ComparisonTable, OverviewTable

PER_PAGE = 100


def _filtered(request, filter_class):
    plans = dashboard.latest_plans(scoped(Plan.objects.all(), request.user))
    f = filter_class(request.GET, queryset=plans, user=request.user, today=timezone.localdate())
    if not f.form.is_valid():  # an unknown catalogue code, period or unit, a year out of range
        raise BadRequest("; ".join(f"{f.form.fields[name].label}: {' '.join(errors)}"
                                   for name, errors in f.form.errors.items()))
    root = f.root or default_root(request.user)
    return f, root


def _context(f, root):
    crumbs = root.ancestors() + [root] if root else []
    return {"filter": f, "root": root, "crumbs": crumbs, "period_label": period_label(f.chosen_period),
            "year": f.chosen_year, "query": urlencode({k: v for k, v in f.data.items() if v and k != "page"})}


def _overview(request):
    f, root = _filtered(request, DashboardFilter)
    rows, totals = dashboard.overview(f.qs, root=root, period=f.chosen_period, year=f.chosen_year,
                                      user=request.user, communes=f.communes, today=f.today,
                                      include_empty=not f.narrowed)
    table = OverviewTable(rows, totals=totals)
    return f, root, table, totals


# /dashboard/

@login_required
@require_GET
def overview(request):
    f, root, table, totals = _overview(request)
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    context = {**_context(f, root), "table": table, "totals": totals}
    template = "dashboard/_overview_table.html" if request.htmx else "dashboard/overview.html"
    return render(request, template, context)


@login_required
@require_GET
def overview_export(request):
    """Exactly the rows on screen (same filters, same order), every page, with the totals row."""
    f, root, table, totals = _overview(request)
    RequestConfig(request, paginate=False).configure(table)
    exporter = DASHBOARD_EXPORTERS["overview.xlsx"]
    return attachment(*exporter.render(list(table.data), totals, root=root, year=f.chosen_year,
                                      period=f.chosen_period))


def _comparison(request):
    f, root = _filtered(request, CompareFilter)
    catalog = f.catalog_indicator
    rows, totals = ([], None) if catalog is None else dashboard.comparison(
        f.qs, catalog, root=root, period=f.chosen_period, year=f.chosen_year, communes=f.communes)
    return f, root, catalog, rows, totals


# /dashboard/compare/

@login_required
@require_GET
def compare(request):
    f, root, catalog, rows, totals = _comparison(request)
    uom = catalog.unit_of_measure if catalog else ""
    table = ComparisonTable(rows, totals=totals, unit_of_measure=uom)
    RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    # The chart draws the page on screen (all rows up to PER_PAGE, e.g. a province's communes).
    shown = [bound.record for bound in table.page.object_list]
    table.first_rank = table.page.start_index()
    chart = bar_chart([(row.name, row.value) for row in shown], unit=uom) if shown else None
    context = {**_context(f, root), "table": table, "catalog": catalog, "chart": chart, "totals": totals}
    template = "dashboard/_compare_body.html" if request.htmx else "dashboard/compare.html"
    return render(request, template, context)


@login_required
@require_GET
def compare_export(request):
    f, root, catalog, rows, totals = _comparison(request)
    exporter = DASHBOARD_EXPORTERS["compare.xlsx"]
    return attachment(*exporter.render(rows, totals, root=root, year=f.chosen_year, period=f.chosen_period,
                                      catalog=catalog))


# /dashboard/plans/<pk>/comments/

@login_required
@require_POST
def comment_create(request, plan_pk):
    plan = get_scoped_or_404(Plan.objects.with_unit(), request.user, pk=plan_pk)
    if not can_comment(request.user, plan):
        raise PermissionDenied
    form = comments.CommentForm(request.POST, plan=plan)
    if form.is_valid():
        comments.add_comment(plan, by=request.user, text=form.cleaned_data["text"],
                             period=form.cleaned_data["period"])
        form = comments.CommentForm(plan=plan)
    if request.htmx:
        context = {"plan": plan, "comment_form": form, **comments.comment_context(plan, request.user)}
        return render(request, "dashboard/_comment_list.html", context)
    if form.errors:
        messages.error(request, form.errors.as_text())
    return redirect(f"{plan.get_absolute_url()}#nhan-xet")
