"""XLSX exports of the dashboard: one row generator per table, through the shared XLSX writer."""

from core.evaluation import STATUS_LABELS
from core.periods import first_lower
from core.periods import label as period_label
from reports.documents import sheets, xlsx


def _scope(root):
    return root.name if root else "Toàn quốc"


class OverviewSheet(sheets.Table):
    label = "Tổng hợp"
    landscape = True
    columns = (
        sheets.Column("Đơn vị", 30), sheets.Column("Loại", 10), sheets.Column("Kế hoạch", 16),
        sheets.Column("Số chỉ tiêu", 9, "right", "int"), sheets.Column("Đã báo cáo (%)", 10, "right", "number"),
        sheets.Column("Vượt", 7, "right", "int"), sheets.Column("Đạt", 7, "right", "int"),
        sheets.Column("Đạt trên 90%", 8, "right", "int"), sheets.Column("Không đạt", 8, "right", "int"),
        sheets.Column("Đang thực hiện", 9, "right", "int"), sheets.Column("Chưa có kết quả", 9, "right", "int"),
        sheets.Column("Nộp đúng hạn", 8, "right", "int"), sheets.Column("Nộp muộn", 8, "right", "int"),
        sheets.Column("Chưa nộp", 8, "right", "int"), sheets.Column("Nhiệm vụ quá hạn", 9, "right", "int"),
        sheets.Column("Cập nhật lần cuối", 16, "center"),
    )

    def __init__(self, rows, totals, *, root, year, period):
        super().__init__(None, period=period)
        self.items, self.totals, self.root, self.year = rows, totals, root, year

    @property
    def title(self):
        return (f"TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM {self.year} – {period_label(self.period).upper()} – "
                f"{_scope(self.root).upper()}")

    @property
    def ref_line(self):
        return f"(Số liệu đến {self.period_label()})"

    def period_label(self):
        return first_lower(period_label(self.period))

    def _cells(self, r):
        last = r.last_update.strftime("%d/%m/%Y %H:%M") if r.last_update else ""
        return (r.name, r.kind, r.plan_status, r.indicators, r.reported_share, r.exceeded, r.met, r.near,
                r.not_met, r.in_progress, r.no_data, r.on_time, r.late, r.missing, r.overdue_tasks, last)

    def body_rows(self):
        for r in self.items:
            yield sheets.Row(self._cells(r))
        t = self.totals
        yield sheets.Row(("Tổng cộng", "", t.plan_status, *self._cells(t)[3:15], ""), "sector")


class ComparisonSheet(sheets.Table):
    label = "So sánh"
    columns = (
        sheets.Column("TT", 5, "center"), sheets.Column("Đơn vị", 32), sheets.Column("Kế hoạch", 18, "center"),
        sheets.Column("Kết quả", 14, "right", "number"), sheets.Column("% so với kế hoạch", 11, "right", "number"),
        sheets.Column("Đánh giá", 14, "center"), sheets.Column("Đơn vị đạt / số đơn vị", 12, "center"),
    )

    def __init__(self, rows, totals, *, root, year, period, catalog):
        super().__init__(None, period=period)
        self.items, self.totals, self.root, self.year, self.catalog = rows, totals, root, year, catalog

    @property
    def title(self):
        return f"{self.catalog.name.upper()} – NĂM {self.year} – {period_label(self.period).upper()}"

    @property
    def ref_line(self):
        return f"({_scope(self.root)}; đơn vị tính: {self.catalog.unit_of_measure or '–'})"

    def _cells(self, i, r):
        target = r.target_text if r.is_single else (r.target_sum if r.aggregation == "sum" else "")
        status = STATUS_LABELS.get(r.unit_status or "no_data", "") if r.is_single else ""
        return (i, r.name, target, r.value, r.percent, status, f"{r.met}/{r.units}")

    def body_rows(self):
        for i, r in enumerate(self.items, 1):
            yield sheets.Row(self._cells(i, r))
        if self.totals is not None:
            yield sheets.Row(("", *self._cells("", self.totals)[1:]), "sector")


class DashboardXlsx:
    """The exporter interface of reports/documents/exporters.py for a dashboard table."""

    extension = "xlsx"
    content_type = xlsx.CONTENT_TYPE

    def __init__(self, identifier, verbose_name, sheet_class, stem):
        self.identifier, self.verbose_name, self.sheet_class, self.stem = identifier, verbose_name, sheet_class, stem

    def render(self, rows, totals, **context):
        table = self.sheet_class(rows, totals, **context)
        filename = f"{self.stem}-{context['year']}-{context['period']}.xlsx"
        return filename, self.content_type, xlsx.write_workbook([(table.label, table)])


# The supervisors' dashboard: exporters of already-scoped, already-filtered rows.
DASHBOARD_EXPORTERS = {
    "overview.xlsx": DashboardXlsx("overview.xlsx", "Bảng theo dõi (XLSX)", OverviewSheet, "theo-doi"),
    "compare.xlsx": DashboardXlsx("compare.xlsx", "So sánh chỉ tiêu (XLSX)", ComparisonSheet, "so-sanh"),
}
