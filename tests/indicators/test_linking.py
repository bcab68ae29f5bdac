"""indicators/linking.py and its page /dashboard/catalog-links/: suggestions confirmed by an administrator."""

import pytest
from django.urls import reverse

from tests import factories as f
from units.models import RoleKind


@pytest.fixture
def admin_user(db):
    return f.UserFactory(username="quantri", is_superuser=True, is_staff=True)


def test_catalog_link_page_suggests_and_confirms(client, admin_user, plan_a):
    ps = f.PlanSectorFactory(plan=plan_a)
    indicator = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="Tỷ lệ hộ dân sử dụng nước sạch",
                                       target_unit="%")
    client.force_login(admin_user)

    body = client.get(reverse("indicators:catalog_link_list")).content.decode()
    response = client.post(reverse("indicators:catalog_link_list"), {f"link-{indicator.pk}": f"{indicator.pk}:nuoc-sach"})

    assert "Tỷ lệ hộ dân sử dụng nước sạch" in body
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.catalog.code, indicator.aggregation) == ("nuoc-sach", "rate")


def test_catalog_link_page_needs_an_admin_role(client, supervisor_d, ward_a):
    client.force_login(supervisor_d)
    assert client.get(reverse("indicators:catalog_link_list")).status_code == 403
    f.RoleFactory(user=supervisor_d, unit=ward_a, role=RoleKind.ADMIN)
    assert client.get(reverse("indicators:catalog_link_list")).status_code == 200


def test_admin_action_sends_the_selection_to_the_suggestions(client, admin_user, plan_a):
    ps = f.PlanSectorFactory(plan=plan_a)
    chosen = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="Tỷ lệ hộ nghèo", target_unit="%")
    other = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="Tỷ lệ hòa giải thành", target_unit="%")
    client.force_login(admin_user)

    response = client.post(reverse("admin:indicators_planindicator_changelist"),
                           {"action": "suggest_catalog_links", "_selected_action": [chosen.pk]})
    body = client.get(response.url).content.decode()

    assert response.url.endswith(f"?ids={chosen.pk}")
    assert "Tỷ lệ hộ nghèo" in body and other.name not in body
