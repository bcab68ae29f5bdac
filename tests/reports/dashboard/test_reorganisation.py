"""A province's 2024 and 2026 figures on its current communes (the 2025 reorganisation)."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.models import CatalogIndicator
from reports.dashboard.reorganisation import before_and_after
from tests import factories as f
from tests.lineage import reorganisation


@pytest.fixture
def reorg(db):
    return reorganisation()


def _figures(reorg, code, year, figures):
    catalog = CatalogIndicator.objects.get(code=code)
    for key, result in figures.items():
        unit = getattr(reorg, key)
        plan = unit.plans.filter(year=year).first() or f.PlanFactory(unit=unit, year=year, status="issued")
        indicator = f.PlanIndicatorFactory(plan=plan, catalog=catalog, name=catalog.name)
        f.ResultFactory(indicator=indicator, period="y", **result)
    return catalog


@pytest.fixture
def supervisor(reorg):
    user = f.UserFactory(username="giamsat.moi")
    f.RoleFactory(user=user, unit=reorg.province, role="supervisor")
    return user


def test_2024_is_carried_onto_the_current_communes_and_2026_is_their_own(reorg, supervisor):
    catalog = _figures(reorg, "thu-ngan-sach", 2024, {k: {"value": D(v)} for k, v in
                                                      (("a", 100), ("b", 200), ("c", 300), ("d", 40), ("e", 50))})
    _figures(reorg, "thu-ngan-sach", 2026, {k: {"value": D(v)} for k, v in
                                            (("merged", 700), ("split", 95), ("side", 5))})
    rows, totals = before_and_after(reorg.province, catalog, supervisor, before=2024, after=2026)
    by_name = {r.unit.name: r for r in rows}
    assert (by_name["Phường Hợp Nhất"].before_text, by_name["Phường Hợp Nhất"].after_text) == ("600", "700")
    # Xã D was divided between Xã Tách and Phường Bên: neither can take its figure alone...
    assert "Xã D được chia" in by_name["Xã Tách"].before.reason
    # ...but both stayed in the province, so the province's 2024 total counts it whole.
    assert (totals.unit, totals.before_text, totals.after_text) == (reorg.province, "690", "800")


def test_rates_pool_numerators_and_denominators_across_the_boundary(reorg, supervisor):
    catalog = _figures(reorg, "ty-le-tham-gia-bhyt", 2024, {
        "a": {"value": D(90), "numerator": D(900), "denominator": D(1000)},
        "b": {"value": D(50), "numerator": D(5), "denominator": D(10)},
        "c": {"value": D(95), "numerator": D(95), "denominator": D(100)}})
    _figures(reorg, "ty-le-tham-gia-bhyt", 2026, {"merged": {"value": D("92.5")}})
    rows, totals = before_and_after(reorg.province, catalog, supervisor, before=2024, after=2026)
    merged = next(r for r in rows if r.unit == reorg.merged)
    assert (merged.before_text, merged.after_text) == ("90,09%", "92,5%")
    assert totals.before.reason == "Chưa có số liệu cả năm của Phường E, Xã D."


def test_the_page_shows_the_supervisors_province_in_constant_queries(client, reorg, supervisor):
    _figures(reorg, "thu-ngan-sach", 2024, {"a": {"value": D(1)}})
    client.force_login(supervisor)
    url = reverse("dashboard:reorganisation") + "?catalog=thu-ngan-sach"
    page = client.get(url).content.decode()
    assert "Tỉnh Mới" in page and "Phường Hợp Nhất" in page and "Năm 2024 (gộp từ đơn vị cũ)" in page
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _figures(reorg, "thu-ngan-sach", 2024, {k: {"value": D(1)} for k in ("b", "c", "d", "e")})
    _figures(reorg, "thu-ngan-sach", 2026, {k: {"value": D(1)} for k in ("merged", "split", "side")})
    with CaptureQueriesContext(connection) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_someone_without_a_current_province_sees_none(client, reorg, editor_b):
    client.force_login(editor_b)
    page = client.get(reverse("dashboard:reorganisation")).content.decode()
    assert "Tỉnh Mới" not in page and "Bạn chưa theo dõi tỉnh, thành phố hiện hành nào" in page
