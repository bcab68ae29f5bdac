from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

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
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "order"]
    search_fields = ["name", "code"]


@admin.register(CatalogIndicator)
class CatalogIndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "sector", "unit_of_measure", "aggregation", "direction"]
    list_filter = ["sector", "aggregation", "direction"]
    search_fields = ["name", "code"]


class PlanIndicatorInline(admin.TabularInline):
    model = PlanIndicator
    extra = 0
    fields = ["order", "stt", "name", "unit_of_measure", "target_text", "parent", "note"]
    show_change_link = True


@admin.register(PlanSector)
class PlanSectorAdmin(TargetsThroughServices, admin.ModelAdmin):
    list_display = ["name", "plan", "sector", "order"]
    search_fields = ["name", "plan__unit__name"]
    list_select_related = ["plan__unit", "sector"]
    inlines = [PlanIndicatorInline]


class ResultInline(admin.TabularInline):
    model = Result
    extra = 0
    fields = ["period", "is_estimate", "value", "numerator", "denominator", "text", "evaluation_text", "cause"]


@admin.register(PlanIndicator)
class PlanIndicatorAdmin(TargetsThroughServices, SimpleHistoryAdmin):
    list_display = ["name", "target_text", "target_kind", "plan", "plan_sector", "catalog"]
    list_filter = ["target_kind", "plan__year", "plan_sector__sector", "aggregation"]
    search_fields = ["name", "target_text", "plan__unit__name"]
    list_select_related = ["plan__unit", "plan_sector", "catalog"]
    raw_id_fields = ["plan", "plan_sector", "parent", "department"]
    autocomplete_fields = ["catalog"]
    inlines = [ResultInline]
    actions = ["suggest_catalog_links"]

    @admin.action(description="Gợi ý liên kết với danh mục chỉ tiêu (xác nhận trên trang gợi ý)")
    def suggest_catalog_links(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.filter(catalog__isnull=True).values_list("pk", flat=True)[:500])
        return HttpResponseRedirect(f"{reverse('indicators:catalog_link_list')}?ids={ids}")


@admin.register(Result)
class ResultAdmin(TargetsThroughServices, SimpleHistoryAdmin):
    list_display = ["indicator", "period", "is_estimate", "value", "numerator", "denominator", "updated_at"]
    list_filter = ["period", "is_estimate"]
    search_fields = ["indicator__name", "indicator__plan__unit__name"]
    raw_id_fields = ["indicator", "updated_by"]
