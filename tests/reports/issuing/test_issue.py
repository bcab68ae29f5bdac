"""reports/issuing/views.py, the issue page (/plans/<pk>/issue/): the plan is issued and frozen at once."""

import datetime

import pytest
from django.urls import reverse

from plans.models import Plan, PlanStatus
from reports.models import IssuedDocument


def url(plan):
    return reverse("issuing:issue", args=[plan.pk])


def _issue(plan):
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.ISSUED, number="63",
                                           issued_on=datetime.date(2024, 1, 10))
    plan.refresh_from_db()
    return plan


def _issue_post(**over):
    data = {"number": "63", "issued_on": "15/01/2024", "signer_authority": "TM. ỦY BAN NHÂN DÂN",
            "signer_title": "CHỦ TỊCH", "signer_name": "Nguyễn Văn A"}
    return data | over


def test_plan_issue_by_leader(client, leader_a, plan_a):
    client.force_login(leader_a)

    response = client.post(url(plan_a), _issue_post())

    assert response.status_code == 302
    plan_a.refresh_from_db()
    assert (plan_a.status, plan_a.number, plan_a.signer_name) == (PlanStatus.ISSUED, "63", "Nguyễn Văn A")
    assert IssuedDocument.objects.frozen().filter(plan=plan_a).exists()  # frozen in the same request


def test_plan_issue_refused_for_editor(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.post(url(plan_a), _issue_post())

    assert response.status_code == 403
    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.DRAFT


def test_plan_issue_date_out_of_range_message(client, leader_a, plan_a):
    client.force_login(leader_a)

    response = client.post(url(plan_a), _issue_post(issued_on="01/06/2022"))

    assert 'id="id_issued_on-error">Ngày ban hành phải trong năm 2023 hoặc 2024' in response.content.decode()
    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.DRAFT


def test_plan_issue_needs_number(client, leader_a, plan_a):
    client.force_login(leader_a)

    response = client.post(url(plan_a), _issue_post(number=""))

    assert "Nhập số văn bản." in response.content.decode()


def test_plan_issue_of_issued_plan_is_refused(client, leader_a, plan_a):
    _issue(plan_a)
    client.force_login(leader_a)

    response = client.post(url(plan_a), _issue_post(number="99"), follow=True)

    assert "Kế hoạch này đã được ban hành." in response.content.decode()
    plan_a.refresh_from_db()
    assert plan_a.number == "63"


@pytest.mark.parametrize(("typed", "number"), [("15", "15"), ("15/KH-UBND", "15"), ("Số: 15/kh-ubnd", "15"),
                                                (" 15 / KH-UBND ", "15")])
def test_plan_issue_number_typed_with_its_symbol_is_not_doubled(client, leader_a, plan_a, typed, number):
    client.force_login(leader_a)

    response = client.post(url(plan_a), {**_issue_post(), "number": typed})

    assert response.status_code == 302
    plan_a.refresh_from_db()
    assert plan_a.number == number and plan_a.number_symbol == "15/KH-UBND"


def test_plan_issue_number_with_another_symbol_is_refused(client, leader_a, plan_a):
    client.force_login(leader_a)

    body = client.post(url(plan_a), {**_issue_post(), "number": "15/QĐ-UBND"}).content.decode()

    assert "Ký hiệu của kế hoạch này là “KH-UBND”" in body
    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.DRAFT


@pytest.mark.django_db(transaction=True)
def test_issue_whose_pdf_cannot_be_stored_says_so_and_offers_a_retry(client, leader_a, plan_a, monkeypatch):
    """A real commit: the file is written after it, fails, and the person is told on the plan page."""
    def full(name, content, max_length=None):
        raise OSError("no space left on device")

    monkeypatch.setattr(IssuedDocument._meta.get_field("file").storage, "save", full)
    client.force_login(leader_a)

    page = client.post(url(plan_a), _issue_post(), follow=True).content.decode()

    assert "Đã ban hành kế hoạch số 63" in page and "Không lưu được tệp" in page
    assert "Tạo bản phát hành" in page
    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.ISSUED and not IssuedDocument.objects.exists()
