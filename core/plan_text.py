"""Recognising the lines of a Vietnamese plan document: header, headings, indicator clauses.
Pure: no Django import. Used by core.plan_reader, which walks a whole document.

Decided on the five seed plans (../shared/seeds) and the layouts wards use:

* Header: "UBND THÀNH PHỐ X" / "ỦY BAN NHÂN DÂN PHƯỜNG Y" (also "UỶ"), "Số: 843/KH-UBND" or
  "Số:    /KH-UBND" (a blank number), "DỰ THẢO", "Mỹ Phú, ngày 29 tháng 11 năm 2023" with
  blanks allowed ("ngày   tháng 02 năm 2024"). The motto lines are recognised and skipped.
* Headings: "Phần thứ nhất", roman "I." / "III-", arabic "1.", "2.1.", "2.2.1.".
* An indicator clause "Tỷ lệ lao động qua đào tạo đạt 88%" splits into a name and the target as
  written. The target starts at the direction words ("đạt", "từ", "dưới", "trên", "tăng",
  "giảm" ...) before its number and runs to the end of the clause: the words are kept; a
  connecting ":" or "là" is dropped. "đạt" is kept: it carries the direction (at least), as in
  core.phrases. A parenthesised figure of an earlier year ("(năm 2023: 88%)") is the baseline.
"""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .text import strip_diacritics

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def fold(text):
    """Lower case, no accents, single spaces: "UỶ BAN  Nhân dân" -> "uy ban nhan dan"."""
    text = strip_diacritics(text)
    return _SPACES.sub(" ", text).strip().lower()


def clean(text):
    """Single spaces, NFC, no surrounding blanks (tabs kept out)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


# --- header ---------------------------------------------------------------------------------

_AUTHORITY = re.compile(r"^(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\b")
_MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap tu do hanh phuc")
_NUMBER = re.compile(r"^S[ốố]\s*:?\s*(\d*)\s*/\s*([\wĐđ.\-]+)\s*$", re.IGNORECASE)
_DATE = re.compile(r"^(?P<place>[^,]{1,80}),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})",
                   re.IGNORECASE)


def is_authority(line):
    """"UBND THÀNH PHỐ CAO LÃNH", "ỦY BAN NHÂN DÂN PHƯỜNG MỸ PHÚ" (also "UỶ"), written in capitals."""
    text = clean(line)
    return bool(_AUTHORITY.match(fold(text))) and text == text.upper() and len(text) < 120


def is_motto(line):
    folded = fold(line).replace("–", "-")
    return any(folded.startswith(m) for m in _MOTTO)


def is_draft(line):
    return fold(line).strip("() ") in ("du thao", "du thao lan 1", "du thao lan 2")


def is_doc_type(line):
    return fold(line) == "ke hoach"


def title_after_doc_type(title, doc_type="KẾ HOẠCH"):
    """The trích yếu without the document type an official typed in front of it: the document
    prints "KẾ HOẠCH" above the title, so "Kế hoạch phát triển ... năm 2026" would read twice.
    "Kế hoạch phát triển ..." -> "Phát triển ..."; any other title is returned unchanged."""
    words, kind = title.split(), fold(doc_type).split()
    if not kind or len(words) <= len(kind) or [fold(w).rstrip(":-–—") for w in words[:len(kind)]] != kind:
        return title
    if fold(words[len(kind)]) == "hoa":   # "Kế hoạch hóa gia đình" is a subject, not the document type
        return title
    rest = " ".join(words[len(kind):]).lstrip(":-–— ")
    return rest[:1].upper() + rest[1:] if rest else title


def number_symbol(line):
    """("843", "KH-UBND") from "Số: 843/KH-UBND"; ("", "KH-UBND") from "Số:   /KH-UBND"; else None."""
    match = _NUMBER.match(clean(line))
    return (match.group(1), match.group(2)) if match else None


@dataclass(frozen=True)
class PlaceDate:
    place: str
    issued_on: date | None
    date_text: str


def place_date(line):
    """Place and date of "Lai Hưng, ngày 01 tháng 12 năm 2023"; blanks give a date_text instead."""
    match = _DATE.match(clean(line))
    if not match:
        return None
    d, m, y = match.group("d"), match.group("m"), int(match.group("y"))
    issued = None
    if d and m:
        try:
            issued = date(y, int(m), int(d))
        except ValueError:
            issued = None
    text = ""
    if issued is None:
        text = f"ngày {d + ' ' if d else '   '}tháng {m + ' ' if m else '   '}năm {y}"
    return PlaceDate(clean(match.group("place")), issued, text)


def day_month_year(text):
    """The ISO date of the first "dd/mm/yyyy" in ``text`` ("trước ngày 05/12/2024"), else None."""
    match = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if not match:
        return None
    try:
        return date(int(match.group(3)), int(match.group(2)), int(match.group(1))).isoformat()
    except ValueError:
        return None


_ATTACHED = re.compile(r"Kế hoạch số\s*:?\s*(\d*)\s*/\s*([\wĐđ\-]+)\s*ngày\s*(\d{1,2})\s*(?:tháng|/)\s*(\d{1,2})\s*"
                       r"(?:năm|/)\s*(\d{4})(?:\s*của\s*(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+([^)\n]*?)"
                       r"(?:\s+về\b|\)|$))?", re.IGNORECASE)


def attached_to(line):
    """The plan an appendix names: "(Kèm theo Kế hoạch số: 843/KH-UBND ngày 29 tháng 11 năm 2023 của
    UBND phường Mỹ Phú ...)" -> ("843", "KH-UBND", date, "phường Mỹ Phú"); else None."""
    match = _ATTACHED.search(clean(line))
    if not match:
        return None
    try:
        day = date(int(match.group(5)), int(match.group(4)), int(match.group(3)))
    except ValueError:
        day = None
    return match.group(1), match.group(2), day, clean(match.group(6) or "")


