"""Tables of the supervisors' dashboard (django-tables2): sortable columns, a totals row in the footer."""

from datetime import UTC, datetime

import django_tables2 as tables
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from core.vnformat import format_number, format_percent
from indicators.models import EvaluationStatus

STATUS_TITLES = dict(EvaluationStatus.choices)


def _total(name):
    def footer(table):
        totals = getattr(table, "totals", None)
        return "" if totals is None else _number(getattr(totals, name))
    return footer


def _number(value):
    if value is None or value == "":
        return ""
    return format_number(value)


class NumberColumn(tables.Column):
    def __init__(self, *args, total=True, **kwargs):
        kwargs.setdefault("attrs", {"td": {"class": "text-end"}, "th": {"class": "text-end"},
                                    "tf": {"class": "text-end"}})
        if total:
            kwargs.setdefault("footer", _total(kwargs.get("accessor") or ""))
        super().__init__(*args, **kwargs)

    def render(self, value):
        if value == 0:
            return format_html('<span class="zero">0</span>')
        return _number(value)


def _count(name, title, css=""):
    return NumberColumn(verbose_name=title, accessor=name, footer=_total(name), default=0,
                        attrs={"td": {"class": f"text-end {css}"}, "th": {"class": "text-end"},
                               "tf": {"class": "text-end"}})


class OverviewTable(tables.Table):
    name = tables.Column(verbose_name=_("Đơn vị"), footer=_("Tổng cộng"), attrs={"tf": {"class": "fw-bold"}})
    kind = tables.Column(verbose_name=_("Loại"))
    plan_status = tables.Column(verbose_name=_("Kế hoạch"), accessor="plan_status")
    indicators = _count("indicators", _("Số chỉ tiêu"))
    reported_share = NumberColumn(verbose_name=_("Đã báo cáo"), accessor="reported_share", footer=lambda table:
                                  format_percent(table.totals.reported_share) if table.totals else "")
    exceeded = _count("exceeded", STATUS_TITLES["exceeded"], "status-exceeded")
    met = _count("met", STATUS_TITLES["met"], "status-met")
    near = _count("near", STATUS_TITLES["near"], "status-near")
    not_met = _count("not_met", STATUS_TITLES["not_met"], "status-not_met")
    in_progress = _count("in_progress", STATUS_TITLES["in_progress"], "status-in_progress")
    no_data = _count("no_data", STATUS_TITLES["no_data"], "status-no_data")
    on_time = _count("on_time", _("Nộp đúng hạn"))
    late = _count("late", _("Nộp muộn"), "text-warning-emphasis")
    missing = _count("missing", _("Chưa nộp"), "text-danger")
    overdue_tasks = _count("overdue_tasks", _("Nhiệm vụ quá hạn"), "text-danger")
    last_update = tables.Column(verbose_name=_("Cập nhật lần cuối"))

    class Meta:
        attrs = {"class": "table table-sm table-hover table-bordered align-middle dashboard-table"}
        order_by = ("name",)
        template_name = "tables/bootstrap5_vi.html"

    def __init__(self, data, *args, totals=None, **kwargs):
        self.totals = totals
        super().__init__(data, *args, **kwargs)

    def render_name(self, value, record):
        if record.url:
            return format_html('<a href="{}">{}</a>', record.url, value)
        return value

    def render_reported_share(self, value):
        return format_percent(value)

    def render_last_update(self, value):
        return date_format(localtime(value), "d/m/Y H:i") if value else ""

    def order_last_update(self, data, is_descending):
        floor = datetime.min.replace(tzinfo=UTC)
        data.data.sort(key=lambda r: r.last_update or floor, reverse=is_descending)
        return data, True

    def order_reported_share(self, data, is_descending):
        data.data.sort(key=lambda r: r.reported_share if r.reported_share is not None else -1,
                       reverse=is_descending)
        return data, True


class ComparisonTable(tables.Table):
    rank = tables.Column(verbose_name=_("TT"), empty_values=(), orderable=False)
    name = tables.Column(verbose_name=_("Đơn vị"), footer=_("Tổng hợp"), orderable=False)
    target = tables.Column(footer=lambda table: table.total_cell("target"), verbose_name=_("Kế hoạch"), empty_values=(), orderable=False)
    result = tables.Column(footer=lambda table: table.total_cell("result"), verbose_name=_("Kết quả"), empty_values=(), orderable=False,
                           attrs={"td": {"class": "text-end"}, "tf": {"class": "text-end"}})
    percent = tables.Column(footer=lambda table: table.total_cell("percent"), verbose_name=_("% so với kế hoạch"), empty_values=(), orderable=False,
                            attrs={"td": {"class": "text-end"}, "tf": {"class": "text-end"}})
    status = tables.Column(footer=lambda table: table.total_cell("status"), verbose_name=_("Đánh giá"), empty_values=(), orderable=False)
    reported = tables.Column(footer=lambda table: table.total_cell("reported"), verbose_name=_("Số đơn vị báo cáo"), empty_values=(), orderable=False,
                             attrs={"td": {"class": "text-end"}, "tf": {"class": "text-end"}})

    class Meta:
        attrs = {"class": "table table-sm table-hover table-bordered align-middle dashboard-table"}
        template_name = "tables/bootstrap5_vi.html"

    def __init__(self, data, *args, totals=None, unit_of_measure="", **kwargs):
        self.totals, self.uom = totals, unit_of_measure
        super().__init__(data, *args, **kwargs)
        self._rank = 0

    def total_cell(self, name):
        return getattr(self, f"render_{name}")(self.totals) if self.totals is not None else ""

    def render_rank(self):
        self._rank += 1
        return getattr(self, "first_rank", 1) + self._rank - 1

    def render_name(self, value, record):
        return format_html('<a href="{}">{}</a>', record.url, value) if record.url else value

    def render_target(self, record):
        if record.is_single:
            return record.target_text
        if record.aggregation == "sum" and record.target_sum is not None:
            return format_number(record.target_sum)
        return ""

    def render_result(self, record):
        value = record.value
        if value is None:
            return ""
        if record.aggregation == "count_met" and not record.is_single:
            return f"{record.met}/{record.units} {_('đơn vị đạt')}"
        return format_percent(value) if self.uom == "%" else format_number(value)

    def render_percent(self, record):
        return format_percent(record.percent)

    def render_status(self, record):
        if record.is_single:
            status = record.unit_status or "no_data"
            return format_html('<span class="status-{}">{}</span>', status, EvaluationStatus(status).label)
        return f"{record.met}/{record.units} {_('đạt, vượt')}"

    def render_reported(self, record):
        return f"{record.reported}/{record.units}"
