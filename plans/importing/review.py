"""The review of an extracted plan: its indicators as rows the official corrects, and the corrections
applied back to the pending document (held server-side, never in hidden fields)."""

import copy

from core.phrases import parse, short_meaning
from core.plan_items import unit_of
from core.plan_reader import sector_code

NEW_ROWS = 3
FIELDS = ("stt", "name", "unit", "target", "baseline")


def meaning(target, name):
    if not target.strip():
        return ""
    try:
        parsed = parse(target, name=name)
    except Exception:  # an odd phrase is shown as qualitative, never an error
        return "định tính"
    return "định tính" if parsed.kind == "qualitative" else short_meaning(parsed)


def rows(doc, unsure=()):
    """Every indicator of ``doc`` as a row: key "s.i.j...", depth, sector index, fields, meaning, unsure."""
    marks = dict(unsure)
    out = []

    def walk(items, s, prefix, path, depth):
        for n, item in enumerate(items):
            key, where = f"{prefix}.{n}", f"{path}[{n}]"
            out.append({"key": key, "depth": depth, "sector": s, **{f: item.get(f, "") for f in FIELDS},
                        "meaning": meaning(item.get("target", ""), item["name"]), "unsure": marks.get(where, "")})
            walk(item.get("children", []), s, key, f"{where}.children", depth + 1)

    for s, group in enumerate(doc["sectors"]):
        walk(group["indicators"], s, str(s), f"sectors[{s}].indicators", 0)
    return out


def _text(post, name, limit):
    return (post.get(name) or "").strip()[:limit]


def apply_edits(doc, post):
    """A copy of ``doc`` with the posted corrections: header fields, sector names, each indicator's
    fields, its sector (top-level rows), dropped rows (with their sub-items) and added rows."""
    doc = copy.deepcopy(doc)
    plan = doc["plan"]
    for field, limit in (("title", 500), ("number", 20), ("place", 100)):
        if field in post:
            plan[field] = _text(post, field, limit)
    if (post.get("year") or "").strip().isdigit():
        plan["year"] = int(post["year"])
    if post.get("status") in ("draft", "issued"):
        plan["status"] = post["status"]
    doc["tasks"] = [t for n, t in enumerate(doc["tasks"])
                    if not post.get(f"drop-task-{n}") and not post.get("drop-all-tasks")]
    for s, group in enumerate(doc["sectors"]):
        name = _text(post, f"sector-name-{s}", 300)
        if name:
            group["name"], group["sector"] = name, sector_code(name) or group.get("sector")
    moves = []

    def edit(items, s, prefix, top):
        kept = []
        for n, item in enumerate(items):
            key = f"{prefix}.{n}"
            if post.get(f"drop-{key}"):
                continue
            for field, limit in (("stt", 20), ("name", 2000), ("unit", 50), ("target", 500), ("baseline", 300)):
                if f"{field}-{key}" in post:
                    item[field] = _text(post, f"{field}-{key}", limit)
            item["children"] = edit(item.get("children", []), s, key, False)
            target_sector = post.get(f"sector-{key}", "")
            if top and target_sector.isdigit() and int(target_sector) != s and int(target_sector) < len(doc["sectors"]):
                moves.append((int(target_sector), item))
                continue
            if item["name"]:
                kept.append(item)
        return kept

    for s, group in enumerate(doc["sectors"]):
        group["indicators"] = edit(group["indicators"], s, str(s), True)
    for s, item in moves:
        doc["sectors"][s]["indicators"].append(item)
    for n in range(NEW_ROWS):
        name, target = _text(post, f"new-name-{n}", 2000), _text(post, f"new-target-{n}", 500)
        sector = post.get(f"new-sector-{n}", "")
        if name and sector.isdigit() and int(sector) < len(doc["sectors"]):
            unit = _text(post, f"new-unit-{n}", 50) or unit_of(target, name)
            doc["sectors"][int(sector)]["indicators"].append(
                {"stt": "", "name": name, "unit": unit, "target": target, "baseline": "", "note": "", "children": []})
    return doc
