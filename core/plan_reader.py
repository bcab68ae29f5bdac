"""A plan document, as a sequence of paragraphs and tables, read into a ``kehoach.plan/1`` document.
Pure: no Django import (plans.importing.docx turns a .docx into the blocks read here).

``read_plan(blocks)`` returns a :class:`Reading`: the document (its ``unit`` a hint by name, to be
matched against the unit tree by the caller), the items the reader was unsure of as
(path, message) pairs, and the previous year's results when the document carries a results table.
The order of reading follows the document: header, title, legal bases and preamble, sections as
headed, "Trên đây là ...", Nơi nhận, signer, appendix tables.
"""

import re
from dataclasses import dataclass, field

from core import plan_text as pt
from core.plan_lists import assigned_tasks, list_items, solution_tasks
from core.plan_tables import read_table


@dataclass
class Para:
    text: str
    bold: bool = False
    centered: bool = False


@dataclass
class Table:
    rows: list


@dataclass
class Reading:
    doc: dict
    unsure: list = field(default_factory=list)
    previous: dict | None = None


@dataclass
class _Line:
    text: str
    para: int
    bold: bool = False
    centered: bool = False


SECTOR_CODES = (("chinh quyen", "xay-dung-chinh-quyen"), ("hanh chinh", "xay-dung-chinh-quyen"),
                ("quoc phong", "quoc-phong-an-ninh"), ("an ninh", "quoc-phong-an-ninh"),
                ("noi chinh", "quoc-phong-an-ninh"), ("moi truong", "moi-truong"), ("van hoa", "van-hoa-xa-hoi"),
                ("xa hoi", "van-hoa-xa-hoi"), ("giao duc", "van-hoa-xa-hoi"), ("y te", "van-hoa-xa-hoi"),
                ("kinh te", "kinh-te"), ("ngan sach", "kinh-te"))


def sector_code(name):
    """The catalogue sector a heading names ("Chỉ tiêu văn hóa-xã hội" -> "van-hoa-xa-hoi"), else None."""
    folded = pt.fold(name).replace("-", " ")
    for word, code in SECTOR_CODES:
        if word in folded:
            return code
    return None


def _lines(blocks):
    """Paragraph lines and tables in order; consecutive tab-separated lines become a table."""
    out, tab_rows = [], []

    def flush():
        if len(tab_rows) >= 2:
            out.append(Table([list(r) for r in tab_rows]))
        else:
            out.extend(_Line(" ".join(r), -1) for r in tab_rows)
        tab_rows.clear()

    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            flush()
            out.append(block)
            continue
        for raw in block.text.split("\n"):
            if "\t" in raw and len([c for c in raw.split("\t") if c.strip()]) >= 2:
                tab_rows.append([pt.clean(c) for c in raw.split("\t")])
                continue
            flush()
            text = pt.clean(raw)
            if text:
                out.append(_Line(text, i, block.bold, block.centered))
    flush()
    return out


def _table_lines(table, para):
    """A layout table (header, signature) read column by column as lines."""
    lines = []
    columns = max((len(r) for r in table.rows), default=0)
    for c in range(columns):
        for row in table.rows:
            if c < len(row):
                lines += [_Line(pt.clean(t), para) for t in row[c].split("\n") if pt.clean(t)]
    return lines


def _is_layout_table(table, words):
    text = pt.fold(" ".join(" ".join(r) for r in table.rows))
    return any(w in text for w in words)


