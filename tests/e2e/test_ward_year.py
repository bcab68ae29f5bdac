"""A new ward runs its year alone, in the browser: its leader starts a blank plan, keeps the ward's
departments, writes a task, issues the plan and adds an editor; the nightly reminder e-mails the
editor what is due; the editor signs in with the one-time password, sets their own, and works
through "Việc cần làm" until it is empty."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from plans.models import PeriodReport, Plan, PlanStatus, ReportStatus, Task
from tests import factories as f
from units.models import Department, Role, RoleKind

from .conftest import PASSWORD

pytestmark = pytest.mark.browser

NEW_PASSWORD = "Thoigian-2026-kehoach"


def _submit(page, button):
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def test_a_new_ward_from_a_blank_plan_to_an_empty_todo_list(catalogue, new_page, login, shot, live_server):
    today = timezone.localdate()
    district = f.UnitFactory(name="Quận Thử", kind="district")
    ward = f.UnitFactory(name="Phường Hòa Bình", parent=district)
    leader = get_user_model().objects.create_user("lanhdao.hoabinh", password=PASSWORD, first_name="Lê Văn An",
                                                  email="lanhdao@hoabinh.example")
    Role.objects.create(user=leader, unit=ward, role=RoleKind.LEADER)
    url = live_server.url

    # --- the leader: a blank plan with the ND30 skeleton ---------------------------------------
    page = login(new_page(), "lanhdao.hoabinh")
    page.get_by_role("link", name="Danh sách kế hoạch").first.click()
    page.wait_for_load_state()
    page.goto(f"{url}/plans/new/")
    page.fill("#id_year", str(today.year))
    page.check("input[name=mode][value=blank]")
    page.fill("#id_title", f"Phát triển kinh tế - xã hội năm {today.year}")
    _submit(page, "Tạo kế hoạch")
    plan = Plan.objects.get(unit=ward, year=today.year)
    assert page.url.endswith(f"/plans/{plan.pk}/")
    headings = [s.heading for s in plan.sections.order_by("order")]
    assert any("MỤC TIÊU" in h for h in headings) and any("TỔ CHỨC THỰC HIỆN" in h for h in headings)

    # the ward keeps its own departments
    page.goto(f"{url}/units/{ward.pk}/departments/")
    page.fill("#id_name", "Văn phòng - Thống kê")
    _submit(page, "Thêm bộ phận")
    office = Department.objects.get(unit=ward, name="Văn phòng - Thống kê")

    # a task, led by that department, due in three days
    due = today + timedelta(days=3)
    page.goto(f"{url}/plans/{plan.pk}/tasks/compose/")
    page.fill("#id_title", "Rà soát, cập nhật danh sách hộ nghèo")
    page.select_option("#id_lead", str(office.pk))
    page.fill("#id_due_date", due.strftime("%d/%m/%Y"))
    page.fill("#id_result_text", "Danh sách được UBND phường phê duyệt")
    _submit(page, "Thêm nhiệm vụ")
    task = Task.objects.get(plan=plan)
    assert (task.lead, task.due_date) == (office, due)
    assert "Rà soát, cập nhật danh sách hộ nghèo" in page.inner_text(".task-compose")
    shot(page, "walk-01-tasks")

    # the draft waits on the leader's list; issuing it takes it off
    page.goto(f"{url}/viec-can-lam/")
    assert "Xem xét, ban hành kế hoạch" in page.inner_text("#todo-issue")
    page.goto(f"{url}/plans/{plan.pk}/issue/")
    page.fill("#id_number", "15")
    page.fill("#id_issued_on", today.strftime("%d/%m/%Y"))
    page.fill("#id_signer_name", "Lê Văn An")
    _submit(page, "Ban hành")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED, page.inner_text("main")
    page.goto(f"{url}/viec-can-lam/")
    assert page.locator("#todo-issue").count() == 0

    # --- people: the leader adds an editor with a one-time password -------------------------------
    page.goto(f"{url}/units/{ward.pk}/nguoi-dung/")
    page.fill("#id_full_name", "Trần Thị Bình")
    page.fill("#id_username", "canbo.hoabinh")
    page.fill("#id_email", "canbo@hoabinh.example")
    page.select_option("#id_role", RoleKind.EDITOR)
    _submit(page, "Thêm người dùng")
    one_time = page.inner_text(".one-time-password").strip()
    shot(page, "walk-02-one-time-password")
    editor = get_user_model().objects.get(username="canbo.hoabinh")
    assert Role.objects.filter(user=editor, unit=ward, role=RoleKind.EDITOR).exists()
    # ... who works in the office, so the office's task is theirs
    page.goto(f"{url}/units/{ward.pk}/nguoi-dung/")
    page.select_option(f"#department-{editor.pk}", str(office.pk))
    _submit(page, "Đổi bộ phận")
    assert Role.objects.get(user=editor, unit=ward).department == office

    # --- the nightly reminder ---------------------------------------------------------------------
    mail.outbox.clear()
    call_command("send_reminders")
    to_editor = [m for m in mail.outbox if m.to == ["canbo@hoabinh.example"]]
    assert len(to_editor) == 1
    assert "Rà soát, cập nhật danh sách hộ nghèo" in to_editor[0].body
    assert "Việc cần làm" in to_editor[0].subject
    mail.outbox.clear()
    call_command("send_reminders")
    assert mail.outbox == []   # never the same reminder twice

    # --- the editor: one-time password, own password, then the to-do list -------------------------
    page = new_page()
    page.goto(f"{url}/login/")
    page.fill("#id_username", "canbo.hoabinh")
    page.fill("#id_password", one_time)
    page.click("form button")
    page.wait_for_load_state()
    assert "/units/mat-khau/" in page.url
    page.fill("#id_new_password1", NEW_PASSWORD)
    page.fill("#id_new_password2", NEW_PASSWORD)
    _submit(page, "Đặt mật khẩu")
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)

    page.goto(f"{url}/viec-can-lam/")
    shot(page, "walk-03-todo")
    count = int(page.inner_text(".nav-todo .todo-count"))
    assert count == page.locator(".todo-item").count() >= 2

    # the task: done
    page.click(f"#todo-task a[href='/plans/{plan.pk}/tasks/{task.pk}/']")
    page.select_option("#id_status", "done")
    page.click("#task-form button")
    page.wait_for_load_state()
    task.refresh_from_db()
    assert task.status == "done"

    # every report the list asks for: submitted from the page it links to
    page.on("dialog", lambda dialog: dialog.accept())
    for _ in range(14):
        page.goto(f"{url}/viec-can-lam/")
        links = page.locator("#todo-report .todo-item a")
        if not links.count():
            break
        period = re.search(r"period=(\w+)", links.first.get_attribute("href")).group(1)
        links.first.click()
        page.wait_for_load_state()
        page.get_by_role("button", name="Nộp báo cáo").click()
        page.wait_for_selector("#submit-report", state="detached")
        assert PeriodReport.objects.get(plan=plan, period=period).status == ReportStatus.SUBMITTED

    page.goto(f"{url}/viec-can-lam/")
    shot(page, "walk-04-todo-empty")
    assert page.is_visible(".todo-empty")
    assert page.locator(".todo-count").count() == 0
