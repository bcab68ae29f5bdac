"""At 390×844 (a phone) no page scrolls sideways; desktop and phone screenshots of the pages
issue 15 changed go to /tmp/kehoach-e2e (looked at by hand, never committed)."""

import pytest
from django.contrib.auth import get_user_model

from units.models import Role, RoleKind

from .conftest import PASSWORD

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}


def _pages(plan, draft):
    return [("home", "/?all=1"), ("plan", f"/plans/{plan.pk}/"), ("results", f"/plans/{plan.pk}/results/"),
            ("tasks", f"/plans/{plan.pk}/tasks/"), ("compose", f"/plans/{draft.pk}/tasks/compose/"),
            ("departments", f"/units/{plan.unit_id}/departments/"), ("help", "/huong-dan/"),
            ("search", "/tim-kiem/?q=my+phu"), ("not-found", "/khong-co/"), ("todo", "/viec-can-lam/"),
            ("people", f"/units/{plan.unit_id}/nguoi-dung/")]


@pytest.fixture
def draft(seeded):
    from plans import services
    user = seeded["users"]["canbo.myphu"]
    return services.create_plan(seeded["my_phu"].unit, year=2025, title="Phát triển kinh tế - xã hội năm 2025",
                                by=user)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_no_page_scrolls_sideways_at_phone_size(browser, live_server, seeded, draft, login, shot, size):
    viewport = PHONE if size == "phone" else DESKTOP
    # a leader as well as an editor, so the people page is reachable and every button is drawn
    Role.objects.create(user=seeded["users"]["canbo.myphu"], unit=seeded["my_phu"].unit, role=RoleKind.LEADER)
    context = browser.new_context(locale="vi-VN", viewport=viewport)
    page = context.new_page()
    login(page, "canbo.myphu")
    wide = []
    for name, path in _pages(seeded["my_phu"], draft):
        page.goto(live_server.url + path)
        page.wait_for_load_state()
        width = page.evaluate("document.documentElement.scrollWidth")
        shot(page, f"ux15-{size}-{name}")
        if size == "phone" and width > PHONE["width"]:
            wide.append((name, width))
    context.close()
    assert wide == []


def test_dashboard_table_scrolls_inside_its_box_on_a_phone(browser, live_server, seeded, login, shot):
    user = get_user_model().objects.create_user("theodoi.tinh", password=PASSWORD)
    Role.objects.create(user=user, unit=seeded["my_phu"].unit.parent, role=RoleKind.SUPERVISOR)
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    login(page, "theodoi.tinh")
    page.goto(f"{live_server.url}/dashboard/?year=2024")
    page.wait_for_load_state()
    shot(page, "ux15-phone-dashboard")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.click(".navbar-toggler")
    page.wait_for_selector("#main-nav.show")
    assert page.is_visible("a[href='/huong-dan/']")
    context.close()
