"""A person's "Việc cần làm": what is due, reopened, unread or waiting for them, each item linking to
the page where it is done. The one module the page, the navbar count and the e-mail reminders read.

Entry points: :func:`todo_list` (the whole list for a user and a day), :func:`todo_count` (the
navbar's number, kept in Django's cache per person and day for ``COUNT_SECONDS``),
:func:`mark_comments_read` (the plan page records that its comments were seen), :func:`todo_changed`
(every write that can change someone's list forgets every cached count; reports/apps.py wires it to
the saves and deletions of plans, reports, tasks, comments, roles and their audit rows).

Everything comes through units.scoping with ``held=True``: a person's list is what the roles they
hold give them (a superuser without roles has an empty list, not the whole country's). Items:

* reports of the plan in force (this year and last) due within ``DUE_SOON_DAYS`` or overdue and not
  submitted, for units the person edits (plans.schedule: every month and the year). A plan created
  late in its year is not asked for the months long past: its list starts at the report that was
  last due before its creation (plans.schedule.first_asked); the earlier ones stay missing on the
  supervisors' dashboard;
* periods reopened by a supervisor, with the reason, for units the person edits;
* tasks of those plans due within ``DUE_SOON_DAYS`` or overdue. Users are not linked to a
  department (units.Department has no members), so "my department's tasks" are the tasks of the
  units the person edits;
* comments on plans the person reads, written by someone else and not yet seen on the plan page;
* drafts waiting to be issued, for leaders (the issuing roles);
* wards whose report of the latest due month is past its day and not submitted, for supervisors
  (the dashboard's own rules, reports.dashboard.queries; a late submission ends the item).

At most eight queries whatever the number of units, plans or items (tests/reports/test_todo.py).
The to-do page itself is always computed afresh (and refreshes the cached count); the navbar's count
is at most ``COUNT_SECONDS`` old only if a write escaped :func:`todo_changed` (a bulk update without
an audit row), and follows the date.
"""

import time
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.periods import label_in_sentence, latest_due_period
from core.vnformat import format_date_short
from plans.models import OVERDUE_UNTIL, Comment, PeriodReport, Plan, PlanStatus, ReportStatus, Task
from plans.schedule import reports_due_by
from plans.selectors import has_body, with_has_sections
from reports.dashboard.queries import due_passed, latest_plans, with_report_state
from reports.models import CommentRead
from units.permissions import ISSUE_ROLES, REOPEN_ROLES, WRITE_ROLES
from units.scoping import scoped

DUE_SOON_DAYS = 7
COUNT_SECONDS = 60       # how long the navbar's count is kept
GENERATION_KEY = "todo:generation"
SHOWN_PER_SECTION = 30   # a section lists this many items and counts the rest

REPORT, REOPENED, TASK, COMMENT, ISSUE, WARD = "report", "reopened", "task", "comment", "issue", "ward"
SECTIONS = (
    (REPORT, gettext_lazy("Báo cáo kỳ sắp đến hạn hoặc quá hạn")),
    (REOPENED, gettext_lazy("Báo cáo cấp trên mở lại")),
    (TASK, gettext_lazy("Nhiệm vụ sắp đến hạn hoặc quá hạn")),
    (COMMENT, gettext_lazy("Nhận xét chưa đọc")),
    (ISSUE, gettext_lazy("Kế hoạch chờ ban hành")),
    (WARD, gettext_lazy("Đơn vị chưa nộp báo cáo đúng hạn")),
)
DUE_SOON, OVERDUE = "due_soon", "overdue"


@dataclass
class Item:
    kind: str
    key: str          # what the item is about, unique within its kind ("<plan id>:<period>", a task id)
    state: str        # "due_soon", "overdue", ...: a reminder is sent once per (kind, key, state)
    title: str
    detail: str
    url: str
    unit: str = ""
    due: date | None = None

    @property
    def overdue(self):
        return self.state in (OVERDUE, "missing")


@dataclass
class Section:
    kind: str
    label: str
    items: list = field(default_factory=list)
    more_url: str = ""

    @property
    def shown(self):
        return self.items[:SHOWN_PER_SECTION]

    @property
    def hidden(self):
        return max(len(self.items) - SHOWN_PER_SECTION, 0)