# --- unit names -----------------------------------------------------------------------------

UNIT_WORDS = (("phuong", "Phường", "ward"), ("xa", "Xã", "commune"), ("thi tran", "Thị trấn", "township"),
              ("dac khu", "Đặc khu", "special_zone"))
_UNIT_IN_TEXT = re.compile(r"(?:(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HĐND|"
                           r"Hội đồng nhân dân|Đảng bộ|Đảng ủy)\s+)?"
                           r"\b(phường|xã|thị trấn|đặc khu|PHƯỜNG|XÃ|THỊ TRẤN|ĐẶC KHU|Phường|Xã|Thị trấn|Đặc khu)"
                           r"\s+((?:[A-ZĐÀ-Ỹ0-9][^\s,.;:()/]*\s*){1,4})")


def unit_name(kind_word, rest):
    """("PHƯỜNG", "MỸ PHÚ") -> ("Phường Mỹ Phú", "ward")."""
    folded = fold(kind_word)
    for word, label, kind in UNIT_WORDS:
        if folded == word:
            name = " ".join(w if w.isdigit() else w[:1].upper() + w[1:].lower() for w in clean(rest).split())
            return f"{label} {name}", kind
    return None


def units_in(text):
    """Commune-level units named in ``text`` with a weight (after "UBND" 3, else 1):
    [(("Phường Mỹ Phú", "ward"), 3), ...]. Names are capitalised words ("phường báo cáo" is no name)."""
    found = []
    for match in _UNIT_IN_TEXT.finditer(text):
        words = []
        for word in match.group(3).split():
            if not (word[:1].isupper() or word.isdigit()) or word.isupper() and len(word) > 1 and not match.group(1):
                break
            words.append(word)
        if words and not (words[0].isdigit() and fold(match.group(2)) != "phuong"):
            named = unit_name(match.group(2), " ".join(words))
            if named:
                found.append((named, 3 if match.group(1) else 1))
    return found


def authority_unit(line):
    """"UBND PHƯỜNG MỸ PHÚ" -> ("Phường Mỹ Phú", "ward"); "UBND THÀNH PHỐ CAO LÃNH" -> None."""
    match = re.match(r"^(?:UBND|Ủ?U?[ỶỦY]? ?BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ỦY BAN NHÂN DÂN)\s+(PHƯỜNG|XÃ|THỊ TRẤN|ĐẶC KHU)"
                     r"\s+(.+)$", clean(line))
    return unit_name(match.group(1), match.group(2)) if match else None


def parent_name(line):
    """"UBND THÀNH PHỐ CAO LÃNH" -> "Thành phố Cao Lãnh" (the authority's parent), else ""."""
    text = clean(line)
    text = re.sub(r"^(UBND|Ủ?Y BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|ỦY BAN NHÂN DÂN|HĐND)\s+", "", text)
    words = text.split()
    return " ".join([words[0].capitalize()] + [w if w.isdigit() else w.capitalize() for w in words[1:]]
                    ) if words and text != clean(line) else ""


