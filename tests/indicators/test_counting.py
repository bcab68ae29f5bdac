"""indicators.counting.settle_tree: the parent rule over a tree of any depth."""

from types import SimpleNamespace

from indicators.assess import Assessment
from indicators.counting import settle_tree


def row(pk, parent=None, result=None, status="no_data", depth=0):
    indicator = SimpleNamespace(pk=pk, parent_id=parent)
    return indicator, depth, Assessment(result=result, percent=None, status=status)


def statuses(rows):
    return {indicator.pk: assessment.status for indicator, _depth, assessment in settle_tree(rows)}


def test_every_row_below_a_parent_evaluated_as_a_whole_prints_no_status():
    # 11 has the ward's own result; 11.1 and 11.1.a have none: neither says "Chưa có kết quả".
    rows = [row(11, result="x", status="met"), row(111, parent=11, depth=1), row(1111, parent=111, depth=2)]

    assert statuses(rows) == {11: "met", 111: "", 1111: ""}


def test_a_sub_item_with_its_own_result_keeps_it_and_a_parent_without_takes_the_roll_up():
    rows = [row(11, result="x", status="met"), row(111, parent=11, result="y", status="not_met", depth=1),
            row(1111, parent=111, depth=2),
            row(12), row(121, parent=12, result="z", status="met", depth=1),
            row(122, parent=12, result="w", status="exceeded", depth=1)]

    assert statuses(rows) == {11: "met", 111: "not_met", 1111: "", 12: "met", 121: "met", 122: "exceeded"}


def test_without_any_result_the_rows_say_so():
    rows = [row(11), row(111, parent=11, depth=1), row(1111, parent=111, depth=2)]

    assert statuses(rows) == {11: "no_data", 111: "no_data", 1111: "no_data"}
