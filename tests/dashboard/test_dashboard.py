import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import CatalogIndicator
from plans.models import Comment, Plan
from reports import dashboard
from tests import factories as f
from tests.dashboard.conftest import more_wards
from units.models import RoleKind


@pytest.fixture
def admin_user(db):
    return f.UserFactory(username="quantri", is_superuser=True, is_staff=True)


def rows_by_name(rows):
    return {r.name: r for r in rows}


def test_overview_rolls_children_up_by_district(country, supervisor_p):
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, totals = dashboard.overview(plans, root=country["province"], period="y", year=2024, user=supervisor_p)

    by = rows_by_name(rows)
    d, e = by["Thành phố D"], by["Thị xã E"]
    assert (d.plans, d.indicators, d.reported, d.exceeded, d.no_data) == (1, 3, 2, 2, 1)
    assert (d.on_time, d.late, d.missing, d.overdue_tasks) == (1, 0, 0, 1)
    assert (e.near, e.not_met, e.late, e.missing) == (1, 1, 1, 0)
    assert (totals.plans, totals.indicators, totals.reported) == (2, 6, 4)
    assert totals.reported_share == Decimal("66.7")


def test_overview_communes_mode_lists_every_ward_even_without_plan(country, supervisor_p):
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, _ = dashboard.overview(plans, root=country["province"], period="y", year=2024, user=supervisor_p,
                                 communes=True)

    by = rows_by_name(rows)
    assert set(by) == {"Phường A", "Phường B", "Phường C"}
    assert by["Phường C"].plan_status == "Chưa có kế hoạch"
    assert by["Phường A"].url == reverse("plans:plan_detail", args=[country["plan_a"].pk]) + "?period=y"


def test_overview_lists_only_units_that_existed_in_the_year(country, supervisor_p):
    """A commune created by the July 2025 reorganisation has no row in 2024; one abolished then has none in 2026."""
    merged = f.UnitFactory(name="Phường Mới", kind="ward", parent=country["d"], valid_from=datetime.date(2025, 7, 1))
    country["c"].valid_to = datetime.date(2025, 6, 30)
    country["c"].save()
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows_2024, _ = dashboard.overview(plans, root=country["province"], period="y", year=2024, user=supervisor_p,
                                      communes=True)
    rows_2026, _ = dashboard.overview(Plan.objects.none(), root=country["province"], period="y", year=2026,
                                      user=supervisor_p, communes=True)

    assert set(rows_by_name(rows_2024)) == {"Phường A", "Phường B", "Phường C"}
    assert merged.name in rows_by_name(rows_2026) and "Phường C" not in rows_by_name(rows_2026)


def test_comparison_rate_is_summed_numerators_over_denominators(country):
    bhyt = CatalogIndicator.objects.get(code="ty-le-tham-gia-bhyt")
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, totals = dashboard.comparison(plans, bhyt, root=country["province"], period="y", year=2024)

    assert [(r.name, r.value) for r in rows] == [("Thành phố D", Decimal("95.00")), ("Thị xã E", Decimal("85.00"))]
    # (95 + 170) / (100 + 200), not the mean of 95% and 85%
    assert totals.value == Decimal("88.33")
    assert (totals.met, totals.units) == (1, 2)


def test_comparison_of_a_sum_adds_values_and_targets(country):
    budget = CatalogIndicator.objects.get(code="thu-ngan-sach")
    plans = dashboard.latest_plans(Plan.objects.filter(year=2024))

    rows, totals = dashboard.comparison(plans, budget, root=country["d"], period="y", year=2024)

    assert [(r.name, r.value, r.is_single, r.target_text) for r in rows] == [
        ("Phường A", Decimal("120"), True, "100 triệu đồng")]
    assert (totals.value_sum, totals.target_sum, totals.percent) == (Decimal("120"), Decimal("100"),
                                                                      Decimal("120.00"))


def test_overview_page_shows_rows_and_totals(client, country, supervisor_p):
    client.force_login(supervisor_p)

    body = client.get(reverse("dashboard:overview")).content.decode()

    assert "Thành phố D" in body and "Thị xã E" in body
    assert "Tổng cộng" in body and "66,7%" in body


def test_overview_filter_report_late(client, country, supervisor_p):
    client.force_login(supervisor_p)

    body = client.get(reverse("dashboard:overview"), {"report": "late", "mode": "communes"}).content.decode()

    assert "Phường B" in body and "Phường A" not in body