# --- headings -------------------------------------------------------------------------------

_PART = re.compile(r"^Phần\s+thứ\s+(nhất|hai|ba|tư|năm|sáu)\b.*$", re.IGNORECASE)
_ROMAN = re.compile(r"^([IVX]{1,5})\s*[.\-–/)]\s*(\S.*)$")
_MULTI = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(\S.*)$")
_SINGLE = re.compile(r"^(\d{1,2})\s*[.)]\s+(\S.*)$")
_AMOUNT = re.compile(r"\d\s*[%‰]|\d{1,3}(?:\.\d{3})+|\d\s*(?:triệu|tỷ|nghìn)?\s*(?:đồng|đ)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    level: int  # 0 part, 1 roman, 2 "1.", 3 "1.1.", 4 "1.1.1."
    number: tuple
    text: str  # the whole heading line as written


def heading(line):
    """The heading a line may be (shape only; the reader decides with context), else None."""
    text = clean(line)
    if _PART.match(text):
        return Heading(0, (), text)
    match = _ROMAN.match(text)
    if match and len(text) < 250:
        return Heading(1, (_roman_value(match.group(1)),), text)
    match = _MULTI.match(text)
    if match:
        numbers = tuple(int(n) for n in match.group(1).split("."))
        return Heading(1 + len(numbers), numbers, text)
    match = _SINGLE.match(text)
    if match:
        return Heading(2, (int(match.group(1)),), text)
    return None


def _roman_value(text):
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for i, ch in enumerate(text):
        v = values[ch]
        total += -v if i + 1 < len(text) and values[text[i + 1]] > v else v
    return total


def has_amount(text):
    return bool(_AMOUNT.search(text))


def looks_like_title(text):
    """A heading-shaped line reads as a heading when short and not a sentence with figures."""
    body = text.rstrip(" ”\"'")
    return len(text) <= 120 and not body.endswith((".", ";", ",")) and not has_amount(text)


def heading_label(text):
    """The heading without its number: "1. Chỉ tiêu kinh tế" -> "Chỉ tiêu kinh tế"."""
    text = re.sub(r"^(?:[IVX]{1,5}\s*[.\-–/)]|\d{1,2}(?:\.\d{1,2})*\s*[.)]?)\s*", "", clean(text))
    return text.rstrip(" :")


def is_indicator_heading(text):
    folded = fold(text)
    return "chi tieu" in folded and not any(w in folded for w in (
        "nhiem vu", "giai phap", "ket qua", "danh gia", "to chuc thuc hien", "de dat"))


# --- closing --------------------------------------------------------------------------------

def is_recipients(line):
    return fold(line).strip(" *_:") in ("noi nhan",)


def is_signer_authority(line):
    return bool(re.match(r"^(TM|KT|TL|TUQ|Q)\.\s*\S", clean(line)))


def is_signer_title(line):
    text = clean(line)
    return text == text.upper() and fold(text) in ("chu tich", "pho chu tich", "q. chu tich", "quyen chu tich")


def is_signed_mark(line):
    return fold(line).strip("() ") in ("da ky", "da ky va dong dau", "ky ten, dong dau")


def is_person_name(line):
    words = clean(line).split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and w.isalpha() for w in words)


def is_appendix_start(line):
    folded = fold(line)
    return folded.startswith(("phu luc", "bieu so", "bieu mau"))


# --- bullets and items ----------------------------------------------------------------------

_ITEM = re.compile(r"^(?:\((\d{1,2})\)\s*[.:]?|(\d{1,2})\s*[.)])\s+(\S.*)$")
_BULLET = re.compile(r"^([-–•*+])\s*(?:([+])\s*)?(\S.*)$")


def item(line):
    """("1", "text") for "(1). text" / "1. text"; ("-", text) / ("+", text) for bullets; else None."""
    text = clean(line)
    match = _ITEM.match(text)
    if match:
        return match.group(1) or match.group(2), match.group(3)
    match = _BULLET.match(text)
    if match:
        mark = "+" if match.group(2) or match.group(1) == "+" else "-"
        return mark, match.group(3).strip("* ")
    return None
