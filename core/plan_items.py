"""An indicator line of a plan ("Tỷ lệ lao động qua đào tạo đạt 88%") as name, target, baseline, unit.
Pure: no Django import. Targets are kept as written; their meaning comes from core.phrases.parse.

One line may hold several indicators ("Tỷ lệ phát triển dân số tự nhiên dưới 0,95%. Tỷ lệ trẻ em
dưới 5 tuổi suy dinh dưỡng dưới 11%."): it becomes a parent carrying the whole line and one
sub-item per clause. "Huy động học sinh ra lớp: Mẫu giáo 05 tuổi đạt 100%; Tiểu học đạt 100%"
becomes the parent "Huy động học sinh ra lớp" with two sub-items.
"""

import re

from core.phrases import parse

DIRECTION_WORDS = ("không quá", "tối thiểu", "tối đa", "ít nhất", "đạt", "từ", "trên", "dưới", "hơn", "tăng",
                   "giảm", "còn", "là", "trở lên", ">=", "<=", ">", "<", "≥", "≤")
KEEP_VERBS = ("tiếp tục duy trì", "duy trì", "giữ vững", "hoàn thành xuất sắc", "hoàn thành")
_NUMBER = re.compile(r"(?<![\w/])(\d[\d.,]*(?:\s*/\s*\d[\d.,]*)?(?:\s*[-–]\s*\d[\d.,]*)?)(\s*[%‰])?")
_NOT_TARGET_AFTER = re.compile(r"^\s*(tuổi|giờ|tháng\b|/\s*\d+/|[-/][A-ZĐ]|\s*/\s*[A-ZĐ])", re.IGNORECASE)
_NOT_TARGET_BEFORE = re.compile(r"(ngày|tháng|số|lần thứ|khóa|kỳ họp thứ|Đề án|giai đoạn|mức|"
                                r"QĐ|NQ|quyết định|thông tư|nghị định|chỉ thị)\s*:?\s*$", re.IGNORECASE)
_EARLIER = re.compile(r"\(\s*(?:năm\s*|TH\s*|thực hiện\s*|ước\s*(?:TH\s*)?|kết quả\s*)?(?:năm\s*)?(\d{4})\s*[:：]?\s*"
                      r"([^()]*?)\s*\)|\(\s*(?:năm trước|cùng kỳ|năm \d{4} đạt)\s*[:：]?\s*([^()]*?)\s*\)",
                      re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.;])\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])|;\s*")


def capitalise(text):
    return text[:1].upper() + text[1:] if text else text


def _strip_end(text):
    return text.strip().rstrip(".;,:").strip()


def partition_colon(text):
    """text.partition(":") for the first colon outside parentheses."""
    depth = 0
    for i, ch in enumerate(text):
        depth += (ch == "(") - (ch == ")")
        if ch == ":" and depth <= 0:
            return text[:i], ":", text[i + 1:]
    return text, "", ""


def _target_number(clause):
    """Start of the number the target is built on (the last one that is not a year, age, date or
    document number), else None."""
    best = inside = None
    for match in _NUMBER.finditer(clause):
        number = match.group(1)
        if number.count("/") == 0 and re.fullmatch(r"(19|20)\d\d", number):
            continue
        if number.count("/") >= 2 or _NOT_TARGET_AFTER.match(clause[match.end(1):]):
            continue
        if _NOT_TARGET_BEFORE.search(clause[:match.start()]):
            continue
        before = clause[:match.start()]
        if before.count("(") > before.count(")"):
            inside = match.start()
        else:
            best = match.start()
    return best if best is not None else inside


def _direction_start(clause, start):
    """Walk back from the number over direction words ("đạt từ", "dưới", "tăng"); the target starts there."""
    head = clause[:start]
    while True:
        stripped = head.rstrip()
        for word in DIRECTION_WORDS:
            if stripped.lower().endswith(word) and (len(stripped) == len(word)
                                                    or not stripped[-len(word) - 1].isalnum()):
                head = stripped[: len(stripped) - len(word)]
                break
        else:
            return len(stripped)


def earlier_figure(text, year=None):
    """(text without it, baseline) for a parenthesised figure of an earlier year; else (text, "")."""
    for match in _EARLIER.finditer(text):
        earlier_year = match.group(1)
        if earlier_year and year and int(earlier_year) >= year:
            continue
        value = match.group(2) if earlier_year else match.group(3)
        if value and re.search(r"\d", value):
            return _strip_end(text[: match.start()] + text[match.end():]).replace("  ", " "), value.strip()
    return text, ""


