"""Bring your own plan in the browser: a Word plan uploaded, reviewed, corrected and confirmed; then its
Excel template downloaded, filled and uploaded back, changing exactly what was changed."""

import pytest
from openpyxl import load_workbook

from indicators.models import PlanIndicator, Result
from plans.models import Plan
from tests.importing.builders import docx_bytes
from tests.importing.layouts import NUMBERED_PROSE

pytestmark = pytest.mark.browser

MY_PHU_2025 = (NUMBERED_PROSE.replace("ỦY BAN NHÂN DÂN PHƯỜNG AN HỘI", "ỦY BAN NHÂN DÂN PHƯỜNG MỸ PHÚ")
               .replace("THÀNH PHỐ BẾN TRE", "THÀNH PHỐ CAO LÃNH").replace("An Hội", "Mỹ Phú"))


def _snapshot(plan):
    return {(i.pk, i.name, i.target_text, i.unit_of_measure) for i in PlanIndicator.objects.filter(plan=plan)}


def test_word_plan_reviewed_then_excel_round_trip(seeded, new_page, login, shot, live_server, tmp_path):
    unit = seeded["my_phu"].unit
    page = login(new_page(), "canbo.myphu")
    page.goto(f"{live_server.url}/plans/new/")
    page.get_by_role("link", name="Nhập từ văn bản Word (.docx)").click()
    path = tmp_path / "ke-hoach-2025.docx"
    path.write_bytes(docx_bytes(MY_PHU_2025))
    page.set_input_files("#id_file", str(path))
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_load_state()
    assert "Xem lại kế hoạch đọc được" in page.content()
    assert page.locator("tr.unsure").count() >= 1  # "(2). ... dưới 0,8%; ... dưới 1,5%" split in two
    assert not Plan.objects.filter(unit=unit, year=2025).exists()
    shot(page, "import-01-review")
    page.fill("input[name='target-0.2']", "200 lao động")
    page.check("input[name='drop-0.4']")
    page.get_by_role("button", name="Cập nhật xem trước").click()
    page.wait_for_load_state()
    assert page.locator("input[name='target-0.2']").input_value() == "200 lao động"
    shot(page, "import-02-review-corrected")
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.wait_for_load_state()
    plan = Plan.objects.get(unit=unit, year=2025)
    names = set(plan.indicators.values_list("name", "target_text"))
    assert ("Giải quyết việc làm mới", "200 lao động") in names
    assert not any(n.startswith("Giữ vững") for n, _ in names)

    # Excel round trip on the imported (draft) plan
    before = _snapshot(plan)
    page.goto(f"{live_server.url}/plans/{plan.pk}/sheet/")
    with page.expect_download() as download:
        page.click("#download-template")
    template = tmp_path / "template.xlsx"
    download.value.save_as(template)
    assert download.value.suggested_filename.endswith(".xlsx")
    book = load_workbook(template)
    sheet = book["Chỉ tiêu"]
    rows = {sheet.cell(row=r, column=5).value: r for r in range(2, sheet.max_row + 1)}
    insurance = rows["Tỷ lệ tham gia bảo hiểm y tế"]
    sheet.cell(row=insurance, column=8).value = "đạt 94%"
    sheet.cell(row=insurance, column=10 + 3).value = "90,5"  # "Kết quả Tháng 4"
    waste = rows["Tỷ lệ thu gom rác thải sinh hoạt"]
    sheet.delete_rows(waste)
    new = sheet.max_row + 1
    for c, v in ((3, sheet.cell(row=2, column=3).value),
                 (5, "Vận động quỹ khuyến học"), (8, "50 triệu đồng")):
        sheet.cell(row=new, column=c).value = v
    filled = tmp_path / "filled.xlsx"
    book.save(filled)
    page.set_input_files("#id_file", str(filled))
    page.get_by_role("button", name="Xem trước thay đổi").click()
    page.wait_for_load_state()
    preview = page.inner_text("#sheet-preview")
    assert "đạt 93% → đạt 94%" in preview and "Xoá: Tỷ lệ thu gom rác thải sinh hoạt" in preview
    assert "Thêm: Vận động quỹ khuyến học" in preview and "90,5" in preview
    assert _snapshot(plan) == before
    shot(page, "import-03-sheet-preview")
    page.click("#confirm-sheet")
    page.wait_for_load_state()
    after = _snapshot(plan)
    removed, added = before - after, after - before
    assert {(n, t) for _, n, t, _ in removed} == {("Tỷ lệ tham gia bảo hiểm y tế", "đạt 93%"),
                                                 ("Tỷ lệ thu gom rác thải sinh hoạt", "đạt 98%")}
    assert {(n, t) for _, n, t, _ in added} == {("Tỷ lệ tham gia bảo hiểm y tế", "đạt 94%"),
                                               ("Vận động quỹ khuyến học", "50 triệu đồng")}
    result = Result.objects.get(indicator__plan=plan, indicator__name="Tỷ lệ tham gia bảo hiểm y tế")
    assert (result.period, result.value) == ("m4", 90.5)
    assert Result.objects.filter(indicator__plan=plan).count() == 1
    shot(page, "import-04-after-sheet")


def test_seed_plan_review_and_existing_year_refused(seeded, new_page, login, shot, live_server, tmp_path):
    from tests.importing.builders import seed_docx

    page = login(new_page(), "canbo.laihung")
    page.goto(f"{live_server.url}/plans/import/")
    path = tmp_path / "lai-hung-2024.docx"
    path.write_bytes(seed_docx("004_a1adeea7a8a2c2a3.txt"))
    page.set_input_files("#id_file", str(path))
    page.get_by_role("button", name="Đọc văn bản").click()
    page.wait_for_load_state()
    assert page.locator("#review-indicators input.target-as-written").count() >= 15
    assert "Banh Quốc Trung" in page.content()
    shot(page, "import-05-review-lai-hung")
    count = Plan.objects.count()
    page.get_by_role("button", name="Lưu kế hoạch").click()
    page.wait_for_load_state()
    assert "đã có kế hoạch năm 2024" in page.content() and Plan.objects.count() == count
