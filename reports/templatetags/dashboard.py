from django import template

from reports.comments import CommentForm, comment_context

register = template.Library()


@register.simple_tag(takes_context=True)
def plan_comments(context, plan):
    """Comments of ``plan`` for the include on the plan page: list, permission and an empty form."""
    user = context["request"].user
    return {**comment_context(plan, user), "comment_form": CommentForm(plan=plan)}
