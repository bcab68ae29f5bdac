"""reports/dashboard/views.py: the overview and comparison pages, their exports, comments."""

from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from indicators.models import CatalogIndicator
from plans.models import Comment, Plan
from tests import factories as f
from tests.reports.dashboard.conftest import more_wards


@pytest.fixture
def admin_user(db):
    return f.UserFactory(username="quantri", is_superuser=True, is_staff=True)


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


# session, user, the filter's units (2), plans, then one GROUP BY each: plans, indicators, results (2), rolled-up
# parents (2), reports, missing reports, overdue tasks; the rows' units, the filter's units; the navbar's to-do
# count (a supervisor, counted afresh in tests: roles, comments, wards)
DASHBOARD_QUERIES = 20


def test_province_dashboard_query_count_does_not_grow_with_units_or_indicators(client, country, supervisor_p):
    client.force_login(supervisor_p)
    params = {"parent": country["province"].pk, "year": 2024}
    small = _count(client, reverse("dashboard:overview"), params)

    more_wards(country["d"], 5)
    for plan in Plan.objects.all():
        for n in range(3):
            ind = f.PlanIndicatorFactory(plan=plan, name=f"Chỉ tiêu thêm {n}")
            f.ResultFactory(indicator=ind, period="y")
            f.PlanIndicatorFactory(plan=plan, parent=ind, name=f"Chỉ tiêu con {n}")
    large = _count(client, reverse("dashboard:overview"), params)

    assert large == small <= DASHBOARD_QUERIES


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


# --- navigation ---------------------------------------------------------------------------------------

def test_navbar_links_the_dashboard_for_supervisors_only(client, country, supervisor_d, editor_a):
    client.force_login(supervisor_d)
    assert reverse("dashboard:overview") in client.get(reverse("dashboard:compare")).content.decode()
    client.force_login(editor_a)
    assert 'href="/dashboard/"' not in client.get(country["plan_a"].get_absolute_url()).content.decode()


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


def test_parent_filter_offers_the_units_of_the_chosen_year_and_keeps_a_chosen_dissolved_one(client, country,
                                                                                           supervisor_p):
    """A country's 2026 dashboard offers its 34 provinces, not the 2,500 units the 2025 reorganisation
    ended; a link to a dissolved district's dashboard of that year still opens."""
    import datetime

    district_d = country["d"]
    district_d.valid_to = datetime.date(2025, 6, 30)
    district_d.save()
    client.force_login(supervisor_p)

    body_2026 = client.get(reverse("dashboard:overview"), {"year": 2026}).content.decode()
    body_2024 = client.get(reverse("dashboard:overview"), {"year": 2024}).content.decode()
    chosen = client.get(reverse("dashboard:overview"), {"year": 2026, "parent": district_d.pk})

    assert f'value="{district_d.pk}"' not in body_2026 and f'value="{district_d.pk}"' in body_2024
    assert chosen.status_code == 200 and f'value="{district_d.pk}" selected' in chosen.content.decode()
