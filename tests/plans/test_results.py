"""Results entry: the grid, saving a row (htmx and plain POST), bad input, lost updates,
submitting and reopening a period."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators import results as indicator_results
from indicators import services as indicator_services
from indicators.models import Result
from indicators.results import Conflict
from plans import reporting, selectors, services
from plans.models import PeriodReport, ReportStatus
from reports.documents.sheets import Bieu02Table
from tests import factories as f


def grid_url(plan, period="q1"):
    return reverse("plans:result_list", args=[plan.pk]) + f"?period={period}"


def row_url(indicator, period="q1"):
    return reverse("plans:result_save", args=[indicator.plan_id, period, indicator.pk])


def row_data(indicator, version=0, rid=None, **fields):
    data = {"version": version, "rid": "" if rid is None else rid} | fields
    return {f"r{indicator.pk}-{k}": v for k, v in data.items()}


def post_row(client, indicator, period="q1", htmx=True, **kwargs):
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(row_url(indicator, period), row_data(indicator, **kwargs), headers=headers)


@pytest.fixture
def rate(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ hộ dân dùng nước sạch", unit_of_measure="%")


@pytest.fixture
def count(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="Giải quyết việc làm", unit_of_measure="lao động",
                                  target_text="200", target_kind="exact", target_value=200, target_unit="")


@pytest.fixture
def qualitative(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="An ninh chính trị", target_text="Giữ vững ổn định",
                                  target_kind="qualitative", target_value=None, target_unit="")


# --- the grid ---------------------------------------------------------------------------------

def test_grid_lists_indicators_by_sector_with_labelled_inputs(client, editor_a, rate, count):
    client.force_login(editor_a)

    body = client.get(grid_url(rate.plan)).content.decode()

    assert rate.name in body and count.name in body
    assert "KINH TẾ" in body
    assert f'for="id_r{rate.pk}-result"' in body and f'id="id_r{rate.pk}-result"' in body
    assert f'for="id_r{rate.pk}-is_estimate"' in body
    assert "js/results.js" in body
    assert "Nộp báo cáo" in body


def test_grid_and_plan_page_show_where_the_officials_words_and_the_figures_disagree(client, supervisor_d, count):
    # 117/200 at year end is computed "Không đạt"; the official typed "Đang tiếp tục thực hiện".
    result = f.ResultFactory(indicator=count, period="y", value=None, numerator=117, denominator=200,
                             evaluation_text="Đang tiếp tục thực hiện")
    assert result.status == "in_progress"  # what counts: the official's evaluation
    client.force_login(supervisor_d)

    grid = client.get(grid_url(count.plan, "y")).content.decode()
    page = client.get(reverse("plans:plan_detail", args=[count.plan_id]) + "?period=y").content.decode()

    for body in (grid, page):
        assert "Đang tiếp tục thực hiện" in body
        assert "Theo số liệu: Không đạt (58,50%)" in body


def test_grid_for_supervisor_is_read_only(client, supervisor_d, rate):
    f.ResultFactory(indicator=rate, period="q1", value=95)
    client.force_login(supervisor_d)

    body = client.get(grid_url(rate.plan)).content.decode()

    assert "95" in body
    assert f'id="id_r{rate.pk}-result"' not in body
    assert "Nộp báo cáo" not in body


def test_grid_unknown_period_falls_back_to_the_years_report_for_a_past_plan(client, editor_a, rate):
    client.force_login(editor_a)

    response = client.get(grid_url(rate.plan, "zz"))  # the factory's plan is of 2024, today is later

    assert response.status_code == 200
    assert 'value="y" selected' in response.content.decode()


def _grid_queries(client, plan):
    client.get(grid_url(plan))  # counts the navbar's to-do items once (cached_todo_count keeps them)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(grid_url(plan)).status_code == 200
    return len(ctx.captured_queries)


# session, user, plan, reports, the plan in force, roles, sectors, rows, results, header (13); the navbar's
# to-do count comes from the cache (counted once per person until a write changes a list: reports.todo.items)
GRID_QUERIES = 13


def test_grid_query_count_does_not_grow_with_indicators(client, editor_a, plan_a, qualitative, cached_todo_count):
    client.force_login(editor_a)
    first = f.PlanIndicatorFactory(plan=plan_a)
    f.ResultFactory(indicator=first, period="q1")
    one = _grid_queries(client, plan_a)
    for _ in range(2):
        ind = f.PlanIndicatorFactory(plan=plan_a, plan_sector=first.plan_sector)
        f.ResultFactory(indicator=ind, period="q1", is_estimate=True, cause="Thiếu vốn")
        f.PlanIndicatorFactory(plan=plan_a, plan_sector=first.plan_sector, parent=ind)  # a sub-item
    f.ResultFactory(indicator=qualitative, period="q1", value=None, text="Giữ vững", judgement="met")
    f.PlanIndicatorFactory(plan=plan_a)  # another sector

    many = _grid_queries(client, plan_a)

    assert one == many <= GRID_QUERIES


# --- saving a row -----------------------------------------------------------------------------

def _save_queries(client, indicator, result):
    with CaptureQueriesContext(connection) as ctx:
        response = post_row(client, indicator, result=result)
    assert response.status_code == 200 and "Đã lưu" in response.content.decode()
    return len(ctx.captured_queries)


SAVE_QUERIES = 24  # a first save of a row (INSERT), with the refreshed count the "Nộp báo cáo" question gives


def test_row_save_query_count_does_not_grow_with_indicators(client, editor_a, rate):
    client.force_login(editor_a)
    first = _save_queries(client, rate, "90")
    for _ in range(5):
        f.ResultFactory(indicator=f.PlanIndicatorFactory(plan=rate.plan), period="q1")

    again = _save_queries(client, f.PlanIndicatorFactory(plan=rate.plan), "12")

    assert first == again <= SAVE_QUERIES


def test_save_row_with_htmx_returns_the_row_with_percent_and_status(client, editor_a, rate):
    client.force_login(editor_a)

    response = post_row(client, rate, result="95")

    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith(f'<tr id="r-{rate.pk}"')
    assert "105,56%" in body and "Vượt" in body
    result = Result.objects.get(indicator=rate, period="q1")
    assert result.value == Decimal("95") and result.version == 1 and result.updated_by == editor_a


def test_save_row_without_htmx_redirects_to_the_grid(client, editor_a, rate):
    client.force_login(editor_a)

    response = post_row(client, rate, htmx=False, result="95%")

    assert response.status_code == 302
    assert response.url.endswith(f"?period=q1#r-{rate.pk}")
    assert Result.objects.get(indicator=rate).value == 95


def test_save_row_splits_numerator_and_denominator(client, editor_a, count):
    client.force_login(editor_a)

    body = post_row(client, count, period="y", result="261/200").content.decode()

    result = Result.objects.get(indicator=count)
    assert (result.numerator, result.denominator, result.value) == (261, 200, None)
    assert "130,5" in body and "Vượt" in body


def test_save_row_estimate_flag_and_audit_row(client, editor_a, count):
    client.force_login(editor_a)

    post_row(client, count, result="1.234", is_estimate="on")

    result = Result.objects.get(indicator=count)
    assert result.is_estimate and result.value == 1234
    row = result.history.latest()
    assert row.history_user == editor_a
    assert row.history_change_reason.startswith("Nhập kết quả")


def test_update_row_bumps_version_and_records_old_and_new(client, editor_a, count):
    client.force_login(editor_a)
    result = f.ResultFactory(indicator=count, period="q1", value=100)

    post_row(client, count, version=1, rid=result.pk, result="150")

    result.refresh_from_db()
    assert result.value == 150 and result.version == 2
    assert result.history.latest().history_change_reason == "Sửa kết quả: 100 → 150"


def test_unchanged_row_writes_nothing(client, editor_a, count):
    client.force_login(editor_a)
    result = f.ResultFactory(indicator=count, period="q1", value=100)

    post_row(client, count, version=1, rid=result.pk, result="100")

    result.refresh_from_db()
    assert result.version == 1 and result.history.count() == 1


def test_qualitative_row_takes_text_and_judgement(client, editor_a, qualitative):
    client.force_login(editor_a)

    body = post_row(client, qualitative, period="y", text="Ổn định", judgement="met").content.decode()

    result = Result.objects.get(indicator=qualitative)
    assert (result.text, result.judgement) == ("Ổn định", "met")
    assert f'id="id_r{qualitative.pk}-judgement"' in body and "Đạt" in body


def test_missed_target_in_final_period_asks_for_the_cause(client, editor_a, rate):
    client.force_login(editor_a)

    body = post_row(client, rate, period="y", result="50").content.decode()

    assert "Không đạt" in body
    assert "ghi nguyên nhân" in body and "data-needs-cause" in body


def test_interim_period_does_not_ask_for_the_cause(client, editor_a, rate):
    client.force_login(editor_a)

    body = post_row(client, rate, period="q1", result="50").content.decode()

    assert "Đang thực hiện" in body and "data-needs-cause" not in body


def test_cause_is_stored_and_shown_in_bieu02_and_on_the_plan_page(client, editor_a, rate):
    client.force_login(editor_a)
    post_row(client, rate, period="y", result="50")
    result = Result.objects.get(indicator=rate)

    post_row(client, rate, period="y", version=result.version, rid=result.pk, result="50",
             cause="Thiếu kinh phí đầu tư")

    result.refresh_from_db()
    assert result.cause == "Thiếu kinh phí đầu tư"
    rows = list(Bieu02Table(rate.plan, period="y").rows())
    assert rows[0].cells[-1] == "Nguyên nhân"
    assert any(row.cells[-1] == "Thiếu kinh phí đầu tư" for row in rows)
    page = client.get(rate.plan.get_absolute_url() + "?period=y").content.decode()
    assert "Thiếu kinh phí đầu tư" in page


def test_quantitative_row_without_cause_field_keeps_the_stored_cause(client, editor_a, rate):
    client.force_login(editor_a)
    result = f.ResultFactory(indicator=rate, period="q1", value=50, cause="Mưa bão")

    post_row(client, rate, version=1, rid=result.pk, result="60")

    result.refresh_from_db()
    assert result.value == 60 and result.cause == "Mưa bão"


# --- bad input ------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "message"), [
    ("nhiều", "cần một số"),
    ("1,234.5", "kiểu Anh"),
    ("15.2", "kiểu Anh"),
    ("-3", "không được âm"),
    ("120", "không thể vượt 100%"),
    ("12/10", "Tử số lớn hơn mẫu số"),
    ("5/0", "Mẫu số phải lớn hơn 0"),
    ("999.999.999.999.999.999", "Số quá lớn"),
    ("1234567890123456789012345", "Số quá lớn"),
    ("1,1234567", "quá 6 chữ số sau dấu phẩy"),
])
def test_bad_input_on_a_rate_is_refused_next_to_the_field(client, editor_a, rate, typed, message):
    client.force_login(editor_a)

    response = post_row(client, rate, result=typed)

    body = response.content.decode()
    assert response.status_code == 200
    assert message in body
    assert f'id="id_r{rate.pk}-result-error"' in body
    assert 'is-invalid' in body
    assert not Result.objects.filter(indicator=rate).exists()


def test_negative_count_is_refused(client, editor_a, count):
    client.force_login(editor_a)

    body = post_row(client, count, result="-5").content.decode()

    assert "Kết quả không được âm." in body
    assert not Result.objects.exists()


def test_count_above_one_hundred_is_fine(client, editor_a, count):
    client.force_login(editor_a)

    post_row(client, count, result="1.302,5")

    assert Result.objects.get(indicator=count).value == Decimal("1302.5")


def test_bad_input_without_htmx_renders_the_grid_with_the_message(client, editor_a, rate, count):
    client.force_login(editor_a)

    response = post_row(client, rate, htmx=False, result="1,234.5")

    body = response.content.decode()
    assert response.status_code == 200
    assert "kiểu Anh" in body and count.name in body
    assert not Result.objects.exists()


# --- lost updates ---------------------------------------------------------------------------

def test_second_save_with_the_old_version_is_refused_showing_both_values(editor_a, leader_a, count):
    first, second = Client(), Client()
    first.force_login(editor_a)
    second.force_login(leader_a)
    result = f.ResultFactory(indicator=count, period="q1", value=100)
    # both loaded version 1
    post_row(first, count, version=1, rid=result.pk, result="150")

    response = post_row(second, count, version=1, rid=result.pk, result="170")

    body = response.content.decode()
    result.refresh_from_db()
    assert result.value == 150 and result.version == 2  # not overwritten
    assert "Người khác vừa lưu" in body
    assert '<strong class="theirs">150</strong>' in body
    assert '<strong class="yours">170</strong>' in body
    assert "Giữ giá trị trong hệ thống" in body and "Ghi đè bằng giá trị của tôi" in body
    # the conflict row now carries the version in the database: saving again overwrites
    assert f'name="r{count.pk}-version" value="2"' in body
    assert 'value="170"' in body


def test_overwrite_after_conflict_saves_mine(editor_a, leader_a, count):
    second = Client()
    second.force_login(leader_a)
    result = f.ResultFactory(indicator=count, period="q1", value=150, version=2)

    post_row(second, count, version=2, rid=result.pk, result="170", overwrite="1")

    result.refresh_from_db()
    assert result.value == 170 and result.version == 3


def test_keep_theirs_reloads_the_row(client, editor_a, count):
    client.force_login(editor_a)
    f.ResultFactory(indicator=count, period="q1", value=150, version=2)

    response = client.get(row_url(count), headers={"HX-Request": "true"})

    body = response.content.decode()
    assert f'name="r{count.pk}-version" value="2"' in body and 'value="150"' in body


def test_two_first_entries_of_the_same_row_conflict(editor_a, leader_a, count):
    first, second = Client(), Client()
    first.force_login(editor_a)
    second.force_login(leader_a)
    post_row(first, count, result="10")

    body = post_row(second, count, result="20").content.decode()

    assert Result.objects.get(indicator=count).value == 10
    assert "Người khác vừa lưu" in body


def test_save_result_service_refuses_a_stale_version(editor_a, count):
    result = f.ResultFactory(indicator=count, period="q1", value=1, version=4)

    with pytest.raises(Conflict) as exc:
        reporting.save_result(count, period="q1", is_estimate=False, values={"value": Decimal(2)},
                             expected_version=3, expected_id=result.pk, by=editor_a)

    assert exc.value.current.value == 1


def test_estimate_then_final_replaces_the_estimate(editor_a, count):
    estimate = reporting.save_result(count, period="q1", is_estimate=True, values={"value": Decimal(5)},
                                    expected_version=0, by=editor_a)

    final = reporting.save_result(count, period="q1", is_estimate=False, values={"value": Decimal(6)},
                                 expected_version=estimate.version, expected_id=estimate.pk, by=editor_a)

    assert list(Result.objects.filter(indicator=count).values_list("is_estimate", "value")) == [(False, 6)]
    assert final.version == 2


# --- submit and reopen ------------------------------------------------------------------------

def _submit(client, plan, period="q1"):
    return client.post(reverse("plans:period_submit", args=[plan.pk, period]))


def test_submit_period_locks_it_and_stamps_time(client, editor_a, rate):
    client.force_login(editor_a)

    response = _submit(client, rate.plan)

    assert response.status_code == 302
    report = PeriodReport.objects.get(plan=rate.plan, period="q1")
    assert report.status == ReportStatus.SUBMITTED and report.submitted_by == editor_a
    assert report.submitted_at is not None
    assert report.due_date == datetime.date(2024, 4, 10)
    assert report.is_late  # the plan year is 2024: long past
    assert report.history.latest().history_change_reason.startswith("Nộp báo cáo")
    body = client.get(grid_url(rate.plan)).content.decode()
    assert "Đã nộp" in body and "nộp muộn" in body
    assert f'id="id_r{rate.pk}-result"' not in body  # read-only
    assert reverse("plans:period_submit", args=[rate.plan.pk, "q1"]) not in body


def test_submit_on_time(editor_a, plan_a):
    plan_a.year = datetime.date.today().year + 1
    plan_a.save()
    report = reporting.submit_period(reporting.period_report(plan_a, "m1"), by=editor_a)

    assert not report.is_late


def test_posting_to_a_submitted_period_is_forbidden(client, editor_a, rate):
    client.force_login(editor_a)
    f.PeriodReportFactory(plan=rate.plan, period="q1", status=ReportStatus.SUBMITTED)

    response = post_row(client, rate, result="95")

    assert response.status_code == 403
    assert not Result.objects.exists()


def test_submitting_twice_says_so(client, editor_a, rate):
    client.force_login(editor_a)
    _submit(client, rate.plan)

    response = _submit(client, rate.plan)

    assert response.status_code == 302
    assert PeriodReport.objects.get(plan=rate.plan, period="q1").history.count() == 2


def test_viewer_cannot_submit(client, viewer_a, rate):
    client.force_login(viewer_a)

    assert _submit(client, rate.plan).status_code == 403
    assert not PeriodReport.objects.exists()


def test_supervisor_reopens_with_a_comment_and_the_ward_sees_it(client, editor_a, supervisor_d, rate):
    f.PeriodReportFactory(plan=rate.plan, period="q1", status=ReportStatus.SUBMITTED)
    client.force_login(supervisor_d)
    url = reverse("plans:period_reopen", args=[rate.plan.pk, "q1"])

    assert "Lý do mở lại" in client.get(url).content.decode()
    response = client.post(url, {"comment": "Số liệu nước sạch chưa khớp"})

    assert response.status_code == 302
    report = PeriodReport.objects.get(plan=rate.plan, period="q1")
    assert report.status == ReportStatus.REOPENED and report.reopened_by == supervisor_d
    client.force_login(editor_a)
    body = client.get(grid_url(rate.plan)).content.decode()
    assert "Số liệu nước sạch chưa khớp" in body
    assert f'id="id_r{rate.pk}-result"' in body  # editable again
    assert "Số liệu nước sạch chưa khớp" in client.get(rate.plan.get_absolute_url() + "?period=q1").content.decode()


def test_reopen_requires_a_comment(client, supervisor_d, rate):
    f.PeriodReportFactory(plan=rate.plan, period="q1", status=ReportStatus.SUBMITTED)
    client.force_login(supervisor_d)

    response = client.post(reverse("plans:period_reopen", args=[rate.plan.pk, "q1"]), {"comment": "  "})

    assert response.status_code == 200
    assert "Nhập lý do mở lại" in response.content.decode()
    assert PeriodReport.objects.get(plan=rate.plan).status == ReportStatus.SUBMITTED


def test_editor_cannot_reopen(client, editor_a, rate):
    f.PeriodReportFactory(plan=rate.plan, period="q1", status=ReportStatus.SUBMITTED)
    client.force_login(editor_a)

    response = client.post(reverse("plans:period_reopen", args=[rate.plan.pk, "q1"]), {"comment": "x"})

    assert response.status_code == 403
    assert PeriodReport.objects.get(plan=rate.plan).status == ReportStatus.SUBMITTED


def test_other_ward_gets_404_on_results(client, editor_b, rate):
    client.force_login(editor_b)

    assert client.get(grid_url(rate.plan)).status_code == 404
    assert post_row(client, rate, result="1").status_code == 404


def test_saving_a_row_refreshes_the_stored_evaluation(client, editor_a, count):
    client.force_login(editor_a)
    result = f.ResultFactory(indicator=count, period="y", value=100)
    assert result.status == "not_met"

    post_row(client, count, period="y", version=1, rid=result.pk, result="261/200")

    result.refresh_from_db()
    assert (result.status, result.percent) == ("exceeded", Decimal("130.50"))
    assert result.history.latest().status == "exceeded"


def test_forbidden_and_not_found_pages_are_in_vietnamese(client, editor_a, editor_b, rate):
    f.PeriodReportFactory(plan=rate.plan, period="q1", status=ReportStatus.SUBMITTED)
    client.force_login(editor_a)

    locked = post_row(client, rate, htmx=False, result="95").content.decode()
    client.force_login(editor_b)
    missing = client.get(grid_url(rate.plan)).content.decode()

    assert "Báo cáo kỳ này đã nộp" in locked
    assert "Không tìm thấy trang này" in missing


def test_plan_page_links_to_results_and_tasks_for_editors(client, editor_a, viewer_a, plan_a):
    results, tasks = reverse("plans:result_list", args=[plan_a.pk]), reverse("plans:task_list", args=[plan_a.pk])
    client.force_login(editor_a)

    body = client.get(plan_a.get_absolute_url()).content.decode()

    assert f'class="btn btn-sm btn-primary" href="{results}"' in body and "Nhập kết quả" in body
    assert f'href="{tasks}"' in body
    client.force_login(viewer_a)
    body = client.get(plan_a.get_absolute_url()).content.decode()
    assert f'class="btn btn-sm btn-primary" href="{results}"' not in body
    assert "Kết quả theo kỳ" in body  # readers still reach the results, read-only


def test_plan_page_shows_the_period_report_status(client, editor_a, plan_a):
    f.PeriodReportFactory(plan=plan_a, period="y", status=ReportStatus.REOPENED, reopen_comment="Bổ sung số liệu")
    client.force_login(editor_a)

    body = client.get(plan_a.get_absolute_url() + "?period=y").content.decode()

    assert "Báo cáo Năm" in body and "Mở lại" in body and "Bổ sung số liệu" in body


def test_final_marked_as_estimate_replaces_the_old_estimate(editor_a, count):
    f.ResultFactory(indicator=count, period="q1", value=5, is_estimate=True)
    final = f.ResultFactory(indicator=count, period="q1", value=6, is_estimate=False)

    saved = reporting.save_result(count, period="q1", is_estimate=True, values={"value": Decimal(7)},
                                 expected_version=1, expected_id=final.pk, by=editor_a)

    assert list(Result.objects.filter(indicator=count).values_list("pk", "is_estimate", "value")) == [
        (final.pk, True, 7)]
    assert saved.version == 2


def test_conflict_rolls_back_the_superseded_estimate(monkeypatch, editor_a, count):
    f.ResultFactory(indicator=count, period="q1", value=5, is_estimate=True)
    final = f.ResultFactory(indicator=count, period="q1", value=6, is_estimate=False, version=3)
    stale = Result.objects.get(pk=final.pk)
    stale.version = 2  # what this person read a moment before someone else saved
    monkeypatch.setattr(indicator_results, "current_result", lambda indicator, period: stale)

    with pytest.raises(Conflict):
        reporting.save_result(count, period="q1", is_estimate=True, values={"value": Decimal(7)},
                             expected_version=2, expected_id=final.pk, by=editor_a)

    assert Result.objects.filter(indicator=count).count() == 2


def test_bad_depth_parameter_is_ignored(client, editor_a, count):
    client.force_login(editor_a)

    response = client.get(row_url(count) + "?depth=x", headers={"HX-Request": "true"})

    assert response.status_code == 200


def test_editing_an_imported_result_drops_its_written_evaluation(editor_a, count):
    result = f.ResultFactory(indicator=count, period="y", value=261, evaluation_text="đạt 130,5%")

    saved = reporting.save_result(count, period="y", is_estimate=False, values={"value": Decimal(150)},
                                 expected_version=1, expected_id=result.pk, by=editor_a)

    result.refresh_from_db()
    assert result.evaluation_text == "" and saved.evaluation_text == ""


def test_a_revision_keeps_a_submitted_period_locked(client, editor_a, count):
    """Starting a revision of an issued plan must not reopen a period the ward already submitted."""
    plan = count.plan
    reporting.save_result(count, period="q1", is_estimate=False, values={"value": Decimal(50)},
                         expected_id=None, expected_version=0, by=editor_a)
    client.force_login(editor_a)
    assert _submit(client, plan).status_code == 302
    plan.status = "issued"
    plan.save()

    draft = services.start_revision(plan, by=editor_a)
    copy = draft.indicators.get(name=count.name)
    result = Result.objects.get(indicator=copy, period="q1")
    response = post_row(client, copy, version=result.version, rid=result.pk, result="99")

    assert response.status_code == 403
    assert PeriodReport.objects.get(plan=draft, period="q1").status == ReportStatus.SUBMITTED
    assert Result.objects.get(pk=result.pk).value == 50


def test_rate_written_only_in_the_unit_column_is_capped_at_100(client, editor_a, plan_a):
    """Phụ lục row "Tỷ lệ tham gia BHYT | ĐVT % | 98": the target says 98, the % is in the unit column."""
    bhyt = f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ tham gia BHYT", unit_of_measure="%",
                                  target_text="98", target_kind="exact", target_value=98, target_unit="")
    client.force_login(editor_a)

    body = post_row(client, bhyt, result="150%").content.decode()

    assert "không thể vượt 100%" in body
    assert not Result.objects.filter(indicator=bhyt).exists()


def test_target_with_a_figure_too_large_to_store_is_kept_as_written_and_qualitative():
    fields = indicator_services.target_fields("1.000.000.000.000.000.000 đồng")

    assert fields["target_kind"] == "qualitative" and fields["target_value"] is None


# --- money: multipliers, tiny figures, no numerator/denominator --------------------------------

@pytest.fixture
def budget(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="Thu ngân sách", unit_of_measure="đồng",
                                  target_text="9.949.000.000 đồng", target_kind="at_least",
                                  target_value=9_949_000_000, target_unit="đồng")


@pytest.mark.parametrize(("typed", "value"), [
    ("1,5 tỷ", Decimal("1500000000")),
    ("1,5 tỉ", Decimal("1500000000")),
    ("150 triệu", Decimal("150000000")),
    ("150 triệu đồng", Decimal("150000000")),
    ("2 tỷ 300 triệu", Decimal("2300000000")),
    ("15.000 nghìn", Decimal("15000000")),
    ("20.000 ngàn đ", Decimal("20000000")),
    ("1.500.000.000", Decimal("1500000000")),
    ("1.500.000.000đ", Decimal("1500000000")),
    ("1.500.000.000 đồng", Decimal("1500000000")),
    ("1,25 Tỷ", Decimal("1250000000")),
])
def test_money_result_reads_multipliers(client, editor_a, budget, typed, value):
    client.force_login(editor_a)

    body = post_row(client, budget, result=typed).content.decode()

    assert "is-invalid" not in body
    assert Result.objects.get(indicator=budget).value == value


@pytest.mark.parametrize(("typed", "message"), [
    ("1.5 tỷ", "kiểu Anh"),
    ("1,5 tỷ rưỡi", "cần một số tiền"),
    ("300 triệu 2 tỷ", "cần một số tiền"),
    ("261/200", "không nhập tử số/mẫu số"),
    ("nhiều tỷ", "cần một số tiền"),
    ("2.000.000 tỷ", "Số quá lớn"),
])
def test_money_result_refuses_bad_amounts(client, editor_a, budget, typed, message):
    client.force_login(editor_a)

    body = post_row(client, budget, result=typed).content.decode()

    assert message in body
    assert not Result.objects.filter(indicator=budget).exists()


def test_multipliers_are_only_for_money(client, editor_a, count):
    client.force_login(editor_a)

    body = post_row(client, count, result="150 triệu").content.decode()

    assert "cần một số" in body
    assert not Result.objects.exists()


def test_tiny_money_figure_is_refused_once_then_saved_on_a_second_save(client, editor_a, budget):
    client.force_login(editor_a)

    body = post_row(client, budget, result="150").content.decode()

    assert ("Bạn nhập 150 đồng, nhỏ hơn rất nhiều so với kế hoạch 9.949.000.000 đồng. "
            "Nếu đúng là triệu, gõ “150 triệu”; nếu đúng là 150 đồng, bấm Lưu lần nữa.") in body
    assert f'name="r{budget.pk}-confirm_small" value="150"' in body
    assert not Result.objects.exists()
    # another figure is checked again
    body = post_row(client, budget, result="200", confirm_small="150").content.decode()
    assert "Bạn nhập 200 đồng" in body and not Result.objects.exists()
    # the same text saved again is kept
    body = post_row(client, budget, result="150", confirm_small="150").content.decode()
    assert "is-invalid" not in body
    assert Result.objects.get(indicator=budget).value == 150


def test_tiny_money_figure_with_a_multiplier_names_the_units(client, editor_a, budget):
    client.force_login(editor_a)

    body = post_row(client, budget, result="150 nghìn").content.decode()

    assert "Bạn nhập 150.000 đồng" in body and "Kiểm tra lại đơn vị" in body
    assert not Result.objects.exists()


def test_tiny_money_figure_without_htmx_carries_the_confirmation_in_the_grid(client, editor_a, budget):
    client.force_login(editor_a)

    body = post_row(client, budget, htmx=False, result="150").content.decode()

    assert "nhỏ hơn rất nhiều" in body and f'name="r{budget.pk}-confirm_small" value="150"' in body
    response = post_row(client, budget, htmx=False, result="150", confirm_small="150")
    assert response.status_code == 302
    assert Result.objects.get(indicator=budget).value == 150


def test_a_plausible_money_figure_saves_at_once(client, editor_a, budget):
    client.force_login(editor_a)

    post_row(client, budget, result="10.000.000")  # 0,1 % of the target: not suspicious

    assert Result.objects.get(indicator=budget).value == 10_000_000


def test_qualitative_text_box_has_a_visible_placeholder(client, editor_a, qualitative):
    client.force_login(editor_a)

    body = client.get(grid_url(qualitative.plan)).content.decode()

    assert 'placeholder="Ghi kết quả bằng lời"' in body
    assert f'for="id_r{qualitative.pk}-text"' in body  # the label stays


# --- "Nộp báo cáo" asks first, with the facts --------------------------------------------------

def test_submit_button_confirms_with_the_count_of_missing_results(client, editor_a, rate, count, qualitative):
    f.ResultFactory(indicator=rate, period="q1", value=95)
    f.ResultFactory(indicator=qualitative, period="q1", value=None, text="", judgement="")  # emptied: no figure
    client.force_login(editor_a)

    body = client.get(grid_url(rate.plan)).content.decode()

    submit = reverse("plans:period_submit", args=[rate.plan.pk, "q1"])
    assert f'hx-post="{submit}"' in body and f'action="{submit}"' in body
    assert ('hx-confirm="Còn 2/3 chỉ tiêu chưa có kết quả. Nộp báo cáo Quý I? '
            'Sau khi nộp, chỉ cấp trên mới mở lại được."') in body
    assert "data-submit-confirm" not in body  # only a saved row carries the new count


def test_submit_confirmation_when_every_indicator_has_a_result(client, editor_a, rate):
    f.ResultFactory(indicator=rate, period="q1", value=95)
    client.force_login(editor_a)

    body = client.get(grid_url(rate.plan)).content.decode()

    assert 'hx-confirm="Đã có kết quả của cả 1/1 chỉ tiêu. Nộp báo cáo Quý I?' in body


def test_confirmation_counts_a_parent_with_results_only_on_its_sub_items(client, editor_a, count):
    # indicators.counting: the parent takes its sub-items' statuses, as Biểu 02 and the dashboard do
    for name in ("Lao động nam", "Lao động nữ"):
        child = f.PlanIndicatorFactory(plan=count.plan, plan_sector=count.plan_sector, parent=count, name=name,
                                       target_text="100", target_kind="exact", target_value=100, target_unit="")
        f.ResultFactory(indicator=child, period="q1", value=100)
    client.force_login(editor_a)

    body = client.get(grid_url(count.plan)).content.decode()

    assert 'hx-confirm="Đã có kết quả của cả 1/1 chỉ tiêu. Nộp báo cáo Quý I?' in body
    assert selectors.results_missing(count.plan, "q1") == (0, 1)


def test_a_saved_row_carries_the_new_count_for_the_confirmation(client, editor_a, rate, count):
    client.force_login(editor_a)

    body = post_row(client, rate, result="95").content.decode()

    assert 'data-submit-confirm="Còn 1/2 chỉ tiêu chưa có kết quả. Nộp báo cáo Quý I?' in body


def test_submit_through_htmx_answers_with_a_client_redirect_to_the_grid(client, editor_a, rate):
    client.force_login(editor_a)

    response = client.post(reverse("plans:period_submit", args=[rate.plan.pk, "q1"]),
                           headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response["HX-Redirect"] == grid_url(rate.plan)
    assert PeriodReport.objects.get(plan=rate.plan, period="q1").status == ReportStatus.SUBMITTED
    assert "Đã nộp báo cáo Quý I" in client.get(grid_url(rate.plan)).content.decode()
