"""Target phrases, property tests: negated comparators, direction from the indicator name wherever
its verb sits, percentage-point cuts of a rate, a bare figure shown as "≥", and no exception ever."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.phrases import CUT_LIMIT, Target, format_target, names_rate, parse, short_meaning
from core.vnformat import format_number
from tests.core.test_phrases import as_evaluated, targets

COMPARATORS = {  # every comparator word of the parser, with its negated form where Vietnamese has one
    "dưới": ("below", "không dưới", "at_least"),
    "thấp hơn": ("below", "không thấp hơn", "at_least"),
    "ít hơn": ("below", "không ít hơn", "at_least"),
    "nhỏ hơn": ("below", "không nhỏ hơn", "at_least"),
    "trên": ("above", "không trên", "at_most"),
    "hơn": ("above", "không hơn", "at_most"),
    "cao hơn": ("above", "không cao hơn", "at_most"),
    "lớn hơn": ("above", "không lớn hơn", "at_most"),
    "nhiều hơn": ("above", "không nhiều hơn", "at_most"),
    "vượt quá": ("above", "không vượt quá", "at_most"),
    "quá": ("above", "không quá", "at_most"),
    "từ": ("at_least", None, None),
    "ít nhất": ("at_least", None, None),
    "tối thiểu": ("at_least", None, None),
    "đạt": ("at_least", None, None),
    "tối đa": ("at_most", None, None),
    "còn": ("at_most", None, None),
}
PLAIN = [(word, kind) for word, (kind, _, _) in COMPARATORS.items() if kind]
NEGATED = [(neg, kind) for _, (_, neg, kind) in COMPARATORS.items() if neg]
NAMES = ["Tỷ lệ người dân tham gia bảo hiểm y tế", "Sản lượng lương thực", "Thu ngân sách xã",
         "Giải quyết việc làm", ""]
vn_numbers = st.builds(lambda n, e: D(n).scaleb(-e), st.integers(0, 10**12), st.integers(0, 3))
rate_units = st.sampled_from(["%", "‰", " tấn", " ha", " lao động", " đồng", ""])


@pytest.mark.parametrize(("words", "kind"), PLAIN + NEGATED, ids=[w for w, _ in PLAIN + NEGATED])
@given(number=vn_numbers, unit=rate_units, name=st.sampled_from(NAMES))
def test_comparator_with_any_vietnamese_number_reads_that_number(words, kind, number, unit, name):
    target = parse(f"{words} {format_number(number)}{unit}", name)
    assert target.value == number
    assert target.kind == kind


@pytest.mark.parametrize(("words", "plain", "negated", "flipped"),
                         [(w, k, n, f) for w, (k, n, f) in COMPARATORS.items() if k and n])
@given(number=vn_numbers)
def test_negated_comparator_flips_to_the_opposite_bound(words, plain, negated, flipped, number):
    text = format_number(number) + "%"
    assert parse(f"{words} {text}").kind == plain
    assert parse(f"{negated} {text}").kind == flipped
    assert {plain, flipped} in ({"below", "at_least"}, {"above", "at_most"})


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("Tỷ lệ tham gia BHYT không dưới", "95%", Target("at_least", value=D("95"), unit="%")),
    ("Tỷ lệ hộ nghèo không cao hơn", "1,5%", Target("at_most", value=D("1.5"), unit="%")),
    ("Tỷ suất sinh thô tăng", "0,3‰", Target("increase_by", value=D("0.3"), unit="‰")),
    ("Tỷ suất sinh thô giảm", "0,2‰", Target("decrease_by", value=D("0.2"), unit="‰")),
    ("Tỷ lệ hộ nghèo giảm", "0,3%", Target("decrease_by", value=D("0.3"), unit="%")),
    ("Tỷ lệ hộ nghèo giảm bình quân hằng năm", "1%", Target("decrease_by", value=D("1"), unit="%")),
    ("Tỷ lệ hộ nghèo giảm còn", "0,8%", Target("at_most", value=D("0.8"), unit="%")),
    ("Tỷ lệ hộ nghèo giảm xuống dưới", "1%", Target("below", value=D("1"), unit="%")),
    ("Giảm tỷ lệ hộ nghèo", "0,5%", Target("decrease_by", value=D("0.5"), unit="%")),
    ("Phấn đấu giảm tỷ lệ hộ cận nghèo", "1%", Target("decrease_by", value=D("1"), unit="%")),
    ("Giảm tỷ lệ hộ nghèo", "còn 0,5%", Target("at_most", value=D("0.5"), unit="%")),
    ("Giảm tỷ lệ hộ nghèo", "xuống 0,5%", Target("at_most", value=D("0.5"), unit="%")),
    ("Giảm tỷ lệ hộ nghèo", "còn dưới 0,5%", Target("below", value=D("0.5"), unit="%")),
    ("Giảm tỷ lệ suy dinh dưỡng thể thấp còi", "14%", Target("at_most", value=D("14"), unit="%")),
    ("Tăng tỷ lệ lao động qua đào tạo", "2%", Target("increase_by", value=D("2"), unit="%")),
    ("Tăng tỷ lệ lao động qua đào tạo", "lên 70%", Target("at_least", value=D("70"), unit="%")),
    ("Tăng cường công tác tuyên truyền, tỷ lệ", "90%", Target("exact", value=D("90"), unit="%")),
    ("Tỷ lệ tăng dân số tự nhiên", "0,9%", Target("at_most", value=D("0.9"), unit="%")),
    ("Thêm trường công lập đạt chuẩn Quốc gia", "01 trường", Target("increase_by", value=D("1"), unit="trường")),
    ("Giảm tỷ lệ hộ nghèo", "0,5 điểm %", Target("decrease_by", value=D("0.5"), unit="%")),
    (None, "Tỷ lệ hộ nghèo giảm từ 1,8% xuống còn 1,2%", Target("at_most", value=D("1.2"), unit="%")),
    (None, "Giảm ít nhất 0,5% tỷ lệ hộ nghèo", Target("decrease_by", value=D("0.5"), unit="%")),
    (None, "Tỷ lệ hộ tái nghèo không để vượt quá 2%", Target("at_most", value=D("2"), unit="%")),
    (None, "Không để phát sinh quá 02 hộ nghèo mới", Target("at_most", value=D("2"), unit="hộ")),
    (None, "Diện tích gieo trồng cây hằng năm đạt 2.300 ha", Target("at_least", value=D("2300"), unit="ha")),
], ids=lambda v: v if isinstance(v, str) else None)
def test_direction_from_the_name_wherever_its_verb_sits(name, text, expected):
    assert parse(text, name) == expected


@given(value=st.builds(lambda n: D(n).scaleb(-2), st.integers(1, 2000)))
def test_bare_percent_after_giam_ty_le_is_a_cut_up_to_the_limit_else_a_level(value):
    target = parse(format_number(value) + "%", "Giảm tỷ lệ hộ nghèo")
    assert target.value == value
    assert target.kind == ("decrease_by" if value <= CUT_LIMIT else "at_most")


def test_cut_of_a_rate_shows_percentage_points_where_a_rate_is_named():
    cut = parse("0,5%", "Giảm tỷ lệ hộ nghèo")
    assert short_meaning(cut, "Giảm tỷ lệ hộ nghèo 0,5%") == "giảm 0,5 điểm %"
    assert format_target(cut, "Giảm tỷ lệ hộ nghèo") == "giảm 0,5 điểm %"
    assert parse(format_target(cut, "Giảm tỷ lệ hộ nghèo"), "Giảm tỷ lệ hộ nghèo") == cut
    # growth of a count or an amount stays a percentage
    growth = parse("tăng 2,5% hộ kinh doanh/năm", "Tập trung phát triển thương mại - dịch vụ")
    assert short_meaning(growth, "Tập trung phát triển thương mại - dịch vụ") == "tăng 2,5%/năm"
    assert names_rate("Tỷ suất sinh thô") and names_rate("tỉ lệ che phủ") and not names_rate("Thu ngân sách")


def test_bare_figure_shows_at_least_as_it_is_evaluated():
    assert short_meaning(parse("9.949.000.000đ", "Thu ngân sách")) == "≥ 9.949.000.000 đồng"
    assert format_target(parse("266", "Giới thiệu giải quyết việc làm")) == "từ 266 trở lên"


@given(target=targets(), name=st.sampled_from(["Giảm tỷ lệ hộ nghèo", "Tỷ lệ tham gia BHYT", "Thu ngân sách"]))
def test_format_with_a_rate_name_reads_back(target, name):
    assert parse(format_target(target, name)) == as_evaluated(target)


words = st.sampled_from(["không", "dưới", "trên", "quá", "vượt", "giảm", "tăng", "còn", "xuống", "lên", "tỷ lệ",
                         "hộ nghèo", "đạt", "từ", "trở lên", "điểm", "%", "‰", "/", "-", "năm", "triệu", "đồng",
                         "cây hằng năm", ":", ";", "(", ")", "0,5", "1.234", "12/2024", "3/3"])


@given(st.lists(words, max_size=12), st.one_of(st.none(), st.lists(words, max_size=8)))
def test_parse_never_raises_on_any_mix_of_its_own_words(parts, name_parts):
    target = parse(" ".join(parts), None if name_parts is None else " ".join(name_parts))
    assert target.kind
    short_meaning(target, " ".join(parts))
    format_target(target, " ".join(parts))
