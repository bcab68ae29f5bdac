"""Filters of the supervisors' dashboard (django-filter). The base queryset is already scoped."""

import django_filters
from django import forms
from django.db.models import Exists, Max, OuterRef, Q
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.periods import PERIODS, latest_due_period
from indicators.models import CatalogIndicator, Result
from plans.models import PlanStatus
from units.models import BELOW_COMMUNE, COMMUNE_LEVEL, Unit, UnitKind
from units.scoping import visible_units

from . import queries as dashboard

REPORT_CHOICES = [
    ("missing", _("Chưa nộp báo cáo (quá hạn)")),
    ("late", _("Nộp muộn")),
    ("missing_or_late", _("Chưa nộp hoặc nộp muộn")),
    ("on_time", _("Nộp đúng hạn")),
]
MODE_CHOICES = [("children", _("Theo đơn vị trực thuộc")), ("communes", _("Từng đơn vị cấp xã"))]
YEARS = (2000, 2100)   # a plan year outside these is a typo or a probe: answered 400
KIND_CHOICES = [(k.value, k.label) for k in UnitKind if k in COMMUNE_LEVEL]


def supervising_units(user, year=None, chosen=None):
    """Units above commune level the user can see: the choices of the "parent unit" filter. With
    ``year``, those that existed in that year (a country's 34 provinces in 2026, not the 2,500 units the
    2025 reorganisation ended), and the unit ``chosen`` (a pk from the query string) whatever its years,
    so a link to a dissolved district's dashboard still opens."""
    units = Unit.objects.filter(pk__in=visible_units(user).values("pk")).exclude(kind__in=COMMUNE_LEVEL | BELOW_COMMUNE)
    if year is not None:
        in_year = Q(pk__in=Unit.objects.valid_in(year).values("pk"))
        units = units.filter(in_year | Q(pk=chosen) if str(chosen or "").isdigit() else in_year)
    return units.only("pk", "name", "path").order_by("path")


class ScopeFilter(django_filters.FilterSet):
    """Filters a scoped Plan queryset of one year; ``root`` is the unit the rows sit below."""

    year = django_filters.NumberFilter(field_name="year", label=_("Năm"), min_value=YEARS[0], max_value=YEARS[1],
                                       widget=forms.NumberInput(attrs={"class": "form-control form-control-sm",
                                                                       "min": YEARS[0], "max": YEARS[1]}))
    period = django_filters.ChoiceFilter(choices=PERIODS, label=_("Kỳ"), method="filter_nothing", empty_label=None)
    parent = django_filters.ModelChoiceFilter(queryset=Unit.objects.none(), label=_("Đơn vị cấp trên"),
                                              method="filter_parent", empty_label=_("Toàn bộ phạm vi"))
    kind = django_filters.ChoiceFilter(field_name="unit__kind", choices=KIND_CHOICES, label=_("Loại đơn vị"),
                                       empty_label=_("Tất cả"))
    status = django_filters.ChoiceFilter(choices=PlanStatus.choices, label=_("Trạng thái kế hoạch"),
                                         empty_label=_("Tất cả"))
    mode = django_filters.ChoiceFilter(choices=MODE_CHOICES, label=_("Hiển thị"), method="filter_nothing",
                                       empty_label=None)

    def __init__(self, data=None, *args, user, today=None, **kwargs):
        self.today = today or timezone.localdate()
        data = data.copy() if data is not None else QueryDict(mutable=True)
        super().__init__(data, *args, **kwargs)
        self.data = data  # django-filter swaps an empty QueryDict for an immutable one
        if not str(self.data.get("year", "")).isdigit():
            self.data["year"] = str(self.default_year())
        year = int(self.data["year"])
        year = year if YEARS[0] <= year <= YEARS[1] else None   # out of range: the form answers 400
        self.filters["parent"].queryset = supervising_units(user, year, self.data.get("parent"))
        if not self.data.get("period") and year is not None:
            self.data["period"] = latest_due_period(year, self.today)
        if not self.data.get("mode"):
            self.data["mode"] = "children"
        for f in self.form.fields.values():
            if isinstance(f.widget, forms.Select):
                f.widget.attrs.setdefault("class", "form-select form-select-sm")
            f.required = False

    def default_year(self):
        """The latest year up to now whose plans have results; else the latest year with plans."""
        plans = self.queryset.order_by()
        with_results = plans.filter(year__lte=self.today.year).filter(
            Exists(Result.objects.filter(plan=OuterRef("pk")))).aggregate(y=Max("year"))["y"]
        return with_results or plans.aggregate(y=Max("year"))["y"] or self.today.year

    # --- values the views read once the form is valid
    @property
    def chosen_year(self):
        year = self.form.cleaned_data.get("year")
        return int(year) if year else self.today.year

    @property
    def chosen_period(self):
        return self.form.cleaned_data.get("period") or latest_due_period(self.chosen_year, self.today)

    @property
    def root(self):
        return self.form.cleaned_data.get("parent")

    @property
    def communes(self):
        return self.form.cleaned_data.get("mode") == "communes"

    @property
    def narrowed(self):
        """True when a filter hides units (then units with no matching plan get no row)."""
        return any(self.form.cleaned_data.get(n) for n in ("kind", "status", "report"))

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_parent(self, queryset, name, value):
        return queryset.filter(unit__path__startswith=value.path)



class DashboardFilter(ScopeFilter):
    report = django_filters.ChoiceFilter(choices=REPORT_CHOICES, label=_("Báo cáo kỳ"), method="filter_report",
                                         empty_label=_("Tất cả"))

    def filter_report(self, queryset, name, value):
        period, year = self.chosen_period, self.chosen_year
        qs = dashboard.with_report_state(queryset, period, year, self.today)
        missing = Q(report_submitted=False) & dashboard.due_passed(period, year, self.today)
        late = Q(report_late=True)
        conditions = {"missing": missing, "late": late, "missing_or_late": missing | late,
                      "on_time": Q(report_submitted=True, report_late=False)}
        return qs.filter(conditions[value])


class CompareFilter(ScopeFilter):
    # By code, not pk: "?catalog=ty-le-tham-gia-bhyt" reads well and means the same on every server.
    catalog = django_filters.ModelChoiceFilter(queryset=CatalogIndicator.objects.all(), label=_("Chỉ tiêu"),
                                               method="filter_nothing", empty_label=None, to_field_name="code",
                                               error_messages={"invalid_choice": _("Không tìm thấy chỉ tiêu này "
                                                                                   "trong danh mục.")})

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.form.order_fields(["catalog"])
        if not self.data.get("catalog"):
            first = (CatalogIndicator.objects.filter(code="ty-le-tham-gia-bhyt").first()
                     or CatalogIndicator.objects.first())
            if first:
                self.data["catalog"] = first.code

    @property
    def catalog_indicator(self):
        return self.form.cleaned_data.get("catalog")
