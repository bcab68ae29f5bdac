"""The one download view: scoped, 404 for another ward, 400 for a bad period."""

import pytest
from django.urls import reverse

from units.models import RoleKind

from .conftest import build_plan, make_user

pytestmark = pytest.mark.django_db


def url(plan, doc, fmt, **query):
    address = reverse("documents:download", args=[plan.pk, doc, fmt])
    return address + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_download_url_is_stable(plan):
    assert url(plan, "plan", "pdf") == f"/reports/plans/{plan.pk}/plan.pdf"


@pytest.mark.parametrize("doc, fmt, content_type", [
    ("plan", "pdf", "application/pdf"),
    ("appendix", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("bieu02", "pdf", "application/pdf"),
])
def test_download_owner_gets_document(client, plan, doc, fmt, content_type):
    client.force_login(make_user("editor_a", plan.unit))

    response = client.get(url(plan, doc, fmt))

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment; filename=\"")
    assert "filename*=UTF-8''" in disposition
    assert disposition.isascii()
    assert response.content[:4] in (b"%PDF", b"PK\x03\x04")


def test_download_plan_pdf_filename(client, plan):
    client.force_login(make_user("viewer_a", plan.unit, RoleKind.VIEWER))

    response = client.get(url(plan, "plan", "pdf"))

    assert 'filename="ke-hoach-my-phu-2024.pdf"' in response["Content-Disposition"]


def test_download_supervisor_above_sees_ward(client, plan):
    client.force_login(make_user("supervisor", plan.unit.parent, RoleKind.SUPERVISOR))

    response = client.get(url(plan, "bieu01", "xlsx", period="q1"))

    assert response.status_code == 200


def test_download_other_ward_gets_404(client, plan):
    other = build_plan(name="Phường Khác", code="30300")
    client.force_login(make_user("editor_b", other.unit))

    response = client.get(url(plan, "plan", "pdf"))

    assert response.status_code == 404


def test_download_anonymous_redirects_to_login(client, plan):
    response = client.get(url(plan, "plan", "pdf"))

    assert response.status_code == 302
    assert "login" in response["Location"]


@pytest.mark.parametrize("doc, fmt", [("plan", "docx"), ("nothing", "pdf"), ("bieu03", "xlsx")])
def test_download_unknown_document_gets_404(client, plan, doc, fmt):
    client.force_login(make_user("editor_a", plan.unit))

    response = client.get(f"/reports/plans/{plan.pk}/{doc}.{fmt}")

    assert response.status_code == 404


def test_download_bad_period_gets_400_in_vietnamese(client, plan):
    client.force_login(make_user("editor_a", plan.unit))

    response = client.get(url(plan, "bieu02", "pdf", period="q9"))

    assert response.status_code == 400
    assert "Kỳ báo cáo không hợp lệ" in response.content.decode()
