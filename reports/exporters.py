"""One export interface for every official document (STYLE.md rule 12).

An exporter takes an already-scoped plan and returns ``(filename, content_type, bytes)``. Table
documents come from the row generators in :mod:`reports.sheets`, consumed by both the XLSX
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
    identifier = ""        # "<doc>.<format>"
    doc = ""               # plan | appendix | bieu01 | bieu02 | report
    verbose_name = ""
    extension = ""
    content_type = ""
    uses_period = False

    def filename(self, plan, period):
        stem = docs.file_stem(plan, self.doc, period if self.uses_period else None)
        return f"{stem}.{self.extension}"

    def render(self, plan, *, period=None):
        period = check_period(period)
        return self.filename(plan, period), self.content_type, self.content(plan, period)

    def content(self, plan, period):
        raise NotImplementedError


class PdfExporter(Exporter):
    extension = "pdf"
    content_type = PDF_CONTENT_TYPE

    def parts(self, plan, period):
        """[(template, context, landscape)]: each part is its own document with its own page numbers."""
        raise NotImplementedError

    def content(self, plan, period):
        return pdf.write_pdf(self.parts(plan, period))


class XlsxExporter(Exporter):
    extension = "xlsx"
    content_type = xlsx.CONTENT_TYPE

    def sheets(self, plan, period):
        """[(sheet title, table)]."""
        raise NotImplementedError

    def content(self, plan, period):
        return xlsx.write_workbook(self.sheets(plan, period))


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
    """"Kết quả thực hiện 22 chỉ tiêu ... có 06 chỉ tiêu vượt 100% ...": counts of each status."""
    counts, total = {}, 0
    for group in groups:
        for line in group.items:
            total += 1
            counts[line.status] = counts.get(line.status, 0) + 1
    return summary_sentence(counts, total, year=plan.year) + "."


# --- the documents ----------------------------------------------------------------------------

class PlanPdf(PdfExporter):
    identifier, doc, verbose_name = "plan.pdf", "plan", "Kế hoạch (PDF)"

    def parts(self, plan, period):
        parts = [("reports/plan_document.html", plan_context(plan), False)]
        appendix = sheets.AppendixTable(plan)
        if next(iter(docs.indicator_groups(plan, only="in_appendix")), None) is not None:
            parts.append(table_part(appendix))
        return parts


class PlanXlsx(XlsxExporter):
    identifier, doc, verbose_name = "plan.xlsx", "plan", "Các biểu của kế hoạch (XLSX)"

    def sheets(self, plan, period):
        return [("Phụ lục", sheets.AppendixTable(plan)), ("Biểu 01", sheets.Bieu01Table(plan, period=period)),
                ("Biểu 02", sheets.Bieu02Table(plan, period=period))]


class AppendixPdf(PdfExporter):
    identifier, doc, verbose_name = "appendix.pdf", "appendix", "Phụ lục chỉ tiêu (PDF)"

    def parts(self, plan, period):
        return [table_part(sheets.AppendixTable(plan))]


class AppendixXlsx(XlsxExporter):
    identifier, doc, verbose_name = "appendix.xlsx", "appendix", "Phụ lục chỉ tiêu (XLSX)"

    def sheets(self, plan, period):
        return [("Phụ lục", sheets.AppendixTable(plan))]


class Bieu01Pdf(PdfExporter):
    identifier, doc, verbose_name = "bieu01.pdf", "bieu01", "Biểu số 01 – nhiệm vụ (PDF)"
    uses_period = True

    def parts(self, plan, period):
        return [table_part(sheets.Bieu01Table(plan, period=period))]


class Bieu01Xlsx(XlsxExporter):
    identifier, doc, verbose_name = "bieu01.xlsx", "bieu01", "Biểu số 01 – nhiệm vụ (XLSX)"
    uses_period = True

    def sheets(self, plan, period):
        return [("Biểu 01", sheets.Bieu01Table(plan, period=period))]


class Bieu02Pdf(PdfExporter):
    identifier, doc, verbose_name = "bieu02.pdf", "bieu02", "Biểu số 02 – chỉ tiêu (PDF)"
    uses_period = True

    def parts(self, plan, period):
        return [table_part(sheets.Bieu02Table(plan, period=period))]


class Bieu02Xlsx(XlsxExporter):
    identifier, doc, verbose_name = "bieu02.xlsx", "bieu02", "Biểu số 02 – chỉ tiêu (XLSX)"
    uses_period = True

    def sheets(self, plan, period):
        return [("Biểu 02", sheets.Bieu02Table(plan, period=period))]


class ReportPdf(PdfExporter):
    identifier, doc, verbose_name = "report.pdf", "report", "Báo cáo kết quả kỳ (PDF)"
    uses_period = True

    def parts(self, plan, period):
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


class ReportXlsx(XlsxExporter):
    identifier, doc, verbose_name = "report.xlsx", "report", "Báo cáo kết quả kỳ (XLSX)"
    uses_period = True

    def sheets(self, plan, period):
        return [("Báo cáo", ReportTable(plan, period=period))]
