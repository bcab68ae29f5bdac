"""Names stored a second time folded (core.matching.fold: lower case, no diacritics, đ -> d), so
that "my phu" finds "Phường Mỹ Phú" with a plain ``LIKE`` in the database instead of folding every
candidate in Python.

A model lists its folded copies in ``FOLDED = {"name_folded": "name"}``. The copies follow the
source on ``save()`` (:class:`FoldedFieldsMixin`) and through ``bulk_create`` / ``bulk_update``
(:class:`FoldedQuerySet`, which ``simple_history``'s bulk helpers go through too); a data migration
fills the rows that were there before. :func:`matching` is the one query every search box uses
(the navbar search, the admin lists).
"""

from django.db import models
from django.db.models import Q

from core.matching import fold


def fill_folded(objs):
    """Set the folded copies of ``objs`` (all of one model) from their sources."""
    for obj in objs:
        for target, source in type(obj).FOLDED.items():
            setattr(obj, target, fold(getattr(obj, source) or ""))


class FoldedFieldsMixin:
    """Keeps the model's ``FOLDED`` copies in step with their sources on every ``save()``."""

    FOLDED = {}

    def save(self, *args, **kwargs):
        fill_folded([self])
        fields = kwargs.get("update_fields")
        if fields is not None:
            fields = set(fields)
            kwargs["update_fields"] = fields | {t for t, s in self.FOLDED.items() if s in fields}
        super().save(*args, **kwargs)


class FoldedQuerySet(models.QuerySet):
    """``bulk_create`` and ``bulk_update`` fill the folded copies as ``save()`` does."""

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        fill_folded(objs)
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        extra = [t for t, s in self.model.FOLDED.items() if s in fields and t not in fields]
        if extra:
            fill_folded(objs)
        return super().bulk_update(objs, [*fields, *extra], *args, **kwargs)


def query_words(query):
    """The folded words of what a person typed ("Mỹ  Phú!" -> ["my", "phu"])."""
    return fold(query or "").split()


def matching(queryset, query, *fields):
    """``queryset`` narrowed to rows where every folded word of ``query`` occurs in one of the folded
    ``fields`` (lookups such as "name_folded" or "unit__name_folded"; a plain field, e.g. "year" or
    "code", is matched as text ignoring case). An empty query leaves ``queryset`` as it is."""
    for word in query_words(query):
        either = Q()
        for field in fields:
            either |= Q(**{f"{field}__{'contains' if field.endswith('_folded') else 'icontains'}": word})
        queryset = queryset.filter(either)
    return queryset


def fill_existing(model, folded, batch=2000):
    """Fill the folded copies ``folded`` ({target: source}) of every row of ``model`` (a data migration's
    historical model, which has neither the mixin nor the queryset)."""
    rows = []
    for row in model.objects.only("pk", *folded.values()).iterator(chunk_size=batch):
        for target, source in folded.items():
            setattr(row, target, fold(getattr(row, source) or ""))
        rows.append(row)
        if len(rows) >= batch:
            model.objects.bulk_update(rows, list(folded), batch_size=batch)
            rows = []
    model.objects.bulk_update(rows, list(folded), batch_size=batch)
