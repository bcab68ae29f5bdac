from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CatalogIndicator, PlanIndicator, PlanSector, Result, Sector


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
class PlanSectorAdmin(admin.ModelAdmin):
    list_display = ["name", "plan", "sector", "order"]
    search_fields = ["name", "plan__unit__name"]
    list_select_related = ["plan__unit", "sector"]
    inlines = [PlanIndicatorInline]


class ResultInline(admin.TabularInline):
    model = Result
    extra = 0
    fields = ["period", "is_estimate", "value", "numerator", "denominator", "text", "evaluation_text", "cause"]


@admin.register(PlanIndicator)
class PlanIndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "target_text", "target_kind", "plan", "plan_sector", "catalog"]
    list_filter = ["target_kind", "plan__year", "plan_sector__sector", "aggregation"]
    search_fields = ["name", "target_text", "plan__unit__name"]
    list_select_related = ["plan__unit", "plan_sector", "catalog"]
    raw_id_fields = ["plan", "plan_sector", "parent", "department"]
    autocomplete_fields = ["catalog"]
    inlines = [ResultInline]


@admin.register(Result)
class ResultAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "is_estimate", "value", "numerator", "denominator", "updated_at"]
    list_filter = ["period", "is_estimate"]
    search_fields = ["indicator__name", "indicator__plan__unit__name"]
    raw_id_fields = ["indicator", "updated_by"]
