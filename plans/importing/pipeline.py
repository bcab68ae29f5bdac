"""From uploaded bytes to a ``kehoach.plan/1`` document ready for plans.interchange.import_plan."""

import copy
from dataclasses import dataclass, field

from django.db import transaction

from plans.interchange import import_plan, normalise
from plans.models import Plan

from .docx import read_docx
from .units import UnitNotFound, resolve_unit, unit_spec


@dataclass
class Extraction:
    doc: dict
    unsure: list = field(default_factory=list)
    previous: dict | None = None
    unit_id: int | None = None
    unit_error: str = ""

    def as_session(self):
        return {"doc": self.doc, "unsure": [list(u) for u in self.unsure], "previous": self.previous,
                "unit_id": self.unit_id, "unit_error": self.unit_error}

    @classmethod
    def from_session(cls, data):
        return cls(data["doc"], [tuple(u) for u in data["unsure"]], data["previous"], data["unit_id"],
                   data["unit_error"])


def _departments(doc):
    names = []
    for task in doc["tasks"]:
        names += [task.get("lead")] + list(task.get("cooperating") or [])
    return [n for n in names if n]


def attach_unit(doc, unit):
    """``doc`` with its ``unit`` replaced by the tree's unit (the departments its tasks name declared)."""
    doc = copy.deepcopy(doc)
    doc["unit"] = unit_spec(unit, _departments(doc))
    return doc


def extract_docx(data, *, year=None):
    """Read a .docx (bytes) and match its unit; the unit may stay unresolved (``unit_error``).
    Raises plans.importing.safety.UploadRefused for a file we do not open."""
    reading = read_docx(data, year=year)
    reading.doc["unit"]["departments"] = [{"name": d, "short_name": ""}
                                          for d in dict.fromkeys(_departments(reading.doc))]
    extraction = Extraction(reading.doc, list(reading.unsure), reading.previous)
    plan = reading.doc["plan"]
    text = " ".join([plan["preamble"], plan["title"], plan["authority_parent"]] + plan["legal_bases"]
                    + plan["recipients"] + [s["body"] for s in reading.doc["sections"] if not s["heading"]])
    try:
        unit = resolve_unit(reading.doc["unit"], year=reading.doc["plan"]["year"], text=text)
    except UnitNotFound as exc:
        extraction.unit_error = str(exc)
        return extraction
    extraction.unit_id = unit.pk
    extraction.doc = attach_unit(reading.doc, unit)
    if extraction.previous is not None:
        extraction.previous = {**extraction.previous, "unit": unit_spec(unit)}
    return extraction


def save_extraction(extraction, *, by=None, replace=False):
    """Write the plan (and the previous year's results when that year has no plan yet): all or nothing.
    Raises plans.interchange.PlanImportError (nothing written)."""
    with transaction.atomic():
        plan = import_plan(extraction.doc, by=by, replace=replace)
        previous = extraction.previous
        if previous is not None:
            year = previous["plan"]["year"]
            if not Plan.objects.filter(unit=plan.unit, year=year).exists():
                import_plan(normalise(previous), by=by)
    return plan
