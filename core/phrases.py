"""Target phrases ("dưới 11,44%", "5/5 khóm", "9.949.000.000đ") to a structured Target and back.
Pure: no Django import.

Reading rules, decided on the five seed plans:

* Numbers are Vietnamese ('.' groups thousands, ',' is the decimal mark); see core.vnformat.
  Money is normalised to đồng ("130 triệu đồng" -> 130000000 đồng, "9.949.000.000đ" too).
* The target is the last number of the phrase; words before it are read as part of the
  indicator name ("Tỷ lệ hộ dân cư sử dụng nước sạch hơn 99%" -> above 99 %). Years, dates,
  document numbers, ages and counts after "cả" ("năm 2023", "09/3/2023", "1300/QĐ-BYT", "dưới 5
  tuổi", "trên cả 3 tiêu chí") are not targets. Parenthesised remarks are dropped ("từ 94% (thành phố 91,2%) trở lên").
* Comparators: "từ X", "X trở lên", "đạt X", "ít nhất", "tối thiểu", ">=" -> at_least;
  "trên"/"hơn"/"cao hơn"/"lớn hơn"/">" -> above, but "trên X trở lên" -> at_least;
  "dưới"/"thấp hơn"/"ít hơn"/"<" -> below; "tối đa", "X trở xuống", "còn", "xuống", "<=" -> at_most;
  "lên" -> at_least; "tăng"/"thêm" X -> increase_by; "giảm" X -> decrease_by; "A-B" / "từ A đến B"
  -> range; "A/B unit" -> ratio. The word nearest the number decides ("giảm còn 1,2%" is a level,
  "giảm 0,5%" a cut, "giảm ít nhất 0,5%" still a cut).
* Negated comparators are the opposite bound: "không dưới/thấp hơn/ít hơn/nhỏ hơn X" -> at_least;
  "không quá/vượt quá/trên/hơn/cao hơn/lớn hơn/nhiều hơn X" -> at_most, "không để ... (vượt) quá X"
  too ("vượt quá X" alone is above).
* A bare number ("266", "97,5%", "03 hộ") is `exact`: the words are kept faithfully, and
  evaluation treats exact like at_least (officials write "97,5%" for "đạt 97,5%"); it is
  displayed as such ("≥ 266", "từ 266 trở lên").
* The indicator name gives direction when the phrase does not, wherever its verb sits:
  - its last words act as words before the number ("... dưới", "... không dưới", "Tỷ suất
    sinh thô tăng" 0,3‰ -> increase_by, "Tỷ lệ hộ nghèo giảm" -> decrease_by, "... giảm còn" ->
    at_most);
  - a name opening with a change verb ("Giảm tỷ lệ hộ nghèo", "Phấn đấu tăng tỷ lệ ...", "Thêm
    01 trường") makes a bare count a change, and a bare percentage a change in percentage
    points up to CUT_LIMIT (5): "Giảm tỷ lệ hộ nghèo" 0,5% is a cut of 0,5 points; above it the
    figure is the level ("Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%" -> at_most 15%);
  - a name about something to reduce ("giảm" anywhere, "hộ nghèo", "suy dinh dưỡng", "bỏ học",
    ...) turns a bare percentage into at_most, a bare count of households ("03 hộ") or anything
    after "giảm ... là" into decrease_by, and "X trở lên" / "từ X" after a "giảm" name into
    decrease_by (a reduction of at least X: "Giảm tỷ lệ sinh con thứ ba ... là 0,05% trở lên").
  "Tăng cường", "tăng trưởng" and "tỷ lệ tăng dân số" are not verbs of change.
* A change of a rate (names_rate: "tỷ lệ", "tỷ suất", ...) in "%" reads "giảm 0,5 điểm %".
* "hàng năm"/"hằng năm" or "/năm" give per="năm"; "đồng/người/năm" gives per="người/năm".
* Phrases that are qualitative or hold several targets ("Giảm 01 hộ nghèo và 01 hộ cận nghèo",
  "Giữ vững ...", "Duy trì phường đạt chuẩn ... ở 4 cấp", "đạt và vượt chỉ tiêu trên giao", "")
  give kind "qualitative": never an exception, never a guess. After "Duy trì"/"Giữ vững" a
  number is a target only when it follows the verb directly ("Duy trì 04/04 Khu phố"), comes
  with a comparator ("duy trì dưới 01%") or measures something ("Duy trì diện tích lúa 520 ha").
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from core.text import clean, has_foreign_digits
from core.vnformat import RATE_UNITS, format_number, parse_number, to_decimal

KINDS = ("at_least", "above", "at_most", "below", "exact", "range", "ratio",
         "increase_by", "decrease_by", "qualitative")
LOWER_IS_BETTER_KINDS = frozenset({"below", "at_most"})


@dataclass(frozen=True)
class Target:
    kind: str
    value: Decimal | None = None
    value_max: Decimal | None = None
    denominator: Decimal | None = None
    unit: str | None = None
    per: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown target kind {self.kind!r}")
        for field in ("value", "value_max", "denominator"):
            object.__setattr__(self, field, to_decimal(getattr(self, field)))
        for field in ("unit", "per"):
            object.__setattr__(self, field, getattr(self, field) or None)

    @property
    def is_qualitative(self):
        return self.kind == "qualitative"

    def to_json(self):
        return {
            "kind": self.kind,
            "value": decimal_string(self.value),
            "value_max": decimal_string(self.value_max),
            "denominator": decimal_string(self.denominator),
            "unit": self.unit,
            "per": self.per,
        }

    @classmethod
    def from_json(cls, data):
        return cls(kind=data["kind"], **{k: data.get(k) for k in ("value", "value_max", "denominator",
                                                                  "unit", "per")})


QUALITATIVE = Target("qualitative")


def decimal_string(value):
    """"11.44", "9949000000", "93.45": '.' decimal point, no exponent, no trailing zeros."""
    if value is None:
        return None
    text = format(to_decimal(value), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


# --- normalisation -----------------------------------------------------------------------

_NOISE = [
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"),                              # dates
    re.compile(r"\b(?:so với\s+)?(?:cùng kỳ\s+)?năm(?: học)?\s+\d{4}(?:\s*-\s*\d{4})?"),  # years
    re.compile(r"\b(?:giai đoạn|nhiệm kỳ)\s+\d{4}\s*-\s*\d{4}"),
    re.compile(r"\bso với (?:cùng kỳ )?(?:năm trước|năm ngoái|đầu năm|cùng kỳ)\b"),
    re.compile(r"\b\d+/[a-zđ]+(?:-[a-zđ]+)+"),                              # 1300/qđ-byt
    re.compile(r"\biso\s+\d+(?::\s*\d{4})?"),
    re.compile(r"\b(?:trên|mỗi)\s+0?1\s+(?:ha|hộ|người)\s+(?=[^\W\d])"),  # "trên 1 ha đất ..."
]


def normalise(text):
    """Lower-cased, NFC, single spaces, no parentheses, bullets, quotes or end punctuation."""
    text = unicodedata.normalize("NFC", text or "")
    text = re.sub(r"[\u00a0\u202f\u2009\u2007\t\r\n]", " ", text)
    text = re.sub(r"[“”\"‘’«»]", "", text)
    text = re.sub(r"[–—−]", "-", text).replace("≥", ">=").replace("≤", "<=")
    text = text.lower()
    previous = None
    while previous != text:
        previous, text = text, re.sub(r"\([^()]*\)", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^(?:[-+*•]\s+|\d{1,2}[.)]\s+|[a-zđ]\)\s+)+", "", text)
    return text.strip(" .;,:!…")


# --- the number expression ----------------------------------------------------------------

_NUM = r"\d+(?:[.,]\d+)*"
_CORE = re.compile(
    rf"(?<![\w/])(?P<a>{_NUM})\s*(?P<a_unit>%|‰)?"
    rf"(?:\s*(?P<sep>/|-|đến|tới)\s*(?:từ\s+)?(?P<b>{_NUM})(?![\d.,]*\d)(?!\s*/\s*\d))?"
)
_NAME_NUMBER_BEFORE = re.compile(r"(?:\blớp|\bmức độ|\bmức|\bcấp độ|\bkhóa|\bkhoá|\bkỳ|\bthứ|\bcả)\s*$")
_SEPARATOR = re.compile(r";|\.\s|,\s|\svà\s")

_LEADS = [  # (words, meaning), matched at the end of the text before the number; longest first
    # negated comparators read as their opposite bound ("không dưới 95%" is at least 95%)
    ("không thấp hơn", "at_least"), ("không ít hơn", "at_least"), ("không nhỏ hơn", "at_least"),
    ("không kém hơn", "at_least"), ("không dưới", "at_least"),
    ("không cao hơn", "at_most"), ("không lớn hơn", "at_most"), ("không nhiều hơn", "at_most"),
    ("không vượt quá", "at_most"), ("không vượt", "at_most"), ("không quá", "at_most"), ("không trên", "at_most"),
    ("không hơn", "at_most"), ("vượt quá", "over"), ("quá", "over"),
    ("thấp hơn", "below"), ("nhỏ hơn", "below"), ("ít hơn", "below"),
    ("cao hơn", "above"), ("lớn hơn", "above"), ("nhiều hơn", "above"),
    ("tối đa", "at_most"), ("<=", "at_most"),
    ("còn", "at_most"), ("xuống", "down_to"), ("lên", "up_to"),
    ("ít nhất", "at_least"), ("tối thiểu", "at_least"), (">=", "at_least"),
    ("từ", "at_least"), ("đạt", "reach"), ("trên", "above"), ("hơn", "above"),
    (">", "above"), ("dưới", "below"), ("<", "below"),
    ("kéo giảm", "decrease"), ("giảm", "decrease"), ("tăng thêm", "increase"), ("tăng", "increase"),
    ("thêm", "increase"), ("là", "is"), (":", "neutral"), ("=", "neutral"), ("bình quân", "neutral"),
    ("khoảng", "neutral"), ("tỷ lệ", "neutral"), ("tỉ lệ", "neutral"), ("hàng năm", "yearly"), ("hằng năm", "yearly"), ("mỗi năm", "yearly"),
    ("duy trì", "keep"), ("giữ vững", "keep"),
]
_LEAD_RE = [(re.compile(rf"(?:^|(?<=[\s:]))\s*{re.escape(w)}\s*$" if w[0].isalpha()
                        else rf"{re.escape(w)}\s*$"), meaning) for w, meaning in _LEADS]

_UNITS = [
    "lao động", "khu phố", "tổ dân phố", "học sinh", "trường hợp", "công dân", "hồ sơ", "sản phẩm",
    "trường học", "hộ kinh doanh", "cơ sở", "đơn vị", "đối tượng", "phòng học", "hộ", "khóm", "ấp",
    "thôn", "ha", "người", "đơn", "nhóm", "trường", "con", "cây", "lượt", "tấn", "km", "m2", "m",
    "cuộc", "vụ", "căn", "chuẩn", "xã", "phường", "tiêu chí", "mô hình", "lớp", "em", "thanh niên",
    "tân binh", "giấy chứng nhận", "khu dân cư",
]
_UNIT_RE = re.compile(r"^(?:" + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
                      + r")(?![\w])")
_NOT_UNIT = {"đạt", "và", "trở", "so", "theo", "trên", "dưới", "của", "năm", "hàng", "hằng", "ở", "tại",
             "cho", "được", "trong", "đến", "tới", "là", "với", "từ", "chỉ", "kế", "đảm", "các", "mỗi",
             "bình", "phấn", "không", "thành", "đã", "vào"}
_MULTIPLIERS = {"nghìn": Decimal(1000), "ngàn": Decimal(1000), "triệu": Decimal(10**6),
                "tỷ": Decimal(10**9), "tỉ": Decimal(10**9)}
_MONEY = re.compile(r"^(?:đồng|vnđ|vnd|đ)(?![\w])")
_PERCENT = re.compile(r"^(?:điểm\s*)?(%|‰|phần trăm|phần nghìn|phần ngàn)")  # "0,5 điểm %": points
_PER = re.compile(r"^/\s*(năm học|[^\W\d_]+(?:\s*/\s*[^\W\d_]+)*)")
_PER_AFTER_WORDS = re.compile(r"^(?:[^\W\d_]+\s+){0,3}[^\W\d_]+\s*/\s*(năm học|năm|tháng|quý)\b")
_QUALIFIER = re.compile(r"^(?:[^\W\d_]+\s+){0,3}?(trở lên|trở xuống)(?![\w])")

_LOWER_WORDS = ("giảm", "hộ nghèo", "hộ cận nghèo", "suy dinh dưỡng", "bỏ học", "nợ quá hạn",
                "dân số tự nhiên", "sinh con thứ ba", "tai nạn", "tội phạm", "ô nhiễm")
_KEEP_START = re.compile(r"^(?:tiếp tục\s+)?(?:duy trì|giữ vững)\b")


def _candidates(text):
    found = []
    for m in _CORE.finditer(text):
        after = text[m.end():].lstrip()
        if after.startswith("tuổi") or _NAME_NUMBER_BEFORE.search(text[:m.start()]):
            continue
        found.append(m)
    return found


def _leads(head):
    leads = []
    while True:
        for pattern, meaning in _LEAD_RE:
            m = pattern.search(head)
            if m and meaning == "yearly" and re.search(r"\bcây$", head[:m.start()].rstrip()):
                return leads, head  # "cây hằng năm": annual crops, not "per year"
            if m and meaning == "over":  # "không để ... vượt quá 2%": at most; "vượt quá 2%": above
                meaning = "at_most" if re.search(r"\bkhông\b", head[:m.start()]) else "above"
            if m:
                leads.append(meaning)
                head = head[:m.start()].rstrip()
                break
        else:
            return leads, head


SPACE_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d])")
SPACE_IN_DIGITS = re.compile(r"\d \d")


def _to_number(text, multiplier):
    number = parse_number(text)
    return None if number is None else number * multiplier


def parse(text, name=None):
    """Structured form of a target phrase; anything unreadable is qualitative."""
    norm = normalise(clean(text or ""))
    for noise in _NOISE:
        norm = noise.sub(" ", norm)
    norm = re.sub(r"\s+", " ", norm).strip(" .;,:")
    if has_foreign_digits(norm):
        return QUALITATIVE  # "９０%": refused by the forms, never read as 90 silently
    norm = SPACE_GROUPED.sub(lambda m: m.group(0).replace(" ", ""), norm)   # "1 234 567"
    if SPACE_IN_DIGITS.search(norm):
        return QUALITATIVE  # "12 3": two numbers or a typo, neither 123 nor 3
    candidates = _candidates(norm)
    if not candidates:
        return QUALITATIVE
    core = candidates[-1]
    if any(_SEPARATOR.search(norm[c.end():core.start()]) for c in candidates[:-1]):
        return QUALITATIVE  # several targets in one phrase
    leads, prefix = _leads(norm[:core.start()].rstrip())
    rest = norm[core.end():].strip()

    multiplier = Decimal(1)
    m = re.match(r"^(nghìn|ngàn|triệu|tỷ|tỉ)(?![\w])(?!\s+(?:lệ|suất|trọng)\b)\s*", rest)  # not "tỷ lệ"
    if m and core.group("a_unit") is None:
        multiplier, rest = _MULTIPLIERS[m.group(1)], rest[m.end():]
    unit = core.group("a_unit")
    if unit is None:
        if m := _PERCENT.match(rest):
            unit = "‰" if m.group(1) in ("‰", "phần nghìn", "phần ngàn") else "%"
        elif m := _MONEY.match(rest):
            unit = "đồng"
        elif m := _UNIT_RE.match(rest):
            unit = m.group(0)
        elif (m := re.match(r"^[^\W\d_]+", rest)) and m.group(0) not in _NOT_UNIT and multiplier == 1:
            unit = m.group(0)
        if m:
            rest = rest[m.end():].strip()
    elif rest[:1] in RATE_UNITS:
        rest = rest[1:].strip()

    per = None
    if m := _PER.match(rest):
        per, rest = re.sub(r"\s*/\s*", "/", m.group(1)), rest[m.end():].strip()
    elif m := re.match(r"^(năm học|mỗi năm|năm)(?![\w])", rest):
        per, rest = ("năm" if m.group(1) == "mỗi năm" else m.group(1)), rest[m.end():].strip()
    elif unit in RATE_UNITS and (m := _PER_AFTER_WORDS.match(rest)):
        per, rest = m.group(1), rest[m.end():].strip()
    if per is None and ("yearly" in leads or re.search(r"(?<!cây )\b(?:hàng|hằng|mỗi) năm\b", prefix)):
        per = "năm"

    qualifier = None
    if m := _QUALIFIER.match(rest):
        qualifier, rest = m.group(1), rest[m.end():]
    if ";" in rest:
        return QUALITATIVE

    value = _to_number(core.group("a"), multiplier)
    second = _to_number(core.group("b"), multiplier) if core.group("b") else None
    if value is None:
        return QUALITATIVE
    sep = core.group("sep")
    if sep == "/":
        return Target("ratio", value=value, denominator=_to_number(core.group("b"), Decimal(1)),
                      unit=unit, per=per)
    if sep:
        return Target("range", value=value, value_max=second, unit=unit, per=per)

    kind = _kind(leads, qualifier, unit, value, prefix, normalise(name or ""))
    if kind is None:
        return QUALITATIVE
    return Target(kind, value=value, unit=unit, per=per)


# Units of a measured quantity: after "Duy trì <name>" a figure in one of them is still a target.
_MEASURES = frozenset({"ha", "tấn", "km", "m", "m2", "đồng", "%", "‰"})
_COMPARATORS = ("below", "at_most", "above", "at_least", "reach")
_CHANGES = {"increase": "increase_by", "decrease": "decrease_by"}
_LEVELS = {"down_to": "at_most", "up_to": "at_least"}
# A change verb opening the indicator ("Giảm tỷ lệ hộ nghèo", "Phấn đấu tăng tỷ lệ ...", "Thêm 01 trường").
_VERB_START = re.compile(r"^(?:(?:phấn đấu|tiếp tục|tích cực|quyết tâm|có)\s+)*(kéo giảm|giảm|tăng thêm|tăng|thêm)"
                         r"\s+(?!cường\b|trưởng\b|dân số\b|gia\b)")
# The largest cut or rise of a rate, in points, a ward plans for a year: a bare figure above it after
# "Giảm tỷ lệ ..." is the level to reach ("Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%").
CUT_LIMIT = Decimal(5)


def _from_leads(leads, qualifier):
    """Kind the words around the number give (None when they give none): the nearest word that says
    something decides, a change verb behind "ít nhất"/"tối thiểu" ("giảm ít nhất 0,5%") stays a change."""
    said = [lead for lead in leads if lead in _COMPARATORS or lead in _CHANGES or lead in _LEVELS]
    if said and said[0] in _CHANGES:
        return _CHANGES[said[0]]
    if said and said[0] == "at_least" and len(said) > 1 and said[1] in _CHANGES:
        return _CHANGES[said[1]]
    if qualifier == "trở lên":
        return "at_least"
    if qualifier == "trở xuống":
        return "at_most"
    if said:
        return _LEVELS.get(said[0], said[0])
    return None


def _verb(text):
    m = _VERB_START.match(text)
    return None if m is None else ("decrease" if "giảm" in m.group(1) else "increase")


def _kind(leads, qualifier, unit, value, prefix, name):
    """Kind from the words around the number, then from the indicator name: its last words
    ("Tỷ suất sinh thô tăng", "... không dưới"), then the verb it opens with ("Giảm tỷ lệ hộ nghèo")."""
    context = f"{name} {prefix}".strip()
    reduce = bool(re.search(r"\bgiảm\b", context))
    lower = reduce or any(word in context for word in _LOWER_WORDS)
    kind = _from_leads(leads, qualifier) or _from_leads(_leads(name)[0], None)
    if (kind is None and _KEEP_START.match(prefix) and re.sub(_KEEP_START, "", prefix).strip()
            and unit not in _MEASURES):
        return None  # "Duy trì phường đạt chuẩn ... ở 4 cấp": not a target; "... lúa 520 ha" is
    if kind == "at_least" and reduce:
        return "decrease_by"  # "Giảm tỷ lệ sinh con thứ ba ... là 0,05% trở lên": a cut of at least 0,05
    if kind == "reach":
        return "at_most" if lower else "at_least"
    if kind:
        return kind
    rate = unit in RATE_UNITS
    verb = _verb(prefix) or _verb(name)
    if verb and (rate and value <= CUT_LIMIT or unit not in ("đồng", None, "%", "‰")):
        return _CHANGES[verb]  # "Giảm tỷ lệ hộ nghèo" 0,5%: a cut of 0,5 points; "Thêm" 01 trường
    if lower:
        if rate:
            return "decrease_by" if (reduce and "is" in leads) else "at_most"
        if unit == "hộ" or (reduce and unit not in ("đồng", None)):
            return "decrease_by"
    return "exact"


# --- formatting ---------------------------------------------------------------------------

_RATE = re.compile(r"\bt[ỷỉ] (?:lệ|suất|trọng)\b|\bđộ che phủ\b")


def names_rate(*texts):
    """Whether the indicator name or target text speaks of a rate ("Tỷ lệ hộ nghèo", "tỷ suất sinh"):
    a change of it in "%" is in percentage points, not a growth of a count or an amount."""
    return any(_RATE.search(normalise(text)) for text in texts if text)


def _amount(target, context):
    unit, per = target.unit, target.per
    text = format_number(target.value)
    if unit == "%" and target.kind in ("increase_by", "decrease_by") and names_rate(context):
        text += " điểm %"  # a change of a rate is in percentage points: "giảm 0,5 điểm %"
    elif unit in RATE_UNITS:
        text += unit
    elif unit:
        text += " " + unit
    return text + (f"/{per}" if per else "")


def _suffix(unit, per):
    text = unit if unit in RATE_UNITS else (f" {unit}" if unit else "")
    return text + (f"/{per}" if per else "")


# How each kind reads: in sentences (format_target) and in tables and badges (short_meaning).
_WORDS = {
    "at_least": "từ {} trở lên", "above": "trên {}", "at_most": "không quá {}", "below": "dưới {}",
    "exact": "từ {} trở lên", "increase_by": "tăng {}", "decrease_by": "giảm {}",
}
_SIGNS = {**_WORDS, "at_least": "≥ {}", "above": "> {}", "at_most": "≤ {}", "below": "< {}", "exact": "≥ {}"}


def _meaning(target, context, words, *, dash, empty):
    kind, unit, per = target.kind, target.unit, target.per
    if kind == "qualitative" or target.value is None:
        return empty
    if kind == "range":
        return f"{format_number(target.value)}{dash}{format_number(target.value_max)}{_suffix(unit, per)}"
    if kind == "ratio":
        return f"{format_number(target.value)}/{format_number(target.denominator)}{_suffix(unit, per)}"
    return words[kind].format(_amount(target, context))


def format_target(target, context=""):
    """Vietnamese text giving back the meaning; "" for qualitative (show the text as written).

    A bare figure ("266", "9.949.000.000đ") is evaluated as "at least" and reads so: "từ 266 trở
    lên". ``context`` (the indicator name, the target text) naming a rate makes a change of a
    percentage read in points: "giảm 0,5 điểm %" (without it: "giảm 0,5%")."""
    return _meaning(target, context, _WORDS, dash="-", empty="")


def short_meaning(target, context=""):
    """Compact form for tables and badges: "≥ 90%", "< 11,44%", "giảm 3 hộ", "định tính".

    A bare figure shows "≥", as it is evaluated. A change from last year is written in words
    ("giảm 3 hộ", "tăng 0,3‰", "giảm 0,5 điểm %" for a rate named in ``context``): "−3 hộ" read
    as a negative count to the officials who tried it."""
    return _meaning(target, context, _SIGNS, dash="–", empty="định tính")


def money_scale(unit_of_measure):
    """How many đồng one unit of ``unit_of_measure`` is: 10**6 for "triệu đồng/ha", 10**9 for
    "tỷ đồng", 1 otherwise. Money is stored in đồng ("135 triệu đồng/ha" -> 135000000) and shown
    in the indicator's unit: 135000000 / 10**6 -> "135"."""
    words = " ".join((unit_of_measure or "").lower().split())
    for word, factor in _MULTIPLIERS.items():
        if words.startswith(word) and _MONEY.match(words[len(word):].lstrip()):
            return factor
    return Decimal(1)
