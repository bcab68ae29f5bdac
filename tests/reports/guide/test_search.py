"""One search box: units, plans and indicators without diacritics, scoped."""

from django.urls import reverse

from tests import factories as f


def test_search_without_diacritics_finds_unit_plan_and_indicator(client, editor_a, ward_a, plan_a):
    ward_a.name = "Phường Mỹ Phú"
    ward_a.save()
    f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ hộ nghèo")
    client.force_login(editor_a)

    body = client.get(reverse("guide:search"), {"q": "my phu"}).content.decode()
    indicator = client.get(reverse("guide:search"), {"q": "ho ngheo"}).content.decode()

    assert "Phường Mỹ Phú" in body
    assert reverse("plans:plan_detail", args=[plan_a.pk]) in body
    assert "Tỷ lệ hộ nghèo" in indicator


def test_search_is_scoped(client, editor_a, plan_b):
    f.PlanIndicatorFactory(plan=plan_b, name="Chỉ tiêu riêng của B")
    client.force_login(editor_a)

    body = client.get(reverse("guide:search"), {"q": "rieng cua b"}).content.decode()
    unit = client.get(reverse("guide:search"), {"q": "phuong b"}).content.decode()

    assert "Chỉ tiêu riêng của B" not in body
    assert "Không tìm thấy" in body
    assert reverse("plans:plan_detail", args=[plan_b.pk]) not in unit
