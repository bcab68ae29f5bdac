"""An official's day in the browser: sign in, copy last year's plan, change a target, enter
first-quarter results and read their evaluation; a colleague's conflicting save is caught;
another ward's plan does not exist; the results grid works from the keyboard."""

import pytest
from playwright.sync_api import expect

from indicators.models import PlanIndicator, Result
from plans.models import Plan

pytestmark = pytest.mark.browser


def _row(page, indicator):
    return page.locator(f"#r-{indicator.pk}")


def _indicator(plan, name):
    return PlanIndicator.objects.get(plan=plan, name=name)


def _swapped(page, indicator, action):
    """Do ``action`` and wait until the row has been replaced by the server's answer."""
    page.evaluate(f"document.getElementById('r-{indicator.pk}').dataset.old = '1'")
    action()
    page.wait_for_selector(f"#r-{indicator.pk}:not([data-old]):not(.htmx-added)", state="attached")


def _save_row_with_enter(page, indicator, text):
    field = page.locator(f"#id_r{indicator.pk}-result")
    field.fill(text)
    _swapped(page, indicator, lambda: field.press("Enter"))


def test_editor_copies_plan_changes_target_and_enters_first_quarter_results(seeded, new_page, login, shot,
                                                                            live_server):
    page = login(new_page(), "canbo.myphu")
    # one unit: the home page goes straight to its newest plan
    assert "Phường Mỹ Phú" in page.content()
    page.get_by_role("button", name="Sao chép sang năm 2025").click()
    page.wait_for_load_state()
    plan = Plan.objects.get(unit=seeded["my_phu"].unit, year=2025)
    assert page.url.endswith(f"/plans/{plan.pk}/")
    assert "Đã sao chép sang kế hoạch năm 2025" in page.content()
    shot(page, "01-copied-plan")

    jobs = _indicator(plan, "Giới thiệu giải quyết việc làm")
    page.goto(f"{live_server.url}/plans/{plan.pk}/indicators/{jobs.pk}/")
    page.fill("#id_target_text", "300 lao động")
    page.press("#id_target_text", "End")  # the live preview listens to keyup
    # The CSP forbids eval, so no wait_for_function: Playwright's own polling instead.
    expect(page.locator("#target-preview")).to_contain_text("300")
    assert "≥ 300" in page.inner_text("#target-preview")
    shot(page, "02-target-preview")
    page.get_by_role("button", name="Lưu").click()
    page.wait_for_load_state()
    jobs.refresh_from_db()
    assert jobs.target_text == "300 lao động" and jobs.target_value == 300

    page.goto(f"{live_server.url}/plans/{plan.pk}/")
    page.get_by_role("link", name="Nhập kết quả").first.click()
    page.wait_for_load_state()
    # The grid opens on the period due now (the year, for a 2025 plan seen in 2026): choose Quý I.
    page.select_option("#period", "q1")
    page.get_by_role("button", name="Xem").click()
    page.wait_for_load_state()
    assert "Quý I" in page.inner_text("#period option[selected]")
    _save_row_with_enter(page, jobs, "150")
    assert "50,00%" in _row(page, jobs).inner_text() and "Đang thực hiện" in _row(page, jobs).inner_text()
    mediation = _indicator(plan, "Tỷ lệ hòa giải thành")
    _save_row_with_enter(page, mediation, "95")
    row = _row(page, mediation).inner_text()
    assert "105,56%" in row and "Vượt" in row
    households = _indicator(plan, "Tỷ lệ hộ nghèo theo chuẩn mới ( chuẩn tiếp cận đa chiều )")
    _save_row_with_enter(page, households, "1,5")
    shot(page, "03-results-q1")
    assert Result.objects.get(indicator=jobs, period="q1").value == 150
    assert Result.objects.get(indicator=mediation, period="q1").value == 95

    # bad input: English decimals are refused next to the field, nothing saved
    _save_row_with_enter(page, mediation, "95.5")
    assert "kiểu Anh" in _row(page, mediation).inner_text()
    assert Result.objects.get(indicator=mediation, period="q1").value == 95
    shot(page, "04-bad-input")
    shot(page, "04b-bad-input-row", _row(page, mediation))

    # submitting the quarter asks first, with the count of indicators still without a result
    # (three saved on this page: the count came back with the last saved row), then locks it
    total = PlanIndicator.objects.filter(plan=plan, parent__isnull=True).count()  # sub-items are not counted
    dialogs = []

    def accept(dialog):
        dialogs.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    with page.expect_navigation():
        page.get_by_role("button", name="Nộp báo cáo").click()
    page.wait_for_load_state()
    assert dialogs and f"Còn {total - 3}/{total} chỉ tiêu chưa có kết quả" in dialogs[0]
    assert "Nộp báo cáo Quý I?" in dialogs[0] and "chỉ cấp trên mới mở lại" in dialogs[0]
    assert "Đã nộp" in page.inner_text("#trang-thai-bao-cao")
    assert page.locator(f"#id_r{jobs.pk}-result").count() == 0
    shot(page, "05-submitted")


