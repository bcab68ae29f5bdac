"""The plan document, its appendix and the Biểu tables, rendered from the data and read back."""

from decimal import Decimal

import pytest

from indicators.models import PlanIndicator
from plans.selectors import indicator_groups as page_groups
from reports.documents import documents as docs
from reports.documents import sheets
from reports.documents.registry import DOCS, EXPORTERS, FORMATS, get_exporter

from .conftest import normalise, pdf_fonts, pdf_text, xlsx_rows

pytestmark = pytest.mark.django_db


def render(plan, doc, fmt, period="y"):
    return get_exporter(doc, fmt).render(plan, period=period)


def assert_only_liberation_serif(content):
    fonts = pdf_fonts(content)
    assert fonts
    for name in fonts:
        assert name.replace("-", "").startswith("LiberationSerif"), fonts


def test_registry_covers_every_document_and_format():
    assert set(EXPORTERS) == {(doc, fmt) for doc in DOCS for fmt in FORMATS}
    for (doc, fmt), exporter in EXPORTERS.items():
        assert exporter.identifier == f"{doc}.{fmt}"
        assert exporter.extension == fmt


def test_plan_pdf_header_and_body_in_order(plan):
    filename, content_type, content = render(plan, "plan", "pdf")

    assert filename == "ke-hoach-my-phu-2024.pdf"
    assert content_type == "application/pdf"
    text = pdf_text(content)
    expected = ["ỦY BAN NHÂN DÂN", "PHƯỜNG MỸ PHÚ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "Số: 843/KH-UBND", "Mỹ Phú, ngày 29 tháng 11 năm 2023",
                "KẾ HOẠCH", "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024",
                "Căn cứ Chương trình hành động số 01-CTr/ĐU", "I. MỤC TIÊU", "- Giữ vững an ninh chính trị.",
                "1. Về kinh tế", "II. CÁC CHỈ TIÊU CHỦ YẾU", "KINH TẾ", "Thu ngân sách: 9.949.000.000đ",
                "Quỹ Đền ơn đáp nghĩa: 10.000.000đ", "VĂN HÓA – XÃ HỘI", "dưới 11,44%",
                "III. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "- UBND TPCL;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                "Nguyễn Văn Kiền", "Phụ lục", "CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024",
                "(Kèm theo Kế hoạch số 843/KH-UBND ngày 29 tháng 11 năm 2023 của UBND phường Mỹ Phú về"]
    position = 0
    for phrase in expected:
        found = text.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found + len(phrase)
    assert "DỰ THẢO" not in text
    assert_only_liberation_serif(content)


def test_plan_pdf_draft_shows_mark_and_blank_number(draft_plan):
    _, _, content = render(draft_plan, "plan", "pdf")

    text = pdf_text(content)
    assert "DỰ THẢO" in text
    assert "Số: /KH-UBND" in text
    assert "843" not in text
    assert "Thọ Xương, ngày tháng năm" in text


def test_plan_pdf_page_numbers_restart_in_appendix(plan):
    from io import BytesIO

    import pdfplumber

    plan.preamble = "\n\n".join(["Đoạn văn dài để kế hoạch sang trang thứ hai. " * 8] * 8)
    plan.save()
    _, _, content = render(plan, "plan", "pdf")

    with pdfplumber.open(BytesIO(content)) as document:
        top = 20 * 72 / 25.4   # the top margin, where ND30 puts the page number
        numbers = [normalise(page.crop((0, 0, page.width, top)).extract_text()) for page in document.pages]
        starts = [normalise(page.extract_text())[:20] for page in document.pages]
    appendix = next(i for i, start in enumerate(starts) if start.startswith("Phụ lục"))
    assert appendix >= 2
    assert numbers[0] == ""
    assert numbers[1:appendix] == [str(n) for n in range(2, appendix + 1)]
    assert numbers[appendix] == ""


def test_appendix_rows_number_sectors_in_roman(plan):
    rows = list(sheets.AppendixTable(plan).rows())

    assert rows[0].cells == ("STT", "Nội dung", "Chỉ tiêu", "Chỉ tiêu (số)", "Ghi chú")
    assert [(r.kind, r.cells[0], r.cells[1], r.cells[2]) for r in rows[1:]] == [
        ("sector", "I", "KINH TẾ", ""),
        ("item", "1", "Thu ngân sách", "9.949.000.000đ"),
        ("sub", "", "Quỹ Đền ơn đáp nghĩa", "10.000.000đ"),
        ("sector", "II", "VĂN HÓA – XÃ HỘI", ""),
        ("item", "2", "Khóm văn minh đô thị", "5/5 khóm"),
        ("item", "3", "Giới thiệu giải quyết việc làm", "266"),
        ("sub", "", "Tỷ lệ lao động qua đào tạo", "88%"),
        ("item", "4", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "dưới 11,44%"),
    ]


