"""The results grid's rows, written out in Python: one ``<tr>`` per indicator.

A plan has about forty rows of ten cells, each with labels, inputs and a form. Through the template
engine (an include per row, some seventy variable look-ups and a dozen translations each) the rows
were most of the grid page's time (288 ms in all on a busy machine); written here they cost a
fraction of it. The HTML is the one the template wrote (ids, classes, ``form=`` links to the row's
form in its first cell, hx-* attributes, labels, ``data-label``): static/js/results.js, htmx's inline
save, screen readers and the phone card layout (static/css/app.css) depend on it.

Every text is escaped with ``conditional_escape`` (what the template engine does); the numbers come
from core.vnformat. A row without a bound form (nothing typed) builds no form: its values come from
the stored result (``indicators.forms.result_initial``), as the form's initial values would.
"""

from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.vnformat import format_number
from indicators.assess import target_meaning
from indicators.forms import TEXT_PLACEHOLDER, result_initial, result_placeholder
from indicators.models import Judgement

ASKS_CAUSE = ("not_met", "near")


class _Inputs:
    """The values, errors and ids of one row's inputs: a bound form's (a refused or conflicting save,
    shown again as typed) or, without one, the stored result's."""

    def __init__(self, indicator, result, form):
        self.prefix = f"r{indicator.pk}"
        if form is None:
            self.values, self.errors, self.confirm = result_initial(result), {}, ""
        else:
            self.values = {name: form[name].value() for name in form.fields}
            self.errors, self.confirm = form.errors, form.confirm_value

    def value(self, name):
        value = self.values.get(name)
        return "" if value is None else value

    def name(self, name):
        return f"{self.prefix}-{name}"

    def id(self, name):
        return f"id_{self.prefix}-{name}"

    def field_errors(self, name):
        return "".join(f'<div class="invalid-feedback d-block" id="{self.id(name)}-error">{esc(e)}</div>'
                       for e in self.errors.get(name, ()))

    def invalid(self, name):
        """The attributes a widget takes for a refused value (units.forms.StyledMixin and Django)."""
        return (f' aria-describedby="{self.id(name)}-error" aria-invalid="true"'
                if self.errors.get(name) else "")


def _label(css, for_id, text):
    return f'<label class="{css}" for="{for_id}">{esc(text)}</label>'


def _box(f, name, label, attrs):
    """A labelled text box with its errors, as the form's TextInput writes it (``attrs``: the rest)."""
    value = f.value(name)
    value = f' value="{esc(value)}"' if value != "" else ""
    invalid = " is-invalid" if f.errors.get(name) else ""
    return (_label("visually-hidden", f.id(name), label)
            + f'<input type="text" name="{f.name(name)}"{value}{attrs} class="form-control form-control-sm{invalid}"'
              f' form="{f.prefix}-form"{f.invalid(name)} id="{f.id(name)}">'
            + f.field_errors(name))


def _qualitative_inputs(f, short):
    """The words box and the judgement, written as the form's widgets would write them."""
    chosen = str(f.value("judgement"))
    options = "".join(f'<option value="{esc(code)}"{" selected" if str(code) == chosen else ""}>{esc(label)}</option>'
                      for code, label in Judgement.choices)
    judged_invalid = " is-invalid" if f.errors.get("judgement") else ""
    return (
        _box(f, "text", _("Kết quả (ghi bằng lời): %(name)s") % {"name": short},
             f' maxlength="2000" placeholder="{esc(TEXT_PLACEHOLDER)}"')
        + _label("visually-hidden", f.id("judgement"), _("Đánh giá: %(name)s") % {"name": short})
        + f'<select name="{f.name("judgement")}" class="form-select form-select-sm{judged_invalid}"'
          f' form="{f.prefix}-form"{f.invalid("judgement")} id="{f.id("judgement")}">{options}</select>'
    )


