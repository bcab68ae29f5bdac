"""When a plan's next report is due. Pure: no Django import.

A plan reports every month (due on its monthly report day of the following month) and once
for the year (its annual report date, else the monthly day of January next year). A month
counts as reported when any submitted period ends with it (m3, q1: March).

A plan created during its year (or after it) is not asked for the reports that fell due long before
it existed: its list starts at the last due day before its creation, the report a supervisor is
chasing then (:func:`reports_due_by` ``created``). The earlier ones stay missing on the dashboard.
"""

from dataclasses import dataclass
from datetime import date

from core.periods import due_date, label, last_month


@dataclass(frozen=True)
class NextReport:
    period: str
    due: date
    overdue: bool

    @property
    def label(self):
        return label(self.period)


def next_report(year, *, monthly_day, annual_due=None, submitted=(), today):
    """The next report to submit: the first month (then the year) not yet submitted whose due
    day is today or later; when only the year's report is left and its day has passed, that
    one, overdue. None when everything is submitted."""
    candidates = _unsubmitted(year, monthly_day, annual_due, submitted)
    year_done = "y" in submitted
    for period, due in candidates:
        if due >= today:
            return NextReport(period, due, False)
    if not year_done:
        return NextReport("y", candidates[-1][1], True)
    return None


def reports_due_by(year, *, monthly_day, annual_due=None, submitted=(), skip=(), until, today, created=None):
    """Every report of the year not yet submitted whose due day is ``until`` or earlier, in order, as
    NextReport (overdue when the day is before ``today``); periods in ``skip`` are left out (e.g.
    those reopened, which are followed on their own), and so are, for a plan created on ``created``,
    those due before the last due day preceding that date (:func:`first_asked`)."""
    start = first_asked(year, monthly_day=monthly_day, annual_due=annual_due, created=created)
    return [NextReport(period, due, due < today)
            for period, due in _unsubmitted(year, monthly_day, annual_due, submitted)
            if start <= due <= until and period not in skip]


def first_asked(year, *, monthly_day, annual_due=None, created=None):
    """The earliest due day a plan created on ``created`` is asked for: the last due day strictly
    before that date (the report late when the plan began, which its supervisor follows, as
    core.periods.latest_due_period), or none before it. ``date.min`` without a creation date.
    Plan created 3 December, reports due on the 10th: October's (due 10 November) and later."""
    if created is None:
        return date.min
    passed = [due for _, due in _unsubmitted(year, monthly_day, annual_due, ()) if due < created]
    return max(passed, default=date.min)


def _unsubmitted(year, monthly_day, annual_due, submitted):
    """[(period, due date)] of the months and the year not covered by a submitted period."""
    done_months = {last_month(p) for p in submitted if p != "y"}
    candidates = [(f"m{m}", due_date(f"m{m}", year, monthly_day=monthly_day))
                  for m in range(1, 13) if m not in done_months]
    if "y" not in submitted:
        candidates.append(("y", annual_due or due_date("y", year, monthly_day=monthly_day)))
    return candidates
