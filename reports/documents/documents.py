"""What the official documents say, assembled from a plan: header lines, sections, indicator tree,
period results with their evaluation. Shared by the PDF templates and the XLSX writer, so nothing
is typed twice."""

import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from core import periods, vnformat
from core.tree import depth_first
from indicators import counting
from indicators.assess import Assessment, assess, pick_result, shown_in_unit
from indicators.models import PlanIndicator, PlanSector, Result
from plans.models import PlanStatus
from plans.selectors import indicator_groups as selector_groups
from plans.selectors import section_tree
from units.models import UnitKind

BLANK = "\u00a0" * 6  # where a number or a date is left for the signing office to fill in
UBND = "ỦY BAN NHÂN DÂN"


# --- header -----------------------------------------------------------------------------------

def unit_phrase(unit):
    """"phường Mỹ Phú" (the kind in lower case), "Phường 2" for units named by a number."""
    label = str(UnitKind(unit.kind).label) if unit.kind in UnitKind.values else ""
    if label and unit.name.lower().startswith(label.lower() + " "):
        rest = unit.name[len(label) + 1:]
        return unit.name if rest.isdigit() else f"{label.lower()} {rest}"
    return unit.name


def authority_lines(plan):
    """The issuer's name as lines: the default is "ỦY BAN NHÂN DÂN" over the unit's name in capitals."""
    authority = (plan.authority or "").strip() or f"{UBND}\n{plan.unit.name.upper()}"
    if "\n" not in authority and authority.upper().startswith(UBND + " "):
        authority = f"{authority[:len(UBND)]}\n{authority[len(UBND) + 1:]}"
    return [line.strip() for line in authority.splitlines() if line.strip()]


def parent_lines(plan):
    return [line.strip() for line in (plan.authority_parent or "").splitlines() if line.strip()]


def number_symbol(plan, symbol=None):
    """"843/KH-UBND"; one-digit numbers take a leading zero (ND30); blank when not issued yet."""
    symbol = symbol or plan.symbol
    number = (plan.number or "").strip()
    if number.isdigit() and len(number) == 1:
        number = "0" + number
    return f"{number}/{symbol}" if number else f"{BLANK}/{symbol}"


def date_words(plan):
    """"ngày 29 tháng 11 năm 2023", the date as written when partial, or blanks when none."""
    if plan.date_text:
        return plan.date_text.strip()
    if plan.issued_on:
        return vnformat.format_date_words(plan.issued_on)
    return f"ngày{BLANK}tháng{BLANK}năm{BLANK}"


def place(plan):
    return plan.place or plan.unit.short_name


def place_date(plan):
    return f"{place(plan)}, {date_words(plan)}"


def about(plan):
    """The plan's subject after "về": "thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024"."""
    title = " ".join((plan.title or "").split())
    if title.isupper():
        return title.lower()
    return title[:1].lower() + title[1:]


def ref_line(plan, *, kind=None, number=None, date=None):
    """"(Kèm theo Kế hoạch số 843/KH-UBND ngày 29 tháng 11 năm 2023 của UBND phường Mỹ Phú về thực
    hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024)". ``kind``, ``number`` and ``date`` name
    another document the table goes with (the period report: "Báo cáo", its blank number)."""
    kind = kind or (plan.doc_type or "KẾ HOẠCH").capitalize()
    subject = f" về {about(plan)}" if kind.lower() == "kế hoạch" and plan.title else ""
    return (f"(Kèm theo {kind} số {number or number_symbol(plan)} {date or date_words(plan)} "
            f"của UBND {unit_phrase(plan.unit)}{subject})")


def header(plan, *, symbol=None, draft=None):
    """Context for templates/reports/_doc_head.html."""
    return {
        "parent_lines": parent_lines(plan),
        "authority_lines": authority_lines(plan),
        "number_line": f"Số: {number_symbol(plan, symbol)}",
        "place_date": place_date(plan),
        "draft": plan.status == PlanStatus.DRAFT if draft is None else draft,
    }


# --- body -------------------------------------------------------------------------------------

# A document symbol or a date written with slashes: "42/NQ-HĐND", "843/KH-UBND", "20-KH/ĐU",
# "3390/UBND-TCKH", "23/8/2023". A line never breaks inside one (ND30 writes them as one word).
SYMBOL = re.compile(r"(?<![\w/])\d+\w*(?:[-/]\w+)*/\w+(?:[-/.]\w+)*")


def keep_symbols(text):
    """HTML of ``text`` (escaped) with each document symbol in a <span class="nobr">."""
    text = "" if text is None else str(text)
    out, last = [], 0
    for match in SYMBOL.finditer(text):
        out += [escape(text[last:match.start()]), f'<span class="nobr">{escape(match.group())}</span>']
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above

BULLET = re.compile(r"^\s*[-+•]\s+")


def paragraphs(body):
    """Paragraphs are separated by a blank line; a line starting with "- " is its own paragraph."""
    out = []
    for block in re.split(r"\n\s*\n", (body or "").replace("\r\n", "\n").strip()):
        current = []
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if BULLET.match(line):
                if current:
                    out.append({"text": " ".join(current), "bullet": False})
                    current = []
                out.append({"text": line, "bullet": True})
            else:
                current.append(line)
        if current:
            out.append({"text": " ".join(current), "bullet": False})
    return out


