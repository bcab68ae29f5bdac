from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from indicators.admin import plan_columns
from indicators.models import PlanIndicator, PlanSector
from units.admin_lists import (
    FoldedSearchMixin,
    ProvinceListFilter,
    UnitKindListFilter,
    VietnameseAdminMixin,
    vn_number,
    year_filter,
)

from .models import Comment, PeriodReport, Plan, Section, Task


class SectionInline(admin.StackedInline):
    model = Section
    extra = 0
    fields = ["order", "parent", "heading", "body", "include_indicators"]


class PlanSectorInline(admin.TabularInline):
    model = PlanSector
    extra = 0
    show_change_link = True


class PlanIndicatorInline(admin.TabularInline):
    model = PlanIndicator
    extra = 0
    fields = ["plan_sector", "order", "stt", "name", "target_text", "unit_of_measure", "note"]
    show_change_link = True


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0
    fields = ["order", "stt", "title", "lead", "due_date", "progress", "status"]
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(VietnameseAdminMixin, FoldedSearchMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "unit", "year", "revision", "number", "status", "issued_on"]
    list_filter = ["status", year_filter("year"), ProvinceListFilter, ("unit__kind", UnitKindListFilter)]
    search_fields = ["title"]
    folded_search_fields = ["title_folded", "unit__name_folded", "number", "year"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]
    raw_id_fields = ["revision_of"]
    inlines = [SectionInline, PlanSectorInline, PlanIndicatorInline, TaskInline]


@admin.register(Section)
class SectionAdmin(VietnameseAdminMixin, admin.ModelAdmin):
    list_display = ["heading", "plan", "order"]
    search_fields = ["heading", "body"]
    raw_id_fields = ["plan", "parent"]


class OverdueListFilter(admin.SimpleListFilter):
    """Tasks past their due date and not done (TaskQuerySet.overdue), on today's Vietnam date."""

    title = _("quá hạn")
    parameter_name = "qua_han"

    def lookups(self, request, model_admin):
        return [("1", _("Quá hạn, chưa hoàn thành"))]

    def queryset(self, request, queryset):
        return queryset.overdue() if self.value() == "1" else queryset


@admin.register(Task)
class TaskAdmin(VietnameseAdminMixin, FoldedSearchMixin, plan_columns("plan"), SimpleHistoryAdmin):
    list_display = ["short_title", "unit_name", "year", "plan_text", "lead", "due_date", "task_progress", "status",
                    "origin"]
    list_filter = [year_filter("plan__year"), ProvinceListFilter, ("plan__unit__kind", UnitKindListFilter), "status",
                   OverdueListFilter, "origin"]
    search_fields = ["title"]
    folded_search_fields = ["title_folded", "plan__unit__name_folded"]
    list_select_related = ["plan__unit", "lead"]
    raw_id_fields = ["plan", "lead"]
    filter_horizontal = ["cooperating"]

    @admin.display(description=_("nhiệm vụ"), ordering="title")
    def short_title(self, obj):
        return obj.title if len(obj.title) <= 90 else obj.title[:88] + "…"

    @admin.display(description=_("tiến độ"), ordering="progress")
    def task_progress(self, obj):
        return vn_number(obj.progress, percent=True)


@admin.register(PeriodReport)
class PeriodReportAdmin(VietnameseAdminMixin, SimpleHistoryAdmin):
    list_display = ["plan", "period", "status", "due_date", "submitted_at"]
    list_filter = ["status", "period"]
    raw_id_fields = ["plan", "submitted_by", "reopened_by"]


@admin.register(Comment)
class CommentAdmin(VietnameseAdminMixin, admin.ModelAdmin):
    list_display = ["plan", "period", "author", "created_at"]
    raw_id_fields = ["plan", "author"]
