from datetime import date

import pytest

from core.periods import due_date, entry_period, last_month


@pytest.mark.parametrize(("year", "today", "expected"), [
    (2023, date(2024, 3, 5), "y"),      # a past plan: its annual report
    (2024, date(2024, 2, 15), "q1"),
    (2024, date(2024, 5, 1), "q2"),
    (2024, date(2024, 12, 31), "q4"),
    (2025, date(2024, 12, 1), "q1"),    # not started yet
])
def test_entry_period_follows_the_calendar(year, today, expected):
    assert entry_period(year, today) == expected


def test_due_date_is_the_monthly_day_of_the_following_month():
    assert due_date("q1", 2024, monthly_day=10) == date(2024, 4, 10)
    assert due_date("y", 2024, monthly_day=10) == date(2025, 1, 10)
    assert last_month("9m") == 9


@pytest.mark.parametrize(("period", "expected"), [("q1", "quý I"), ("q4", "quý IV"), ("m3", "tháng 3"),
                                                  ("h1", "6 tháng"), ("y", "năm")])
def test_label_in_sentence_keeps_roman_numerals_upper_case(period, expected):
    from core.periods import label_in_sentence

    assert label_in_sentence(period) == expected
