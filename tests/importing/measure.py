"""Share of indicators, targets and header fields the Word reader gets right.

    .venv/bin/python -m tests.importing.measure

Reads the five seed plans (rebuilt as .docx from their text) against fixtures/, and the five
layouts of tests/importing/layouts.py against what they must give; prints one line per plan and
the totals. Needs no database.
"""

import json
from pathlib import Path

from plans.importing.docx import read_docx

from .builders import SEED_FIXTURES, docx_bytes, seed_docx
from .layouts import LAYOUTS
from .scoring import _key, _target_key, indicators, score, share

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def layout_score(doc, unit, header, expected):
    got = indicators(doc)
    found = targets = 0
    for name, target in expected:
        match = next((g for g in got if _key(g["name"]) == _key(name)), None)
        found += match is not None
        targets += match is not None and _target_key(match["target"]) == _target_key(target)
    hits = 0
    for field, want in header.items():
        value = doc["plan"]
        for part in field.split("."):
            value = value.get(part)
        hits += value == want
    hits += (doc["unit"]["name"], doc["unit"]["kind"]) == unit
    return {"indicators": (found, len(expected)), "targets": (targets, len(expected)),
            "header": (hits, len(header) + 1)}


def layout_docx(name, text):
    return docx_bytes(text, tabs_as_text=name == "tab-table")


def run():
    rows = []
    for name, fixture in SEED_FIXTURES.items():
        reading = read_docx(seed_docx(name))
        rows.append((fixture, score(reading.doc, json.loads((FIXTURES / f"{fixture}.json").read_text()))))
    for name, text, unit, header, expected in LAYOUTS:
        reading = read_docx(layout_docx(name, text))
        rows.append((name, layout_score(reading.doc, unit, header, expected)))
    return rows


def main():
    rows = run()
    for name, result in rows:
        print(f"{name:26} " + "  ".join(f"{k} {h}/{t}" for k, (h, t) in result.items()))
    for key in ("indicators", "targets", "header"):
        print(f"share of {key} read right: {share([r[key] for _, r in rows]):.1%}")


if __name__ == "__main__":
    main()
