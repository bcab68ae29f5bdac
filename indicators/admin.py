from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from units.admin_lists import (
    FoldedSearchMixin,
    ProvinceListFilter,
    UnitKindListFilter,
    VietnameseAdminMixin,
    vn_number,
    year_filter,
)

from .models import CatalogIndicator, PlanIndicator, PlanSector, Result, Sector
from .services import apply_evaluation, refresh_indicator, set_target


class TargetsThroughServices:
    """Admin saves go through the indicators' services like every other write: a target typed
    here is parsed (:func:`set_target`) and the stored evaluation follows (indicators and results
    edited inline included)."""

    @staticmethod
    def _through_services(obj):
        if isinstance(obj, PlanIndicator):
            set_target(obj, obj.target_text)
        elif isinstance(obj, Result):
            apply_evaluation(obj)

    def save_model(self, request, obj, form, change):
        self._through_services(obj)
        super().save_model(request, obj, form, change)
        if isinstance(obj, PlanIndicator):
            refresh_indicator(obj)

    def save_formset(self, request, form, formset, change):
        rows = formset.save(commit=False)
        for row in rows:
            self._through_services(row)
            row.save()
        for row in formset.deleted_objects:
            row.delete()
        formset.save_m2m()


@admin.register(Sector)
class SectorAdmin(VietnameseAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "order"]
    search_fields = ["name", "code"]


@admin.register(CatalogIndicator)
class CatalogIndicatorAdmin(VietnameseAdminMixin, admin.ModelAdmin):
    list_display = ["name", "code", "sector", "unit_of_measure", "aggregation", "direction"]
    list_filter = ["sector", "aggregation", "direction"]
    search_fields = ["name", "code"]


class PlanIndicatorInline(admin.TabularInline):
    model = PlanIndicator
    extra = 0
    fields = ["order", "stt", "name", "unit_of_measure", "target_text", "parent", "note"]
    show_change_link = True


@admin.register(PlanSector)
class PlanSectorAdmin(VietnameseAdminMixin, TargetsThroughServices, admin.ModelAdmin):
    list_display = ["name", "plan", "sector", "order"]
    search_fields = ["name", "plan__unit__name"]
    list_select_related = ["plan__unit", "sector"]
    inlines = [PlanIndicatorInline]


class ResultInline(admin.TabularInline):
    model = Result
    extra = 0
    fields = ["period", "is_estimate", "value", "numerator", "denominator", "text", "evaluation_text", "cause"]


def plan_label(plan):
    """The plan in an admin list column: "843/KH-UBND, điều chỉnh 1 – Đã ban hành"."""
    text = plan.number_symbol if plan.number else _("chưa có số")
    if plan.revision:
        text = f"{text}, điều chỉnh {plan.revision}"
    return f"{text} – {plan.get_status_display()}"


def plan_columns(path):
    """A mixin with the unit, year and plan columns of rows reached from a plan at ``path`` ("plan",
    "indicator__plan"); list them in ``list_display`` and ``list_select_related`` the path's unit."""

    def plan_of(obj):
        for step in path.split("__"):
            obj = getattr(obj, step)
        return obj

    class PlanColumns:
        @admin.display(description=_("đơn vị"), ordering=f"{path}__unit__name")
        def unit_name(self, obj):
            return plan_of(obj).unit.name

        @admin.display(description=_("năm"), ordering=f"{path}__year")
        def year(self, obj):
            return plan_of(obj).year

        @admin.display(description=_("kế hoạch"))
        def plan_text(self, obj):
            return plan_label(plan_of(obj))

    return PlanColumns


@admin.register(PlanIndicator)
class PlanIndicatorAdmin(VietnameseAdminMixin, TargetsThroughServices, FoldedSearchMixin, plan_columns("plan"), SimpleHistoryAdmin):
    list_display = ["short_name", "unit_name", "year", "plan_text", "target_text", "target", "unit_of_measure",
                    "plan_sector"]
    list_filter = [year_filter("plan__year"), ProvinceListFilter, ("plan__unit__kind", UnitKindListFilter),
                   "target_kind", "plan_sector__sector", "aggregation"]
    search_fields = ["name"]
    folded_search_fields = ["name_folded", "plan__unit__name_folded"]
    list_select_related = ["plan__unit", "plan_sector"]
    raw_id_fields = ["plan", "plan_sector", "parent", "department"]
    autocomplete_fields = ["catalog"]
    inlines = [ResultInline]
    actions = ["suggest_catalog_links"]

    @admin.action(description="Gợi ý liên kết với danh mục chỉ tiêu (xác nhận trên trang gợi ý)")
    def suggest_catalog_links(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.filter(catalog__isnull=True).values_list("pk", flat=True)[:500])
        return HttpResponseRedirect(f"{reverse('indicators:catalog_link_list')}?ids={ids}")

    @admin.display(description=_("tên chỉ tiêu"), ordering="name")
    def short_name(self, obj):
        return obj.name if len(obj.name) <= 90 else obj.name[:88] + "…"

    @admin.display(description=_("giá trị chỉ tiêu"), ordering="target_value")
    def target(self, obj):
        return vn_number(obj.target_value, percent=obj.target_unit == "%")


@admin.register(Result)
class ResultAdmin(VietnameseAdminMixin, TargetsThroughServices, FoldedSearchMixin, plan_columns("indicator__plan"),
                  SimpleHistoryAdmin):
    list_display = ["indicator", "unit_name", "year", "plan_text", "period", "result_value", "fraction", "status",
                    "updated_at"]
    list_filter = [year_filter("indicator__plan__year"), ProvinceListFilter,
                   ("indicator__plan__unit__kind", UnitKindListFilter), "period", "status", "is_estimate"]
    search_fields = ["indicator__name"]
    folded_search_fields = ["indicator__name_folded", "indicator__plan__unit__name_folded"]
    list_select_related = ["indicator__plan__unit"]
    raw_id_fields = ["indicator", "updated_by"]
    show_full_result_count = False  # a nationwide year holds millions of results: no second COUNT(*)

    @admin.display(description=_("giá trị"), ordering="value")
    def result_value(self, obj):
        return vn_number(obj.value)

    @admin.display(description=_("tử số / mẫu số"))
    def fraction(self, obj):
        if obj.numerator is None and obj.denominator is None:
            return "–"
        return f"{vn_number(obj.numerator)} / {vn_number(obj.denominator)}"