def test_conflicting_save_from_a_second_session_is_caught(seeded, new_page, login, shot, live_server):
    plan = seeded["my_phu"]
    jobs = _indicator(plan, "Giới thiệu giải quyết việc làm")
    url = f"{live_server.url}/plans/{plan.pk}/results/?period=q1"
    first = login(new_page(), "canbo.myphu")
    second = login(new_page(), "canbo2.myphu")
    first.goto(url)
    second.goto(url)

    _save_row_with_enter(first, jobs, "100")
    _save_row_with_enter(second, jobs, "120")

    conflict = second.locator(f"#r-{jobs.pk} .conflict")
    assert conflict.is_visible()
    assert conflict.locator(".theirs").inner_text() == "100"
    assert conflict.locator(".yours").inner_text() == "120"
    assert Result.objects.get(indicator=jobs, period="q1").value == 100  # not overwritten
    shot(second, "06-conflict")
    shot(second, "06b-conflict-row", _row(second, jobs))

    _swapped(second, jobs, lambda: second.get_by_role("button", name="Ghi đè bằng giá trị của tôi").click())
    assert second.locator(f"#r-{jobs.pk} .saved").is_visible()
    assert Result.objects.get(indicator=jobs, period="q1").value == 120

    # the first session is now stale in turn; it keeps the value in the database
    _save_row_with_enter(first, jobs, "130")
    _swapped(first, jobs, lambda: first.get_by_role("link", name="Giữ giá trị trong hệ thống").click())
    assert first.locator(f"#r-{jobs.pk} .conflict").count() == 0
    assert first.input_value(f"#id_r{jobs.pk}-result") == "120"
    assert Result.objects.get(indicator=jobs, period="q1").value == 120


def test_editor_of_another_commune_cannot_open_the_plan(seeded, new_page, login, shot, live_server):
    page = login(new_page(), "canbo.laihung")
    assert "Xã Lai Hưng" in page.content()

    response = page.goto(f"{live_server.url}/plans/{seeded['my_phu'].pk}/")

    assert response.status == 404
    assert "Phường Mỹ Phú" not in page.content()
    response = page.goto(f"{live_server.url}/plans/{seeded['my_phu'].pk}/results/?period=q1")
    assert response.status == 404
    shot(page, "07-other-commune-404")


def test_results_grid_keyboard_tab_and_enter(seeded, new_page, login, shot, live_server):
    plan = seeded["my_phu"]
    budget = _indicator(plan, "Thu ngân sách")
    fund = _indicator(plan, "Quỹ Đền ơn đáp nghĩa")
    page = login(new_page(), "canbo.myphu")
    page.goto(f"{live_server.url}/plans/{plan.pk}/results/?period=q1")

    page.locator(f"#id_r{budget.pk}-result").focus()
    page.keyboard.type("5.000.000.000")
    _swapped(page, budget, lambda: page.keyboard.press("Tab"))  # leaving a changed field saves it
    assert page.evaluate("document.activeElement.id") == f"id_r{budget.pk}-is_estimate"  # focus kept
    _swapped(page, budget, lambda: page.keyboard.press("Space"))  # estimate: ước thực hiện
    assert page.evaluate("document.activeElement.id") == f"id_r{budget.pk}-is_estimate"
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == f"id_r{budget.pk}-result"
    page.keyboard.press("Enter")  # saves and moves to the next row
    expect(page.locator(f"#id_r{fund.pk}-result")).to_be_focused()
    row = _row(page, budget).inner_text()
    assert "50,26%" in row and "Đang thực hiện" in row
    result = Result.objects.get(indicator=budget, period="q1")
    assert result.value == 5_000_000_000 and result.is_estimate

    page.keyboard.type("2.500.000")
    _swapped(page, fund, lambda: page.keyboard.press("Enter"))
    assert Result.objects.get(indicator=fund, period="q1").value == 2_500_000
    labels = page.evaluate("() => [...document.querySelectorAll('#results-grid input:not([type=hidden]), "
                           "#results-grid select')].filter(el => !el.labels.length).map(el => el.id)")
    assert labels == []
    shot(page, "08-keyboard")


def test_dismissing_the_submit_question_leaves_the_period_open(seeded, new_page, login, live_server):
    from plans.models import PeriodReport, ReportStatus

    plan = seeded["my_phu"]
    page = login(new_page(), "canbo.myphu")
    page.goto(f"{live_server.url}/plans/{plan.pk}/results/?period=q1")
    dialogs = []

    def dismiss(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Nộp báo cáo").click()
    page.wait_for_timeout(300)

    total = PlanIndicator.objects.filter(plan=plan, parent__isnull=True).count()  # sub-items are not counted
    assert dialogs and f"/{total} chỉ tiêu" in dialogs[0]
    assert not PeriodReport.objects.filter(plan=plan, period="q1", status=ReportStatus.SUBMITTED).exists()
    assert page.locator(".period-status .badge").inner_text() == "Chưa nộp"
