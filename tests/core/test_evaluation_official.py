"""The official's typed evaluation read as a status, the parent roll-up, and a ratio against a rate
(README "What counts")."""

from decimal import Decimal as D

import pytest

from core.evaluation import Official, evaluate, official_status, roll_up
from core.phrases import money_scale, parse


@pytest.mark.parametrize(("words", "final", "expected"), [
    ("Đạt chỉ tiêu KH", True, Official("met")),
    ("Đang tiếp tục thực hiện", True, Official("in_progress")),
    ("Đang thực hiện", False, Official("in_progress")),
    ("đạt 226,22%", True, Official("exceeded", D("226.22"))),
    ("đạt 131% so với KH", True, Official("exceeded", D("131"))),
    ("đạt tỷ lệ 109,15% KH", True, Official("exceeded", D("109.15"))),
    ("đạt 100% chỉ tiêu NQ", True, Official("met", D("100"))),
    ("đạt 100%", True, Official("met", D("100"))),
    ("đạt 99,16%", True, Official("near", D("99.16"))),
    ("đạt trên 90%", True, Official("near")),
    ("đạt 52,06%", True, Official("not_met", D("52.06"))),
    ("đạt 52,06%", False, Official("in_progress", D("52.06"))),
    ("Vượt chỉ tiêu", True, Official("exceeded")),
    ("Không đạt KH", True, Official("not_met")),
    ("Chưa đạt", False, Official("in_progress")),
    ("Chưa có kết quả", True, Official("no_data")),
    ("Hoàn thành", True, Official("met")),
])
def test_official_words_map_to_a_status(words, final, expected):
    assert official_status(words, final=final) == expected


@pytest.mark.parametrize("words", ["", "   ", "xem ghi chú"])
def test_words_without_a_status_say_nothing(words):
    assert official_status(words, final=True) is None


def test_parent_without_result_is_its_weakest_child():
    assert roll_up(["met", "exceeded"]) == "met"
    assert roll_up(["exceeded", "exceeded"]) == "exceeded"
    assert roll_up(["met", "no_data"]) == "no_data"  # never "Đạt" over "Chưa có kết quả"
    assert roll_up([]) == "no_data"


def test_ratio_against_a_rate_is_its_own_percent():
    # Thọ Xương 2023: 09/10 đơn against "trên 95%": the seed states 90,0%.
    target = parse("Giải quyết đơn thư đạt trên 95%")
    outcome = evaluate(target, numerator=9, denominator=10, final=True)
    assert outcome.percent == D("90.00")
    assert outcome.status == "near"


def test_money_units_scale():
    assert money_scale("triệu đồng/ha") == D(10**6)
    assert money_scale("Tỷ đồng") == D(10**9)
    assert money_scale("đồng") == 1
    assert money_scale("ha") == 1
    assert money_scale("triệu cây") == 1
