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


_SOLUTIONS = ("nhiem vu va giai phap", "bien phap thuc hien", "giai phap chu yeu", "nhiem vu, giai phap")
_BODIES = ("tram", "cong an", "ban chi huy", "trung tam", "van phong", "truong ", "doi ", "to ", "bo phan",
           "hoi ")


def _lead(label):
    """The body a solutions heading names: "Lĩnh vực Tài chính - Kế toán" -> "Tài chính - Kế toán",
    "Trạm Y tế phường" -> itself; a theme ("Về phát triển kinh tế") names none."""
    label = label.rstrip(": ")
    if pt.fold(label).startswith("linh vuc "):
        return label[len("Lĩnh vực "):].strip()
    return label if pt.fold(label).startswith(_BODIES) and len(label) <= 100 else None


def solution_tasks(sections, sector_of):
    """A task per paragraph or bullet of the sections under "Nhiệm vụ và giải pháp": group = the
    sub-heading, stt = the heading's number, lead = the body the heading names (if it names one)."""
    tasks = []
    for top in _solution_sections(sections):
        for group in top["children"]:
            label = pt.heading_label(group["heading"])
            lead = _lead(label)
            for leaf in _leaves(group):
                number = pt.heading(leaf["heading"])
                stt = ".".join(str(n) for n in number.number) if number and number.number else ""
                for part in re.split(r"\n+", leaf["body"]):
                    title = re.sub(r"^[-–+•*]\s*", "", part).strip()
                    if len(title) < 15:
                        continue
                    tasks.append({"stt": stt, "group": label[:300], "sector": sector_of(leaf["heading"] + " " + label),
                                  "title": title, "lead": lead, "cooperating": [], "due_text": "",
                                  "due_date": None})
    return tasks


def _solution_sections(sections):
    for section in sections:
        if any(w in pt.fold(section["heading"]) for w in _SOLUTIONS) and section["children"]:
            yield section
        else:
            yield from _solution_sections(section["children"])


def _leaves(section):
    if not section["children"]:
        return [section]
    own = [dict(section, children=[])] if section["body"].strip() else []
    return own + [leaf for child in section["children"] for leaf in _leaves(child)]
