from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .admin_lists import FoldedSearchMixin
from .models import Department, Role, Unit, UnitSuccession

# The admin speaks for the application, in Vietnamese.
admin.site.site_header = _("kehoach – Quản trị")
admin.site.site_title = _("kehoach – Quản trị")
admin.site.index_title = _("Quản trị dữ liệu kế hoạch")


class DepartmentInline(admin.TabularInline):
    model = Department
    extra = 0


class SuccessionInline(admin.TabularInline):
    """The units this one became (2025 reorganisation)."""

    model = UnitSuccession
    fk_name = "predecessor"
    extra = 0
    autocomplete_fields = ["successor"]


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Unit)
class UnitAdmin(FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "valid_to"]
    search_fields = ["name", "code"]
    folded_search_fields = ["name_folded", "code"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path", "depth"]
    inlines = [DepartmentInline, SuccessionInline, RoleInline]
    list_select_related = ["parent"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "unit"]
    search_fields = ["name", "unit__name"]
    autocomplete_fields = ["unit"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__name"]
    autocomplete_fields = ["user", "unit"]