def test_appendix_pdf_and_xlsx_show_the_same_rows(plan):
    _, _, pdf = render(plan, "appendix", "pdf")
    _, content_type, content = render(plan, "appendix", "xlsx")

    text = pdf_text(pdf)
    worksheet, rows = xlsx_rows(content)
    expected = [r.cells for r in sheets.AppendixTable(plan).rows()]
    grid = [tuple("" if v is None else v for v in row) for row in rows if row[1] not in (None, "")]
    # The target's figure is a number cell: 88% is written 0.88 with a percent format.
    expected = [tuple(float(c) / 100 if getattr(c, "unit", "") == "%" else float(c) if isinstance(c, Decimal) else c
                      for c in cells) for cells in expected]
    assert grid[-len(expected):] == expected
    for cells in expected:
        assert normalise(str(cells[1])) in text
        assert normalise(cells[2]) in text
    assert content_type.endswith("spreadsheetml.sheet")
    assert rows[0][0] == "Phụ lục"
    assert rows[2][0] == docs.ref_line(plan)


def test_appendix_xlsx_layout_merged_bold_print_setup(plan):
    _, _, content = render(plan, "appendix", "xlsx")

    worksheet, rows = xlsx_rows(content)
    merged = {str(r) for r in worksheet.merged_cells.ranges}
    assert {"A1:E1", "A2:E2", "A3:E3"} <= merged
    header_row = next(i for i, row in enumerate(rows, 1) if row[0] == "STT")
    assert worksheet.print_title_rows == f"${header_row}:${header_row}"
    assert int(worksheet.page_setup.paperSize) == 9   # A4
    assert worksheet.page_setup.fitToWidth == 1
    assert worksheet.sheet_properties.pageSetUpPr.fitToPage
    assert worksheet.freeze_panes == f"A{header_row + 1}"
    sector = worksheet.cell(header_row + 1, 2)
    item = worksheet.cell(header_row + 2, 2)
    assert sector.value == "KINH TẾ" and sector.font.b and sector.font.name == "Times New Roman"
    assert not item.font.b
    assert item.border.left.style == "thin"
    assert worksheet.column_dimensions["B"].width > worksheet.column_dimensions["A"].width


def test_xlsx_user_text_starting_with_formula_sign_stays_text(plan):
    indicator = plan.indicators.get(name="Thu ngân sách")
    indicator.name, indicator.target_text, indicator.note = "=1+1", "+5", "@SUM(A1)"
    indicator.save()

    _, _, content = render(plan, "appendix", "xlsx")

    worksheet, rows = xlsx_rows(content)
    row = next(r for r in rows if r[1] == "=1+1")
    assert row[2] == "+5" and row[4] == "@SUM(A1)"
    cell = next(c for line in worksheet.iter_rows() for c in line if c.value == "=1+1")
    assert cell.data_type == "s"


def test_bieu02_rows_typed_and_evaluated(plan):
    table = sheets.Bieu02Table(plan, period="y")
    rows = list(table.rows())

    assert rows[0].cells[:4] == ("STT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch")
    by_name = {r.cells[1]: r for r in rows[1:]}
    budget = by_name["Thu ngân sách"]
    assert budget.cells[3] == "9.949.000.000đ"
    assert float(budget.cells[5]) == 10_500_000_000
    assert budget.cells[6] is not None and float(budget.cells[6]) > 100
    assert budget.cells[7]
    assert budget.cells[8] == "Thu vượt"
    assert by_name["Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng"].cells[7] == "Không đạt KH"
    assert by_name["Khóm văn minh đô thị"].cells[5] == "5/5"


def test_bieu02_xlsx_numbers_are_number_cells(plan):
    _, _, content = render(plan, "bieu02", "xlsx")

    worksheet, rows = xlsx_rows(content)
    cell = next(c for line in worksheet.iter_rows() for c in line if c.value == "Thu ngân sách")
    result = worksheet.cell(cell.row, 6)
    percent = worksheet.cell(cell.row, 7)
    assert isinstance(result.value, int | float) and result.value == 10_500_000_000
    assert result.number_format == "#,##0"
    assert isinstance(percent.value, float) and percent.number_format.endswith("%")
    assert worksheet.page_setup.orientation == "landscape"


