"""In the browser: "261/200" typed into Mỹ Phú's "Giới thiệu lao động đi làm ở nước ngoài" (09 lao
động) is questioned once, in Vietnamese, naming what was typed and the target; saving it again keeps it."""

import pytest

from indicators.models import PlanIndicator, Result

pytestmark = pytest.mark.browser


def test_ratio_into_a_count_is_questioned_once_then_kept(seeded, new_page, login, shot, live_server):
    plan = seeded["my_phu"]
    workers = PlanIndicator.objects.get(plan=plan, name="Giới thiệu lao động đi làm ở nước ngoài")
    page = login(new_page(), "canbo.myphu")
    page.goto(f"{live_server.url}/plans/{plan.pk}/results/?period=q1")
    row = page.locator(f"#r-{workers.pk}")
    field = page.locator(f"#id_r{workers.pk}-result")

    field.fill("261/200")
    page.evaluate(f"document.getElementById('r-{workers.pk}').dataset.old = '1'")
    field.press("Enter")
    page.wait_for_selector(f"#r-{workers.pk}:not([data-old]):not(.htmx-added)", state="attached")

    text = row.inner_text()
    assert "Bạn nhập “261/200” (tử số/mẫu số), nhưng chỉ tiêu này là một số (kế hoạch 9" in text
    assert "chỉ tử số 261 được lưu làm kết quả, gấp hơn 10 lần kế hoạch." in text
    assert not Result.objects.filter(indicator=workers).exists()
    shot(page, "plausibility-ratio-into-count", row)

    page.evaluate(f"document.getElementById('r-{workers.pk}').dataset.old = '1'")
    page.locator(f"#id_r{workers.pk}-result").press("Enter")
    page.wait_for_selector(f"#r-{workers.pk}:not([data-old]):not(.htmx-added)", state="attached")

    result = Result.objects.get(indicator=workers, period="q1")
    assert (result.numerator, result.denominator) == (261, 200)
    shot(page, "plausibility-ratio-kept", page.locator(f"#r-{workers.pk}"))
