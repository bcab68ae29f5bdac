from django import template

from reports.comments import CommentForm, comment_context
from reports.vnformat import format_number, format_percent
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


@register.filter
def supervises(user):
    """Whether the navbar shows the dashboard."""
    return permissions.supervises(user)