def test_overview_filter_report_missing_and_kind(client, country, supervisor_p):
    more_wards(country["d"], 2)
    client.force_login(supervisor_p)

    body = client.get(reverse("dashboard:overview"), {"report": "missing", "mode": "communes",
                                                      "kind": "ward"}).content.decode()

    assert "Phường thêm 0" in body and "Phường thêm 1" not in body and "Phường A<" not in body


def test_overview_is_scoped_to_the_supervisor_subtree(client, country, supervisor_d):
    client.force_login(supervisor_d)

    body = client.get(reverse("dashboard:overview"), {"mode": "communes"}).content.decode()

    assert "Phường A" in body and "Phường B" not in body


def test_overview_sorts_by_column(client, country, supervisor_p):
    client.force_login(supervisor_p)

    body = client.get(reverse("dashboard:overview"), {"mode": "communes", "sort": "-late"}).content.decode()

    assert body.index("Phường B") < body.index("Phường A")


def test_overview_export_is_what_is_shown(client, country, supervisor_p):
    client.force_login(supervisor_p)

    response = client.get(reverse("dashboard:overview_export"), {"mode": "communes", "report": "late"})

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(BytesIO(response.content)).active
    names = [row[0] for row in sheet.iter_rows(values_only=True) if row and row[0]]
    assert "Phường B" in names and "Phường A" not in names
    assert names[-1] == "Tổng cộng"


def test_compare_page_has_chart_and_export(client, country, supervisor_p):
    client.force_login(supervisor_p)
    bhyt = CatalogIndicator.objects.get(code="ty-le-tham-gia-bhyt")

    body = client.get(reverse("dashboard:compare"), {"catalog": bhyt.code}).content.decode()
    export = client.get(reverse("dashboard:compare_export"), {"catalog": bhyt.code})

    assert "<svg" in body and "88,33%" in body and "Thành phố D" in body
    rows = list(load_workbook(BytesIO(export.content)).active.iter_rows(values_only=True))
    assert any(r[1] == "Thị xã E" for r in rows)


def _count(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, params or {}).status_code == 200
    return len(ctx)


@pytest.mark.parametrize(("url", "params"), [
    ("dashboard:overview", {}),
    ("dashboard:overview", {"mode": "communes"}),
    ("dashboard:overview", {"parent": "province"}),
    ("dashboard:overview", {"report": "missing_or_late"}),
    ("dashboard:compare", {}),
    ("dashboard:compare", {"parent": "province"}),
    ("dashboard:overview_export", {}),
])
def test_query_count_does_not_grow_with_units(client, country, admin_user, url, params):
    client.force_login(admin_user)
    params = {k: (country["province"].pk if v == "province" else v) for k, v in params.items()}
    small = _count(client, reverse(url), params)

    more_wards(country["d"], 5)
    more_wards(country["e"], 4, start=10)
    large = _count(client, reverse(url), params)

    assert Plan.objects.count() == 11
    assert large == small


# --- comments ------------------------------------------------------------------------------------

def test_supervisor_comments_and_the_ward_sees_it(client, country, supervisor_d, editor_a):
    plan = country["plan_a"]
    client.force_login(supervisor_d)

    response = client.post(reverse("dashboard:comment_create", args=[plan.pk]),
                           {"text": "Đề nghị bổ sung số liệu BHYT", "period": "y"})

    assert response.status_code == 302
    comment = Comment.objects.get(plan=plan)
    assert (comment.author, comment.period) == (supervisor_d, "y")
    client.force_login(editor_a)
    body = client.get(plan.get_absolute_url()).content.decode()
    assert "Đề nghị bổ sung số liệu BHYT" in body and "Gửi nhận xét" not in body


