"""Sibling order of rows that carry an ``order`` column (sections, indicators, tasks)."""

from django.db.models import Max


def next_order(siblings):
    """The ``order`` of a row added last among ``siblings``."""
    return (siblings.aggregate(m=Max("order"))["m"] or 0) + 1


def swap(siblings, obj, *, up):
    """Swap ``obj`` with its previous (``up``) or next sibling; the siblings are renumbered 1..n.

    Side effects: plain UPDATEs of the orders that change (the order is layout, not content,
    and needs no history row)."""
    rows = list(siblings.order_by("order", "pk"))
    index = next(i for i, row in enumerate(rows) if row.pk == obj.pk)
    other = index - 1 if up else index + 1
    if not 0 <= other < len(rows):
        return
    rows[index], rows[other] = rows[other], rows[index]
    model = type(obj)
    for position, row in enumerate(rows, start=1):
        if row.order != position:
            model.objects.filter(pk=row.pk).update(order=position)
