"""Dashboard page: a province's figures of a year before and a year after the 2025 reorganisation,
on the current communes (reports.dashboard.reorganisation). A module of its own: the dashboard's other views
are untouched."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from indicators.models import Aggregation, CatalogIndicator
from units.models import PROVINCE_LEVEL, Unit
from units.scoping import visible_units

from .reorganisation import before_and_after

BEFORE_YEARS = range(2020, 2026)
AFTER_YEARS = range(2025, 2031)


def _year(value, years, default):
    return int(value) if str(value).isdigit() and int(value) in years else default


@login_required
@require_GET
def reorganisation(request):
    provinces = list(Unit.objects.current().filter(kind__in=PROVINCE_LEVEL, code__isnull=False,
                                                   pk__in=visible_units(request.user).values("pk"))
                     .only("pk", "name", "code").order_by("name"))
    catalogs = list(CatalogIndicator.objects.exclude(aggregation=Aggregation.NONE).order_by("sector__order", "name"))
    chosen = request.GET.get("province", "")
    province = next((p for p in provinces if str(p.pk) == chosen), provinces[0] if provinces else None)
    catalog = next((c for c in catalogs if c.code == request.GET.get("catalog")), catalogs[0] if catalogs else None)
    before = _year(request.GET.get("before"), BEFORE_YEARS, 2024)
    after = _year(request.GET.get("after"), AFTER_YEARS, 2026)
    rows, totals = before_and_after(province, catalog, request.user, before=before, after=after) if (
        province and catalog) else ([], None)
    return render(request, "dashboard/reorganisation.html", {
        "provinces": provinces, "catalogs": catalogs, "province": province, "catalog": catalog,
        "before": before, "after": after, "before_years": BEFORE_YEARS, "after_years": AFTER_YEARS,
        "rows": rows, "totals": totals})