def split_clause(clause, *, year=None):
    """(name, target, baseline) of one clause; target "" when none is written."""
    clause = _strip_end(clause)
    clause, baseline = earlier_figure(clause, year)
    name, colon, rest = partition_colon(clause)
    if colon:
        if rest.strip() and (re.search(r"\d", rest) or len(rest.strip()) < 40) and len(name) < 200:
            return _strip_end(name), _strip_end(rest), baseline
    start = _target_number(clause)
    if start is not None:
        begin = _direction_start(clause, start)
        name, target = clause[:begin].strip(), clause[begin:].strip()
        target = re.sub(r"^(là|:)\s+", "", target, flags=re.IGNORECASE)
        name = re.sub(r"\s+(là|:)$", "", name).rstrip(" :,")
        if len(name.split()) < 2 or name.endswith((" và", ",")) or name.lower() in KEEP_VERBS:
            name = clause
        return name, target, baseline
    lowered = clause.lower()
    for verb in KEEP_VERBS:
        if lowered.startswith(verb + " "):
            return clause, clause[: len(verb)], baseline
    match = re.search(r"\s(đạt và vượt|đạt chỉ tiêu|đạt kế hoạch|đúng quy định|hoàn thành)\b", clause)
    if match:
        return clause[: match.start()].strip(), clause[match.start():].strip(), baseline
    return clause, "", baseline


def unit_of(target, name):
    """The unit of measure a target implies: "%", "‰", "đồng", "đồng/người/năm", "khóm", "lao động"."""
    if not target:
        return ""
    try:
        parsed = parse(target, name=name)
    except Exception:  # never reject a line because its phrase is odd
        return ""
    if parsed.unit is None:
        return ""
    if parsed.unit == "đồng" and parsed.per:
        return f"đồng/{parsed.per}"
    return parsed.unit[:50]


def indicator(name, target="", baseline="", *, stt="", unsure=""):
    name = capitalise(name.strip())
    return {"stt": stt, "name": name, "unit": unit_of(target, name), "target": target, "baseline": baseline,
            "note": "", "children": [], "_unsure": unsure}


def clauses(text):
    """Sentences and ";"-parts of ``text``; a part is split at ", " too when each side has its own target
    ("Duy trì 04/04 Khu phố Văn hóa, Gia đình Văn hóa đạt >90%")."""
    out = []
    for part in (_strip_end(p) for p in _SENTENCES.split(text)):
        if not part:
            continue
        pieces = [_strip_end(p) for p in part.split(", ")]
        if len(pieces) > 1 and all(_target_number(p) is not None for p in pieces):
            out += pieces
        else:
            out.append(part)
    return out


def read_item(text, *, stt="", year=None):
    """The indicator (with sub-items) one list item or table cell holds."""
    text = _strip_end(text)
    head, colon, rest = partition_colon(text)
    if colon and ";" in rest and len(head) < 150:
        parts = clauses(rest)
        first_name = split_clause(parts[0], year=year)[0] if parts else ""
        if first_name != _strip_end(parts[0]) or not re.search(r"\d", parts[0]):
            children = [indicator(*split_clause(p, year=year)) for p in parts]
            if len(children) > 1 and any(c["target"] for c in children):
                whole = indicator(head, stt=stt)
                whole["children"] = children
                return whole
    parts = clauses(text)
    read = [split_clause(p, year=year) for p in parts]
    with_target = [r for r in read if r[1]]
    if len(parts) > 1 and len(with_target) > 1:
        first_name, first_target, _ = read[0]
        if not first_target or first_target == first_name or first_name.lower().startswith(KEEP_VERBS):
            first_name = parts[0] if first_name.lower().startswith(KEEP_VERBS) else first_name
            parent = indicator(first_name, first_target if first_target != first_name else "", stt=stt)
            rest_parts = read[1:]
        else:
            parent = indicator(text, stt=stt, unsure="Một dòng có nhiều chỉ tiêu: đã tách thành chỉ tiêu con.")
            rest_parts = read
        parent["children"] = [indicator(*r) for r in rest_parts]
        return parent
    if len(read) > 1 and with_target:
        name, target, baseline = with_target[0]
        return indicator(text if name == with_target[0][0] and len(parts) > 1 else name, target, baseline,
                         stt=stt)
    name, target, baseline = read[0] if read else (text, "", "")
    unsure = "" if target else "Không thấy chỉ tiêu (số hoặc mức) trong dòng này."
    if target and re.search(r"\d", target) and parse(target, name=name).kind == "qualitative":
        unsure = "Chỉ tiêu có số nhưng không đọc được ý nghĩa: kiểm tra lại."
    return indicator(name, target, baseline, stt=stt, unsure=unsure)
