"""Every official document of a plan, described once.

The PDF and XLSX exporters, the download view and its URL, the ``render_plan`` command and the
plan page's download menu ({% document_menu %} in reports/templatetags/kehoach.py) are all
made from :data:`DOCUMENTS`. A new document is one more entry here with its builders in
:mod:`reports.documents.exporters`. A plain tuple: we have no plugins.
"""

from dataclasses import dataclass

from . import exporters as e

PLAN, PERIOD = "plan", "period"   # what a document covers: the whole plan, or one reporting period


@dataclass(frozen=True)
class Document:
    doc: str              # identifier in URLs and on the command line: "bieu01"
    title: str            # Vietnamese title: "Biểu số 01 – nhiệm vụ"
    stem: str             # ASCII file name stem: "bieu-01" (then the period, unit and year)
    formats: dict         # {"pdf" | "xlsx": builder(plan, period)}, in menu order
    covers: str = PLAN    # PLAN or PERIOD (a PERIOD document needs ?period=, "y" by default)
    menu: str = ""        # label in the plan page's menu; "{period}" is the period chosen there
    hint: str = ""        # the menu's tooltip, on the document's first format
    frozen_when_issued: bool = False   # once issued, the menu offers the frozen PDF instead
    empty_reason: object = None   # plan -> "" or why the document has nothing to print (no empty document)

    @property
    def uses_period(self):
        return self.covers == PERIOD


DOCUMENTS = (
    Document("plan", "Kế hoạch", "ke-hoach", {"pdf": e.plan_pdf, "xlsx": e.plan_xlsx},
             menu="Kế hoạch", frozen_when_issued=True, empty_reason=e.no_body),
    Document("appendix", "Phụ lục chỉ tiêu", "phu-luc", {"pdf": e.appendix_pdf, "xlsx": e.appendix_xlsx},
             menu="Phụ lục chỉ tiêu", empty_reason=e.no_appendix),
    Document("bieu01", "Biểu số 01 – nhiệm vụ", "bieu-01", {"pdf": e.bieu01_pdf, "xlsx": e.bieu01_xlsx},
             covers=PERIOD, menu="Biểu 01 – {period}", hint="Biểu số 01: nhiệm vụ và kết quả thực hiện",
             empty_reason=e.no_tasks),
    Document("bieu02", "Biểu số 02 – chỉ tiêu", "bieu-02", {"pdf": e.bieu02_pdf, "xlsx": e.bieu02_xlsx},
             covers=PERIOD, menu="Biểu 02 – {period}", hint="Biểu số 02: kết quả các chỉ tiêu và đánh giá",
             empty_reason=e.no_indicators),
    Document("report", "Báo cáo kết quả kỳ", "bao-cao", {"pdf": e.report_pdf, "xlsx": e.report_xlsx},
             covers=PERIOD, menu="Báo cáo {period}", empty_reason=e.no_indicators),
)

EXPORTERS = {(d.doc, fmt): e.Exporter(d, fmt) for d in DOCUMENTS for fmt in d.formats}
DOCS = tuple(d.doc for d in DOCUMENTS)
FORMATS = tuple(dict.fromkeys(fmt for d in DOCUMENTS for fmt in d.formats))


def get_exporter(doc, fmt):
    """The exporter for ``doc`` in ``fmt``, or None."""
    return EXPORTERS.get((doc, fmt))
