"""The table documents (Phụ lục, Biểu số 01, Biểu số 02) as one row generator each.

``Table.rows()`` yields the header row first, then typed rows (``kind`` "sector" for the bold
group rows, "item", "sub"); cells hold str, int or Decimal. The XLSX writer and the PDF
template both consume it, so a column changes in one place.
"""

from dataclasses import dataclass
from decimal import Decimal

from core import vnformat
from plans.models import Task

from . import documents as docs


@dataclass(frozen=True)
class Column:
    title: str
    width: float            # Excel character units; the PDF uses them as proportions
    align: str = "left"     # left | center | right
    kind: str = "text"      # text | int | number | percent | figure
    in_pdf: bool = True     # False: a number cell for spreadsheets only (the PDF prints the text beside it)


@dataclass(frozen=True)
class Row:
    cells: tuple
    kind: str = "item"      # header | sector | item | sub

    @property
    def bold(self):
        return self.kind in {"header", "sector"}


class Table:
    label = ""
    columns = ()
    landscape = False
    unit_line = ""

    def __init__(self, plan, *, period=None, ref_line=None):
        self.plan = plan
        self.period = period or "y"
        self._ref_line = ref_line   # the document this table goes with, when not ``plan`` itself

    @property
    def title(self):
        raise NotImplementedError

    @property
    def ref_line(self):
        return self._ref_line or docs.ref_line(self.plan)

    def body_rows(self):
        raise NotImplementedError

    def rows(self):
        yield Row(tuple(c.title for c in self.columns), "header")
        yield from self.body_rows()


def _text(value):
    return "" if value is None else str(value)


Figure = docs.Figure


def target_figure(indicator):
    """The target's figure as a number cell ("từ 90% trở lên" -> Figure(90, "%")), or None."""
    if indicator.target_value is None:
        return None
    return Figure(indicator.target_value, indicator.target_unit or indicator.unit_of_measure)


def numbered(items):
    """(stt, indicator, depth) for each (indicator, depth): a sub-item the ward left unnumbered
    takes its parent's number and its place ("1.2"), so every row of a results table has an STT."""
    path, counts = [], []
    for indicator, depth in items:
        del path[depth:], counts[depth + 1:]
        while len(counts) <= depth:
            counts.append(0)
        counts[depth] += 1
        stt = indicator.stt or ".".join([*path[:depth], str(counts[depth])])
        path.append(stt)
        yield stt, indicator, depth


class AppendixTable(Table):
    """Phụ lục: the targets as written, sectors numbered I, II, ..., sub-items unnumbered."""

    label = "Phụ lục"
    columns = (
        Column("STT", 7, "center"),
        Column("Nội dung", 60),
        Column("Chỉ tiêu", 22, "center"),
        Column("Chỉ tiêu (số)", 14, "right", "figure", in_pdf=False),
        Column("Ghi chú", 16),
    )

    @property
    def title(self):
        return (self.plan.appendix_title or
                f"CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM {self.plan.year}").upper()

    def body_rows(self):
        for group in docs.indicator_groups(self.plan, only="in_appendix"):
            yield Row((group.roman, group.sector.name, "", "", ""), "sector")
            for indicator, depth in group.items:
                yield Row(("" if depth else indicator.stt, indicator.name, indicator.target_text,
                           target_figure(indicator), indicator.note), "sub" if depth else "item")


class Bieu01Table(Table):
    """Biểu số 01: the tasks with their results."""

    label = "Biểu số 01"
    landscape = True
    columns = (
        Column("STT", 6, "center"),
        Column("Nhiệm vụ", 46),
        Column("Bộ phận chủ trì", 20),
        Column("Thời hạn", 16, "center"),
        Column("Kết quả thực hiện", 46),
        Column("Tiến độ (%)", 10, "right", "number"),
        Column("Ghi chú", 16),
    )

    @property
    def title(self):
        return f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ {docs.period_phrase(self.period, self.plan.year).upper()}"

    def has_rows(self):
        return Task.objects.filter(plan=self.plan).exists()

    def body_rows(self):
        tasks = Task.objects.filter(plan=self.plan).select_related("lead").order_by("order", "pk")
        group = None
        for task in tasks:
            if task.group and task.group != group:
                group = task.group
                yield Row(("", group, "", "", "", "", ""), "sector")
            due = task.due_text or (vnformat.format_date_short(task.due_date) if task.due_date else "")
            yield Row((task.stt, task.title, task.lead.name if task.lead else "", due, task.result_text,
                       task.progress, task.note))