def test_bieu02_pdf_shows_vietnamese_numbers(plan):
    _, _, content = render(plan, "bieu02", "pdf")

    text = pdf_text(content)
    assert "Biểu số 02" in text
    assert "10.500.000.000" in text
    assert "Không đạt KH" in text
    assert_only_liberation_serif(content)


def test_bieu01_lists_tasks_with_results(plan):
    _, _, pdf = render(plan, "bieu01", "pdf")
    _, _, content = render(plan, "bieu01", "xlsx")

    text = pdf_text(pdf)
    assert "Biểu số 01" in text
    assert "Hoàn thành dự án Khu dân cư mới" in text
    assert "Quý II/2024" in text.replace("/ ", "/") and "09/3/2024" in text
    worksheet, rows = xlsx_rows(content)
    task = next(r for r in rows if r[1] == "Hoàn thành dự án Khu dân cư mới")
    assert task[2] == "Văn phòng - Thống kê" and task[5] == 85
    group = next(r for r in rows if r[1] == "Văn phòng - Thống kê")
    assert group[0] in (None, "")


def test_report_opens_with_summary_sentence(plan):
    _, _, pdf = render(plan, "report", "pdf")
    _, _, content = render(plan, "report", "xlsx")

    text = pdf_text(pdf)
    table = sheets.Bieu02Table(plan, period="y")
    from reports.documents.exporters import report_summary

    summary = normalise(report_summary(plan, "y", table.groups()))
    assert summary and summary in text
    assert text.index(summary) < text.index("Biểu số 02")
    worksheet, rows = xlsx_rows(content)
    assert any(row[0] == report_summary(plan, "y", table.groups()) for row in rows)


def test_period_quarter_uses_that_periods_results(plan):
    rows = list(sheets.Bieu02Table(plan, period="q1").rows())

    fund = next(r for r in rows if r.cells[1] == "Quỹ Đền ơn đáp nghĩa")
    assert "2.500.000" in str(fund.cells[5])
    budget = next(r for r in rows if r.cells[1] == "Thu ngân sách")
    assert budget.cells[5] in ("", None)


def test_file_stem_is_ascii(plan):
    plan.unit.name = "Phường Đông Thịnh"
    assert docs.file_stem(plan, "bieu-02", "q1") == "bieu-02-q1-dong-thinh-2024"


@pytest.mark.parametrize("body, expected", [
    ("Một.\n\nHai\nba.", [("Một.", False), ("Hai ba.", False)]),
    ("Mở đầu:\n- ý một;\n- ý hai.", [("Mở đầu:", False), ("- ý một;", True), ("- ý hai.", True)]),
    ("", []),
])
def test_paragraphs_split_on_blank_lines_and_bullets(body, expected):
    assert [(p["text"], p["bullet"]) for p in docs.paragraphs(body)] == expected


def test_authority_defaults_to_ubnd_and_unit_name(plan):
    assert docs.authority_lines(plan) == ["ỦY BAN NHÂN DÂN", "PHƯỜNG MỸ PHÚ"]
    plan.authority = "ỦY BAN NHÂN DÂN PHƯỜNG 2"
    assert docs.authority_lines(plan) == ["ỦY BAN NHÂN DÂN", "PHƯỜNG 2"]
    plan.number = "5"
    assert docs.number_symbol(plan) == "05/KH-UBND"


def test_quarter_report_title_keeps_the_roman_numeral(plan):
    from reports.documents.exporters import report_title

    assert report_title(plan, "q1").endswith("quý I năm 2024")


def test_indicator_groups_follow_the_plan_page_and_leave_out_a_whole_branch(plan):
    assert [[(i.pk, d) for i, d in g.items] for g in docs.indicator_groups(plan)] == \
        [[(i.pk, d) for i, d in rows] for _sector, rows in page_groups(plan)]
    PlanIndicator.objects.filter(plan=plan, name="Giới thiệu giải quyết việc làm").update(in_appendix=False)
    PlanIndicator.objects.filter(plan=plan, name__startswith="Thu ngân sách").update(in_appendix=False)

    groups = docs.indicator_groups(plan, only="in_appendix")

    assert [(g.number, g.sector.name) for g in groups] == [(1, "VĂN HÓA – XÃ HỘI")]   # renumbered from I
    assert [(i.name, d) for i, d in groups[0].items] == [
        ("Khóm văn minh đô thị", 0), ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", 0)]  # the sub-item went too
