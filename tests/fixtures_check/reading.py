"""Reading the plan fixtures straight from their JSON (no database), for the fixture checks."""

import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def load(name):
    with open(FIXTURES / name, encoding="utf-8") as f:
        return json.load(f)


def walk(nodes):
    for node in nodes:
        yield node
        yield from walk(node["children"])


def all_indicators(doc):
    return [i for sector in doc["sectors"] for i in walk(sector["indicators"])]


def find(doc, name):
    return next(i for i in all_indicators(doc) if i["name"] == name)
