"""Every official document, keyed by (doc, format). A plain dict: we have no plugins."""

from . import exporters as e
from .dashboard_export import ComparisonSheet, DashboardXlsx, OverviewSheet

EXPORTERS = {
    (exporter.doc, exporter.extension): exporter
    for exporter in (e.PlanPdf(), e.PlanXlsx(), e.AppendixPdf(), e.AppendixXlsx(), e.Bieu01Pdf(),
                     e.Bieu01Xlsx(), e.Bieu02Pdf(), e.Bieu02Xlsx(), e.ReportPdf(), e.ReportXlsx())
}
DOCS = ("plan", "appendix", "bieu01", "bieu02", "report")
FORMATS = ("pdf", "xlsx")


def get_exporter(doc, fmt):
    """The exporter for ``doc`` in ``fmt``, or None."""
    return EXPORTERS.get((doc, fmt))

# The supervisors' dashboard: exporters of already-scoped, already-filtered rows.
DASHBOARD_EXPORTERS = {
    "overview.xlsx": DashboardXlsx("overview.xlsx", "Bảng theo dõi (XLSX)", OverviewSheet, "theo-doi"),
    "compare.xlsx": DashboardXlsx("compare.xlsx", "So sánh chỉ tiêu (XLSX)", ComparisonSheet, "so-sanh"),
}
