"""Browser tests: Playwright's sync API driving Debian's Chromium against pytest-django's live_server.

One browser per module (fixture scope); a fresh context (cookies) per session in a test. The
whole folder is skipped when /usr/bin/chromium is missing. Never run `playwright install`.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "/tmp/kehoach-e2e"))
PASSWORD = "kehoach2024"

if not Path(CHROMIUM).exists():
    collect_ignore_glob = ["test_*.py"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
    # thread with a running loop unless told it is safe (it is: the tests talk to the DB
    # synchronously). Set only while the browser runs, so no other test inherits it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"])
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def new_page(browser, live_server):
    """new_page() -> a page in its own context (its own cookies: another person's session)."""
    contexts = []

    def make():
        context = browser.new_context(locale="vi-VN", viewport={"width": 1400, "height": 900})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def shot():
    """shot(page, name): a full-page screenshot under /tmp (never in the repository)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name, locator=None):
        path = SCREENSHOTS / f"{name}.png"
        if locator is not None:
            locator.screenshot(path=str(path))
        else:
            page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def catalogue(transactional_db):
    """The catalogue rows the migrations seed, put back after transactional_db flushed the tables."""
    from indicators.catalog_data import CATALOG, SECTORS
    from indicators.models import CatalogIndicator, Sector

    sectors = {}
    for code, name, order in SECTORS:
        sectors[code], _ = Sector.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    for code, name, sector, unit, aggregation, direction in CATALOG:
        CatalogIndicator.objects.get_or_create(code=code, defaults={
            "name": name, "sector": sectors[sector], "unit_of_measure": unit, "aggregation": aggregation,
            "direction": direction})


@pytest.fixture
def seeded(catalogue):
    """Mỹ Phú 2024 and Lai Hưng 2024 imported from fixtures/, an editor for each, a second
    editor on Mỹ Phú."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    from plans.interchange import import_plan, load_plan_file
    from units.models import Role, RoleKind

    fixtures = Path(settings.BASE_DIR) / "fixtures"
    my_phu = import_plan(load_plan_file(fixtures / "my-phu-2024.json"))
    lai_hung = import_plan(load_plan_file(fixtures / "lai-hung-2024.json"))
    users = {}
    for username, plan in [("canbo.myphu", my_phu), ("canbo2.myphu", my_phu), ("canbo.laihung", lai_hung)]:
        user = get_user_model().objects.create_user(username, password=PASSWORD)
        Role.objects.create(user=user, unit=plan.unit, role=RoleKind.EDITOR)
        users[username] = user
    return {"my_phu": my_phu, "lai_hung": lai_hung, "users": users}


@pytest.fixture
def login(live_server):
    def sign_in(page, username):
        page.goto(f"{live_server.url}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", PASSWORD)
        page.click("form button")
        page.wait_for_load_state()
        return page

    return sign_in