def _figure_input(indicator, f, short):
    """The figure box: a number, numerator/denominator or an amount ("1,5 tỷ")."""
    placeholder = result_placeholder(indicator)
    hint = f' placeholder="{esc(placeholder)}"' if placeholder else ""
    return _box(f, "result", _("Kết quả: %(name)s") % {"name": short},
                f' maxlength="100" inputmode="decimal" autocomplete="off"{hint}')


def _conflict(row, f, row_url):
    conflict, indicator = row["conflict"], row["indicator"]
    theirs, empty = conflict["theirs"], _("(trống)")
    who = ""
    if theirs is not None and theirs.updated_by:
        who = f" – {esc(theirs.updated_by.get_full_name() or theirs.updated_by.username)}"
    when = ""
    if theirs is not None and theirs.updated_at:
        when = f", {dateformat.format(timezone.localtime(theirs.updated_at), 'H:i d/m/Y')}"
    grid_url = reverse("plans:result_list", args=[row["plan"].pk])
    return (
        '<div class="conflict small mt-1" role="alert">'
        f'<div>{esc(_("Người khác vừa lưu kết quả này trước bạn."))}</div>'
        f'<div>{esc(_("Trong hệ thống"))}: <strong class="theirs">{esc(conflict["theirs_text"] or empty)}</strong>'
        f'{who}{when}</div>'
        f'<div>{esc(_("Bạn nhập"))}: <strong class="yours">{esc(conflict["yours"] or empty)}</strong></div>'
        '<div class="d-flex gap-1 mt-1">'
        f'<a class="btn btn-sm btn-outline-secondary" href="{grid_url}?period={esc(row["period"])}'
        f'#r-{indicator.pk}" hx-get="{row_url}?depth={row["depth"]}" hx-target="#r-{indicator.pk}"'
        f' hx-swap="outerHTML">{esc(_("Giữ giá trị trong hệ thống"))}</a>'
        f'<button class="btn btn-sm btn-warning" form="{f.prefix}-form" name="overwrite" value="1">'
        f'{esc(_("Ghi đè bằng giá trị của tôi"))}</button></div></div>'
    )


def _cause(row, f, ev, short):
    asks = ev.status in ASKS_CAUSE
    cause = f.value("cause")
    if not (asks or cause):
        return ""
    if not row["editable"]:
        return esc(ev.result.cause) if ev.result is not None else ""
    label = _("Chưa đạt chỉ tiêu: ghi nguyên nhân") if asks else _("Nguyên nhân")
    return (
        f'<label class="{"small text-danger" if asks else "visually-hidden"}" for="{f.id("cause")}">{esc(label)}'
        f'<span class="visually-hidden"> – {esc(short)}</span></label>'
        f'<input type="text" name="{f.name("cause")}" id="{f.id("cause")}" form="{f.prefix}-form"'
        f' value="{esc(cause)}" maxlength="2000" autocomplete="off"'
        f' class="form-control form-control-sm{" is-invalid" if asks and not cause else ""}"'
        f'{" data-needs-cause" if asks else ""}>'
    )


def disagreement_html(ev):
    """"Theo số liệu: …" under the official's evaluation when the figures say otherwise."""
    if not ev.disagrees:
        return ""
    percent = f" ({format_number(ev.computed_percent, 2)}%)" if ev.computed_percent is not None else ""
    title = _("Đánh giá ghi tay khác với kết quả tính từ số liệu; văn bản in đánh giá ghi tay.")
    return mark_safe(  # noqa: S308 - every interpolated text is escaped
        f'<div class="small text-warning-emphasis disagreement" title="{esc(title)}">'
        f'{esc(_("Theo số liệu"))}: {esc(ev.computed_label)}{percent}</div>')


