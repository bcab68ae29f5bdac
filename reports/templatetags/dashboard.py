from django import template

from reports.comments import CommentForm, comment_context
from reports.vnformat import format_number, format_percent
from units.models import RoleKind

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
    """Whether the navbar shows the dashboard: superusers and holders of a supervisor or admin role."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    cached = user.__dict__.get("_supervises")
    if cached is None:
        cached = user.__dict__["_supervises"] = user.unit_roles.filter(
            role__in=[RoleKind.SUPERVISOR, RoleKind.ADMIN]).exists()
    return cached
