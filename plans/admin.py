from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from indicators.models import PlanIndicator, PlanSector

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
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "unit", "year", "revision", "number", "status", "issued_on"]
    list_filter = ["status", "year"]
    search_fields = ["title", "unit__name", "number"]
    list_select_related = ["unit"]
    autocomplete_fields = ["unit"]
    raw_id_fields = ["revision_of"]
    inlines = [SectionInline, PlanSectorInline, PlanIndicatorInline, TaskInline]


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["heading", "plan", "order"]
    search_fields = ["heading", "body"]
    raw_id_fields = ["plan", "parent"]


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["title", "plan", "lead", "due_date", "progress", "status", "origin"]
    list_filter = ["status", "origin"]
    search_fields = ["title", "result_text", "plan__unit__name"]
    raw_id_fields = ["plan", "lead"]
    filter_horizontal = ["cooperating"]


@admin.register(PeriodReport)
class PeriodReportAdmin(SimpleHistoryAdmin):
    list_display = ["plan", "period", "status", "due_date", "submitted_at"]
    list_filter = ["status", "period"]
    raw_id_fields = ["plan", "submitted_by", "reopened_by"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["plan", "period", "author", "created_at"]
    raw_id_fields = ["plan", "author"]