class _Reader:
    def __init__(self, blocks, year):
        self.items = _lines(blocks)
        self.year = year
        self.unsure = []
        self.plan = {"status": "draft", "authority_parent": "", "authority": "", "number": "",
                     "symbol": "KH-UBND", "place": "", "issued_on": None, "date_text": "", "doc_type": "KẾ HOẠCH",
                     "title": "", "legal_bases": [], "preamble": "", "recipients": [],
                     "signer": {"authority": "", "title": "", "name": ""}, "appendix_title": ""}
        self.sections, self.tables, self.unit_names, self.parent_names = [], [], [], []
        self.draft = False
        self.closing_text = ""

    # header and title -------------------------------------------------------------------
    def header(self):
        limit = min(len(self.items), 60)
        doc_type = next((k for k in range(limit) if isinstance(self.items[k], _Line)
                         and pt.is_doc_type(self.items[k].text)), None)
        end = doc_type if doc_type is not None else 0
        lines = []
        for item in self.items[:end]:
            lines += _table_lines(item, -1) if isinstance(item, Table) else [item]
        authorities = []
        for line in lines:
            text = line.text
            if pt.is_authority(text):
                authorities.append(text)
            elif pt.number_symbol(text):
                self.plan["number"], self.plan["symbol"] = pt.number_symbol(text)
            elif pt.is_draft(text):
                self.plan["status"] = "draft"
                self.draft = True
            elif pt.place_date(text):
                found = pt.place_date(text)
                self.plan["place"], self.plan["date_text"] = found.place, found.date_text
                self.plan["issued_on"] = found.issued_on.isoformat() if found.issued_on else None
        if authorities:
            self.plan["authority"] = authorities[-1]
            if len(authorities) > 1:
                self.plan["authority_parent"] = authorities[0]
                self.parent_names.append(pt.parent_name(authorities[0]))
            named = pt.authority_unit(authorities[-1])
            if named:
                self.unit_names.append(named)
        if doc_type is None:
            self.unsure.append(("plan.title", "Không thấy dòng “KẾ HOẠCH”: tên kế hoạch có thể đọc sai."))
            return self.title_fallback(0)
        return self.title(doc_type + 1)

    def title_fallback(self, i):
        while i < len(self.items) and not isinstance(self.items[i], _Line):
            i += 1
        if i < len(self.items):
            self.plan["title"] = self.items[i].text
            return i + 1
        return i

    def title(self, i):
        doc_line = self.items[i - 1]
        parts = []
        while i < len(self.items) and isinstance(self.items[i], _Line):
            line = self.items[i]
            same = line.para == doc_line.para
            if not (same or (line.centered and not pt.heading(line.text))) or pt.heading(line.text) and not same:
                break
            if not same and self._starts_body(line.text):
                break
            parts.append(line.text)
            i += 1
        self.plan["title"] = " ".join(parts)
        if not parts:
            self.unsure.append(("plan.title", "Không đọc được tên kế hoạch sau dòng “KẾ HOẠCH”."))
        return i

    @staticmethod
    def _starts_body(text):
        return pt.fold(text).startswith(("can cu", "thuc hien", "de thuc hien", "theo ", "trien khai"))

    # legal bases and preamble --------------------------------------------------------------
    def opening(self, i):
        preamble = []
        while i < len(self.items):
            item = self.items[i]
            if isinstance(item, Table) or self._section_start(item):
                break
            if self._closing(item.text):
                break
            sentences = re.split(r"(?<=\.)\s+(?=[A-ZĐÂÊÔƠƯ])", item.text)
            if pt.fold(item.text).startswith(("can cu", "thuc hien")) and not preamble:
                self.plan["legal_bases"].append(sentences[0])
                if len(sentences) > 1:
                    preamble.append(" ".join(sentences[1:]))
            else:
                preamble.append(item.text)
            i += 1
        self.plan["preamble"] = "\n\n".join(preamble)
        return i

    def _section_start(self, line):
        h = pt.heading(line.text)
        return h is not None and (h.level <= 1 or line.bold or pt.looks_like_title(line.text))

    @staticmethod
    def _closing(text):
        return pt.is_recipients(text) or pt.fold(text).startswith("tren day la") or pt.is_signer_authority(text)

    # sections ------------------------------------------------------------------------------
    def body(self, i):
        stack = []  # (level, section)
        current = None
        last_para = None
        while i < len(self.items):
            item = self.items[i]
            if isinstance(item, Table):
                if _is_layout_table(item, ("noi nhan",)):
                    break
                self.tables.append((item, current))
                i += 1
                continue
            text = item.text
            if self._closing(text) or pt.is_appendix_start(text):
                break
            accepted = self._accept_heading(item, stack)
            if accepted:
                level, heading, rest = accepted
                while stack and stack[-1][0] >= level:
                    stack.pop()
                section = {"heading": heading, "body": "", "include_indicators": False, "children": [],
                           "_lines": [], "_number": (pt.heading(text).number or (0,))[-1], "_level": level}
                if level == 0:
                    i, section["heading"] = self._part_heading(i, heading)
                (stack[-1][1]["children"] if stack else self.sections).append(section)
                stack.append((level, section))
                current, last_para = section, None
                if rest:
                    current["_lines"].append(_Line(rest, item.para))
                    current["body"] = rest
                    last_para = item.para
                i += 1
                continue
            if current is None:
                current = {"heading": "", "body": "", "include_indicators": False, "children": [], "_lines": [],
                           "_number": 0}
                self.sections.append(current)
            current["_lines"].append(item)
            sep = "" if not current["body"] else ("\n" if item.para == last_para else "\n\n")
            current["body"] += sep + text
            last_para = item.para
            i += 1
        return i

    def _part_heading(self, i, heading):
        words = []
        j = i + 1
        while j < len(self.items) and isinstance(self.items[j], _Line):
            text = self.items[j].text
            if text != text.upper() or pt.heading(text):
                break
            words.append(text)
            j += 1
        return j - 1, heading + ("\n" + " ".join(words) if words else "")

    def _accept_heading(self, line, stack):
        h = pt.heading(line.text)
        if h is None:
            return None
        text = line.text
        if h.level <= 1:
            return (h.level, text, "") if len(text) <= 200 and (line.bold or not text.endswith(".")) else None
        parent = next((s for lvl, s in reversed(stack) if lvl < h.level), None)
        siblings = parent["children"] if parent else self.sections
        same_level = [s for s in siblings if s.get("_level", h.level) == h.level]
        if same_level and h.number[-1] < same_level[-1]["_number"]:
            return None
        context = any(pt.is_indicator_heading(s["heading"]) for _, s in stack)
        if line.bold or pt.looks_like_title(text):
            return h.level, text, ""
        head, colon, rest = text.partition(":")
        if colon and not context and len(head) <= 90 and pt.looks_like_title(head) and rest.strip():
            return h.level, head + ":", rest.strip()
        return None

    # closing -----------------------------------------------------------------------------------
    def closing(self, i):
        lines = []
        while i < len(self.items):
            item = self.items[i]
            if isinstance(item, Table):
                if _is_layout_table(item, ("noi nhan", "chu tich", "tm.", "kt.")):
                    lines += _table_lines(item, -1)
                    i += 1
                    continue
                break
            if pt.is_appendix_start(item.text):
                break
            lines.append(item)
            i += 1
        mode = None
        signer = self.plan["signer"]
        for line in lines:
            text = line.text
            if pt.fold(text).startswith("tren day la"):
                self.closing_text = text
                continue
            if pt.is_recipients(text):
                mode = "recipients"
                continue
            if pt.is_signer_authority(text) and not signer["authority"]:
                signer["authority"], mode = text, "signer"
                continue
            if pt.is_signer_title(text) and not signer["title"]:
                signer["title"], mode = text, "signer"
                continue
            if pt.is_signed_mark(text):
                continue
            if mode == "recipients" and re.match(r"^[-–+•]", text):
                self.plan["recipients"].append(text.lstrip("-–+• ").strip())
            elif mode == "signer" and not signer["name"] and pt.is_person_name(text):
                signer["name"] = text
        if self.closing_text:
            self.sections.append({"heading": "", "body": self.closing_text, "include_indicators": False,
                                  "children": [], "_lines": [], "_number": 0})
        return i

    # appendix ----------------------------------------------------------------------------------
    def appendix(self, i):
        caption = []
        while i < len(self.items):
            item = self.items[i]
            if isinstance(item, Table):
                self.tables.append((item, " ".join(caption)))
                caption = []
            else:
                text = item.text
                attached = pt.attached_to(text)
                if attached:
                    self._attached(attached)
                elif pt.fold(text) == "phu luc":
                    i += 1
                    continue
                elif not caption and not self.plan["appendix_title"] and text == text.upper():
                    self.plan["appendix_title"] = text
                caption.append(text)
                self.unit_names += [n for n, _ in pt.units_in(text)]
            i += 1
        return i

    def _attached(self, attached):
        number, symbol, day, unit = attached
        if number and not self.plan["number"]:
            self.plan["number"], self.plan["symbol"] = number, symbol
            self.plan["issued_on"] = day.isoformat() if day else self.plan["issued_on"]
        if unit:
            self.unit_names += [n for n, _ in pt.units_in("UBND " + unit)]

    # assembling --------------------------------------------------------------------------------
    def run(self):
        i = self.header()
        i = self.opening(i)
        i = self.body(i)
        i = self.closing(i)
        self.appendix(i)
        self._year()
        sectors, tasks, previous = self._indicators()
        tasks += solution_tasks(self.sections, sector_code)
        tasks += assigned_tasks(_all_lines(s) for s in _walk(self.sections)
                                if "to chuc thuc hien" in pt.fold(s["heading"]))
        if self.plan["number"] and self.plan["issued_on"] and not self.draft:
            self.plan["status"] = "issued"
        self._clean_sections(self.sections)
        unit = self._unit_hint()
        if not self.plan["place"] and unit["name"]:
            self.plan["place"] = unit["name"].split(" ", 1)[1]
            self.unsure.append(("plan.place", "Không thấy dòng địa danh, ngày tháng: lấy địa danh theo tên đơn vị."))
        if not self.plan["issued_on"] and not self.plan["date_text"]:
            self.unsure.append(("plan.issued_on", "Không đọc được ngày ban hành."))
        if not self.plan["signer"]["title"]:
            self.unsure.append(("plan.signer", "Không thấy khối chữ ký (TM./KT., chức vụ, họ tên)."))
        doc = {"format": "kehoach.plan/1", "unit": unit, "plan": {"year": self.year, **self.plan},
               "sections": self.sections, "sectors": sectors, "tasks": tasks}
        return Reading(doc, self.unsure, previous)

    def _year(self):
        years = [int(y) for y in re.findall(r"\b(20\d\d)\b", self.plan["title"])]
        if years:
            self.year = years[-1]
        elif self.year is None:
            issued = self.plan["issued_on"] or ""
            self.year = int(issued[:4]) + 1 if issued else None
            self.unsure.append(("plan.year", "Không thấy năm trong tên kế hoạch: kiểm tra năm kế hoạch."))

    def _unit_hint(self):
        text = " ".join(line.text for line in self.items if isinstance(line, _Line))
        names = [(n, 5) for n in self.unit_names] + pt.units_in(text)
        if not names:
            self.unsure.append(("unit", "Không đọc được tên đơn vị (phường/xã) trong văn bản."))
            return {"code": None, "name": "", "kind": "ward", "ancestors": [], "children": [], "departments": []}
        counts = {}
        for name, weight in names:
            counts[name] = counts.get(name, 0) + weight
        name, kind = max(counts, key=counts.get)
        return {"code": None, "name": name, "kind": kind,
                "ancestors": [{"code": None, "name": p, "kind": "district", "valid_to": None}
                              for p in self.parent_names if p],
                "children": [], "departments": []}

    def _clean_sections(self, sections):
        for s in sections:
            s.pop("_lines", None)
            s.pop("_number", None)
            s.pop("_level", None)
            self._clean_sections(s["children"])

    def _indicators(self):
        sectors, tasks, previous = [], [], None
        for table, where in self.tables:
            kind, read = read_table(table.rows, year=self.year)
            if kind == "indicators":
                sectors += read
                if isinstance(where, dict):
                    where["include_indicators"] = True
            elif kind == "results" and previous is not None:
                previous["sectors"][0]["indicators"] += read
            elif kind == "results":
                previous = self._previous(read, where)
            elif kind == "tasks":
                tasks += read
        if not sectors:
            sectors = self._body_indicators()
        for s, group in enumerate(sectors):
            group.setdefault("sector", sector_code(group["name"]))
            self._unsure_marks(group["indicators"], f"sectors[{s}].indicators")
        if not any(g["indicators"] for g in sectors):
            self.unsure.append(("sectors", "Không tìm thấy chỉ tiêu nào: thêm chỉ tiêu trước khi lưu."))
        return sectors, tasks, previous

    def _unsure_marks(self, items, path):
        for n, item in enumerate(items):
            where = f"{path}[{n}]"
            message = item.pop("_unsure", "")
            if message:
                self.unsure.append((where, message))
            self._unsure_marks(item["children"], f"{where}.children")

    def _previous(self, rows, caption):
        if self.year is None:
            return None
        caption = caption if isinstance(caption, str) else ""
        name = re.sub(r"^Biểu số \d+\s*:\s*", "", caption.split("(Kèm theo")[0]).strip() or "Kết quả năm trước"
        return {"format": "kehoach.plan/1", "plan": {"year": self.year - 1, "title": f"Phát triển kinh tế - xã hội "
                                                     f"năm {self.year - 1}", "status": "draft"},
                "sectors": [{"name": name[:300], "sector": sector_code(name), "indicators": rows}],
                "sections": [], "tasks": []}

    def _body_indicators(self):
        top = _first(self.sections, lambda s: pt.is_indicator_heading(s["heading"]))
        if top is None:
            return []
        top["include_indicators"] = True
        groups = top["children"] or [top]
        sectors = []
        for group in groups:
            lines = _all_lines(group)
            indicators = list_items([line.text for line in lines], year=self.year)
            if indicators:
                sectors.append({"name": pt.heading_label(group["heading"]), "indicators": indicators})
        return sectors


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s["children"])


def _first(sections, test):
    return next((s for s in _walk(sections) if test(s)), None)


def _all_lines(section):
    lines = list(section.get("_lines", []))
    for child in section["children"]:
        lines += _all_lines(child)
    return lines


def read_plan(blocks, *, year=None):
    """Read ``blocks`` (Para and Table, in document order) into a :class:`Reading`."""
    return _Reader(blocks, year).run()
