"""The admin's "Đăng nhập" section: django-axes' records of sign-ins, failed sign-ins and locked
accounts, in Vietnamese, with "Mở khoá" for a locked account.

django-axes' own admin is switched off (AXES_ENABLE_ADMIN = False) and its English labels are not
used: every column and field shown here is a method with a Vietnamese description, and the models'
names are set on their ``_meta`` (display only: ``original_attrs``, which migrations read, stay as
they are, so no migration of axes is ever asked for), and so is the name of one record (the change
page's title; axes writes "Access Log for ... @ ...").
"""

from datetime import datetime

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from axes.utils import reset
from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

apps.get_app_config("axes").verbose_name = _("Đăng nhập")
for model, singular, plural in (
    (AccessAttempt, _("lần đăng nhập sai đang tính"), _("Đăng nhập sai đang tính (khoá tài khoản)")),
    (AccessFailureLog, _("lần đăng nhập sai"), _("Nhật ký đăng nhập sai")),
    (AccessLog, _("lần đăng nhập"), _("Nhật ký đăng nhập")),
):
    model._meta.verbose_name, model._meta.verbose_name_plural = singular, plural


def _record_name(record):
    return f"{record.username or '–'} · {localtime(record.attempt_time):%d/%m/%Y %H:%M}"


for model in (AccessAttempt, AccessFailureLog, AccessLog):
    model.__str__ = _record_name


def _column(field, description, *, ordering=True):
    def show(self, obj):
        value = getattr(obj, field)
        if isinstance(value, datetime):
            return f"{localtime(value):%d/%m/%Y %H:%M:%S}"
        return "–" if value in (None, "") else value
    show.__name__ = f"show_{field}"
    return admin.display(description=description, ordering=field if ordering else None)(show)


class LockedOutFilter(admin.SimpleListFilter):
    title = _("tình trạng")
    parameter_name = "bi_khoa"

    def lookups(self, request, model_admin):
        return (("1", _("Đang bị khoá")), ("0", _("Chưa bị khoá")))

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(failures_since_start__gte=settings.AXES_FAILURE_LIMIT)
        if self.value() == "0":
            return queryset.filter(failures_since_start__lt=settings.AXES_FAILURE_LIMIT)
        return queryset


class SignInRecordAdmin(admin.ModelAdmin):
    """Read-only lists of one axes model; ``columns``: the fields shown, list and page alike."""

    show_facets = admin.ShowFacets.NEVER
    date_hierarchy = "attempt_time"
    search_fields = ["username", "ip_address"]
    search_help_text = _("Tìm theo tên đăng nhập hoặc địa chỉ IP.")

    show_attempt_time = _column("attempt_time", _("Thời điểm"))
    show_username = _column("username", _("Tên đăng nhập"))
    show_ip_address = _column("ip_address", _("Địa chỉ IP"))
    show_user_agent = _column("user_agent", _("Trình duyệt"), ordering=False)
    show_path_info = _column("path_info", _("Trang"), ordering=False)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(AccessAttempt)
class AccessAttemptAdmin(SignInRecordAdmin):
    """The failed sign-ins axes counts; a person is locked out at AXES_FAILURE_LIMIT of them for a
    username and address. "Mở khoá" deletes the counted attempts of the selected usernames."""

    list_display = ["show_attempt_time", "show_username", "show_ip_address", "show_failures", "status"]
    list_filter = [LockedOutFilter]
    readonly_fields = fields = ["show_username", "show_ip_address", "show_attempt_time", "show_failures", "status",
                                "show_path_info", "show_user_agent"]
    actions = ["unlock"]

    show_failures = _column("failures_since_start", _("Số lần sai"))

    @admin.display(description=_("Tình trạng"))
    def status(self, obj):
        left = settings.AXES_FAILURE_LIMIT - obj.failures_since_start
        return _("Đang bị khoá") if left <= 0 else _("Còn %(n)s lần thử") % {"n": left}

    @admin.action(description=_("Mở khoá các tài khoản đã chọn"), permissions=["delete"])
    def unlock(self, request, queryset):
        usernames = sorted({attempt.username for attempt in queryset if attempt.username})
        self.log_deletions(request, queryset)
        removed = sum(reset(username=username) for username in usernames)
        removed += queryset.filter(username__isnull=True).delete()[0]
        self.message_user(request, ngettext(
            "Đã mở khoá %(names)s (xoá %(n)d lần đăng nhập sai).",
            "Đã mở khoá %(names)s (xoá %(n)d lần đăng nhập sai).", removed) % {
            "names": ", ".join(usernames) or "–", "n": removed}, messages.SUCCESS)


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(SignInRecordAdmin):
    list_display = ["show_attempt_time", "show_username", "show_ip_address", "locked", "show_user_agent"]
    readonly_fields = fields = ["show_username", "show_ip_address", "show_attempt_time", "locked",
                                "show_path_info", "show_user_agent"]

    @admin.display(description=_("Đã khoá tài khoản"), boolean=True, ordering="locked_out")
    def locked(self, obj):
        return obj.locked_out


@admin.register(AccessLog)
class AccessLogAdmin(SignInRecordAdmin):
    list_display = ["show_attempt_time", "show_logout_time", "show_username", "show_ip_address", "show_user_agent"]
    readonly_fields = fields = ["show_username", "show_ip_address", "show_attempt_time", "show_logout_time",
                                "show_path_info", "show_user_agent"]

    show_logout_time = _column("logout_time", _("Đăng xuất lúc"))
