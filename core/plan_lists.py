"""Lists inside a plan's text: indicator items ("(1).", "1.", "-" with "+", "Trong đó:", "11.1") and
tasks given in "Tổ chức thực hiện" ("Giao X theo dõi ... trước ngày 05/12/2024"). Pure: no Django import."""

import re

from core import plan_text as pt
from core.plan_items import capitalise, read_item

_TASK_VERBS = r"(theo dõi|chủ trì|tham mưu|phối hợp|thực hiện|kiểm tra|tổng hợp|xây dựng|triển khai|hướng dẫn|đôn đốc)"
_SUB_ITEM = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$")


def list_items(lines, *, year=None):
    """The indicators a list of lines holds; unmarked lines count only when no line is marked."""
    marked = [(text, pt.item(text)) for text in lines]
    any_mark = any(m for _, m in marked)
    out, under = [], False
    for text, mark in marked:
        if pt.fold(text).rstrip(":") == "trong do":
            under = bool(out)
            continue
        sub = _SUB_ITEM.match(text)
        if sub and out and sub.group(1) == out[-1]["stt"]:
            out[-1]["children"].append(read_item(sub.group(3), stt=f"{sub.group(1)}.{sub.group(2)}", year=year))
            continue
        if mark is None:
            if not any_mark:
                out.append(read_item(text, year=year))
            continue
        kind, body = mark
        if out and (kind == "+" or (kind == "-" and under)):
            out[-1]["children"].append(read_item(body, year=year))
        else:
            under = False
            out.append(read_item(body, stt="" if kind in "-+" else kind, year=year))
    return out


def assigned_tasks(groups):
    """Tasks of "Giao <bộ phận> <verb> ..." sentences; ``groups`` yields lists of lines (objects with .text)."""
    tasks = []
    for lines in groups:
        for line in lines:
            text = re.sub(r"^\d+\s*[.)]\s*", "", line.text)
            match = re.match(rf"^Giao\s+(.+?)\s+{_TASK_VERBS}\b(.*)$", text, re.IGNORECASE)
            if not match or len(match.group(1)) > 80:
                continue
            lead = re.sub(r"^(công chức|bộ phận|cán bộ)\s+", "", match.group(1), flags=re.IGNORECASE)
            title = capitalise(match.group(2) + match.group(3)).rstrip("./ ")
            due = re.search(r"trước ngày\s*(\d{1,2}/\d{1,2}/\d{4})", title)
            tasks.append({"stt": "", "title": title, "lead": lead, "cooperating": [], "due_text": "",
                          "due_date": pt.day_month_year(due.group(1)) if due else None})
    return tasks
