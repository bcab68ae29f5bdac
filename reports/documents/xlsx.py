"""The XLSX writer for every table document: openpyxl in write-only mode, shared named styles.

Numbers are number cells with display formats, text is always text (a user's "=1+1" stays a
string, never a formula), title rows are merged, sector rows bold, and the sheet prints on A4
one page wide with the column headers repeated on every page. Write-only mode streams the
rows, so a national sheet of 130,000 rows stays within memory.
"""

import math
from copy import copy
from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet

FONT = "Times New Roman"
MM = 1 / 25.4
THIN = Side(style="thin", color="000000")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

INT_FORMAT = "#,##0"
DECIMAL_FORMATS = {1: "#,##0.0", 2: "#,##0.00", 3: "#,##0.000"}
PERCENT_FORMAT = "0.00%"
LINE_HEIGHT = 17  # points per line of 13 pt text


class StyleBook:
    """Named styles made once per workbook; cells share a prototype's style array."""

    def __init__(self, workbook, sheet):
        self.workbook, self.sheet = workbook, sheet
        self._arrays = {}

    def array(self, *, size=12, bold=False, italic=False, align="left", grid=True, number_format="General"):
        key = (size, bold, italic, align, grid, number_format)
        array = self._arrays.get(key)
        if array is None:
            name = f"kh-{len(self._arrays)}-{size}{'b' if bold else ''}{'i' if italic else ''}-{align}"
            style = NamedStyle(name=name, number_format=number_format,
                               font=Font(name=FONT, size=size, bold=bold, italic=italic),
                               alignment=Alignment(horizontal=align, vertical="center", wrap_text=True),
                               border=GRID if grid else Border())
            if name not in self.workbook.named_styles:
                self.workbook.add_named_style(style)
            proto = WriteOnlyCell(self.sheet)
            proto.style = name
            array = self._arrays[key] = proto._style
        return array

    def apply(self, cell, **style):
        cell._style = copy(self.array(**style))
        return cell


def clean_text(value):
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def _unit_format(base, unit):
    unit = unit.replace('"', "").replace("\\", "")
    return f'{base}" {unit}"' if unit else base


def number_format(value, kind):
    """The display format of a number cell. A number with a unit (reports.documents.documents.Figure):
    "%" is a percent cell (0.88 shown "88.00%"), another unit is named by the format ("#,##0" ha")."""
    unit = getattr(value, "unit", None)
    if unit == "%" or (kind == "percent" and unit is None):
        return PERCENT_FORMAT
    if kind == "int" or isinstance(value, int):
        return INT_FORMAT
    if isinstance(value, Decimal):
        exponent = value.normalize().as_tuple().exponent
        decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    else:
        decimals = len(repr(float(value)).split(".")[1].rstrip("0")) if "." in repr(float(value)) else 0
    base = DECIMAL_FORMATS[min(decimals, 3)] if decimals else INT_FORMAT
    return _unit_format(base, unit) if unit else base


def cell_number(value, kind):
    """What a number cell holds: a percent as its fraction (88% -> 0.88), Decimal as float."""
    if getattr(value, "unit", None) == "%" or (kind == "percent" and not hasattr(value, "unit")):
        return float(value) / 100
    return value if isinstance(value, int) else float(value)


class RowWriter:
    """Streams typed rows through one reusable cell per column.

    A write-only sheet writes each appended row at once, so the cells can be refilled for the
    next row: this halves the cost of a national sheet of a million cells. Numbers become
    number cells (Decimal -> float); every string is forced to text, because openpyxl would
    write "=..." as a live formula.
    """

    def __init__(self, sheet, styles, columns):
        self.sheet, self.styles, self.columns = sheet, styles, columns
        self.cells = [WriteOnlyCell(sheet) for _ in columns]
        self._arrays = {}

    def _array(self, bold, align, number_format="General"):
        key = (bold, align, number_format)
        array = self._arrays.get(key)
        if array is None:
            array = self._arrays[key] = self.styles.array(bold=bold, align=align, number_format=number_format)
        return array

    def append(self, values, *, bold=False):
        for cell, value, column in zip(self.cells, values, self.columns, strict=True):
            if value is None or value == "":
                cell._value, cell.data_type = None, "n"
                cell._style = self._array(bold, column.align)
            elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                cell._value = cell_number(value, column.kind)
                cell.data_type = "n"
                cell._style = self._array(bold, "right", number_format(value, column.kind))
            else:
                cell._value, cell.data_type = clean_text(value), "s"
                cell._style = self._array(bold, column.align)
        self.sheet.append(self.cells)