@dataclass
class TodoList:
    sections: list

    @property
    def items(self):
        return [item for section in self.sections for item in section.items]

    @property
    def count(self):
        return sum(len(section.items) for section in self.sections)

    def __bool__(self):
        return self.count > 0


def todo_list(user, *, today=None):
    """The to-do list of ``user`` on ``today`` (the Vietnam date by default). At most eight queries: the
    kinds of role the person holds, then only the sections those roles can fill."""
    today = today or timezone.localdate()
    held = list(user.unit_roles.values_list("role", "unit_id", "department_id")) if user.is_authenticated else []
    kinds = {role for role, _unit, _department in held}
    found = {}
    if kinds:
        found[COMMENT] = _comment_items(user)
    if kinds & WRITE_ROLES:
        plans = _plans_followed(user, today)
        found |= {REPORT: _report_items(plans, today), REOPENED: _reopened_items(user),
                  TASK: _task_items(plans, today, _departments(held))}
    if kinds & ISSUE_ROLES:
        found[ISSUE] = _issue_items(user, today)
    if kinds & REOPEN_ROLES:
        found[WARD] = _ward_items(user, today)
    sections = [Section(kind, str(label), found.get(kind, [])) for kind, label in SECTIONS]
    ward_section = sections[-1]
    if ward_section.items:
        ward_section.more_url = _dashboard_url(today)
    return TodoList([s for s in sections if s.items])


