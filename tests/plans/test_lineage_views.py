"""The unit history page and the carried baselines page: scope, read only, constant queries."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import CatalogIndicator
from tests import factories as f
from tests.lineage import person, reorganisation
from units.models import UnitSuccession


@pytest.fixture
def reorg(db):
    return reorganisation()


def _figure(plan, code, value, **result):
    catalog = CatalogIndicator.objects.get(code=code)
    indicator = f.PlanIndicatorFactory(plan=plan, catalog=catalog, name=catalog.name, aggregation=catalog.aggregation)
    f.ResultFactory(indicator=indicator, period="y", value=value, **result)
    return indicator


@pytest.fixture
def scene(reorg):
    for unit, budget in ((reorg.a, 100), (reorg.b, 200), (reorg.c, 300)):
        plan = f.PlanFactory(unit=unit, year=2024, status="issued")
        _figure(plan, "thu-ngan-sach", D(budget))
    new = f.PlanFactory(unit=reorg.merged, year=2026, status="draft")
    catalog = CatalogIndicator.objects.get(code="thu-ngan-sach")
    indicator = f.PlanIndicatorFactory(plan=new, catalog=catalog, name="Thu ngân sách", target_text="700")
    return new, indicator, person("canbo.hopnhat", reorg.merged)


def test_the_unit_page_shows_what_it_was_formed_from_with_the_plans_one_may_read(client, reorg, scene):
    _, _, editor = scene
    client.force_login(editor)
    page = client.get(reverse("plans:unit_history", args=[reorg.merged.pk])).content.decode()
    assert "Hình thành ngày 01/07/2025 từ" in page
    for name in ("Phường A", "Phường B", "Xã C"):
        assert name in page
    assert reverse("plans:plan_detail", args=[reorg.a.plans.get().pk]) in page
    # An old ward's page, reached from its successor, says what it became.
    old = client.get(reverse("plans:unit_history", args=[reorg.a.pk])).content.decode()
    assert "Sau ngày 30/06/2025 trở thành" in old and "Phường Hợp Nhất" in old


def test_the_unit_page_is_404_outside_the_scope(client, reorg, scene, editor_b):
    client.force_login(editor_b)
    assert client.get(reverse("plans:unit_history", args=[reorg.merged.pk])).status_code == 404
    client.force_login(person("canbo.e", reorg.e))
    assert client.get(reverse("plans:unit_history", args=[reorg.a.pk])).status_code == 404


def test_the_unit_page_takes_constant_queries(client, reorg, scene):
    _, _, editor = scene
    client.force_login(editor)
    url = reverse("plans:unit_history", args=[reorg.merged.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    more = [f.UnitFactory(name=f"Xã Thêm {i}", kind="commune", parent=reorg.district) for i in range(4)]
    UnitSuccession.objects.bulk_create([UnitSuccession(predecessor=u, successor=reorg.merged) for u in more])
    for u in more:
        f.PlanFactory(unit=u, year=2024)
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_new_communes_editor_opens_the_predecessors_plans_read_only(client, reorg, scene):
    _, _, editor = scene
    client.force_login(editor)
    old_plan = reorg.a.plans.get()
    page = client.get(old_plan.get_absolute_url())
    assert page.status_code == 200
    assert reverse("plans:plan_revise", args=[old_plan.pk]) not in page.content.decode()
    assert client.get(reverse("plans:indicator_list", args=[old_plan.pk])).status_code == 403
    assert client.post(reverse("plans:plan_revise", args=[old_plan.pk])).status_code == 403


def test_the_baselines_page_offers_the_sum_with_its_sources_and_accepts_it(client, reorg, scene):
    plan, indicator, editor = scene
    client.force_login(editor)
    url = reverse("plans:carried_baselines", args=[plan.pk])
    page = client.get(url).content.decode()
    assert "600" in page and "Phường A 2024" in page and "Dùng làm kết quả năm trước" in page
    response = client.post(reverse("plans:accept_baseline", args=[plan.pk, indicator.pk]))
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.baseline_text, indicator.baseline_value) == ("600", D(600))
    assert "đã dùng" in client.get(url).content.decode()


def test_accepting_needs_the_right_to_write(client, reorg, scene, editor_b):
    plan, indicator, _ = scene
    url = reverse("plans:accept_baseline", args=[plan.pk, indicator.pk])
    client.force_login(person("xem.hopnhat", reorg.merged, "viewer"))
    assert client.post(url).status_code == 403
    assert "Dùng làm kết quả năm trước" not in client.get(
        reverse("plans:carried_baselines", args=[plan.pk])).content.decode()
    client.force_login(editor_b)
    assert client.post(url).status_code == 404
    indicator.refresh_from_db()
    assert indicator.baseline_text == ""


def test_the_baselines_page_takes_constant_queries(client, reorg, scene):
    plan, _, editor = scene
    client.force_login(editor)
    url = reverse("plans:carried_baselines", args=[plan.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    for code in ("ty-le-tham-gia-bhyt", "giao-quan", "giam-ho-ngheo"):
        catalog = CatalogIndicator.objects.get(code=code)
        f.PlanIndicatorFactory(plan=plan, catalog=catalog, name=catalog.name)
        for unit in (reorg.a, reorg.b):
            _figure(unit.plans.get(), code, D(90), numerator=D(9), denominator=D(10))
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_a_new_communes_official_lands_on_their_own_plan_never_on_an_old_wards(client, reorg, scene):
    plan, _, editor = scene
    client.force_login(editor)
    assert client.get(reverse("home")).url == plan.get_absolute_url()
    plan.delete()
    response = client.get(reverse("home"))
    assert response.status_code == 200  # the list: the old wards' plans, read only
    assert "Phường A" in response.content.decode()
