"""reports/templatetags/kehoach.py: the one tag library (numbers, the download menu, issued documents)."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse

from plans.models import Task
from reports.documents.registry import DOCUMENTS
from reports.models import IssuedDocument, IssuedKind
from reports.templatetags import kehoach

pytestmark = pytest.mark.django_db


def menu(plan, period, frozen=None):
    return kehoach.document_menu(plan, period, frozen=frozen)["items"]


def test_menu_offers_every_document_of_the_registry_in_each_of_its_formats(plan_a):
    items = menu(plan_a, "q1")

    expected = [reverse("documents:download", args=[plan_a.pk, d.doc, fmt]) + ("?period=q1" if d.uses_period else "")
                for d in DOCUMENTS for fmt in d.formats]
    assert [item["url"] for item in items] == expected
    assert [item["text"] for item in items][:2] == ["Kế hoạch (PDF)", "Kế hoạch (Excel)"]
    assert "Biểu 02 – Quý I (PDF)" in [item["text"] for item in items]
    assert sum(item["period_starts"] for item in items) == 1   # "Kỳ Quý I:" once, before the first


def test_menu_offers_the_frozen_pdf_of_an_issued_plan(plan_a):
    frozen = IssuedDocument(plan=plan_a, kind=IssuedKind.FROZEN, code="ABCDEFGHJK", sha256="0" * 64, size=1)

    first = menu(plan_a, "y", frozen=frozen)[0]

    assert first == {"text": "Kế hoạch (PDF, bản phát hành)", "hint": "", "period_starts": False, "empty": "",
                     "url": reverse("issuing:download_frozen", args=[plan_a.pk])}


def test_menu_renders_on_the_plan_page(client, editor_a, plan_a):
    client.force_login(editor_a)
    empty = client.get(plan_a.get_absolute_url(), {"period": "h1"}).content.decode()
    Task.objects.create(plan=plan_a, title="Rà soát hộ nghèo")

    body = client.get(plan_a.get_absolute_url(), {"period": "h1"}).content.decode()

    assert 'title="Kế hoạch chưa có nhiệm vụ nào nên không có Biểu số 01."' in empty
    assert f'href="/reports/plans/{plan_a.pk}/bieu01.pdf?period=h1" title="Biểu số 01:' in body
    assert 'Kỳ 6 tháng:</span>' in body


@pytest.mark.parametrize(("source", "expected"), [
    ("{{ 1234.5|vn_number }}", "1.234,5"), ("{{ 12.345|vn_number:2 }}", "12,35"), ("{{ none|vn_number }}", ""),
    ("{{ 8.5|vn_percent }}", "8,5%"), ("{{ none|vn_percent }}", ""), ('{{ "Quý I"|first_lower }}', "quý I"),
    ("{{ 4|roman }}", "IV")])
def test_number_filters(source, expected):
    assert Template("{% load kehoach %}" + source).render(Context({"none": None})) == expected


def test_issued_documents_tag_without_any(plan_a):
    request = RequestFactory().get("/")
    out = Template("{% load kehoach %}{% issued_documents plan as d %}{{ d.frozen|default:'-' }}{{ d.signed|length }}")

    assert out.render(Context({"plan": plan_a, "request": request})) == "-0"