def todo_count(request):
    """The number of items on the navbar (0 for anonymous visitors): from the cache when no to-do write
    happened since it was counted (one cache read), else counted and kept."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return 0
    if hasattr(request, "_todo_list"):
        return request._todo_list.count
    key = f"todo:count:{request.user.pk}"
    found = cache.get_many([GENERATION_KEY, key])
    generation, today = found.get(GENERATION_KEY), timezone.localdate()
    if generation is not None and found.get(key, (None,))[:2] == (generation, today):
        return found[key][2]
    return cached_todo_list(request, generation=generation).count


def cached_todo_list(request, *, generation=None):
    """The request's to-do list: the one the navbar already counted, if any; counting it keeps the
    count in the cache for the navbar of the next pages."""
    if not hasattr(request, "_todo_list"):
        if generation is None:
            generation = cache.get(GENERATION_KEY) or _new_generation()
        request._todo_list = todo_list(request.user)
        cache.set(f"todo:count:{request.user.pk}", (generation, timezone.localdate(), request._todo_list.count),
                  COUNT_SECONDS)
    return request._todo_list


def todo_changed(**_signal):
    """Forget every cached navbar count: now, and again when the current transaction commits (a page
    counted in between would have read the old rows)."""
    _new_generation()
    transaction.on_commit(_new_generation)


def _new_generation():
    generation = time.time_ns()
    cache.set(GENERATION_KEY, generation, None)
    return generation


def mark_comments_read(user, plan, comments):
    """Record that ``user`` has seen ``comments`` (the plan's comments, as just shown): those created up
    to the newest of them are read. One or two queries."""
    if not comments or not getattr(user, "is_authenticated", False):
        return
    newest = max(c.created_at for c in comments)
    updated = CommentRead.objects.filter(user=user, plan=plan, seen_until__lt=newest).update(seen_until=newest)
    if updated:
        todo_changed()  # a new row is a save, which signals it
    else:
        CommentRead.objects.get_or_create(user=user, plan=plan, defaults={"seen_until": newest})


# --- the sections ---------------------------------------------------------------------------------

def _plans_followed(user, today):
    """Plans in force (this year and last) of the units ``user`` edits (a queryset, no query yet)."""
    plans = scoped(Plan.objects.filter(year__in=[today.year - 1, today.year]), user, write=True, held=True)
    return latest_plans(plans)


def _report_items(plans, today):
    """Two queries: the plans, their submitted and reopened periods."""
    reports = PeriodReport.objects.filter(status__in=[ReportStatus.SUBMITTED, ReportStatus.REOPENED]).only(
        "plan_id", "period", "status")
    plans = (plans.select_related("unit").only("pk", "year", "unit__name", "monthly_report_day", "annual_report_due",
                                               "created_at")
             .prefetch_related(Prefetch("period_reports", queryset=reports, to_attr="reports_with_status"))
             .order_by("unit__name", "year"))
    items = []
    for plan in plans:
        submitted = {r.period for r in plan.reports_with_status if r.status == ReportStatus.SUBMITTED}
        reopened = {r.period for r in plan.reports_with_status if r.status == ReportStatus.REOPENED}
        for due in reports_due_by(plan.year, monthly_day=plan.monthly_report_day, annual_due=plan.annual_report_due,
                                  submitted=submitted, skip=reopened, until=today + timedelta(days=DUE_SOON_DAYS),
                                  today=today, created=timezone.localdate(plan.created_at)):
            items.append(Item(
                kind=REPORT, key=f"{plan.pk}:{due.period}", state=OVERDUE if due.overdue else DUE_SOON,
                title=_("Nộp báo cáo %(period)s năm %(year)s") % {"period": label_in_sentence(due.period),
                                                                  "year": plan.year},
                detail=_due_text(due.due, today), unit=plan.unit.name, due=due.due,
                url=_results_url(plan.pk, due.period)))
    return sorted(items, key=lambda i: i.due)


def _reopened_items(user):
    reports = (scoped(PeriodReport.objects.filter(status=ReportStatus.REOPENED), user, write=True, held=True)
               .select_related("plan__unit", "reopened_by").order_by("-reopened_at", "pk"))
    items = []
    for report in reports:
        who = report.reopened_by.get_full_name() or report.reopened_by.username if report.reopened_by else ""
        stamp = int(report.reopened_at.timestamp()) if report.reopened_at else 0
        items.append(Item(
            kind=REOPENED, key=f"{report.plan_id}:{report.period}", state=f"reopened:{stamp}",
            title=_("Sửa và nộp lại báo cáo %(period)s năm %(year)s") % {
                "period": label_in_sentence(report.period), "year": report.plan.year},
            detail=(_("%(who)s mở lại: %(reason)s") % {"who": who, "reason": report.reopen_comment} if who
                    else _("Lý do mở lại: %(reason)s") % {"reason": report.reopen_comment}),
            unit=report.plan.unit.name, url=_results_url(report.plan_id, report.period)))
    return items


def _departments(held):
    """{unit pk: {department pks}} of the departments a person works in, from their roles."""
    departments = {}
    for _role, unit_id, department_id in held:
        if department_id:
            departments.setdefault(unit_id, set()).add(department_id)
    return departments


def _task_items(plans, today, departments):
    """Tasks due soon or overdue of ``plans``; on a unit where the person works in a department
    (``departments``, {unit pk: {department pks}}), only the tasks it leads or cooperates on."""
    tasks = Task.objects.filter(plan__in=plans.values("pk"), due_date__lte=today + timedelta(days=DUE_SOON_DAYS))
    if departments:
        mine = ~Q(plan__unit_id__in=list(departments))
        for unit_id, ids in departments.items():
            mine |= Q(plan__unit_id=unit_id) & (Q(lead_id__in=ids) | Q(cooperating__in=ids))
        tasks = tasks.filter(pk__in=Task.objects.filter(mine).values("pk"))
    tasks = tasks.exclude(status=OVERDUE_UNTIL).select_related("plan__unit").order_by("due_date", "pk")
    return [Item(kind=TASK, key=str(task.pk), state=OVERDUE if task.due_date < today else DUE_SOON,
                 title=str(task), detail=_due_text(task.due_date, today, report=False), unit=task.plan.unit.name,
                 due=task.due_date, url=reverse("plans:task_edit", args=[task.plan_id, task.pk]))
            for task in tasks]


def _comment_items(user):
    seen = CommentRead.objects.filter(user=user.pk, plan=OuterRef("plan"), seen_until__gte=OuterRef("created_at"))
    rows = (scoped(Comment.objects.exclude(author=user.pk), user, held=True).exclude(Exists(seen))
            .values("plan", "plan__year", "plan__unit__name").annotate(n=Count("pk"), last=Max("created_at"))
            .order_by("-last"))
    return [Item(kind=COMMENT, key=str(row["plan"]), state=f"unread:{int(row['last'].timestamp())}",
                 title=_("Đọc nhận xét về kế hoạch năm %(year)s") % {"year": row["plan__year"]},
                 detail=_("%(n)s nhận xét mới, gần nhất lúc %(when)s") % {
                     "n": row["n"], "when": timezone.localtime(row["last"]).strftime("%H:%M %d/%m/%Y")},
                 unit=row["plan__unit__name"], url=reverse("plans:plan_detail", args=[row["plan"]]) + "#nhan-xet")
            for row in rows]


def _issue_items(user, today):
    newer = Plan.objects.filter(unit=OuterRef("unit"), year=OuterRef("year"), revision__gt=OuterRef("revision"))
    drafts = (scoped(Plan.objects.filter(status=PlanStatus.DRAFT, year__gte=today.year), user, roles=ISSUE_ROLES,
                     held=True).exclude(Exists(newer)).select_related("unit").order_by("year", "unit__name"))
    return [_issue_item(plan) for plan in with_has_sections(drafts)]


def _issue_item(plan):
    """A draft to issue; one with no text yet (plans.selectors.has_body) cannot be issued, so the item
    asks for the text first and opens the plan's page."""
    if not has_body(plan):
        state, url = "no_text", reverse("plans:plan_edit", args=[plan.pk])
        title = _("Viết nội dung kế hoạch năm %(year)s (căn cứ, lời mở đầu, các mục) để ban hành") % {"year": plan.year}
    else:
        state, url = "waiting", reverse("issuing:issue", args=[plan.pk])
        title = (_("Xem xét, ban hành kế hoạch năm %(year)s (điều chỉnh lần %(n)s)") % {
            "year": plan.year, "n": plan.revision} if plan.revision
            else _("Xem xét, ban hành kế hoạch năm %(year)s") % {"year": plan.year})
    return Item(kind=ISSUE, key=str(plan.pk), state=state, title=title, detail=plan.title, unit=plan.unit.name,
                url=url)


def _ward_items(user, today):
    """Plans (in force, this year) below the person's supervising roles whose report of the latest due
    month is past its day and not submitted: the dashboard's "missing" (a late submission ends it)."""
    year, period = today.year, latest_due_period(today.year, today)
    plans = latest_plans(scoped(Plan.objects.filter(year=year), user, roles=REOPEN_ROLES, held=True))
    missing = (with_report_state(plans, period, year, today).filter(due_passed(period, year, today),
                                                                      report_submitted=False)
               .values("pk", "unit__name").order_by("unit__path"))
    return [Item(kind=WARD, key=f"{row['pk']}:{period}", state="missing",
                 title=_("Chưa nộp báo cáo %(period)s năm %(year)s") % {"period": label_in_sentence(period),
                                                                         "year": year},
                 detail=_("Đã quá hạn nộp: đôn đốc đơn vị nộp báo cáo."), unit=row["unit__name"],
                 url=reverse("plans:plan_detail", args=[row["pk"]]) + f"?period={period}")
            for row in missing]


# --- wording and links --------------------------------------------------------------------------

def _due_text(due, today, *, report=True):
    days = (due - today).days
    when = (_("Hạn nộp %(date)s") if report else _("Thời hạn %(date)s")) % {"date": format_date_short(due)}
    if days < 0:
        return _("%(when)s, quá hạn %(n)s ngày") % {"when": when, "n": -days}
    if days == 0:
        return _("%(when)s, hết hạn hôm nay") % {"when": when}
    return _("%(when)s, còn %(n)s ngày") % {"when": when, "n": days}


def _results_url(plan_pk, period):
    return reverse("plans:result_list", args=[plan_pk]) + f"?period={period}"


def _dashboard_url(today):
    period = latest_due_period(today.year, today)
    return reverse("dashboard:overview") + f"?year={today.year}&period={period}&report=missing&mode=communes"
