from types import SimpleNamespace

from core.tree import depth_first, nest, subtree_keys


def _row(pk, parent=None):
    return SimpleNamespace(pk=pk, parent_id=parent)


def test_depth_first_keeps_sibling_order_and_depth():
    rows = [_row(1), _row(2), _row(3, 1), _row(4, 3), _row(5, 1)]
    assert [(r.pk, d) for r, d in depth_first(rows)] == [(1, 0), (3, 1), (4, 2), (5, 1), (2, 0)]


def test_depth_first_leaves_out_orphans():
    assert [r.pk for r, _ in depth_first([_row(1), _row(2, 99)])] == [1]


def test_depth_first_with_a_composite_key():
    rows = [("a", None), ("b", "a")]
    walked = depth_first(rows, key=lambda r: r[0], parent=lambda r: r[1])
    assert walked == [(("a", None), 0), (("b", "a"), 1)]


def test_nest_builds_children_first():
    rows = [_row(1), _row(2, 1), _row(3)]
    assert nest(rows, lambda r, kids: {"pk": r.pk, "children": kids}) == [
        {"pk": 1, "children": [{"pk": 2, "children": []}]}, {"pk": 3, "children": []}]


def test_subtree_keys_takes_the_root_and_every_descendant():
    pairs = [(1, None), (2, 1), (3, 2), (4, None)]
    assert subtree_keys(pairs, 1) == {1, 2, 3}
