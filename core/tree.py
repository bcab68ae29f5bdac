"""The one tree walker: rows that name their parent, read in document order.

Sections, indicators with their sub-items and units are all stored as rows with a parent id.
Pages, documents and the plan file all need them depth first, in the order the rows were given.
"""

from collections import defaultdict
from operator import attrgetter

_PK = attrgetter("pk")
_PARENT = attrgetter("parent_id")


def children_map(rows, *, parent=_PARENT):
    """{parent id: [rows]} keeping the order of ``rows``."""
    children = defaultdict(list)
    for row in rows:
        children[parent(row)].append(row)
    return children


def depth_first(rows, *, root=None, key=_PK, parent=_PARENT):
    """[(row, depth)] depth first from the rows whose parent is ``root``; rows keep their order
    among siblings. Rows whose parent is not among ``rows`` (nor ``root``) are left out."""
    children = children_map(rows, parent=parent)
    out = []
    stack = [(row, 0) for row in reversed(children.get(root, []))]
    while stack:
        row, depth = stack.pop()
        out.append((row, depth))
        stack.extend((child, depth + 1) for child in reversed(children.get(key(row), [])))
    return out


def nest(rows, build, *, root=None, key=_PK, parent=_PARENT):
    """``build(row, built_children)`` for each row under ``root``, children built first: the tree as
    nested values (e.g. the plan file's sections with their ``children``)."""
    children = children_map(rows, parent=parent)

    def level(parent_key):
        return [build(row, level(key(row))) for row in children.get(parent_key, [])]

    return level(root)


def subtree_keys(pairs, root):
    """Keys of ``root`` and everything below it, from (key, parent key) ``pairs``."""
    children = defaultdict(list)
    for key, parent in pairs:
        children[parent].append(key)
    out, stack = set(), [root]
    while stack:
        key = stack.pop()
        out.add(key)
        stack.extend(children.get(key, []))
    return out
