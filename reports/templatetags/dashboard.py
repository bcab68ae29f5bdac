from html import escape

from django import template
from django.utils import dateformat, timezone
from django.utils.safestring import mark_safe

from core.periods import first_lower
from core.vnformat import format_number, format_percent
from reports.comments import CommentForm, comment_context
from units import permissions

register = template.Library()


@register.simple_tag(takes_context=True)
def plan_comments(context, plan):
    """Comments of ``plan`` for the include on the plan page: list, permission and an empty form."""
    user = context["request"].user
    return {**comment_context(plan, user), "comment_form": CommentForm(plan=plan)}


@register.filter
def vn_number(value):
    """1234.5 -> "1.234,5"; None -> ""."""
    return format_number(value) if value is not None and value != "" else ""


@register.filter
def vn_percent(value):
    return format_percent(value)


@register.filter(name="first_lower")
def first_lower_filter(text):
    """"Quý I" -> "quý I": a label inside a sentence (Django's |lower would give "quý i")."""
    return first_lower(str(text))


@register.filter
def supervises(user):
    """Whether the navbar shows the dashboard."""
    return permissions.supervises(user)


# The overview's counts: (attribute, CSS class of the cell).
_COUNTS = (("exceeded", "status-exceeded"), ("met", "status-met"), ("near", "status-near"),
           ("not_met", "status-not_met"), ("in_progress", "status-in_progress"), ("no_data", "status-no_data"),
           ("on_time", ""), ("late", "text-warning-emphasis"), ("missing", "text-danger"),
           ("overdue_tasks", "text-danger"))


@register.simple_tag
def overview_row(r):
    """One <tr> of the dashboard overview. Built here rather than in the template: a province has
    over a hundred rows of sixteen cells, and the template engine's per-variable cost (then
    format_html's per-argument escaping) made it the largest part of the page's time. Every text
    is escaped; the numbers come from vn_number/vn_percent (digits, dots, commas, %)."""
    name = f'<a href="{escape(r.url)}">{escape(str(r.name))}</a>' if r.url else escape(str(r.name))
    counts = "".join(
        f'<td class="text-end {css}{"" if value else " zero"}">{vn_number(value)}</td>'
        for css, value in ((css, getattr(r, attr)) for attr, css in _COUNTS))
    updated = dateformat.format(timezone.localtime(r.last_update), "d/m/Y H:i") if r.last_update else ""
    return mark_safe(  # noqa: S308 - every interpolated text is escaped above
        f"<tr><td>{name}</td><td>{escape(str(r.kind))}</td><td>{escape(str(r.plan_status))}</td>"
        f'<td class="text-end">{vn_number(r.indicators)}</td><td class="text-end">{vn_percent(r.reported_share)}</td>'
        f"{counts}<td>{updated}</td></tr>")
