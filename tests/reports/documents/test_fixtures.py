"""Every seed plan in fixtures/ imported and rendered as every document, then read back."""

import re

import pytest

from plans.models import Appendix
from reports.documents import documents as docs
from reports.documents import sheets
from reports.documents.exporters import EmptyDocument, ReportTable, attached_tables
from reports.documents.registry import DOCS, get_exporter

from .conftest import fixture_files, load_fixture, pdf_fonts, pdf_table_rows, pdf_text, squash, xlsx_rows

pytestmark = pytest.mark.django_db

FILES = fixture_files()
TABLES = {"appendix": sheets.AppendixTable, "bieu01": sheets.Bieu01Table,
          "bieu02": sheets.Bieu02Table, "report": ReportTable}


def assert_in_order(text, phrases):
    text, position = squash(text), 0
    for phrase in phrases:
        phrase = squash(phrase)
        if not phrase:
            continue
        found = text.find(phrase, position)
        assert found >= 0, f"{phrase!r} missing or out of order"
        position = found + len(phrase)


def assert_fonts(content):
    fonts = pdf_fonts(content)
    assert fonts
    for name in fonts:
        assert name.replace("-", "").startswith("LiberationSerif"), fonts


@pytest.fixture(params=FILES, ids=[p.stem for p in FILES])
def seed_plan(request):
    return load_fixture(request.param)


@pytest.mark.skipif(not FILES, reason="no fixtures")
def test_seed_plan_pdf_shows_header_title_and_every_indicator(seed_plan):
    reason = get_exporter("plan", "pdf").empty_reason(seed_plan)
    if reason:   # no legal basis, opening or section (Nhơn Hưng and Thọ Xương 2023 hold only results)
        assert not seed_plan.legal_bases and not seed_plan.preamble.strip() and not seed_plan.sections.exists()
        pytest.skip(reason)
    _, _, content = get_exporter("plan", "pdf").render(seed_plan)

    text = pdf_text(content)
    head = docs.header(seed_plan)
    assert_in_order(text, [*head["authority_lines"], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                           "Độc lập - Tự do - Hạnh phúc", head["number_line"], head["place_date"],
                           seed_plan.doc_type, seed_plan.title])
    assert ("DỰ THẢO" in text) == (seed_plan.status == "draft")
    if any(section["include_indicators"] for section in docs.sections(seed_plan)):
        assert_in_order(text, [f"{indicator.name}: {indicator.target_text}" if indicator.target_text
                               else indicator.name
                               for group in docs.indicator_groups(seed_plan, only="in_main_list")
                               for indicator, _ in group.items])
    # The Phụ lục is printed after the plan only when the plan carries it (the ward's choice).
    appendix = (sheets.pdf_context(sheets.AppendixTable(seed_plan))["rows"]
                if Appendix.PHU_LUC in seed_plan.appendices else [])
    if appendix:
        expected = [tuple(squash(cell["text"]) for cell in row["cells"]) for row in appendix]
        tables = pdf_table_rows(content)
        body = [row for row in tables if row != ("STT", "Nộidung", "Chỉtiêu", "Ghichú")]
        assert body == expected
    assert_fonts(content)


@pytest.mark.skipif(not FILES, reason="no fixtures")
@pytest.mark.parametrize("doc", DOCS)
def test_seed_plan_every_document_renders_and_reads_back(seed_plan, doc):
    """The PDF prints the rows of each table it carries (the columns it shows; the header repeated
    on each page is skipped), the XLSX writes every column of the same rows. A document the
    registry says is empty is refused with its reason, and skipped here with that reason."""
    pdf_exporter, xlsx_exporter = get_exporter(doc, "pdf"), get_exporter(doc, "xlsx")
    reason = pdf_exporter.empty_reason(seed_plan)
    if reason:
        for exporter in (pdf_exporter, xlsx_exporter):
            with pytest.raises(EmptyDocument, match=re.escape(reason)):
                exporter.render(seed_plan, period="y")
        pytest.skip(reason)
    # The plan carries the appendices the ward chose (each its own sheet); another document is one table.
    tables = attached_tables(seed_plan) if doc == "plan" else [(None, TABLES[doc](seed_plan, period="y"))]
    _, _, content = pdf_exporter.render(seed_plan, period="y")
    assert_fonts(content)

    grids = [sheets.pdf_context(table) for _, table in tables]
    headers = {tuple(squash(column["title"]) for column in grid["columns"]) for grid in grids}
    shown = [row for row in pdf_table_rows(content) if row not in headers]
    expected = [tuple(squash(cell["text"]) for cell in row["cells"]) for grid in grids for row in grid["rows"]]
    assert join_split_rows(shown, expected) == expected

    if not tables:   # a plan that attaches nothing has no spreadsheet, and says why
        with pytest.raises(EmptyDocument):
            xlsx_exporter.render(seed_plan, period="y")
        return
    _, _, workbook = xlsx_exporter.render(seed_plan, period="y")
    for sheet, table in tables:
        assert_sheet_reads_back(workbook, sheet, table)


def join_split_rows(shown, expected):
    """A group's first row may split across a page break (nd30.css: the heading keeps with it):
    its two parts, read back as two rows, are joined cell by cell where that gives the row."""
    joined, i = [], 0
    for row in expected:
        if i + 1 < len(shown) and shown[i] != row and tuple(
                map("".join, zip(shown[i], shown[i + 1], strict=True))) == row:
            joined.append(row)
            i += 2
        elif i < len(shown):
            joined.append(shown[i])
            i += 1
    return joined + shown[i:]


def assert_sheet_reads_back(workbook, sheet, table):
    expected = [row.cells for row in table.rows()]
    _, rows = xlsx_rows(workbook, sheet)
    start = next(i for i, row in enumerate(rows) if row[:len(expected[0])] == expected[0])
    written = rows[start:start + len(expected)]
    assert len(written) == len(expected)
    for got, cells in zip(written, expected, strict=True):
        for value, cell, column in zip(got, cells, table.columns, strict=True):
            if isinstance(cell, str) or cell is None:
                assert (value or "") == (cell or "")
            else:
                scale = 100 if column.kind == "percent" or getattr(cell, "unit", None) == "%" else 1
                assert value * scale == pytest.approx(float(cell))