class Bieu02Table(Table):
    """Biểu số 02: each indicator's target as written, the period's result and its evaluation."""

    label = "Biểu số 02"
    landscape = True
    columns = (
        Column("STT", 6, "center"),
        Column("Chỉ tiêu", 38),
        Column("Đơn vị tính", 10, "center"),
        Column("Kế hoạch", 18, "center"),
        Column("Kế hoạch (số)", 12, "right", "figure", in_pdf=False),
        # Wide: a result is often a sentence ("Ước thực hiện 4.457.000.000đ đạt 2,81% KH năm ...").
        Column("Kết quả", 34, "right", "number"),
        Column("% so với kế hoạch", 11, "right", "percent"),
        Column("Đánh giá", 14, "center"),
        Column("Nguyên nhân", 24),
    )

    @property
    def title(self):
        return ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI "
                f"{docs.period_phrase(self.period, self.plan.year).upper()}")

    def groups(self):
        if not hasattr(self, "_groups"):
            self._groups = docs.result_groups(self.plan, self.period)
        return self._groups

    def body_rows(self):
        for group in self.groups():
            yield Row((group.roman, group.sector.name, "", "", "", "", None, "", ""), "sector")
            lines = {id(line.indicator): line for line in group.items}
            for stt, indicator, depth in numbered((line.indicator, line.depth) for line in group.items):
                line = lines[id(indicator)]
                result = line.result
                yield Row((stt, indicator.name, indicator.unit_of_measure, indicator.target_text,
                           target_figure(indicator), line.value, line.percent,
                           line.status_label, result.cause if result else ""),
                          "sub" if depth else "item")


TABLES = {"appendix": AppendixTable, "bieu01": Bieu01Table, "bieu02": Bieu02Table}


# --- display for the PDF ----------------------------------------------------------------------

def display(value, kind="text"):
    """A cell as the PDF prints it: Vietnamese numbers, percent glued to its figure."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _text(value)
    if isinstance(value, Figure):
        return vnformat.format_number(value) + (value.unit if value.unit in ("%", "‰") else "")
    if isinstance(value, int | float | Decimal):
        if kind == "percent":
            return vnformat.format_percent(value)
        if kind == "int" or (isinstance(value, int)):
            return vnformat.format_number(value, 0)
        return vnformat.format_number(value)
    return _text(value)


def pdf_context(table):
    """Header titles, column widths in percent, and display rows for templates/reports/_grid.html."""
    rows = table.rows()
    header = next(rows)
    shown = [c.in_pdf for c in table.columns]
    total = sum(c.width for c in table.columns if c.in_pdf)
    columns = [{"title": title, "width": round(100 * c.width / total, 2), "align": c.align}
               for title, c in zip(header.cells, table.columns, strict=True) if c.in_pdf]
    body = []
    for row in rows:
        cells = [_pdf_cell(value, c) for value, c, show in zip(row.cells, table.columns, shown, strict=True) if show]
        body.append({"kind": row.kind, "cells": cells, "tall": _lines(cells, columns, table.landscape) >= TALL_LINES})
    return {"columns": columns, "rows": body}


# A row of this many lines or more may split across a page break (static/css/nd30.css): moved whole
# to the next page (with its heading, when it opens a group) it would leave that much blank behind.
TALL_LINES = 5
PRINTED_WIDTH_MM = {False: 165, True: 252}   # A4 inside nd30.css's margins, portrait / landscape
CHAR_MM = 2.0                                 # a 12 pt Liberation Serif character, on average


def _lines(cells, columns, landscape):
    """About how many lines the tallest cell of a row takes in the PDF."""
    most = 1
    for cell, column in zip(cells, columns, strict=True):
        chars = max(1, int((PRINTED_WIDTH_MM[landscape] * column["width"] / 100 - 3) / CHAR_MM))
        most = max(most, -(-len(cell["text"]) // chars))
    return most


def _is_number(value):
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _pdf_cell(value, column):
    if _is_number(value):
        return {"text": display(value, column.kind), "align": f"{column.align} num"}
    # Text in a number column (a result written in words) wraps like any text.
    return {"text": display(value, column.kind), "align": column.align if column.kind == "text" else "left"}
