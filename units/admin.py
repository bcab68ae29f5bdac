from django.contrib import admin
from django.contrib.auth import admin as auth_admin
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from . import admin_logins  # noqa: F401  (the "Đăng nhập" section: django-axes in Vietnamese)
from .admin_lists import FoldedSearchMixin, VietnameseAdminMixin
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
class UnitAdmin(VietnameseAdminMixin, FoldedSearchMixin, admin.ModelAdmin):
    list_display = ["name", "code", "kind", "parent", "valid_from", "valid_to"]
    list_filter = ["kind", "valid_to"]
    search_fields = ["name", "code"]
    folded_search_fields = ["name_folded", "code"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["path", "depth"]
    inlines = [DepartmentInline, SuccessionInline, RoleInline]
    list_select_related = ["parent"]


@admin.register(Department)
class DepartmentAdmin(VietnameseAdminMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "unit"]
    search_fields = ["name", "unit__name"]
    autocomplete_fields = ["unit"]


@admin.register(Role)
class RoleAdmin(VietnameseAdminMixin, admin.ModelAdmin):
    list_display = ["user", "role", "unit"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__name"]
    autocomplete_fields = ["user", "unit"]


# Django's own user and group lists, without the "Show counts" toggle either.
admin.site.unregister(get_user_model())
admin.site.unregister(Group)


class PasswordHashWidget(auth_forms.ReadOnlyPasswordHashWidget):
    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        unusable = not value or value.startswith(auth_forms.UNUSABLE_PASSWORD_PREFIX)
        context["button_label"] = _("Đặt mật khẩu") if unusable else _("Đặt lại mật khẩu")
        return context


def _vietnamese_usable_password(form):
    """Django 5.1's "Password-based authentication" choice, missing from its Vietnamese catalogue."""
    field = form.fields.get("usable_password")
    if field is not None:
        field.label = _("Đăng nhập bằng mật khẩu")
        field.choices = [("true", _("Bật")), ("false", _("Tắt"))]
        field.help_text = _("Người dùng có đăng nhập được bằng mật khẩu hay không.")


class UserCreationForm(auth_forms.AdminUserCreationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vietnamese_usable_password(self)


class PasswordChangeForm(auth_forms.AdminPasswordChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _vietnamese_usable_password(self)


class UserChangeForm(auth_forms.UserChangeForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        password = self.fields.get("password")
        if password is not None:
            password.widget = PasswordHashWidget()
            password.help_text = _("Mật khẩu không được lưu ở dạng đọc được, nên không ai xem được mật khẩu "
                                   "của người dùng.")


@admin.register(get_user_model())
class UserAdmin(VietnameseAdminMixin, auth_admin.UserAdmin):
    add_form = UserCreationForm
    add_form_template = "admin_vi/user_add_form.html"
    form = UserChangeForm
    change_password_form = PasswordChangeForm


@admin.register(Group)
class GroupAdmin(VietnameseAdminMixin, auth_admin.GroupAdmin):
    pass