def row_html(row, csrf_token):
    """One ``<tr>`` of the grid from the context ``plans.views._result_row`` builds."""
    indicator, ev, editable, depth = row["indicator"], row["ev"], row["editable"], row["depth"]
    form = row.get("form")
    f = _Inputs(indicator, ev.result, form)
    qualitative = indicator.target_kind == "qualitative"
    short = Truncator(indicator.name).chars(80)
    row_url = reverse("plans:result_save", args=[row["plan"].pk, row["period"], indicator.pk])
    css = "result-row" + (" sub-item" if depth else "") + (" table-warning" if row.get("conflict") else "")
    confirm = row.get("row_submit_confirm")
    confirm = f' data-submit-confirm="{esc(confirm)}"' if confirm else ""
    parts = [f'<tr id="r-{indicator.pk}" class="{css}"{confirm}><td class="cell-stt">{esc(indicator.stt)}']
    if editable:
        parts.append(
            f'<form id="{f.prefix}-form" class="result-form" method="post" action="{row_url}" hx-post="{row_url}"'
            f' hx-target="#r-{indicator.pk}" hx-swap="outerHTML" hx-sync="this:drop">'
            f'<input type="hidden" name="csrfmiddlewaretoken" value="{esc(csrf_token)}">'
            f'<input type="hidden" name="depth" value="{depth}">'
            f'<input type="hidden" name="{f.name("version")}" value="{esc(f.value("version"))}" id="{f.id("version")}">'
            f'<input type="hidden" name="{f.name("rid")}" value="{esc(f.value("rid"))}" id="{f.id("rid")}">'
            + ("" if qualitative else
               f'<input type="hidden" name="{f.name("confirm_small")}" value="{esc(f.confirm)}">')
            + "</form>")
    meaning = "" if qualitative else f'<div class="target-meaning">{esc(target_meaning(indicator))}</div>'
    parts.append(
        f'</td><td class="cell-name{f" ps-{int(depth) + 2}" if depth else ""}">{esc(indicator.name)}</td>'
        f'<td data-label="{esc(_("Đơn vị tính"))}">{esc(indicator.unit_of_measure)}</td>'
        f'<td data-label="{esc(_("Kế hoạch"))}"><span class="target-as-written">{esc(indicator.target_text)}</span>'
        f'{meaning}</td><td class="result-cell" data-label="{esc(_("Kết quả"))}">')
    if editable:
        parts.append(_qualitative_inputs(f, short) if qualitative else _figure_input(indicator, f, short))
        parts.extend(f'<div class="invalid-feedback d-block">{esc(e)}</div>'
                     for e in (form.non_field_errors() if form is not None else ()))
        if row.get("conflict"):
            parts.append(_conflict(row, f, row_url))
    else:
        parts.append(esc(ev.result_display))
    parts.append(f'</td><td class="text-center cell-estimate" data-label="{esc(_("Ước"))}">')
    if editable:
        parts.append(
            _label("visually-hidden", f.id("is_estimate"), _("Ước thực hiện: %(name)s") % {"name": short})
            + f'<input type="checkbox" name="{f.name("is_estimate")}" class="form-check-input" form="{f.prefix}-form"'
              f' id="{f.id("is_estimate")}"{" checked" if f.values.get("is_estimate") else ""}>')
    elif ev.result is not None and ev.result.is_estimate:
        parts.append(esc(_("ước")))
    percent = f"{format_number(ev.percent, 2)}%" if ev.percent is not None else ""
    parts.append(
        f'</td><td class="text-end percent" data-label="{esc(_("% kế hoạch"))}">{percent}</td>'
        f'<td class="status status-{esc(ev.status)}" data-label="{esc(_("Đánh giá"))}">{esc(ev.label)}'
        f'{disagreement_html(ev)}</td><td class="cause-cell">{_cause(row, f, ev, short)}</td>'
        '<td class="text-nowrap">')
    if editable:
        parts.append(f'<button class="btn btn-sm btn-outline-primary" form="{f.prefix}-form">{esc(_("Lưu"))}</button>')
    if row.get("saved"):
        parts.append(f'<span class="saved small text-success ms-1">{esc(_("Đã lưu"))}</span>')
    parts.append("</td></tr>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above
