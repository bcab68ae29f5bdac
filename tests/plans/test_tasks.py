"""Task list (filters, overdue), task progress edits with the lost-update check, and the home page."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from indicators.results import Conflict
from plans import reporting
from plans.models import ReportStatus, Task
from plans.schedule import next_report
from tests import factories as f


def list_url(plan, query=""):
    return reverse("plans:task_list", args=[plan.pk]) + query


def edit_url(task):
    return reverse("plans:task_edit", args=[task.plan_id, task.pk])


@pytest.fixture
def departments(ward_a):
    return f.DepartmentFactory(unit=ward_a, name="Văn phòng - Thống kê"), f.DepartmentFactory(
        unit=ward_a, name="Tài chính - Kế toán")


def test_task_list_shows_department_status_progress_and_overdue(client, editor_a, plan_a, departments):
    office, _ = departments
    late = f.TaskFactory(plan=plan_a, title="Rà soát hộ nghèo", lead=office, progress=40,
                         due_date=datetime.date(2024, 3, 31), status="in_progress")
    f.TaskFactory(plan=plan_a, title="Tổng kết năm", due_date=datetime.date(2024, 3, 31), status="done")
    client.force_login(editor_a)

    body = client.get(list_url(plan_a)).content.decode()

    assert "Rà soát hộ nghèo" in body and "Văn phòng - Thống kê" in body and "40%" in body
    assert "Đang thực hiện" in body
    assert re.search(rf'<tr class="overdue[^"]*" id="nv-{late.pk}">', body)
    assert body.count("quá hạn</span>") == 1
    assert edit_url(late) in body


def test_task_list_filters_by_department_status_and_overdue(client, editor_a, plan_a, departments):
    office, finance = departments
    f.TaskFactory(plan=plan_a, title="Việc văn phòng", lead=office, status="in_progress")
    f.TaskFactory(plan=plan_a, title="Việc tài chính", lead=finance, status="done",
                  due_date=datetime.date(2024, 1, 1))
    f.TaskFactory(plan=plan_a, title="Việc trễ", lead=finance, status="not_started",
                  due_date=datetime.date(2024, 1, 1))
    client.force_login(editor_a)

    by_lead = client.get(list_url(plan_a, f"?lead={office.pk}")).content.decode()
    by_status = client.get(list_url(plan_a, "?status=done")).content.decode()
    overdue = client.get(list_url(plan_a, "?overdue=on")).content.decode()

    assert "Việc văn phòng" in by_lead and "Việc tài chính" not in by_lead
    assert "Việc tài chính" in by_status and "Việc văn phòng" not in by_status
    assert "Việc trễ" in overdue and "Việc tài chính" not in overdue and "Việc văn phòng" not in overdue


def test_task_list_htmx_renders_the_table_only(client, editor_a, plan_a):
    f.TaskFactory(plan=plan_a, title="Việc một")
    client.force_login(editor_a)

    body = client.get(list_url(plan_a), headers={"HX-Request": "true"}).content.decode()

    assert "Việc một" in body and "<nav" not in body


def test_task_list_for_supervisor_has_no_edit_links(client, supervisor_d, plan_a):
    task = f.TaskFactory(plan=plan_a)
    client.force_login(supervisor_d)

    body = client.get(list_url(plan_a)).content.decode()

    assert task.title in body and edit_url(task) not in body


def _list_queries(client, plan):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(list_url(plan)).status_code == 200
    return len(ctx.captured_queries)


def test_task_list_query_count_does_not_grow_with_tasks(client, editor_a, plan_a, departments):
    client.force_login(editor_a)
    f.TaskFactory(plan=plan_a, lead=departments[0])
    one = _list_queries(client, plan_a)
    f.TaskFactory(plan=plan_a, lead=departments[1])
    f.TaskFactory(plan=plan_a, lead=departments[0])

    three = _list_queries(client, plan_a)

    assert one == three


def _task_post(task, **over):
    return {"progress": "60", "status": "in_progress", "due_date": "30/06/2024", "result_text": "Đã rà soát",
            "version": str(task.version)} | over


def test_task_edit_saves_progress_with_audit(client, editor_a, plan_a):
    task = f.TaskFactory(plan=plan_a, progress=10)
    client.force_login(editor_a)

    response = client.post(edit_url(task), _task_post(task))

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.progress, task.status, task.result_text, task.version) == (60, "in_progress", "Đã rà soát", 2)
    assert task.due_date == datetime.date(2024, 6, 30)
    row = task.history.latest()
    assert row.history_user == editor_a and row.history_change_reason == "Cập nhật nhiệm vụ: 10% → 60%"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("progress", "120", "Tiến độ phải từ 0 đến 100%."),
    ("progress", "-5", "Tiến độ phải từ 0 đến 100%."),
    ("progress", "nửa", "Nhập tiến độ bằng số từ 0 đến 100"),
    ("due_date", "15/01/2025", "Thời hạn phải trong năm kế hoạch 2024"),
    ("due_date", "31/02/2024", "Ngày không hợp lệ"),
])
def test_task_edit_refuses_bad_input(client, editor_a, plan_a, field, value, message):
    task = f.TaskFactory(plan=plan_a, progress=10)
    client.force_login(editor_a)

    response = client.post(edit_url(task), _task_post(task, **{field: value}))

    assert response.status_code == 200
    assert message in response.content.decode()
    task.refresh_from_db()
    assert task.progress == 10 and task.version == 1


def test_task_edit_conflict_shows_both_values_and_overwrite_works(editor_a, leader_a, plan_a):
    task = f.TaskFactory(plan=plan_a, progress=10)
    first, second = Client(), Client()
    first.force_login(editor_a)
    second.force_login(leader_a)
    first.post(edit_url(task), _task_post(task, progress="50"))

    response = second.post(edit_url(task), _task_post(task, progress="70"))

    body = response.content.decode()
    task.refresh_from_db()
    assert task.progress == 50
    assert '<td class="theirs">50%</td>' in body and '<td class="yours">70%</td>' in body
    assert 'name="version" value="2"' in body
    response = second.post(edit_url(task), _task_post(task, progress="70"))  # version 2 now: overwrite
    task.refresh_from_db()
    assert response.status_code == 302 and task.progress == 70 and task.version == 3


def test_task_edit_forbidden_for_viewer_and_hidden_from_other_ward(client, viewer_a, editor_b, plan_a):
    task = f.TaskFactory(plan=plan_a)
    client.force_login(viewer_a)
    assert client.post(edit_url(task), _task_post(task)).status_code == 403
    client.force_login(editor_b)
    assert client.get(edit_url(task)).status_code == 404


def test_save_task_service_refuses_stale_version(editor_a, plan_a):
    task = f.TaskFactory(plan=plan_a)
    Task.objects.filter(pk=task.pk).update(version=5)

    with pytest.raises(Conflict):
        reporting.save_task(task, values={"progress": 5}, expected_version=1, by=editor_a)


# --- home: status and next report due ---------------------------------------------------------

def test_next_report_is_the_first_month_not_submitted_from_today():
    nr = next_report(2025, monthly_day=10, submitted={"m1", "q1"}, today=datetime.date(2025, 2, 1))

    assert (nr.period, nr.due, nr.overdue) == ("m2", datetime.date(2025, 3, 10), False)
    nr = next_report(2025, monthly_day=10, submitted={"m2"}, today=datetime.date(2025, 2, 1))
    assert nr.period == "m1"  # due 10/02, still ahead


def test_next_report_after_the_year_is_the_annual_one_overdue():
    nr = next_report(2024, monthly_day=10, submitted=set(), today=datetime.date(2026, 1, 1))

    assert (nr.period, nr.due, nr.overdue) == ("y", datetime.date(2025, 1, 10), True)
    assert next_report(2024, monthly_day=10, submitted={"y"}, today=datetime.date(2026, 1, 1)) is None


def test_home_lists_status_and_next_report_due(client, supervisor_d, plan_a, ward_a, district_d):
    other = f.PlanFactory(unit=f.UnitFactory(name="Phường C", parent=district_d),
                          year=datetime.date.today().year + 1)
    f.PeriodReportFactory(plan=other, period="m1", status=ReportStatus.SUBMITTED)
    client.force_login(supervisor_d)

    body = client.get(reverse("home"), {"all": "1"}).content.decode()

    assert "Dự thảo" in body
    assert "Tháng 2</a> – hạn 10/03/" in body  # the other plan: January is submitted
    assert "Năm</a> – hạn 10/01/2025" in body and "quá hạn" in body  # plan_a (2024) is long past


def test_plan_history_lists_result_task_and_report_changes(client, editor_a, plan_a):
    from decimal import Decimal

    indicator = f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ hòa giải thành")
    task = f.TaskFactory(plan=plan_a, title="Rà soát hộ nghèo", progress=10)
    result = reporting.save_result(indicator, period="q1", is_estimate=False, values={"value": Decimal(80)},
                                  expected_version=0, by=editor_a)
    reporting.save_result(indicator, period="q1", is_estimate=False, values={"value": Decimal(95)},
                         expected_version=result.version, expected_id=result.pk, by=editor_a)
    reporting.save_task(task, values={"progress": 60}, expected_version=1, by=editor_a)
    reporting.submit_period(reporting.period_report(plan_a, "q1"), by=editor_a)
    client.force_login(editor_a)

    with CaptureQueriesContext(connection) as ctx:
        body = client.get(reverse("plans:plan_history", args=[plan_a.pk])).content.decode()

    assert "Kết quả Quý I: Tỷ lệ hòa giải thành" in body and "Sửa kết quả: 80% → 95%" in body
    assert "Nhiệm vụ Rà soát hộ nghèo" in body and "Cập nhật nhiệm vụ: 10% → 60%" in body
    assert "Báo cáo Quý I" in body and "Nộp báo cáo" in body
    reporting.save_task(Task.objects.get(pk=task.pk), values={"progress": 70}, expected_version=2, by=editor_a)
    f.TaskFactory(plan=plan_a)
    with CaptureQueriesContext(connection) as more:
        client.get(reverse("plans:plan_history", args=[plan_a.pk]))
    assert len(more) == len(ctx)


def test_home_sends_a_supervisor_to_the_dashboard_and_an_editor_to_the_plan(client, supervisor_d, editor_a, plan_a):
    client.force_login(supervisor_d)
    assert client.get(reverse("home")).url == reverse("dashboard:overview")

    client.force_login(editor_a)
    assert client.get(reverse("home")).url == plan_a.get_absolute_url()


# --- home and plan header: periods a supervisor reopened ------------------------------------

def _reopen(plan, period, by, comment, when=datetime.datetime(2026, 12, 2, 2, 15, tzinfo=datetime.UTC)):
    return f.PeriodReportFactory(plan=plan, period=period, status=ReportStatus.REOPENED, reopen_comment=comment,
                                 reopened_by=by, reopened_at=when)


def test_plan_header_says_which_periods_were_reopened_with_the_comment(client, editor_a, supervisor_d, plan_a):
    _reopen(plan_a, "q1", supervisor_d, "Số liệu nước sạch chưa khớp")
    f.PeriodReportFactory(plan=plan_a, period="m1", status=ReportStatus.SUBMITTED)
    client.force_login(editor_a)

    for url in (plan_a.get_absolute_url(), reverse("plans:task_list", args=[plan_a.pk]),
                reverse("plans:result_list", args=[plan_a.pk]) + "?period=y"):
        body = client.get(url).content.decode()
        who = supervisor_d.get_full_name() or supervisor_d.username
        # 02:15 UTC is 09:15 in Asia/Ho_Chi_Minh
        assert f"Báo cáo Quý I đã được cấp trên mở lại\n  ({who}, 02/12/2026 09:15):" in body, url
        assert "Số liệu nước sạch chưa khớp" in body
        assert reverse("plans:result_list", args=[plan_a.pk]) + "?period=q1" in body
        assert "Tháng 1 đã được cấp trên mở lại" not in body


def test_plan_header_alert_is_not_repeated_on_the_grid_of_that_period(client, editor_a, supervisor_d, plan_a):
    _reopen(plan_a, "q1", supervisor_d, "Bổ sung số liệu")
    client.force_login(editor_a)

    body = client.get(reverse("plans:result_list", args=[plan_a.pk]) + "?period=q1").content.decode()

    assert body.count("Bổ sung số liệu") == 1  # in the period status, under the header


def test_plan_header_query_count_does_not_grow_with_reopened_periods(client, editor_a, supervisor_d, plan_a):
    client.force_login(editor_a)
    _reopen(plan_a, "q1", supervisor_d, "a")
    with CaptureQueriesContext(connection) as one:
        client.get(plan_a.get_absolute_url())
    _reopen(plan_a, "q2", supervisor_d, "b")
    _reopen(plan_a, "m1", f.UserFactory(username="giamsat.khac"), "c")

    with CaptureQueriesContext(connection) as three:
        body = client.get(plan_a.get_absolute_url()).content.decode()

    assert len(three) == len(one)
    assert body.index("Tháng 1 đã được") < body.index("Quý I đã được") < body.index("Quý II đã được")


def test_home_lists_reopened_periods_per_plan_in_constant_queries(client, supervisor_d, plan_a, district_d):
    other = f.PlanFactory(unit=f.UnitFactory(name="Phường C", parent=district_d))
    _reopen(plan_a, "q1", supervisor_d, "Số liệu nước sạch chưa khớp")
    client.force_login(supervisor_d)
    with CaptureQueriesContext(connection) as one:
        body = client.get(reverse("home"), {"all": "1"}).content.decode()
    assert "Cấp trên mở lại" in body and "Số liệu nước sạch chưa khớp" in body
    assert reverse("plans:result_list", args=[plan_a.pk]) + "?period=q1" in body
    assert "02/12/2026 09:15" in body
    assert body.count("Cấp trên mở lại") == 1

    _reopen(other, "y", supervisor_d, "Thiếu biểu 02")
    _reopen(plan_a, "q2", f.UserFactory(username="giamsat.khac"), "Kiểm tra lại")
    f.PeriodReportFactory(plan=other, period="m1", status=ReportStatus.SUBMITTED)
    with CaptureQueriesContext(connection) as more:
        body = client.get(reverse("home"), {"all": "1"}).content.decode()

    assert len(more) == len(one)
    assert body.count("Cấp trên mở lại") == 3 and "Thiếu biểu 02" in body


def test_plan_header_alert_offers_editing_to_the_ward_and_viewing_to_a_supervisor(client, editor_a, supervisor_d,
                                                                                   plan_a):
    _reopen(plan_a, "q1", supervisor_d, "Bổ sung số liệu")
    client.force_login(editor_a)
    assert "Sửa kết quả Quý I" in client.get(plan_a.get_absolute_url()).content.decode()

    client.force_login(supervisor_d)
    body = client.get(plan_a.get_absolute_url()).content.decode()
    assert "Xem kết quả Quý I" in body and "Sửa kết quả Quý I" not in body
