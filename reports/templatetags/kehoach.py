"""The one template tag library of the project: {% load kehoach %} in every template that needs one.

It sits in reports/, the top layer, so it may use every app: permissions, Vietnamese number
display, an indicator's evaluation, comments, the plan page's download menu, issued documents.
"""

from html import escape

from django import template
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.safestring import mark_safe

from core import periods
from core.vnformat import format_number, format_percent
from indicators.assess import assess, pick_result, target_meaning
from indicators.models import EvaluationStatus
from reports.dashboard.comments import CommentForm, comment_context
from reports.documents.documents import keep_symbols, sharing_groups
from reports.documents.exporters import FORMAT_LABELS
from reports.documents.registry import DOCUMENTS
from reports.issuing import services as issuing
from reports.todo import items as todo
from units import permissions

register = template.Library()


@register.filter
def nobreak_symbols(text):
    """Body text of a document with "42/NQ-HĐND" kept on one line (reports.documents.documents)."""
    return keep_symbols(text)


# --- permissions ---------------------------------------------------------------------------------

@register.simple_tag(takes_context=True)
def can(context, action, obj):
    """{% can "edit" plan.unit as may_edit %}: a named predicate from units.permissions."""
    user = context["request"].user
    return permissions.PREDICATES[action](user, obj)


@register.filter
def supervises(user):
    """Whether the navbar shows the dashboard."""
    return permissions.supervises(user)


@register.filter
def manages_people(user):
    """Whether the navbar shows "Người dùng"."""
    return permissions.manages_people(user)


# --- numbers and words ---------------------------------------------------------------------------

@register.filter
def vn_number(value, decimals=None):
    """1234.5 -> "1.234,5"; ``|vn_number:2`` rounds to two decimals; None or "" -> ""."""
    if value is None or value == "":
        return ""
    return format_number(value, None if decimals in (None, "") else int(decimals))


@register.filter
def vn_percent(value):
    """8.5 -> "8,5%"; None -> ""."""
    return format_percent(value)


@register.filter
def roman(n):
    return periods.roman(int(n))


@register.filter(name="first_lower")
def first_lower_filter(text):
    """"Quý I" -> "quý I": a label inside a sentence (Django's |lower would give "quý i")."""
    return periods.first_lower(str(text))


# --- indicators ----------------------------------------------------------------------------------

# {{ indicator|target_meaning }}: "≥ 90%", the compact meaning shown next to the target as written.
register.filter("target_meaning", target_meaning)


@register.simple_tag
def evaluation(indicator, period):
    """{% evaluation ind period as ev %}: uses ``indicator.period_results`` prefetched by the view."""
    results = getattr(indicator, "period_results", None)
    if results is None:
        results = indicator.results.filter(period=period)
    return assess(indicator, pick_result(results), period)


# --- documents and issuing -----------------------------------------------------------------------

@register.simple_tag
def issued_documents(plan):
    """{% issued_documents plan as issued_docs %}: what templates/issuing/_plan_status.html shows."""
    return issuing.issued_documents(plan)


@register.inclusion_tag("documents/_download_menu.html")
def document_menu(plan, period, frozen=None):
    """The plan page's download menu, one link per document and format of reports.documents.registry.

    Documents of a period link with ``?period=``; once the plan is issued (``frozen``: its frozen
    document) the plan's PDF is the frozen file.
    """
    label = periods.label(period)
    items, period_started = [], False
    with sharing_groups():   # the documents' empty_reason read the plan's indicators once
        reasons = [document.empty_reason(plan) if document.empty_reason else "" for document in DOCUMENTS]
    for document, reason in zip(DOCUMENTS, reasons, strict=True):   # a reason is shown, never a dead link
        for index, fmt in enumerate(document.formats):
            text = f"{document.menu.format(period=label)} ({FORMAT_LABELS[fmt]})"
            url = reverse("documents:download", args=[plan.pk, document.doc, fmt])
            empty = reason
            if document.uses_period:
                url += f"?period={period}"
            elif document.frozen_when_issued and fmt == "pdf" and frozen is not None:
                text = f"{document.menu} ({FORMAT_LABELS[fmt]}, bản phát hành)"
                url = reverse("issuing:download_frozen", args=[plan.pk])
                empty = ""   # the stored file, whatever the plan holds now
            items.append({"text": text, "url": url, "hint": document.hint if index == 0 else "",
                          "empty": empty,
                          "period_starts": document.uses_period and not period_started})
            period_started = period_started or document.uses_period
    return {"items": items, "period_label": label}


# --- the dashboard -------------------------------------------------------------------------------

@register.simple_tag(takes_context=True)
def plan_comments(context, plan):
    """Comments of ``plan`` for the include on the plan page: list, permission and an empty form.
    Showing them marks them read for the to-do list (reports.todo)."""
    user = context["request"].user
    found = comment_context(plan, user)
    todo.mark_comments_read(user, plan, found["comments"])
    return {**found, "comment_form": CommentForm(plan=plan)}


@register.simple_tag(takes_context=True)
def todo_count(context):
    """The navbar's number of to-do items (reports.todo), computed once per request."""
    request = context.get("request")
    return todo.todo_count(request) if request is not None else 0


# The overview's counts: (attribute, CSS class of the cell).
_COUNTS = (*((status, f"status-{status}") for status in EvaluationStatus.values),
           ("on_time", ""), ("late", "text-warning-emphasis"), ("missing", "text-danger"),
           ("overdue_tasks", "text-danger"))


@register.simple_tag
def overview_row(r):
    """One <tr> of the dashboard overview. Built here rather than in the template: a province has
    over a hundred rows of sixteen cells, and the template engine's per-variable cost (then
    format_html's per-argument escaping) made it the largest part of the page's time. Every text
    is escaped; the numbers come from vn_number/vn_percent (digits, dots, commas, %)."""
    url = r.url  # reversed once
    name = f'<a href="{escape(url)}">{escape(str(r.name))}</a>' if url else escape(str(r.name))
    counts = "".join(
        f'<td class="text-end {css}{"" if value else " zero"}">{vn_number(value)}</td>'
        for css, value in ((css, getattr(r, attr)) for attr, css in _COUNTS))
    updated = dateformat.format(timezone.localtime(r.last_update), "d/m/Y H:i") if r.last_update else ""
    return mark_safe(  # noqa: S308 - every interpolated text is escaped above
        f"<tr><td>{name}</td><td>{escape(str(r.kind))}</td><td>{escape(str(r.plan_status))}</td>"
        f'<td class="text-end">{vn_number(r.indicators)}</td><td class="text-end">{vn_percent(r.reported_share)}</td>'
        f"{counts}<td>{updated}</td></tr>")