def banner_height(text, columns, size=13):
    chars_per_line = max(20, sum(c.width for c in columns) * 1.05 * 12 / size)
    lines = sum(max(1, math.ceil(len(part) / chars_per_line)) for part in str(text).split("\n"))
    return LINE_HEIGHT * lines * size / 13


def _cells_to_row(cells, row_index):
    """Place already-made cells in their row. Every append here passes cells, so openpyxl's own
    conversion (which tries each cell as a value and builds an error message first) is skipped."""
    for column_index, cell in enumerate(cells, 1):
        cell.column, cell.row = column_index, row_index
        yield cell


def add_sheet(workbook, table, title):
    sheet = workbook.create_sheet(title=title[:31])
    sheet._values_to_row = _cells_to_row   # openpyxl 3.1 write-only hook; tests read the sheets back
    styles = StyleBook(workbook, sheet)
    columns = table.columns
    last = get_column_letter(len(columns))
    for j, column in enumerate(columns, 1):
        sheet.column_dimensions[get_column_letter(j)].width = column.width

    banners = []
    if table.label:
        banners.append(dict(text=table.label, size=14, bold=True))
    banners.append(dict(text=table.title, size=13, bold=True))
    if table.ref_line:
        banners.append(dict(text=table.ref_line, size=13, italic=True))
    for line in getattr(table, "intro", ()):
        banners.append(dict(text=line, size=13, align="justify"))
    if table.unit_line:
        banners.append(dict(text=table.unit_line, size=12, italic=True, align="right"))

    header_row = len(banners) + 2   # one empty line between the titles and the grid
    # Write-only sheets stream their head (properties, views, columns) with the first row.
    setup_print(sheet, table, header_row)
    row_number = 0
    for banner in banners:
        row_number += 1
        cell = WriteOnlyCell(sheet, value=clean_text(banner["text"]))
        cell.data_type = "s"
        styles.apply(cell, size=banner["size"], bold=banner.get("bold", False),
                     italic=banner.get("italic", False), align=banner.get("align", "center"), grid=False)
        sheet.row_dimensions[row_number].height = banner_height(banner["text"], columns, banner["size"])
        sheet.merged_cells.add(CellRange(f"A{row_number}:{last}{row_number}"))
        sheet.append([cell])
    sheet.append([])
    rows = table.rows()
    header = next(rows)
    cells = []
    for value in header.cells:
        cell = WriteOnlyCell(sheet, value=clean_text(value))
        cell.data_type = "s"
        cells.append(styles.apply(cell, bold=True, align="center"))
    sheet.append(cells)

    writer = RowWriter(sheet, styles, columns)
    for row in rows:
        writer.append(row.cells, bold=row.bold)
    return sheet


def setup_print(sheet, table, header_row):
    setup = sheet.page_setup
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.orientation = Worksheet.ORIENTATION_LANDSCAPE if table.landscape else Worksheet.ORIENTATION_PORTRAIT
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=30 * MM, right=15 * MM, top=20 * MM, bottom=20 * MM,
                                     header=10 * MM, footer=10 * MM)
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.HeaderFooter.differentFirst = True   # ND30: no page number on the first page
    centre = sheet.oddHeader.center
    centre.text, centre.size, centre.font = "&P", 13, f"{FONT},Regular"


def write_workbook(tables):
    """[(sheet title, table)] -> XLSX bytes."""
    workbook = Workbook(write_only=True)
    for title, table in tables:
        add_sheet(workbook, table, title)
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