def heading_style(heading, level):
    if heading.lower().startswith("phần "):
        return "part"
    return ("muc", "khoan", "tiet")[min(level, 2)]


def sections(plan):
    """The section tree flattened in reading order: dicts with level, heading, style, paragraphs."""
    return [{"level": level, "heading": section.heading, "style": heading_style(section.heading, level),
             "paragraphs": paragraphs(section.body), "include_indicators": section.include_indicators}
            for section, level in section_tree(plan)]


# --- indicators -------------------------------------------------------------------------------

@dataclass
class SectorGroup:
    number: int          # 1-based position, printed as a Roman numeral
    sector: PlanSector
    items: list = field(default_factory=list)   # (indicator, depth) in reading order

    @property
    def roman(self):
        return periods.roman(self.number)


_shared_groups = ContextVar("shared_groups", default=None)


@contextmanager
def sharing_groups():
    """Within the block, :func:`indicator_groups` reads each plan's indicators once (the download menu
    asks several documents whether they have content). For reading only: a write inside the block
    would not be seen."""
    token = _shared_groups.set({})
    try:
        yield
    finally:
        _shared_groups.reset(token)


def indicator_groups(plan, *, only=None):
    """Indicators grouped by the plan's sectors (plans.selectors.indicator_groups), numbered
    from I; a sector left without indicators is left out.

    ``only`` names a boolean field ("in_appendix", "in_main_list"); an indicator left out
    takes its sub-items with it (core.tree.depth_first leaves out rows whose parent is not kept).
    """
    shared = _shared_groups.get()
    if shared is None:
        selected = selector_groups(plan)
    else:
        if plan.pk not in shared:
            shared[plan.pk] = selector_groups(plan)
        selected = shared[plan.pk]
    groups = []
    for sector, rows in selected:
        items = depth_first([row for row, _depth in rows if getattr(row, only)]) if only else rows
        if items:
            groups.append(SectorGroup(number=len(groups) + 1, sector=sector, items=items))
    return groups


# --- period results ---------------------------------------------------------------------------

class Figure(Decimal):
    """A number with its unit, for a cell that prints the unit through its number format: the
    XLSX writer gives "%" a percent format (the cell holds 0.88 for 88%), "‰" and any other unit
    a custom format naming it, so the cell stays a number a spreadsheet can sum."""

    def __new__(cls, value, unit=""):
        self = super().__new__(cls, value)
        self.unit = (unit or "").strip()
        return self


def results_for(plan, period):
    """{indicator id: Result} for one period, the reported figure preferred over an estimate."""
    by_indicator = {}
    for result in Result.objects.filter(indicator__plan=plan, period=period).select_related("indicator"):
        by_indicator.setdefault(result.indicator_id, []).append(result)
    return {pk: pick_result(results) for pk, results in by_indicator.items()}


@dataclass
class ResultLine:
    indicator: PlanIndicator
    depth: int
    assessment: Assessment

    @property
    def result(self):
        return self.assessment.result

    @property
    def value(self):
        """The period's result as the ward wrote it (its words when there are any, else the figure
        in the indicator's unit), typed for the XLSX: a Decimal when it is a bare number, a number
        with its unit ("88%" -> 0.88 in a percent cell) when the display is the figure and its rate
        unit, else text (a ratio, an estimate, words)."""
        result = self.result
        display = self.assessment.written_display
        if result is not None and result.value is not None:
            figure = shown_in_unit(result.value, self.indicator.unit_of_measure)
            if display == vnformat.format_number(figure):
                return figure
            unit = self.indicator.target_unit
            if unit and display == vnformat.format_number(figure) + unit:
                return Figure(figure, unit)
        return display

    @property
    def status(self):
        return self.assessment.status

    @property
    def status_label(self):
        return str(self.assessment.label or "")

    @property
    def percent(self):
        return self.assessment.percent


def result_groups(plan, period):
    """Indicator groups whose items are ResultLines for ``period``, evaluated by the rule of
    :mod:`indicators.counting` (parents and their sub-items settled)."""
    results = results_for(plan, period)
    groups = indicator_groups(plan)
    for group in groups:
        rows = [(indicator, depth, assess(indicator, results.get(indicator.pk), period))
                for indicator, depth in group.items]
        group.items = [ResultLine(*row) for row in counting.settle_tree(rows)]
    return groups


def result_counts(groups):
    """({status: n}, total) of the indicators that count in ``result_groups``."""
    return counting.count((line.indicator, line.depth, line.assessment) for group in groups for line in group.items)


def period_label(period):
    return periods.label(period)


def period_phrase(period, year):
    """"năm 2024", "quý I năm 2024", "6 tháng năm 2024"."""
    if period == "y":
        return f"năm {year}"
    return f"{periods.label_in_sentence(period)} năm {year}"


def ascii_slug(text):
    return slugify(text.replace("đ", "d").replace("Đ", "D"))


def file_stem(plan, stem, period=None):
    """An ASCII-safe file name stem: "ke-hoach-my-phu-2024", "bieu-02-q1-my-phu-2024".

    ``stem`` is the document's own (reports.documents.registry); ``period`` is given for the
    documents of a period only."""
    parts = [stem]
    if period:
        parts.append(period)
    parts += [ascii_slug(plan.unit.short_name) or f"don-vi-{plan.unit_id}", str(plan.year)]
    if plan.revision:
        parts.append(f"dc{plan.revision}")
    return "-".join(parts)
