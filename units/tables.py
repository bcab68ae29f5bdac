"""django-tables2 tables of the units pages."""

import django_tables2 as tables
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from .models import Unit


class PersonTable(tables.Table):
    """The people of one unit (from units.people.people_of, each with ``here``, ``elsewhere`` and
    ``manageable`` set by the view)."""

    name = tables.Column(verbose_name="Họ và tên", accessor="username", orderable=False)
    email = tables.Column(verbose_name="E-mail", default="", orderable=False, attrs={"th": {"class": "text-nowrap"}})
    roles = tables.Column(verbose_name="Vai trò", accessor="pk", orderable=False)
    status = tables.Column(verbose_name="Trạng thái", accessor="is_active", orderable=False,
                           attrs={"td": {"class": "text-nowrap"}})
    actions = tables.TemplateColumn(template_name="units/_person_actions.html", verbose_name="", orderable=False,
                                    attrs={"td": {"class": "person-actions"}})

    class Meta:
        model = get_user_model()
        fields = ()
        sequence = ("name", "email", "roles", "status", "actions")
        attrs = {"class": "table table-sm table-bordered align-middle person-table", "thead": {"class": "table-light"}}
        row_attrs = {"id": lambda record: f"nd-{record.pk}",
                     "class": lambda record: "" if record.is_active else "text-muted"}
        empty_text = "Đơn vị chưa có người dùng nào."

    def render_name(self, record):
        return format_html('{}<div class="small text-muted">{}</div>', record.get_full_name() or record.username,
                           record.username)

    def render_roles(self, record):
        here = ", ".join(str(r.get_role_display()) for r in record.here)
        department = next((r.department for r in record.here if r.department_id), None)
        if department is not None:
            here = f"{here} · {department.name}"
        if not record.elsewhere:
            return here
        return format_html('{}<div class="small text-muted">Vai trò khác: {}</div>', here, format_html_join(
            "; ", "{} · {}", ((r.get_role_display(), r.unit.name) for r in record.elsewhere)))

    def render_status(self, value):
        if value:
            return format_html('<span class="badge bg-success">{}</span>', "đang hoạt động")
        return format_html('<span class="badge bg-secondary">{}</span>', "ngừng hoạt động")


class PeopleUnitTable(tables.Table):
    """Units whose people a person manages, with how many people hold a role on each."""

    name = tables.Column(verbose_name="Đơn vị", order_by=("path",))
    kind = tables.Column(verbose_name="Loại", accessor="get_kind_display", orderable=False)
    people = tables.Column(verbose_name="Số người dùng", attrs={"td": {"class": "text-end"}})

    class Meta:
        model = Unit
        fields = ()
        sequence = ("name", "kind", "people")
        attrs = {"class": "table table-sm table-bordered align-middle", "thead": {"class": "table-light"}}
        empty_text = "Không có đơn vị nào."

    def render_name(self, record, value):
        ended = format_html(' <span class="badge bg-secondary">{}</span>', "hết hiệu lực") if record.valid_to else ""
        return format_html('<a href="{}">{}</a>{}', reverse("units:people_list", args=[record.pk]), value, ended)
