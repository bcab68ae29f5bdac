""""Việc cần làm" in the browser at phone size: the navbar counts an overdue task, the list links to
it, marking it done empties the list and the count."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from core.periods import PERIODS
from plans.models import PeriodReport, Plan, PlanStatus, Task
from tests import factories as f
from units.models import Role, RoleKind

from .conftest import PASSWORD

PHONE = {"width": 390, "height": 844}


def test_ward_empties_its_todo_list_on_a_phone(browser, live_server, transactional_db, login, shot):
    due = timezone.localdate() - timedelta(days=2)
    ward = f.UnitFactory(name="Phường Việc Cần Làm")
    plan = Plan.objects.create(unit=ward, year=due.year, status=PlanStatus.ISSUED, title="Kế hoạch thử")
    for period, _label in PERIODS:   # every report submitted: only the task is left to do
        PeriodReport.objects.create(plan=plan, period=period, status="submitted", submitted_at=timezone.now())
    task = Task.objects.create(plan=plan, title="Hoàn thành nâng cấp chợ phường", due_date=due)
    user = get_user_model().objects.create_user("canbo.vieccanlam", password=PASSWORD)
    Role.objects.create(user=user, unit=ward, role=RoleKind.EDITOR)
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    login(page, "canbo.vieccanlam")

    assert page.inner_text(".todo-count-phone") == "1"   # seen without opening the menu
    page.click(".navbar-toggler")
    page.wait_for_selector("#main-nav.show")
    assert page.inner_text(".nav-todo .todo-count") == "1"
    page.click(".nav-todo")
    page.wait_for_load_state()
    shot(page, "todo-phone-list")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert "quá hạn 2 ngày" in page.inner_text(".todo-item")

    page.click(f"a[href='/plans/{plan.pk}/tasks/{task.pk}/']")
    page.select_option("#id_status", "done")
    page.click("#task-form button")
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/viec-can-lam/")
    shot(page, "todo-phone-empty")
    assert page.is_visible(".todo-empty")
    assert page.locator(".todo-count, .todo-count-phone").count() == 0
    context.close()
