"""Reporting periods of a plan year. Pure: no Django import.

A period is a short code: "m1".."m12" (months), "q1".."q4" (quarters), "h1" (6 months),
"9m" (9 months), "y" (the year). Results are cumulative from the start of the year
(year-to-date) unless an indicator says otherwise.
"""

from datetime import date

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
         "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"]

PERIODS = (
    [(f"m{i}", f"Tháng {i}") for i in range(1, 13)]
    + [(f"q{i}", f"Quý {ROMAN[i]}") for i in range(1, 5)]
    + [("h1", "6 tháng"), ("9m", "9 tháng"), ("y", "Năm")]
)
PERIOD_LABELS = dict(PERIODS)
PERIOD_CODES = [code for code, _ in PERIODS]


def roman(n):
    """Roman numeral for sector numbering (1 -> "I"); falls back to digits past 20."""
    return ROMAN[n] if 0 < n < len(ROMAN) else str(n)


def last_month(period):
    """The last month (1-12) a period covers."""
    if period.startswith("m"):
        return int(period[1:])
    if period.startswith("q"):
        return int(period[1:]) * 3
    return {"h1": 6, "9m": 9, "y": 12}[period]


def is_final(period):
    return period == "y"


def due_date(period, year, *, monthly_day=10):
    """When the report for ``period`` of ``year`` is due: ``monthly_day`` of the following month."""
    month = last_month(period) + 1
    y = year + (month > 12)
    month = month - 12 if month > 12 else month
    return date(y, month, min(monthly_day, 28))


def label(period):
    return PERIOD_LABELS.get(period, period)


def first_lower(text):
    """A label inside a sentence: "Quý I" -> "quý I", "Tháng 3" -> "tháng 3" (never "quý i")."""
    return text[:1].lower() + text[1:] if text else text


def label_in_sentence(period):
    return first_lower(label(period))


def entry_period(year, today):
    """The period an official most likely enters now: the year's report for a past plan, the
    current quarter during the plan year, the first quarter of a plan not started yet."""
    if year < today.year:
        return "y"
    if year > today.year:
        return "q1"
    return f"q{(today.month - 1) // 3 + 1}"


def latest_due_period(year, today):
    """The period a supervisor most likely reviews now: the latest whose report is due ("y" for a
    past year, else the last month already due, "m1" before any)."""
    if year < today.year:
        return "y"
    for month in range(12, 0, -1):
        if due_date(f"m{month}", year) < today:
            return f"m{month}"
    return "m1"
