"""What counts (indicators.counting) on the seed plans: the period report's summary, Biểu 02, the plan
page and the dashboard agree with the seeds' own evaluations (issue 12)."""

from pathlib import Path

import pytest

from core.evaluation import summary_sentence
from indicators import counting
from plans import selectors
from reports.documents import documents as docs
from reports.documents.exporters import report_summary
from reports.documents.sheets import Bieu02Table

from .conftest import load_fixture

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"

pytestmark = pytest.mark.django_db


def load(name):
    return load_fixture(FIXTURES / f"{name}.json")


def counts_of(plan, period="y"):
    return docs.result_counts(docs.result_groups(plan, period))


def lines(plan, period="y"):
    return {line.indicator.name: line for group in docs.result_groups(plan, period) for line in group.items}


def test_nhon_hung_2023_counts_follow_the_seed():
    # Seed: "22 chỉ tiêu: 06 vượt, 14 đạt 100%, 01 đạt trên 90%, 01 không đạt"; its text gives results
    # for 17 of them (the fixture): the sentence says 17 and invents none.
    plan = load("nhon-hung-2023")
    counts, total = counts_of(plan)
    assert total == 17
    assert counts.get("no_data", 0) == 0
    assert (counts["exceeded"], counts["near"], counts["not_met"]) == (6, 1, 1)
    assert counts["met"] == 9
    by_name = lines(plan)
    assert by_name["Giảm hộ nghèo"].status == "met"
    assert by_name["Hòa giải thành"].status == "met"
    sentence = report_summary(plan, "y", Bieu02Table(plan, period="y").groups())
    assert sentence == ("Kết quả thực hiện 17 chỉ tiêu kinh tế - xã hội năm 2023 có 06 chỉ tiêu vượt 100%, "
                        "có 09 chỉ tiêu đạt 100%, 01 chỉ tiêu đạt trên 90%, 01 chỉ tiêu không đạt.")
    assert by_name["Học sinh tham gia bảo hiểm y tế"].status == "met"   # "Học sinh tham gia bảo hiểm y tế đạt 100%"
    assert by_name["Đăng ký công dân tuổi 17 (SN 2006) và đăng ký bổ sung công dân trong độ tuổi 18 - 25"
                   ].status == "met"   # "... đạt 68/68 công dân"


def test_nhon_hung_2023_prints_the_officials_percent():
    trees = lines(load("nhon-hung-2023"))["Số lượng cây lâm nghiệp phân tán đã trồng"]
    assert trees.status_label == "đạt 226,22%"
    assert str(trees.percent) == "226.22"  # the official's, not a computed 262,22 beside it
    assert trees.assessment.computed_percent != trees.percent
    assert trees.assessment.disagrees  # the editor sees 262,22% beside the typed 226,22%


def test_tho_xuong_2023_counts_fifteen_six_met_nine_in_progress():
    plan = load("tho-xuong-2023")
    counts, total = counts_of(plan)
    assert (total, counts) == (15, {"met": 6, "in_progress": 9})
    sentence = report_summary(plan, "y", Bieu02Table(plan, period="y").groups())
    assert sentence.startswith("Kết quả thực hiện 15 chỉ tiêu kinh tế - xã hội năm 2023 có 06 chỉ tiêu đạt 100%, "
                               "có 09 chỉ tiêu đang thực hiện")


def test_tho_xuong_2023_sub_items_print_no_status_under_an_evaluated_parent():
    plan = load("tho-xuong-2023")
    for group in docs.result_groups(plan, "y"):
        for line in group.items:
            if line.depth:
                assert line.status_label == "", line.indicator.name


def test_tho_xuong_2023_results_print_as_written_in_the_indicators_unit():
    by_name = {name[:40]: line for name, line in lines(load("tho-xuong-2023")).items()}
    crop = next(line for name, line in by_name.items() if name.startswith("Giá trị sản phẩm thu hoạch"))
    assert "135 triệu đồng/ha" in crop.value
    assert "135.000.000" not in crop.assessment.result_display
    complaints = next(line for name, line in by_name.items() if name.startswith("Giải quyết đơn thư"))
    assert complaints.value.startswith("Tiếp nhận 10 đơn")
    assert str(complaints.assessment.computed_percent) == "90.00"


def test_nhon_hung_2024_counts_the_24_rows_the_plan_lists():
    plan = load("nhon-hung-2024")
    counts, total = counts_of(plan)
    assert total == 24
    assert counts == {"no_data": 24}
    assert selectors.results_missing(plan, "y") == (24, 24)
    groups, summary = selectors.evaluated_groups(plan, "y")
    assert summary == summary_sentence({"no_data": 24}, 24, year=2024) + "."
    assert "24 chỉ tiêu" in summary and "36" not in summary


def test_plan_page_and_results_missing_agree_with_the_documents():
    for name in ("nhon-hung-2023", "tho-xuong-2023"):
        plan = load(name)
        counts, total = counts_of(plan)
        missing, listed = selectors.results_missing(plan, "y")
        assert (listed, missing) == (total, counts.get("no_data", 0))
        _groups, summary = selectors.evaluated_groups(plan, "y")
        assert summary == report_summary(plan, "y", Bieu02Table(plan, period="y").groups())


def test_has_result_is_the_status_rule():
    assert not counting.has_result(None)


def test_nhon_hung_2023_prints_the_figure_beside_words_that_do_not_state_it():
    by_name = lines(load("nhon-hung-2023"))
    trees = by_name["Số lượng cây lâm nghiệp phân tán đã trồng"]   # 11.800 with "tỷ lệ cây sống đạt 95%"
    assert trees.value == "11.800 (tỷ lệ cây sống đạt 95%)"
    water = next(line for name, line in by_name.items() if name.startswith("Tỷ lệ dân số nông thôn"))
    assert water.value == "đạt 100% chỉ tiêu NQ (=99,64%)"   # the words state the figure: words alone
