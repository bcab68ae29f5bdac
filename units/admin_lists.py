"""Building blocks of the admin lists of scoped data (results, indicators, tasks, plans): the unit,
year and province columns and filters reached through the model's ``UNIT_LOOKUP``, numbers written
the Vietnamese way (core.vnformat), and search without diacritics on the stored folded names
(units.folding)."""

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from core.vnformat import format_number, format_percent

from .folding import matching
from .models import PROVINCE_LEVEL, Unit


def vn_number(value, *, percent=False):
    """A stored Decimal as an official writes it ("2.500.000.000", "93,5%"); empty stays "–"."""
    if value is None:
        return "–"
    return format_percent(value) if percent else format_number(value)


class VietnameseAdminMixin:
    """What every admin list of ours shares: no "Show counts" facet toggle (a Django 5 string the
    Vietnamese catalogue lacks; the counts are not needed to fix data)."""

    show_facets = admin.ShowFacets.NEVER


class FoldedSearchMixin:
    """The admin search box matches without diacritics: every folded word of the term must occur in
    one of ``folded_search_fields`` (stored folded copies such as "plan__unit__name_folded"; other
    fields, such as a code, are matched ignoring case)."""

    folded_search_fields = ()
    search_help_text = _("Tìm không cần gõ dấu, ví dụ “my phu” tìm được “Mỹ Phú”.")

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return matching(queryset, search_term, *self.folded_search_fields), False


class ProvinceListFilter(admin.SimpleListFilter):
    """The province (or centrally governed city) a row's unit lies in, through ``UNIT_LOOKUP``."""

    title = _("tỉnh, thành phố")
    parameter_name = "tinh"

    def lookups(self, request, model_admin):
        rows = Unit.objects.filter(kind__in=PROVINCE_LEVEL).order_by(
            F("valid_to").asc(nulls_first=True), "name").values_list(
            "pk", "name", "valid_to")
        return [(pk, f"{name} (đến {valid_to:%d/%m/%Y})" if valid_to else name) for pk, name, valid_to in rows]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        path = Unit.objects.filter(pk=self.value()).values_list("path", flat=True).first()
        if path is None:
            return queryset.none()
        lookup = queryset.model.UNIT_LOOKUP
        return queryset.filter(**{"path__startswith" if lookup == "self" else f"{lookup}__path__startswith": path})


class UnitKindListFilter(admin.ChoicesFieldListFilter):
    """The kind of the row's unit (xã, phường, ...), titled as such rather than "loại"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.title = _("loại đơn vị")


def year_filter(path):
    """A list filter on the plan year at ``path`` ("plan__year", "indicator__plan__year") whose
    choices are read from the plans table alone (not a DISTINCT over every result)."""

    class YearListFilter(admin.SimpleListFilter):
        title = _("năm kế hoạch")
        parameter_name = "nam"

        def lookups(self, request, model_admin):
            field = get_fields_from_path(model_admin.model, path)[-1]
            years = field.model.objects.order_by("-" + field.name).values_list(field.name, flat=True).distinct()
            return [(y, str(y)) for y in years]

        def queryset(self, request, queryset):
            return queryset.filter(**{path: self.value()}) if self.value() else queryset

    return YearListFilter
