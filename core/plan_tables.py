"""Tables of a plan document: targets (appendix), last year's results, tasks. Pure: no Django import.

``read_table(rows)`` looks at the header row to tell what a table is:

* indicators: STT / Chỉ tiêu (or Nội dung) / Đơn vị tính / Thực hiện năm trước / Kế hoạch / Ghi chú;
  a row numbered in roman figures, or without a target and in capitals, starts a sector; a row
  without STT under a numbered one (or numbered "1.1", "a", "-", "+") is its sub-item.
* results: TT / Nhiệm vụ (Chỉ tiêu) / Kết quả / Đánh giá, the previous year's results.
* tasks: Nhiệm vụ / Chủ trì / Phối hợp / Thời gian hoàn thành.
"""

import re

from core import plan_text as pt
from core.plan_items import capitalise, earlier_figure, indicator, read_item

COLUMNS = (
    ("stt", ("stt", "tt", "so tt", "so thu tu")),
    ("unit", ("don vi tinh", "dvt", "don vi")),
    ("note", ("ghi chu",)),
    ("evaluation", ("danh gia", "tu danh gia")),
    ("result", ("ket qua", "ket qua thuc hien")),
    ("lead", ("chu tri", "don vi chu tri", "co quan chu tri", "bo phan chu tri", "nguoi chu tri")),
    ("cooperating", ("phoi hop", "don vi phoi hop", "co quan phoi hop")),
    ("due", ("thoi gian", "thoi han", "han hoan thanh", "thoi gian hoan thanh")),
    ("baseline", ("thuc hien nam truoc", "uoc thuc hien", "uoc th", "thuc hien", "th nam", "nam truoc",
                  "ket qua nam truoc", "uoc thuc hien nam")),
    ("target", ("ke hoach", "kh nam", "ke hoach nam", "muc tieu", "chi tieu giao", "chi tieu ke hoach", "kh")),
    ("name", ("chi tieu", "ten chi tieu", "noi dung", "nhiem vu", "noi dung chi tieu", "danh muc")),
)


def _column(text):
    folded = re.sub(r"[^a-z0-9 ]", " ", pt.fold(text))
    folded = re.sub(r"\s+", " ", folded).strip()
    bare = re.sub(r"\s*(nam )?\d{4}$", "", folded).strip()
    for key, words in COLUMNS:
        if folded in words or bare in words:
            return key
    for key, words in COLUMNS:
        if any(folded.startswith(w + " ") for w in words if len(w) > 3):
            return key
    return None


def columns(header):
    """{"stt": 0, "name": 1, ...} from a header row; "chỉ tiêu" is the target when a name column exists."""
    found = {}
    for i, cell in enumerate(header):
        key = _column(cell)
        if key == "name" and "name" in found and pt.fold(cell).startswith("chi tieu"):
            key = "target"
        if key and key not in found:
            found[key] = i
    if "name" not in found and "target" in found and pt.fold(header[found["target"]]).startswith("chi tieu"):
        found["name"] = found.pop("target")
    return found


def _cell(row, cols, key):
    i = cols.get(key)
    return pt.clean(row[i]) if i is not None and i < len(row) else ""


def _is_header(row, header):
    """A header row repeated (a table continued on the next page, or pasted twice)."""
    return row == header


def read_table(rows, *, year=None):
    """("indicators", sectors) | ("results", indicators) | ("tasks", tasks) | (None, None)."""
    rows = [[pt.clean(re.sub(r"</?\w+>", "", c)) for c in r] for r in rows if any(c.strip() for c in r)]
    if not rows:
        return None, None
    cols = columns(rows[0])
    body = [r for r in rows[1:] if not _is_header(r, rows[0])]
    if "name" in cols and "result" in cols and "evaluation" in cols:
        return "results", _results(body, cols, year)
    if "name" in cols and ("lead" in cols or "due" in cols):
        return "tasks", _tasks(body, cols)
    if "name" in cols and "target" in cols:
        return "indicators", _indicators(body, cols, year)
    return None, None


def _roman(stt):
    return bool(re.fullmatch(r"[IVX]{1,5}\.?", stt))


def _indicators(rows, cols, year):
    sectors, current, parent = [], None, None
    for row in rows:
        stt, name, target = _cell(row, cols, "stt"), _cell(row, cols, "name"), _cell(row, cols, "target")
        if not name:
            continue
        if _roman(stt) or (not target and not stt and name == name.upper() and len(name) < 120):
            current, parent = {"name": name, "indicators": []}, None
            sectors.append(current)
            continue
        if current is None:
            current = {"name": "Chỉ tiêu chủ yếu", "indicators": []}
            sectors.append(current)
        target = re.sub(r"^[:]\s*", "", target)
        target, baseline_in_target = earlier_figure(target, year)
        item = indicator(name, target, _cell(row, cols, "baseline") or baseline_in_target, stt=_stt(stt))
        if _cell(row, cols, "unit"):
            item["unit"] = _cell(row, cols, "unit")[:50]
        item["note"] = _cell(row, cols, "note")
        if not target:
            item["_unsure"] = "Dòng không có chỉ tiêu (cột Kế hoạch trống)."
        sub = parent is not None and (not stt or re.fullmatch(r"\d+\.\d+|[a-zđ]\)?|[-+*]", stt))
        if sub:
            parent["children"].append(item)
        else:
            current["indicators"].append(item)
            parent = item
    return [s for s in sectors if s["indicators"]]


def _stt(stt):
    return "" if stt in ("-", "+", "*") else stt.rstrip(".")


def _results(rows, cols, year):
    out = []
    for row in rows:
        stt, text = _cell(row, cols, "stt"), _cell(row, cols, "name")
        if not text:
            continue
        item = read_item(text, stt=_stt(stt), year=year)
        item.pop("_unsure", None)
        for child in item["children"]:
            child.pop("_unsure", None)
        item["results"] = [{"period": "y", "text": _cell(row, cols, "result"),
                            "evaluation": _cell(row, cols, "evaluation")[:200]}]
        out.append(item)
    return out


def _names(text):
    return [capitalise(p.strip(" .;")) for p in re.split(r"[;,\n]| và ", text) if p.strip(" .;")]


def _tasks(rows, cols):
    out = []
    for row in rows:
        title = _cell(row, cols, "name")
        if not title or _roman(_cell(row, cols, "stt")):
            continue
        due_text = _cell(row, cols, "due")
        lead = _names(_cell(row, cols, "lead"))
        out.append({"stt": _stt(_cell(row, cols, "stt")), "title": title, "lead": lead[0] if lead else None,
                    "cooperating": _names(_cell(row, cols, "cooperating")), "due_date": pt.day_month_year(due_text),
                    "due_text": "" if pt.day_month_year(due_text) else due_text[:200]})
    return out

