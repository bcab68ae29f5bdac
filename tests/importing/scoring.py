"""How much of a plan the reader got right, against a hand-made kehoach.plan/1 document.

Indicators: a fixture indicator is read when an extracted one has the same name (case, accents,
punctuation and spacing folded, or one name containing the other); its target is read right when
the two targets are equal once folded, a leading "đạt" and the text after the first figure's unit
aside. Header fields compare the plan metadata the reader fills in.
"""

import re

from core.plan_text import fold

HEADER_FIELDS = ("year", "status", "number", "symbol", "place", "issued_on", "date_text", "title",
                 "signer.authority", "signer.title", "signer.name", "legal_bases", "recipients")


def _key(text):
    return re.sub(r"[^a-z0-9%]+", " ", fold(text or "")).strip()


def _target_key(text):
    key = _key(text)
    return re.sub(r"^dat ", "", key)


def walk(items):
    for item in items:
        yield item
        yield from walk(item.get("children", []))


def indicators(doc):
    return [i for s in doc.get("sectors", []) for i in walk(s["indicators"])]


def _same_name(a, b):
    a, b = _key(a), _key(b)
    return bool(a and b) and (a == b or (len(a) > 8 and len(b) > 8 and (a in b or b in a)))


def _pairs(got, want):
    """Each expected indicator paired with one extracted indicator: equal names first, then the
    closest name containing (or contained in) it; an extracted indicator is used once."""
    free = list(range(len(got)))
    pairs = {}
    for n, item in enumerate(want):
        hit = next((i for i in free if _key(got[i]["name"]) == _key(item["name"])), None)
        if hit is not None:
            pairs[n] = got[hit]
            free.remove(hit)
    for n, item in enumerate(want):
        if n in pairs:
            continue
        near = [i for i in free if _same_name(got[i]["name"], item["name"])]
        if near:
            hit = min(near, key=lambda i: abs(len(got[i]["name"]) - len(item["name"])))
            pairs[n] = got[hit]
            free.remove(hit)
    return pairs


def score(read, expected):
    """{"indicators": (hits, total), "targets": (hits, total), "header": (hits, total), "sections": ...}."""
    got = indicators(read)
    found = targets = 0
    want = indicators(expected)
    matches = _pairs(got, want)
    for n, item in enumerate(want):
        match = matches.get(n)
        if match is None:
            continue
        found += 1
        targets += _target_key(match["target"]) == _target_key(item["target"])
    header = 0
    for name in HEADER_FIELDS:
        a, b = read["plan"], expected["plan"]
        for part in name.split("."):
            a, b = (a or {}).get(part), (b or {}).get(part)
        if name == "status" and b is None:
            b = "draft"
        header += (_key(" ".join(a)) == _key(" ".join(b))) if isinstance(b, list) else (
            _key(str(a or "")) == _key(str(b or "")))
    heads = [_key(s["heading"]) for s in walk(expected.get("sections", [])) if s["heading"]]
    mine = {_key(s["heading"]) for s in walk(read.get("sections", []))}
    sections = sum(h in mine for h in heads)
    titles = {_key(t["title"])[:80]: t for t in read.get("tasks", [])}
    tasks = [titles.get(_key(t["title"])[:80]) for t in expected.get("tasks", [])]
    leads = sum(1 for t, w in zip(tasks, expected.get("tasks", []), strict=True) if t and t["lead"] == w["lead"])
    return {"indicators": (found, len(want)), "targets": (targets, len(want)),
            "header": (header, len(HEADER_FIELDS)), "sections": (sections, len(heads)),
            "tasks": (sum(1 for t in tasks if t), len(tasks)), "task leads": (leads, len(tasks))}


def share(pairs):
    hits = sum(h for h, _ in pairs)
    total = sum(t for _, t in pairs)
    return hits / total if total else 1.0