def test_comment_by_htmx_returns_the_list(client, country, supervisor_d):
    client.force_login(supervisor_d)

    response = client.post(reverse("dashboard:comment_create", args=[country["plan_a"].pk]),
                           {"text": "Tốt"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200 and "Tốt" in response.content.decode()


def test_empty_comment_is_refused_with_a_message(client, country, supervisor_d):
    client.force_login(supervisor_d)

    client.post(reverse("dashboard:comment_create", args=[country["plan_a"].pk]), {"text": "  "})

    assert not Comment.objects.exists()


def test_editor_may_not_comment_and_outsider_gets_404(client, country, editor_a, editor_b):
    url = reverse("dashboard:comment_create", args=[country["plan_a"].pk])
    client.force_login(editor_a)
    assert client.post(url, {"text": "x"}).status_code == 403
    client.force_login(editor_b)
    assert client.post(url, {"text": "x"}).status_code == 404
    assert not Comment.objects.exists()


# --- navigation and catalogue links ----------------------------------------------------------------

def test_navbar_links_the_dashboard_for_supervisors_only(client, country, supervisor_d, editor_a):
    client.force_login(supervisor_d)
    assert reverse("dashboard:overview") in client.get(reverse("dashboard:compare")).content.decode()
    client.force_login(editor_a)
    assert 'href="/dashboard/"' not in client.get(country["plan_a"].get_absolute_url()).content.decode()


def test_catalog_link_page_suggests_and_confirms(client, admin_user, plan_a):
    ps = f.PlanSectorFactory(plan=plan_a)
    indicator = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="Tỷ lệ hộ dân sử dụng nước sạch",
                                       target_unit="%")
    client.force_login(admin_user)

    body = client.get(reverse("dashboard:catalog_link_list")).content.decode()
    response = client.post(reverse("dashboard:catalog_link_list"), {f"link-{indicator.pk}": f"{indicator.pk}:nuoc-sach"})

    assert "Tỷ lệ hộ dân sử dụng nước sạch" in body
    assert response.status_code == 302
    indicator.refresh_from_db()
    assert (indicator.catalog.code, indicator.aggregation) == ("nuoc-sach", "rate")


def test_catalog_link_page_needs_an_admin_role(client, supervisor_d, ward_a):
    client.force_login(supervisor_d)
    assert client.get(reverse("dashboard:catalog_link_list")).status_code == 403
    f.RoleFactory(user=supervisor_d, unit=ward_a, role=RoleKind.ADMIN)
    assert client.get(reverse("dashboard:catalog_link_list")).status_code == 200


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


def test_overview_htmx_request_renders_the_fragment(client, country, supervisor_p):
    client.force_login(supervisor_p)

    body = client.get(reverse("dashboard:overview"), HTTP_HX_REQUEST="true").content.decode()

    assert "Thành phố D" in body and "<html" not in body


def test_compare_with_an_unknown_catalogue_code_says_so(client, country, supervisor_p):
    client.force_login(supervisor_p)

    body = client.get(reverse("dashboard:compare"), {"catalog": "khong-co"}).content.decode()

    assert "Không tìm thấy chỉ tiêu này trong danh mục" in body


def test_table_pager_speaks_vietnamese(client, country, supervisor_p):
    more_wards(country["d"], 3)
    client.force_login(supervisor_p)

    body = client.get(reverse("dashboard:compare"), {"mode": "communes", "per_page": 2}).content.decode()

    assert "Trang sau" in body and ">\n                        next\n" not in body


def test_a_draft_revision_does_not_replace_the_issued_plan_on_the_dashboard(country):
    issued = country["plan_a"]
    draft = f.PlanFactory(unit=issued.unit, year=2024, revision=1, revision_of=issued, status="draft")
    only_draft = f.PlanFactory(unit=country["c"], year=2024, status="draft")

    in_force = set(dashboard.latest_plans(Plan.objects.filter(year=2024)))

    assert issued in in_force and draft not in in_force and only_draft in in_force
    draft.status = "issued"
    draft.save()
    assert set(dashboard.latest_plans(Plan.objects.filter(unit=issued.unit))) == {draft}


def test_plan_breadcrumb_leads_a_supervisor_back_to_the_dashboard(client, country, supervisor_d, editor_a):
    plan = country["plan_a"]
    back = f'{reverse("dashboard:overview")}?parent={country["d"].pk}&amp;year=2024'
    client.force_login(supervisor_d)

    body = client.get(plan.get_absolute_url()).content.decode()

    assert back in body
    assert f'?parent={country["province"].pk}&amp;' not in body  # above the supervisor's scope: plain text
    client.force_login(editor_a)
    assert back not in client.get(plan.get_absolute_url()).content.decode()


def test_overview_row_escapes_unit_names(client, country, supervisor_p):
    country["c"].name = 'Phường <script>alert("x")</script>'
    country["c"].save()
    client.force_login(supervisor_p)

    body = client.get(reverse("dashboard:overview"), {"mode": "communes"}).content.decode()

    assert "<script>alert" not in body and "&lt;script&gt;alert(&quot;x&quot;)" in body
