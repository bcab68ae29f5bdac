"""django-tables2 tables of the plan pages."""

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html

from core.vnformat import format_percent

from .models import Task


class TaskTable(tables.Table):
    """Tasks of one plan; overdue rows (due date passed, not done) carry the class ``overdue``."""

    stt = tables.Column(verbose_name="STT", orderable=False, default="")
    title = tables.Column(verbose_name="Nhiệm vụ", attrs={"td": {"class": "task-title"}})
    lead = tables.Column(verbose_name="Bộ phận chủ trì", accessor="lead__name", default="",
                         order_by=("lead__order", "lead__name", "order"))
    due_date = tables.Column(verbose_name="Thời hạn", order_by=("due_date", "order"), default="",
                             attrs={"td": {"class": "text-nowrap"}})
    progress = tables.Column(verbose_name="Tiến độ", attrs={"td": {"class": "text-end"}}, default="")
    result_text = tables.Column(verbose_name="Kết quả thực hiện", orderable=False, default="")
    status = tables.Column(verbose_name="Trạng thái", attrs={"td": {"class": "text-nowrap"}})
    edit = tables.Column(verbose_name="", empty_values=(), orderable=False, attrs={"td": {"class": "text-nowrap"}})

    class Meta:
        model = Task
        fields = ()
        sequence = ("stt", "title", "lead", "due_date", "progress", "result_text", "status", "edit")
        attrs = {"class": "table table-sm table-bordered align-middle task-table", "thead": {"class": "table-light"}}
        row_attrs = {"class": lambda record: "overdue" if record.is_overdue else "",
                     "id": lambda record: f"nv-{record.pk}"}
        empty_text = "Không có nhiệm vụ nào."

    def __init__(self, *args, may_edit=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_edit:
            self.exclude = ("edit",)

    def render_due_date(self, value, record):
        text = value.strftime("%d/%m/%Y")
        if record.is_overdue:
            return format_html('{} <span class="badge bg-danger">quá hạn</span>', text)
        return text

    def render_progress(self, value):
        return format_percent(value)   # "40%", "94,79%"

    def render_status(self, record):
        return format_html('<span class="task-status task-status-{}">{}</span>', record.status,
                           record.get_status_display())

    def render_edit(self, record):
        url = reverse("plans:task_edit", args=[record.plan_id, record.pk])
        return format_html('<a class="btn btn-sm btn-outline-primary" href="{}">Cập nhật</a>', url)

    def value_due_date(self, value):
        return value
