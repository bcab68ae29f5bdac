from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.vnformat import (
    STRICT_NUMBER_ERROR,
    format_date_short,
    format_date_words,
    format_number,
    format_percent,
    format_permille,
    parse_number,
    parse_number_strict,
    two_digit_count,
)


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (Decimal("9949000000"), None, "9.949.000.000"),
        (Decimal("11.44"), None, "11,44"),
        (Decimal("130.50"), None, "130,5"),
        (Decimal("1302.5"), None, "1.302,5"),
        (266, None, "266"),
        (0.8, None, "0,8"),
        (Decimal("9.949E+9"), None, "9.949.000.000"),
        (Decimal("0"), None, "0"),
        (Decimal("-1234.5"), None, "-1.234,5"),
        (Decimal("103.525"), 2, "103,53"),
        (Decimal("90"), 1, "90,0"),
        (Decimal("999.995"), 2, "1.000,00"),
        (None, None, ""),
    ],
)
def test_format_number_examples(value, decimals, expected):
    assert format_number(value, decimals) == expected


def test_format_number_without_grouping():
    assert format_number(Decimal("1234567.5"), group=False) == "1234567,5"


def test_format_percent_and_permille_glue_the_sign():
    assert format_percent(Decimal("8.5")) == "8,5%"
    assert format_percent(Decimal("130.5"), 1) == "130,5%"
    assert format_permille(Decimal("0.3")) == "0,3‰"
    assert format_percent(None) == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9.949.000.000", Decimal("9949000000")),
        ("11,44", Decimal("11.44")),
        ("0,8", Decimal("0.8")),
        ("1.302,5", Decimal("1302.5")),
        ("93,45", Decimal("93.45")),
        ("03", Decimal("3")),
        ("1.234", Decimal("1234")),
        ("15.2", Decimal("15.2")),
        ("1,234.5", Decimal("1234.5")),
        (" 1 234 ", Decimal("1234")),
        ("−5", Decimal("-5")),
        ("266.", Decimal("266")),
        ("", None),
        ("abc", None),
        (None, None),
    ],
)
def test_parse_number_lenient(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["1,234.5", "15.2", "1.23", "1,2,3", "12a"])
def test_parse_number_strict_refuses_english_style(text):
    with pytest.raises(ValueError) as info:
        parse_number_strict(text)
    assert str(info.value) == STRICT_NUMBER_ERROR


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.234,5", Decimal("1234.5")), ("1234", Decimal("1234")), ("0,05", Decimal("0.05")),
     ("9.949.000.000", Decimal("9949000000")), ("-3", Decimal("-3")), ("  ", None)],
)
def test_parse_number_strict_accepts_vietnamese_style(text, expected):
    assert parse_number_strict(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2023, 12, 1), "ngày 01 tháng 12 năm 2023"),
        (date(2020, 1, 5), "ngày 05 tháng 01 năm 2020"),
        (date(2020, 2, 27), "ngày 27 tháng 02 năm 2020"),
        (date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"),
        (date(2023, 3, 9), "ngày 09 tháng 3 năm 2023"),
    ],
)
def test_format_date_words_leading_zero_rule(value, expected):
    assert format_date_words(value) == expected


def test_format_date_short():
    assert format_date_short(date(2023, 11, 29)) == "29/11/2023"
    assert format_date_short(date(2023, 3, 9)) == "09/3/2023"
    assert format_date_short(date(2020, 2, 27)) == "27/02/2020"


@pytest.mark.parametrize(("n", "expected"), [(6, "06"), (14, "14"), (1, "01"), (0, "00"), (120, "120")])
def test_two_digit_count(n, expected):
    assert two_digit_count(n) == expected


decimals = st.decimals(min_value=Decimal("-1e15"), max_value=Decimal("1e15"), allow_nan=False,
                       allow_infinity=False, places=None)
scaled = st.builds(lambda n, e: Decimal(n).scaleb(-e), st.integers(-10**15, 10**15), st.integers(0, 8))


@given(st.one_of(decimals, scaled))
def test_parse_number_inverts_format_number(value):
    assert parse_number(format_number(value)) == value


@given(st.one_of(decimals, scaled))
def test_parse_number_strict_inverts_format_number(value):
    assert parse_number_strict(format_number(value)) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_format_number_groups_by_three(n):
    text = format_number(n)
    groups = text.split(".")
    assert groups[0] and len(groups[0]) <= 3 and not (len(groups) > 1 and groups[0].startswith("0"))
    assert all(len(g) == 3 for g in groups[1:])
    assert text.replace(".", "") == str(n)


# --- spaces and digits of other scripts -------------------------------------------------------------

@pytest.mark.parametrize(("typed", "number"), [
    ("1 234", Decimal("1234")), ("12 300 000", Decimal("12300000")), ("1 234,5", Decimal("1234.5")),
    (" 12 ", Decimal("12")), ("- 5", Decimal("-5")), ("9\u200b0", Decimal("90")), ("9\u00a00", Decimal("90")),
])
def test_spaces_around_or_grouping_by_three(typed, number):
    from core.vnformat import parse_number, parse_number_strict

    assert parse_number_strict(typed) == number
    assert parse_number(typed) == number


@pytest.mark.parametrize(("typed", "message"), [
    ("12 3", "khoảng trắng giữa các chữ số"), ("1 23", "khoảng trắng"), ("1234 567", "khoảng trắng"),
    ("１２", "chữ số 0–9"), ("٣٤", "chữ số 0–9"),
])
def test_a_space_inside_digits_or_foreign_digits_is_an_error(typed, message):
    from core.vnformat import parse_number, parse_number_strict

    with pytest.raises(ValueError, match=message):
        parse_number_strict(typed)
    assert parse_number(typed) is None
