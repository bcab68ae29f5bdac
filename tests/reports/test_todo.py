"""The "Việc cần làm" list (reports.todo.items): what appears, what empties it, scoping, query count."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from plans.models import Comment, Plan, PlanStatus, Task, TaskStatus
from plans.reporting import period_report, reopen_period, submit_period
from reports.todo.items import COMMENT, ISSUE, REOPENED, REPORT, TASK, WARD, todo_count, todo_list
from tests import factories as f
from units.models import RoleKind

# On 5 March 2026 (reports due on the 10th of the following month): January's report is overdue,
# February's is due in five days, March's is not due yet.
TODAY = date(2026, 3, 5)


def of_kind(user, kind, today=TODAY):
    return [item for item in todo_list(user, today=today).items if item.kind == kind]


def test_reports_due_soon_and_overdue_appear_for_the_editor(editor_a, issued_a):
    items = of_kind(editor_a, REPORT)

    assert [(i.key, i.state) for i in items] == [(f"{issued_a.pk}:m1", "overdue"), (f"{issued_a.pk}:m2", "due_soon")]
    assert items[0].title == "Nộp báo cáo tháng 1 năm 2026"
    assert "quá hạn 23 ngày" in items[0].detail and "còn 5 ngày" in items[1].detail
    assert items[0].unit == "Phường A"
    assert items[0].url == reverse("plans:result_list", args=[issued_a.pk]) + "?period=m1"


def _created_on(plan, day):
    Plan.objects.filter(pk=plan.pk).update(created_at=timezone.make_aware(
        timezone.datetime(day.year, day.month, day.day, 9)))


def test_a_plan_created_in_december_is_asked_only_from_the_report_late_then(editor_a, issued_a):
    # Created on 3 December: October's report (due 10 November) is the one its supervisor chases;
    # January to September are not asked for (they stay missing on the dashboard).
    _created_on(issued_a, date(2026, 12, 3))

    items = of_kind(editor_a, REPORT, today=date(2026, 12, 3))

    assert [(i.key, i.state) for i in items] == [(f"{issued_a.pk}:m10", "overdue"), (f"{issued_a.pk}:m11", "due_soon")]


def test_a_plan_created_today_lists_at_most_the_month_last_due(editor_a, issued_a):
    today = date(2026, 7, 20)
    _created_on(issued_a, today)

    overdue = [i.key for i in of_kind(editor_a, REPORT, today=today) if i.state == "overdue"]

    assert overdue == [f"{issued_a.pk}:m6"]   # June's report, due 10 July: the month last due


def test_a_past_year_entered_late_asks_only_for_what_fell_due_last(editor_a, ward_a):
    plan = f.PlanFactory(unit=ward_a, year=2025, status=PlanStatus.ISSUED)
    _created_on(plan, date(2026, 3, 1))

    # December's report and the year's both fell due on 10 January 2026, the last due day before.
    assert [i.key for i in of_kind(editor_a, REPORT, today=date(2026, 3, 1))] == [f"{plan.pk}:m12", f"{plan.pk}:y"]


def test_the_rule_follows_the_plans_own_report_days():
    from plans.schedule import first_asked

    assert first_asked(2026, monthly_day=20, created=date(2026, 12, 3)) == date(2026, 11, 20)   # October's
    assert first_asked(2026, monthly_day=10, created=date(2026, 1, 15)) == date.min            # nothing due yet
    assert first_asked(2026, monthly_day=10, created=None) == date.min
    assert first_asked(2025, monthly_day=10, annual_due=date(2026, 1, 31), created=date(2026, 2, 1)) == date(2026, 1, 31)


def test_reminders_skip_the_months_before_a_plan_existed(editor_a, issued_a, mailoutbox):
    from django.core.management import call_command

    editor_a.email = "canbo.a@example.vn"
    editor_a.save()
    _created_on(issued_a, date(2026, 12, 3))

    call_command("send_reminders", "--today", "2026-12-03", stdout=open("/dev/null", "w"))

    (message,) = mailoutbox
    assert "tháng 10" in message.body and "tháng 11" in message.body
    assert "tháng 9 " not in message.body and "tháng 1 năm" not in message.body


def test_submitting_a_report_removes_its_item(editor_a, issued_a):
    submit_period(period_report(issued_a, "m1"), by=editor_a)

    assert [i.key for i in of_kind(editor_a, REPORT)] == [f"{issued_a.pk}:m2"]


def test_a_quarter_report_covers_its_last_month(editor_a, issued_a):
    f.PeriodReportFactory(plan=issued_a, period="q1", status="submitted")

    # q1 covers March only: January and February stay due (plans.schedule's rule).
    assert [i.key for i in of_kind(editor_a, REPORT, today=date(2026, 4, 8))] == [
        f"{issued_a.pk}:m1", f"{issued_a.pk}:m2"]


def test_another_ward_never_appears(editor_a, editor_b, issued_a, issued_b, supervisor_d):
    f.TaskFactory(plan=issued_a, due_date=TODAY)
    Comment.objects.create(plan=issued_a, author=supervisor_d, text="Nhận xét")

    items = todo_list(editor_b, today=TODAY).items

    assert items and all(i.unit == "Phường B" for i in items)
    assert all(i.key.split(":")[0] != str(issued_a.pk) for i in items if i.kind in (REPORT, COMMENT))


def test_viewers_and_supervisors_have_no_reports_to_submit(viewer_a, supervisor_d, issued_a):
    assert of_kind(viewer_a, REPORT) == []
    assert of_kind(supervisor_d, REPORT) == []


def test_reopened_period_shows_the_reason_and_not_as_due(editor_a, supervisor_d, issued_a):
    report = submit_period(period_report(issued_a, "m1"), by=editor_a)
    reopen_period(report, comment="Số thu ngân sách chưa đúng", by=supervisor_d)

    reopened = of_kind(editor_a, REOPENED)

    assert len(reopened) == 1
    assert "Số thu ngân sách chưa đúng" in reopened[0].detail
    assert reopened[0].title == "Sửa và nộp lại báo cáo tháng 1 năm 2026"
    assert f"{issued_a.pk}:m1" not in [i.key for i in of_kind(editor_a, REPORT)]
    submit_period(period_report(issued_a, "m1"), by=editor_a)
    assert of_kind(editor_a, REOPENED) == []


def test_tasks_due_within_a_week_or_overdue(editor_a, issued_a):
    soon = f.TaskFactory(plan=issued_a, due_date=TODAY + timedelta(days=7), title="Sắp đến hạn")
    late = f.TaskFactory(plan=issued_a, due_date=TODAY - timedelta(days=1), title="Quá hạn")
    f.TaskFactory(plan=issued_a, due_date=TODAY + timedelta(days=8))
    f.TaskFactory(plan=issued_a, due_date=TODAY - timedelta(days=3), status=TaskStatus.DONE)
    f.TaskFactory(plan=issued_a)

    items = of_kind(editor_a, TASK)

    assert [(i.key, i.state) for i in items] == [(str(late.pk), "overdue"), (str(soon.pk), "due_soon")]
    assert items[0].url == reverse("plans:task_edit", args=[issued_a.pk, late.pk])
    Task.objects.filter(pk=late.pk).update(status=TaskStatus.DONE)
    assert [i.key for i in of_kind(editor_a, TASK)] == [str(soon.pk)]


def test_a_person_of_a_department_follows_the_tasks_it_leads_or_cooperates_on(editor_a, issued_a, ward_a):
    office, police = f.DepartmentFactory(unit=ward_a, name="Văn phòng"), f.DepartmentFactory(unit=ward_a, name="Công an")
    led = f.TaskFactory(plan=issued_a, due_date=TODAY, lead=office, title="Chủ trì")
    helped = f.TaskFactory(plan=issued_a, due_date=TODAY, lead=police, title="Phối hợp")
    helped.cooperating.add(office)
    f.TaskFactory(plan=issued_a, due_date=TODAY, lead=police, title="Của bộ phận khác")
    unassigned = f.TaskFactory(plan=issued_a, due_date=TODAY, title="Chưa giao")
    assert len(of_kind(editor_a, TASK)) == 4   # no department said: every task of the ward

    editor_a.unit_roles.update(department=office)

    assert {i.key for i in of_kind(editor_a, TASK)} == {str(led.pk), str(helped.pk)}
    assert str(unassigned.pk) not in {i.key for i in of_kind(editor_a, TASK)}


def test_unread_comments_until_the_plan_page_shows_them(client, editor_a, leader_a, supervisor_d, issued_a):
    Comment.objects.create(plan=issued_a, author=supervisor_d, text="Đề nghị bổ sung số liệu")
    Comment.objects.create(plan=issued_a, author=leader_a, text="Đã giao bộ phận")

    assert [i.detail.split(",")[0] for i in of_kind(editor_a, COMMENT)] == ["2 nhận xét mới"]
    assert [i.detail.split(",")[0] for i in of_kind(leader_a, COMMENT)] == ["1 nhận xét mới"]  # not one's own

    client.force_login(editor_a)
    assert "Đề nghị bổ sung số liệu" in client.get(issued_a.get_absolute_url()).content.decode()

    assert of_kind(editor_a, COMMENT) == []
    assert len(of_kind(leader_a, COMMENT)) == 1  # each person reads for themselves
    Comment.objects.create(plan=issued_a, author=supervisor_d, text="Một nhận xét nữa")
    assert [i.detail.split(",")[0] for i in of_kind(editor_a, COMMENT)] == ["1 nhận xét mới"]


def test_drafts_wait_for_the_leader_until_issued(leader_a, editor_a, ward_a):
    draft = f.PlanFactory(unit=ward_a, year=2026, preamble="Thực hiện Nghị quyết của Hội đồng nhân dân phường")

    items = of_kind(leader_a, ISSUE)

    assert [i.key for i in items] == [str(draft.pk)]
    assert items[0].url == reverse("issuing:issue", args=[draft.pk])
    assert of_kind(editor_a, ISSUE) == []
    Plan.objects.filter(pk=draft.pk).update(status=PlanStatus.ISSUED)
    assert of_kind(leader_a, ISSUE) == []


def test_supervisor_sees_wards_missing_their_report(supervisor_d, editor_a, issued_a, issued_b):
    items = of_kind(supervisor_d, WARD)

    assert [(i.unit, i.state) for i in items] == [("Phường A", "missing")]  # ward B is in another district
    assert items[0].title == "Chưa nộp báo cáo tháng 1 năm 2026"
    submit_period(period_report(issued_a, "m1"), by=editor_a)
    assert of_kind(supervisor_d, WARD) == []


def test_supervisor_section_links_to_the_filtered_dashboard(client, supervisor_d, ward_a):
    today = timezone.localdate()
    f.PlanFactory(unit=ward_a, year=today.year, status=PlanStatus.ISSUED)
    section = next((s for s in todo_list(supervisor_d).sections if s.kind == WARD), None)
    if section is None:
        pytest.skip("no month of this year is due yet")
    client.force_login(supervisor_d)

    response = client.get(section.more_url)

    assert response.status_code == 200 and "Phường A" in response.content.decode()


def test_superuser_without_roles_has_an_empty_list(issued_a):
    admin = f.UserFactory(username="quantri", is_superuser=True, is_staff=True)

    assert not todo_list(admin, today=TODAY)


def test_the_list_can_be_emptied(editor_a, leader_a, supervisor_d, issued_a, client):
    task = f.TaskFactory(plan=issued_a, due_date=TODAY)
    Comment.objects.create(plan=issued_a, author=supervisor_d, text="Nhận xét")
    assert todo_list(editor_a, today=TODAY).count == 4  # m1, m2, the task, the comment

    for period in ("m1", "m2"):
        submit_period(period_report(issued_a, period), by=editor_a)
    Task.objects.filter(pk=task.pk).update(status=TaskStatus.DONE)
    client.force_login(editor_a)
    client.get(issued_a.get_absolute_url())

    assert not todo_list(editor_a, today=TODAY)


def _busy_ward(n, district, supervisor):
    ward = f.UnitFactory(name=f"Phường Số {n}", parent=district)
    editor = f.UserFactory(username=f"canbo{n}")
    for role, unit in ((RoleKind.EDITOR, ward), (RoleKind.LEADER, ward)):
        f.RoleFactory(user=editor, unit=unit, role=role)
    plan = f.PlanFactory(unit=ward, year=2026, status=PlanStatus.ISSUED)
    f.PlanFactory(unit=ward, year=2026, revision=1)
    f.TaskFactory(plan=plan, due_date=TODAY)
    f.PeriodReportFactory(plan=plan, period="m2", status="reopened", reopen_comment="Sửa", reopened_by=supervisor)
    Comment.objects.create(plan=plan, author=supervisor, text="Nhận xét")
    return editor


@pytest.mark.parametrize("wards", [1, 4])
def test_query_count_does_not_grow_with_units(wards, district_d, supervisor_d, django_assert_max_num_queries):
    person = f.UserFactory(username="nhieu_don_vi")
    f.RoleFactory(user=person, unit=district_d, role=RoleKind.SUPERVISOR)
    for n in range(wards):
        editor = _busy_ward(n, district_d, supervisor_d)
        for role in editor.unit_roles.all():
            f.RoleFactory(user=person, unit=role.unit, role=role.role)

    with django_assert_max_num_queries(8):
        todo = todo_list(person, today=TODAY)

    kinds = {item.kind for item in todo.items}
    assert kinds == {REPORT, REOPENED, TASK, COMMENT, ISSUE, WARD}
    assert len([i for i in todo.items if i.kind == TASK]) == wards


# --- the page and the navbar --------------------------------------------------------------------

@pytest.fixture
def this_year_plan(ward_a):
    return f.PlanFactory(unit=ward_a, year=timezone.localdate().year, status=PlanStatus.ISSUED)


def test_page_lists_items_with_links(client, editor_a, this_year_plan):
    task = f.TaskFactory(plan=this_year_plan, due_date=timezone.localdate() - timedelta(days=2),
                         title="Hoàn thành chợ phường")
    client.force_login(editor_a)

    body = client.get(reverse("todo:todo")).content.decode()

    assert "Việc cần làm" in body
    assert "Hoàn thành chợ phường" in body and reverse("plans:task_edit", args=[this_year_plan.pk, task.pk]) in body
    assert "quá hạn 2 ngày" in body


def test_navbar_counts_the_items(client, editor_a, this_year_plan):
    f.TaskFactory(plan=this_year_plan, due_date=timezone.localdate())
    expected = todo_list(editor_a).count
    client.force_login(editor_a)

    body = client.get(reverse("guide:guide")).content.decode()

    assert f'todo-count" title="Số việc cần làm">{expected}</span>' in body
    assert expected >= 1


def _navbar_count(client):
    with CaptureQueriesContext(connection) as queries:
        body = client.get(reverse("guide:guide")).content.decode()
    found = re.search(r'todo-count" title="Số việc cần làm">(\d+)</span>', body)
    return int(found.group(1)) if found else 0, [q["sql"] for q in queries.captured_queries]


def test_navbar_count_is_kept_until_a_write_changes_a_list(client, editor_a, this_year_plan, cached_todo_count):
    client.force_login(editor_a)
    first, _ = _navbar_count(client)
    again, sql = _navbar_count(client)

    assert again == first == todo_list(editor_a).count
    assert not [q for q in sql if "plans_periodreport" in q or "plans_task" in q]  # not counted again

    report = next(i for i in todo_list(editor_a).items if i.kind == REPORT)
    submit_period(period_report(this_year_plan, report.key.split(":")[1]), by=editor_a)   # an UPDATE
    assert _navbar_count(client)[0] == first - 1
    f.TaskFactory(plan=this_year_plan, due_date=timezone.localdate())
    assert _navbar_count(client)[0] == first


def test_the_todo_page_is_exact_and_refreshes_the_navbar(client, editor_a, this_year_plan, cached_todo_count):
    client.force_login(editor_a)
    first, _ = _navbar_count(client)
    Task.objects.bulk_create([Task(plan=this_year_plan, title="Việc mới", due_date=timezone.localdate())])  # no signal

    body = client.get(reverse("todo:todo")).content.decode()

    assert "Việc mới" in body and f'title="Số việc cần làm">{first + 1}</span>' in body
    assert _navbar_count(client)[0] == first + 1


def test_navbar_shows_no_badge_when_nothing_is_due(client, viewer_a):
    client.force_login(viewer_a)

    body = client.get(reverse("todo:todo")).content.decode()

    assert "todo-count" not in body
    assert "Không có việc nào cần làm" in body


def test_todo_count_is_zero_for_anonymous(rf):
    from django.contrib.auth.models import AnonymousUser
    request = rf.get("/")
    request.user = AnonymousUser()

    assert todo_count(request) == 0


def test_a_viewer_costs_two_queries(viewer_a, issued_a, django_assert_num_queries):
    with django_assert_num_queries(2):   # the kinds of role held, the unread comments
        assert not todo_list(viewer_a, today=TODAY)


def test_a_draft_with_no_text_asks_for_the_text_before_it_can_be_issued(leader_a, ward_a):
    """Issuing refuses a plan with nothing to print (reports.documents.exporters.no_body): the list
    does not send the leader there, it asks for the text and opens the plan's form."""
    draft = f.PlanFactory(unit=ward_a, year=2026, legal_bases=[], preamble="")
    draft.sections.all().delete()

    (item,) = of_kind(leader_a, ISSUE)

    assert item.state == "no_text" and item.url == reverse("plans:plan_edit", args=[draft.pk])
    assert item.title.startswith("Viết nội dung kế hoạch năm 2026")
    Plan.objects.filter(pk=draft.pk).update(preamble="Thực hiện Nghị quyết của Hội đồng nhân dân phường")
    (item,) = of_kind(leader_a, ISSUE)
    assert item.state == "waiting" and item.url == reverse("issuing:issue", args=[draft.pk])
