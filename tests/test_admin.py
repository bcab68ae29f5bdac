import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories as f


@pytest.mark.parametrize("model", [m for m in admin.site._registry if m._meta.app_label in
                                   {"units", "plans", "indicators"}], ids=lambda m: m._meta.label)
def test_admin_changelist_and_add_pages_render(admin_client, model):
    f.PlanIndicatorFactory()
    opts = model._meta
    assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200


# --- the admin in Vietnamese ---------------------------------------------------------------------

# English that Django's Vietnamese catalogue or django-axes / simple_history leave on pages we own.
ENGLISH = ["Show counts", "Access attempts", "Access logs", "Access failures", "Attempt Time", "IP Address",
           "User Agent", "Locked Out", "Changed by", "Change reason", "Choose a date from the list",
           "Password-based authentication", "After you’ve created a user", "Raw passwords are not stored",
           "Target value", "Baseline value", "Version:", "Updated at", "Author:", "Depth:", ">Axes<",
           "Skip to main content", "Toggle theme", "Toggle navigation", "Filter navigation items", "Breadcrumbs",
           "Select all objects on this page", "Select this object for an action"]


def _visible_english(content):
    return [word for word in ENGLISH if word in content]


def test_admin_index_and_every_changelist_speak_vietnamese(admin_client):
    from axes.models import AccessAttempt, AccessLog

    indicator = f.PlanIndicatorFactory()
    f.TaskFactory(plan=indicator.plan)
    f.ResultFactory(indicator=indicator)
    AccessAttempt.objects.create(username="canbo", ip_address="203.0.113.7", user_agent="x", http_accept="*/*",
                                 path_info="/login/", get_data="", post_data="", failures_since_start=5)
    AccessLog.objects.create(username="canbo", ip_address="203.0.113.7", user_agent="x", http_accept="*/*",
                             path_info="/login/")
    pages = [reverse("admin:index")]
    for model in admin.site._registry:
        opts = model._meta
        pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        obj = model.objects.first()
        if obj is not None:
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
            pages.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]))
    pages.append(reverse("admin:auth_user_add"))

    found = {page: _visible_english(admin_client.get(page).content.decode()) for page in pages}

    assert {page: words for page, words in found.items() if words} == {}
    index = admin_client.get(reverse("admin:index")).content.decode()
    assert "Đăng nhập sai đang tính (khoá tài khoản)" in index and "Nhật ký đăng nhập" in index


def test_admin_unlocks_a_locked_account(client, admin_client):
    from axes.models import AccessAttempt
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_user("canbo", password="dung-mat-khau-9")
    for _ in range(5):
        client.post("/login/", {"username": "canbo", "password": "sai"}, REMOTE_ADDR="203.0.113.7")
    assert client.post("/login/", {"username": "canbo", "password": "dung-mat-khau-9"},
                       REMOTE_ADDR="203.0.113.8").status_code == 429      # locked, from anywhere
    attempt = AccessAttempt.objects.get(username="canbo", ip_address="203.0.113.7")
    changelist = reverse("admin:axes_accessattempt_changelist")
    assert "Đang bị khoá" in admin_client.get(changelist).content.decode()

    response = admin_client.post(changelist, {"action": "unlock", "_selected_action": [attempt.pk]}, follow=True)

    assert "Đã mở khoá canbo" in response.content.decode()
    assert not AccessAttempt.objects.filter(username="canbo").exists()
    assert LogEntry.objects.filter(object_id=str(attempt.pk)).exists()
    assert client.post("/login/", {"username": "canbo", "password": "dung-mat-khau-9"},
                       REMOTE_ADDR="203.0.113.8").status_code == 302


def test_sign_in_records_are_read_only(admin_client):
    assert admin_client.get(reverse("admin:axes_accessattempt_add")).status_code == 403
    assert admin_client.get(reverse("admin:axes_accesslog_add")).status_code == 403
