"""One export interface for every official document (STYLE.md rule 12), and each document's builders.

An exporter takes an already-scoped plan and returns ``(filename, content_type, bytes)``; the
exporters are made from the descriptions in :mod:`reports.documents.registry`. Table documents
come from the row generators in :mod:`reports.documents.sheets`, consumed by both the XLSX
writer and the PDF template.
"""

from core import periods
from core.evaluation import summary_sentence

from . import documents as docs
from . import pdf, sheets, xlsx

PDF_CONTENT_TYPE = "application/pdf"


class BadPeriod(ValueError):
    """The period code is not one of core.periods.PERIOD_CODES."""


def check_period(period):
    period = period or "y"
    if period not in periods.PERIOD_CODES:
        raise BadPeriod(period)
    return period


class Exporter:
    """One document in one format, made from its description (reports.documents.registry.Document)."""

    def __init__(self, document, fmt):
        self.document, self.extension = document, fmt
        self.doc, self.uses_period = document.doc, document.uses_period
        self.identifier = f"{document.doc}.{fmt}"
        self.verbose_name = f"{document.title} ({FORMAT_LABELS[fmt]})"
        self.content_type = CONTENT_TYPES[fmt]
        self._build = document.formats[fmt]

    def filename(self, plan, period):
        stem = docs.file_stem(plan, self.document.stem, period if self.uses_period else None)
        return f"{stem}.{self.extension}"

    def render(self, plan, *, period=None):
        period = check_period(period)
        return self.filename(plan, period), self.content_type, self.content(plan, period)

    def content(self, plan, period):
        return WRITERS[self.extension](self._build(plan, period))


# What a document's builder returns for each format, and what writes it to bytes:
#   pdf:  [(template, context, landscape)], each part its own document with its own page numbers;
#   xlsx: [(sheet title, table)].
WRITERS = {"pdf": pdf.write_pdf, "xlsx": xlsx.write_workbook}
CONTENT_TYPES = {"pdf": PDF_CONTENT_TYPE, "xlsx": xlsx.CONTENT_TYPE}
FORMAT_LABELS = {"pdf": "PDF", "xlsx": "Excel"}


# --- shared contexts --------------------------------------------------------------------------

def signer_context(plan):
    lines = [line for field in (plan.signer_authority, plan.signer_title)
             for line in (field or "").splitlines() if line.strip()]
    recipients = [r if r.lstrip().startswith("-") else f"- {r}" for r in plan.recipients or [] if str(r).strip()]
    return {"signer_lines": lines, "signer_name": plan.signer_name, "recipients": recipients}


def table_part(table):
    context = {"doc_title": table.title, "label": table.label, "title": table.title,
               "ref_line": table.ref_line, "unit_line": table.unit_line, "grid": sheets.pdf_context(table)}
    return "reports/table_document.html", context, table.landscape


def plan_context(plan):
    return {
        "doc_title": f"{plan.doc_type} {plan.title}",
        "plan": plan,
        "head": docs.header(plan),
        "preamble": docs.paragraphs(plan.preamble),
        "sections": docs.sections(plan),
        "indicator_groups": docs.indicator_groups(plan, only="in_main_list"),
        **signer_context(plan),
    }


class ReportTable(sheets.Bieu02Table):
    """Biểu số 02 opened by the generated summary: the period report as a sheet."""

    label = "Báo cáo"

    @property
    def title(self):
        return report_title(self.plan, self.period).upper()

    @property
    def intro(self):
        return [report_summary(self.plan, self.period, self.groups())]


def report_title(plan, period):
    return f"Kết quả thực hiện các chỉ tiêu phát triển kinh tế - xã hội {docs.period_phrase(period, plan.year)}"


def report_summary(plan, period, groups):
    """"Kết quả thực hiện 22 chỉ tiêu ... có 06 chỉ tiêu vượt 100% ...": counts of the indicators
    that count, by the status that counts (indicators.counting)."""
    counts, total = docs.result_counts(groups)
    return summary_sentence(counts, total, year=plan.year) + "."


# --- the documents: one builder per document and format ---------------------------------------

def plan_pdf(plan, period):
    parts = [("reports/plan_document.html", plan_context(plan), False)]
    if docs.indicator_groups(plan, only="in_appendix"):
        parts.append(table_part(sheets.AppendixTable(plan)))
    return parts


def plan_xlsx(plan, period):
    return [("Phụ lục", sheets.AppendixTable(plan)), ("Biểu 01", sheets.Bieu01Table(plan, period=period)),
            ("Biểu 02", sheets.Bieu02Table(plan, period=period))]


def appendix_pdf(plan, period):
    return [table_part(sheets.AppendixTable(plan))]


def appendix_xlsx(plan, period):
    return [("Phụ lục", sheets.AppendixTable(plan))]


def bieu01_pdf(plan, period):
    return [table_part(sheets.Bieu01Table(plan, period=period))]


def bieu01_xlsx(plan, period):
    return [("Biểu 01", sheets.Bieu01Table(plan, period=period))]


def bieu02_pdf(plan, period):
    return [table_part(sheets.Bieu02Table(plan, period=period))]


def bieu02_xlsx(plan, period):
    return [("Biểu 02", sheets.Bieu02Table(plan, period=period))]


def report_pdf(plan, period):
    table = sheets.Bieu02Table(plan, period=period)
    context = {
        "doc_title": report_title(plan, period),
        "plan": plan,
        "head": {**docs.header(plan, symbol="BC-UBND", draft=False),
                 "number_line": "Số: " + docs.BLANK + "/BC-UBND",
                 "place_date": f"{docs.place(plan)}, ngày{docs.BLANK}tháng{docs.BLANK}năm{docs.BLANK}"},
        "report_title": report_title(plan, period),
        "intro": [report_summary(plan, period, table.groups())],
        **signer_context(plan),
        "recipients": [],
    }
    return [("reports/period_report.html", context, False), table_part(table)]


def report_xlsx(plan, period):
    return [("Báo cáo", ReportTable(plan, period=period))]
