"""Incoming text canonical at the edge; numbers with foreign digits or spaced digits refused; headers."""

import unicodedata
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse

from config.middleware import NormaliseInputMiddleware, clean_querydict
from indicators.models import PlanIndicator, Result
from tests import factories as f
from tests.plans.test_results import post_row
from tests.plans.test_views import _indicator_post


@pytest.fixture
def rate(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ hộ dân dùng nước sạch", unit_of_measure="%",
                                  target_text="90%", target_kind="at_least", target_value=90, target_unit="%")


@pytest.fixture
def count(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="Giải quyết việc làm", unit_of_measure="lao động",
                                  target_text="200", target_kind="exact", target_value=200, target_unit="")


def test_querydicts_are_cleaned_but_passwords_kept():
    request = RequestFactory().post("/?q=9\u200b0", {"name": "Mỹ\u00a0Phú", "password": "a\u200bb"})
    seen = {}

    def view(req):
        seen.update(get=req.GET["q"], name=req.POST["name"], password=req.POST["password"])
        return None

    NormaliseInputMiddleware(view)(request)

    assert seen == {"get": "90", "name": "Mỹ Phú", "password": "a\u200bb"}
    assert clean_querydict(request.GET)._mutable is False


@pytest.mark.parametrize("typed", ["9\u200b0%", "9\u00a00%", "9\u200b0", " 90 "])
def test_invisible_characters_in_a_result_read_as_typed_looks(client, editor_a, rate, typed):
    client.force_login(editor_a)

    post_row(client, rate, result=typed)

    assert Result.objects.get(indicator=rate).value == Decimal("90")


@pytest.mark.parametrize(("typed", "message"), [
    ("12 3", "khoảng trắng giữa các chữ số"),
    ("１２", "chữ số 0–9"),
])
def test_spaced_or_foreign_digits_in_a_result_are_refused(client, editor_a, count, typed, message):
    client.force_login(editor_a)

    body = post_row(client, count, result=typed).content.decode()

    assert message in body
    assert not Result.objects.filter(indicator=count).exists()


def test_a_decomposed_name_and_target_are_stored_composed(client, editor_a, plan_a):
    client.force_login(editor_a)
    name = unicodedata.normalize("NFD", "Tỷ lệ hộ nghèo đa chiều")

    response = client.post(reverse("plans:indicator_list", args=[plan_a.pk]),
                           _indicator_post(plan_a, name=name, target_text="dưới 1,\u200b5%"))

    assert response.status_code == 302
    ind = PlanIndicator.objects.get(plan=plan_a)
    assert ind.name == "Tỷ lệ hộ nghèo đa chiều"
    assert (ind.target_text, ind.target_value) == ("dưới 1,5%", Decimal("1.5"))


@pytest.mark.parametrize(("target", "message"), [("１２%", "chữ số 0–9"), ("12 3 hộ", "khoảng trắng")])
def test_a_target_with_foreign_or_spaced_digits_is_refused(client, editor_a, plan_a, target, message):
    client.force_login(editor_a)

    response = client.post(reverse("plans:indicator_list", args=[plan_a.pk]),
                           _indicator_post(plan_a, target_text=target))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PlanIndicator.objects.filter(plan=plan_a).exists()


@pytest.mark.django_db
def test_every_page_has_a_permissions_policy(client):
    policy = client.get(reverse("login"))["Permissions-Policy"]

    assert "camera=()" in policy and "geolocation=()" in policy
