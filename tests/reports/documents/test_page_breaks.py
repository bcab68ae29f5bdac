"""Group heading rows keep with the row they head without stranding a tall blank (nd30.css): on
Phường 2's Biểu 01 (every task a tall row) and Mỹ Phú's Biểu 02 (short rows)."""

from io import BytesIO

import pytest

from reports.documents import sheets
from reports.documents.registry import get_exporter

from .conftest import FIXTURES, load_fixture, squash

pytestmark = pytest.mark.django_db
MM = 72 / 25.4
PAGE_BOTTOM_MARGIN = 20 * MM


def page_tables(content):
    """[(blank below the table in mm, [rows])] per page."""
    import pdfplumber

    pages = []
    with pdfplumber.open(BytesIO(content)) as document:
        for page in document.pages:
            bottoms = [edge["bottom"] for edge in page.edges if edge["orientation"] == "v"]
            table = page.extract_tables({"explicit_horizontal_lines": [max(bottoms)]})[0]
            pages.append(((page.height - PAGE_BOTTOM_MARGIN - max(bottoms)) / MM,
                          [tuple(squash(cell) for cell in row) for row in table]))
    return pages


@pytest.mark.parametrize("fixture, doc, unit", [("phuong-2-tay-ninh-2024", "bieu01", 1),
                                                ("my-phu-2024", "bieu02", 1)])
def test_no_heading_alone_at_a_page_bottom_and_no_tall_blank_before_one(fixture, doc, unit):
    plan = load_fixture(FIXTURES / f"{fixture}.json")
    table = sheets.TABLES[doc](plan, period="y")
    headings = {squash(row.cells[unit]) for row in table.rows() if row.kind == "sector"}
    pages = page_tables(get_exporter(doc, "pdf").render(plan, period="y")[2])

    for number, (blank, rows) in enumerate(pages[:-1], start=1):
        assert rows[-1][unit] not in headings, f"page {number} ends with a group heading"
        next_rows = pages[number][1]
        if next_rows[1][unit] in headings:   # the next page opens a group: the blank left here is small
            assert blank < 40, f"page {number}: {blank:.0f} mm blank before {next_rows[1][unit]}"


def test_a_groups_first_row_is_tall_when_it_takes_about_five_lines():
    columns = [{"width": 10.0}, {"width": 90.0}]
    cells = [{"text": "1"}, {"text": "x" * 70}]
    assert sheets._lines(cells, columns, False) == 1
    assert sheets._lines([{"text": "1"}, {"text": "x" * 400}], columns, False) >= sheets.TALL_LINES


def test_a_tall_row_splits_rather_than_leave_its_height_blank():
    """Any tall row (not only a group's first) may split at a page break (nd30.css): no page of
    Phường 2's Biểu 01 leaves more than a few lines blank before a tall row, or before a heading
    and its tall first row. Short rows still move whole."""
    plan = load_fixture(FIXTURES / "phuong-2-tay-ninh-2024.json")
    grid = sheets.pdf_context(sheets.TABLES["bieu01"](plan, period="y"))
    rows = [(tuple(squash(cell["text"]) for cell in row["cells"]), row) for row in grid["rows"]]
    tall_starts = {cells for (cells, row), (_cells, below) in zip(rows, [*rows[1:], ((), {"tall": False})], strict=True)
                   if row["tall"] or (row["kind"] == "sector" and below["tall"])}   # a tall row, or a heading over one
    pages = page_tables(get_exporter("bieu01", "pdf").render(plan, period="y")[2])

    for number, (blank, _rows) in enumerate(pages[:-1], start=1):
        first = pages[number][1][1]   # the next page's first row under the repeated header
        if first in tall_starts:
            assert blank < 15, f"page {number}: {blank:.0f} mm blank before a tall row {first[1][:40]}"
