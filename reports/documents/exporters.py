"""One export interface for every official document (STYLE.md rule 12), and each document's builders.

An exporter takes an already-scoped plan and returns ``(filename, content_type, bytes)``; the
exporters are made from the descriptions in :mod:`reports.documents.registry`. Table documents
come from the row generators in :mod:`reports.documents.sheets`, consumed by both the XLSX
writer and the PDF template.
"""

from core import appendix_refs, periods
from core.evaluation import summary_sentence
from plans import selectors
from plans.models import Appendix, Section

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


class EmptyDocument(LookupError):
    """The document would have no content for this plan; ``reason`` says why, in Vietnamese."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


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

    def empty_reason(self, plan):
        """Why this document has nothing to print for ``plan`` (Vietnamese), or "" when it has content."""
        return self.document.empty_reason(plan) if self.document.empty_reason else ""

    def render(self, plan, *, period=None):
        """Raises EmptyDocument rather than print an empty table."""
        period = check_period(period)
        reason = self.empty_reason(plan)
        if reason:
            raise EmptyDocument(reason)
        return self.filename(plan, period), self.content_type, self.content(plan, period)

    def content(self, plan, period):
        return WRITERS[self.extension](self._build(plan, period))


# What a document's builder returns for each format, and what writes it to bytes:
#   pdf:  [(template, context, landscape)], each part its own document with its own page numbers;
#   xlsx: [(sheet title, table)].
WRITERS = {"pdf": pdf.write_pdf, "xlsx": xlsx.write_workbook}
CONTENT_TYPES = {"pdf": PDF_CONTENT_TYPE, "xlsx": xlsx.CONTENT_TYPE}
FORMAT_LABELS = {"pdf": "PDF", "xlsx": "Excel"}


# --- when a document has no content (reports.documents.registry.Document.empty_reason) ----------

def no_appendix(plan):
    """The Phụ lục is printed only for a plan that carries one (Plan.appendices): on its own it says
    "Kèm theo Kế hoạch số ...", which would not be true of a plan without it (Nhơn Hưng's)."""
    if Appendix.PHU_LUC not in (plan.appendices or ()):
        return ("Kế hoạch không kèm theo Phụ lục chỉ tiêu (xem mục “Văn bản kèm theo kế hoạch” khi sửa "
                "kế hoạch) nên không in Phụ lục.")
    return no_appendix_rows(plan)


def no_appendix_rows(plan):
    if not docs.indicator_groups(plan, only="in_appendix"):
        return "Kế hoạch chưa có chỉ tiêu nào đưa vào phụ lục nên không có Phụ lục chỉ tiêu."
    return ""


def no_tasks(plan):
    if not sheets.Bieu01Table(plan).has_rows():
        return "Kế hoạch chưa có nhiệm vụ nào nên không có Biểu số 01."
    return ""


def no_body(plan):
    """A plan with no legal basis, no opening and no section (plans.selectors.has_body): nothing to
    print yet."""
    if selectors.has_body(plan):
        return ""
    return "Kế hoạch chưa có nội dung (căn cứ, lời mở đầu hay mục nào) nên chưa in được."


def no_indicators(plan):
    if not docs.indicator_groups(plan):
        return "Kế hoạch chưa có chỉ tiêu nào nên không có kết quả chỉ tiêu để in."
    return ""


# --- shared contexts --------------------------------------------------------------------------

SIGNER_DEFAULT = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
KEPT_ON_FILE = "Lưu: VT."


def signer_context(plan):
    """Signature block and Nơi nhận. With no authority and no title the block still prints the
    usual "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" with an empty name line, for the office to sign."""
    fields = (plan.signer_authority, plan.signer_title)
    if not any((f or "").strip() for f in fields):
        fields = SIGNER_DEFAULT
    lines = [line for field in fields for line in (field or "").splitlines() if line.strip()]
    recipients = [r if r.lstrip().startswith("-") else f"- {r}" for r in plan.recipients or [] if str(r).strip()]
    return {"signer_lines": lines, "signer_name": plan.signer_name, "recipients": recipients}


def table_part(table):
    context = {"doc_title": table.title, "label": table.label, "title": table.title,
               "ref_line": table.ref_line, "unit_line": table.unit_line, "grid": sheets.pdf_context(table)}
    return "reports/table_document.html", context, table.landscape


def plan_context(plan):
    sections = docs.sections(plan)
    lists_indicators = any(section["include_indicators"] for section in sections)
    return {
        "doc_title": f"{plan.doc_type} {plan.title}",
        "plan": plan,
        "head": docs.header(plan),
        "preamble": docs.paragraphs(plan.preamble),
        "sections": sections,
        "indicator_groups": docs.indicator_groups(plan, only="in_main_list"),
        "appendix_sentence": appendix_sentence(plan) if lists_indicators else "",
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

def attached(plan):
    """[(code, sheet title, table)] of the appendices the ward chose (Plan.appendices), in the order
    Phụ lục, Biểu 01, Biểu 02, each left out when it would be empty. Biểu 01/02 report the year
    ``plan.appendix_year`` (the plan of that year of the same unit) and refer to ``plan``."""
    chosen = set(plan.appendices or ())
    tables = []
    if Appendix.PHU_LUC in chosen and not no_appendix_rows(plan):
        tables.append((Appendix.PHU_LUC.value, "Phụ lục", sheets.AppendixTable(plan)))
    source = appendix_source(plan) if chosen & {Appendix.BIEU01, Appendix.BIEU02} else None
    if source is not None:
        ref = docs.ref_line(plan)
        if Appendix.BIEU01 in chosen and not no_tasks(source):
            tables.append((Appendix.BIEU01.value, "Biểu 01", sheets.Bieu01Table(source, ref_line=ref)))
        if Appendix.BIEU02 in chosen and not no_indicators(source):
            tables.append((Appendix.BIEU02.value, "Biểu 02", sheets.Bieu02Table(source, ref_line=ref)))
    return tables


def attached_tables(plan):
    """[(sheet title, table)] of what :func:`attached` prints after the plan."""
    return [(title, table) for _code, title, table in attached(plan)]


def cited_appendices(plan):
    """[(where, code, snippet)]: the appendices the plan's own text cites (core.appendix_refs)."""
    texts = [("Lời mở đầu", plan.preamble)]
    texts += [(f"Mục “{s.heading[:40]}”", f"{s.heading}\n{s.body}")
              for s in Section.objects.filter(plan=plan).order_by("order", "pk")]
    return [(where, code, snippet) for where, text in texts for code, snippet in appendix_refs.citations(text)]


def appendix_lines(plan):
    """What the issue page warns about when the text's citations and the attached appendices disagree."""
    return appendix_refs.mismatches(cited_appendices(plan), [code for code, _t, _table in attached(plan)])


def appendix_sentence(plan):
    """The generated sentence naming the attached appendices, printed after the plan's indicator
    list; "" when the ward's text cites appendices itself (the issue page checks those) or none
    is attached."""
    if cited_appendices(plan):
        return ""
    return appendix_refs.reference_sentence([code for code, _t, _table in attached(plan)],
                                            doc_type=plan.doc_type or "Kế hoạch")


def appendix_source(plan):
    """The plan whose tasks and results Biểu 01/02 attached to ``plan`` report: ``plan`` itself, or
    the one in force of ``plan.appendix_year`` for the same unit (the 2024 plan attaches the results
    of 2023). ``plan`` was scoped by the caller; the other plan is of the same unit."""
    year = plan.appendix_year or plan.year
    if year == plan.year:
        return plan
    plans = type(plan).objects.with_unit()
    return plans.in_force(plan.unit_id, year) or plans.filter(unit_id=plan.unit_id, year=year).order_by(
        "-revision").first()


def plan_pdf(plan, period):
    parts = [("reports/plan_document.html", plan_context(plan), False)]
    return parts + [table_part(table) for _title, table in attached_tables(plan)]


def plan_xlsx(plan, period):
    tables = attached_tables(plan)
    if not tables:
        raise EmptyDocument("Kế hoạch không kèm theo phụ lục hay biểu nào nên không có bảng tính.")
    return tables


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


REPORT_NUMBER = docs.BLANK + "/BC-UBND"
BLANK_DATE = f"ngày{docs.BLANK}tháng{docs.BLANK}năm{docs.BLANK}"


def report_ref_line(plan):
    """"(Kèm theo Báo cáo số      /BC-UBND ngày   tháng   năm    của UBND phường Mỹ Phú)"."""
    return docs.ref_line(plan, kind="Báo cáo", number=REPORT_NUMBER, date=BLANK_DATE)


def report_pdf(plan, period):
    """The period report (ND30 "Báo cáo"): head, summary, Nơi nhận and signature from the plan, then
    its Biểu số 02 "Kèm theo Báo cáo số ..."."""
    table = sheets.Bieu02Table(plan, period=period, ref_line=report_ref_line(plan))
    signer = signer_context(plan)
    context = {
        "doc_title": report_title(plan, period),
        "plan": plan,
        "head": {**docs.header(plan, symbol="BC-UBND", draft=False),
                 "number_line": "Số: " + REPORT_NUMBER,
                 "place_date": f"{docs.place(plan)}, {BLANK_DATE}"},
        "report_title": report_title(plan, period),
        "intro": [report_summary(plan, period, table.groups())],
        **signer,
        "recipients": signer["recipients"] or [f"- {KEPT_ON_FILE}"],
    }
    return [("reports/period_report.html", context, False), table_part(table)]


def report_xlsx(plan, period):
    return [("Báo cáo", ReportTable(plan, period=period, ref_line=report_ref_line(plan)))]
