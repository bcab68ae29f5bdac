"""The plan page's indicator table body, written out in Python (as plans/grid.py does for the results
grid): one ``<tr>`` per sector and per indicator.

Through the template engine each of some forty rows cost a URL reversal, a translation, two filters
and a tag, most of the page's CPU; here the history URL is reversed once and the rest is string work.
The HTML is the one templates/plans/plan_detail.html wrote (classes, ``ps-N`` indents, the history
link, status classes). Every text is escaped with ``conditional_escape``; numbers come from
core.vnformat.
"""

from django.urls import reverse
from django.utils.html import conditional_escape as esc
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.periods import roman
from core.vnformat import format_number
from indicators.assess import target_meaning

from .grid import disagreement_html


def indicator_rows_html(plan, groups):
    """The ``<tbody>`` rows of the plan page for ``groups`` ([(plan_sector, [(indicator, depth, ev)])],
    plans.selectors.evaluated_groups)."""
    if not groups:
        return mark_safe(f'<tr><td colspan="8" class="text-muted">{esc(_("Kế hoạch chưa có chỉ tiêu."))}</td></tr>')
    history = reverse("plans:plan_history", args=[plan.pk])
    link_title, link_text = esc(_("Ai đã sửa chỉ tiêu và kết quả này, lúc nào")), esc(_("lịch sử"))
    cause_label = esc(_("Nguyên nhân"))
    parts = []
    for number, (sector, rows) in enumerate(groups, 1):
        parts.append(f'<tr class="sector-row"><th scope="row">{roman(number)}</th>'
                     f'<td colspan="7">{esc(sector.name)}</td></tr>')
        for ind, depth, ev in rows:
            note = f'<div class="small text-muted">{esc(ind.note)}</div>' if ind.note else ""
            percent = f"{format_number(ev.percent, 2)}%" if ev.percent is not None else ""
            cause = getattr(ev.result, "cause", "") if ev.result is not None else ""
            cause = f'<div class="small text-muted cause">{cause_label}: {esc(cause)}</div>' if cause else ""
            row_class, name_class = (' class="sub-item"', f' class="ps-{depth + 2}"') if depth else ("", "")
            parts.append(
                f'<tr{row_class}><td>{esc(ind.stt)}</td><td{name_class}>{esc(ind.name)}{note}\n'
                f'<a class="small text-muted history-link" href="{history}?indicator={ind.pk}" '
                f'title="{link_title}">{link_text}</a></td>'
                f'<td>{esc(ind.unit_of_measure)}</td><td class="target-as-written">{esc(ind.target_text)}</td>'
                f'<td class="target-meaning">{esc(target_meaning(ind))}</td><td>{esc(ev.written_display or "")}</td>'
                f'<td>{percent}</td><td class="status-{esc(ev.status)}">{esc(ev.label)}{disagreement_html(ev)}{cause}'
                f'</td></tr>')
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped above
