"""The doors: login throttling (django-axes) per account and per address, the admin's login too;
CSP without inline script; password change and reset for every person."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from tests import factories as f

PASSWORD = "mat-khau-dung-2024"
TEMPLATES = Path(settings.BASE_DIR) / "templates"


@pytest.fixture
def person(db):
    user = f.UserFactory(username="canbo.thu", email="canbo.thu@example.vn")
    user.set_password(PASSWORD)
    user.save()
    return user


def _login(client, username, password, ip="10.0.0.1", url="login"):
    return client.post(reverse(url), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_wrong_passwords_then_the_right_one_is_still_refused(client, person):
    answers = [_login(client, "canbo.thu", f"sai-{i}").status_code for i in range(settings.AXES_FAILURE_LIMIT)]

    locked = _login(client, "canbo.thu", PASSWORD)

    assert answers[:-1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert locked.status_code == 429
    body = locked.content.decode()
    assert "Tạm khóa đăng nhập" in body and "15 phút" in body
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_every_address(client, person):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "canbo.thu", f"sai-{i}", ip=f"10.0.1.{i}")

    assert _login(client, "canbo.thu", PASSWORD, ip="10.9.9.9").status_code == 429


def test_one_address_trying_many_accounts_is_locked(client, person):
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"khong-co-{i}", "sai", ip="10.0.2.1")

    assert _login(client, "canbo.thu", PASSWORD, ip="10.0.2.1").status_code == 429
    assert _login(client, "canbo.thu", PASSWORD, ip="10.0.2.2").status_code == 302


def test_the_admin_login_is_behind_the_same_throttle(client, db):
    admin = f.UserFactory(username="quantri", is_staff=True, is_superuser=True)
    admin.set_password(PASSWORD)
    admin.save()
    for i in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "quantri", f"sai-{i}", url="admin:login")

    assert _login(client, "quantri", PASSWORD, url="admin:login").status_code == 429
    assert _login(client, "quantri", PASSWORD, url="login").status_code == 429


def test_a_right_password_resets_the_count(client, person):
    for i in range(settings.AXES_FAILURE_LIMIT - 1):
        _login(client, "canbo.thu", f"sai-{i}")
    assert _login(client, "canbo.thu", PASSWORD).status_code == 302
    client.logout()

    assert _login(client, "canbo.thu", "sai-lan-nua").status_code == 200


# --- Content-Security-Policy ---------------------------------------------------------------------

def test_pages_carry_a_csp_without_inline_script(client, person):
    client.force_login(person)

    policy = client.get(reverse("home"), follow=True)["Content-Security-Policy"]

    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


def _served_templates():
    # templates/reports/ are the PDF documents (WeasyPrint, never served as a page).
    return [p for p in TEMPLATES.rglob("*.html") if "reports" not in p.relative_to(TEMPLATES).parts]


@pytest.mark.parametrize("pattern", [
    r"<script(?![^>]*\bsrc=)[^>]*>",          # an inline script
    r"\son[a-z]+\s*=",                         # an event handler attribute
    r"\sstyle\s*=",                            # a style attribute
    r"<style",                                 # a style element
    r"hx-on|hx-vals=['\"]js:|hx-vars",         # htmx attributes that evaluate JavaScript
])
def test_no_template_needs_unsafe_inline(pattern):
    offenders = [str(p.relative_to(TEMPLATES)) for p in _served_templates() if re.search(pattern, p.read_text())]

    assert offenders == []


def test_htmx_indicator_styles_are_switched_off_and_provided_by_the_stylesheet(client, person):
    client.force_login(person)
    body = client.get(reverse("password_change")).content.decode()

    assert '<meta name="htmx-config" content=\'{"includeIndicatorStyles": false}\'>' in body
    assert ".htmx-request .htmx-indicator" in (Path(settings.BASE_DIR) / "static/css/app.css").read_text()


# --- password change and reset ----------------------------------------------------------------------

def test_every_person_changes_their_password(client, person):
    client.force_login(person)
    assert "Đổi mật khẩu" in client.get(reverse("home"), follow=True).content.decode()

    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "mot-mat-khau-moi-2025", "new_password2": "mot-mat-khau-moi-2025"})

    assert response.status_code == 302 and response["Location"] == reverse("password_change_done")
    person.refresh_from_db()
    assert person.check_password("mot-mat-khau-moi-2025")


def test_a_wrong_old_password_is_said_in_vietnamese(client, person):
    client.force_login(person)

    response = client.post(reverse("password_change"), {
        "old_password": "sai", "new_password1": "mot-mat-khau-moi-2025", "new_password2": "mot-mat-khau-moi-2025"})

    assert response.status_code == 200
    assert "Mật khẩu cũ" in response.content.decode()


def test_password_reset_by_email_end_to_end(client, person):
    cache.clear()
    response = client.post(reverse("password_reset"), {"email": "canbo.thu@example.vn"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Đặt lại mật khẩu" in message.subject and "canbo.thu" in message.body
    link = re.search(r"https?://[^/]+(/password/reset/\S+/)", message.body).group(1)

    form = client.get(link, follow=True)
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "mat-khau-sau-khi-quen-9",
                                                    "new_password2": "mat-khau-sau-khi-quen-9"})

    assert done.status_code == 302 and done["Location"] == reverse("password_reset_complete")
    person.refresh_from_db()
    assert person.check_password("mat-khau-sau-khi-quen-9")


def test_password_reset_requests_are_limited_per_address(client, person):
    cache.clear()
    limit, _ = settings.THROTTLE_RATES["password_reset"]
    for _ in range(limit):
        client.post(reverse("password_reset"), {"email": "canbo.thu@example.vn"})

    response = client.post(reverse("password_reset"), {"email": "canbo.thu@example.vn"})

    assert response.status_code == 429
    assert len(mail.outbox) == limit


def test_the_email_backend_comes_from_the_environment():
    assert settings.EMAIL_BACKEND  # console by default (config/settings.py); locmem under the tests
