"""Target phrases ("dưới 11,44%", "5/5 khóm", "9.949.000.000đ") to a structured Target and back.
Pure: no Django import.

Reading rules, decided on the five seed plans:

* Numbers are Vietnamese ('.' groups thousands, ',' is the decimal mark); see core.vnformat.
  Money is normalised to đồng ("130 triệu đồng" -> 130000000 đồng, "9.949.000.000đ" too).
* The target is the last number of the phrase; words before it are read as part of the
  indicator name ("Tỷ lệ hộ dân cư sử dụng nước sạch hơn 99%" -> above 99 %). Years, dates,
  document numbers and ages ("năm 2023", "09/3/2023", "1300/QĐ-BYT", "dưới 5 tuổi") are not
  targets. Parenthesised remarks are dropped ("từ 94% (thành phố 91,2%) trở lên").
* Comparators: "từ X", "X trở lên", "đạt X", "ít nhất", "tối thiểu", ">=" -> at_least;
  "trên"/"hơn"/">" -> above, but "trên X trở lên" -> at_least; "dưới"/"<" -> below;
  "không quá", "tối đa", "X trở xuống", "còn", "<=" -> at_most; "tăng"/"thêm" X -> increase_by;
  "giảm" X -> decrease_by; "A-B" / "từ A đến B" -> range; "A/B unit" -> ratio.
* A bare number ("266", "97,5%", "03 hộ") is `exact`: the words are kept faithfully, and
  evaluation treats exact like at_least (officials write "97,5%" for "đạt 97,5%").
* The indicator name gives direction when the phrase does not: a name ending in "dưới"
  (or "trên", "không quá", "đạt") lends that comparator. A name about something to reduce
  ("giảm ...", "hộ nghèo", "suy dinh dưỡng", "bỏ học", ...) turns a bare percentage into
  at_most, a bare count of households ("03 hộ") or anything after "giảm ... là" into
  decrease_by, and "X trở lên" / "từ X" after a "giảm" name into decrease_by (a reduction of
  at least X: "Giảm tỷ lệ sinh con thứ ba ... là 0,05% trở lên").
* "hàng năm"/"hằng năm" or "/năm" give per="năm"; "đồng/người/năm" gives per="người/năm".
* Phrases that are qualitative or hold several targets ("Giảm 01 hộ nghèo và 01 hộ cận nghèo",
  "Giữ vững ...", "Duy trì phường đạt chuẩn ... ở 4 cấp", "đạt và vượt chỉ tiêu trên giao", "")
  give kind "qualitative": never an exception, never a guess. After "Duy trì"/"Giữ vững" a
  number is a target only when it follows the verb directly ("Duy trì 04/04 Khu phố") or comes
  with a comparator ("duy trì dưới 01%").
"""

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from core.vnformat import format_number, parse_number, to_decimal

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
_NAME_NUMBER_BEFORE = re.compile(r"(?:\blớp|\bmức độ|\bmức|\bcấp độ|\bkhóa|\bkhoá|\bkỳ|\bthứ)\s*$")
_SEPARATOR = re.compile(r";|\.\s|,\s|\svà\s")

_LEADS = [  # (words, meaning), matched at the end of the text before the number; longest first
    ("thấp hơn", "below"), ("cao hơn", "above"), ("không vượt quá", "at_most"), ("không quá", "at_most"),
    ("tối đa", "at_most"), ("<=", "at_most"),
    ("còn", "at_most"), ("ít nhất", "at_least"), ("tối thiểu", "at_least"), (">=", "at_least"),
    ("từ", "at_least"), ("đạt", "reach"), ("trên", "above"), ("hơn", "above"),
    (">", "above"), ("dưới", "below"), ("<", "below"),
    ("kéo giảm", "decrease"), ("giảm", "decrease"), ("tăng thêm", "increase"), ("tăng", "increase"),
    ("thêm", "increase"), ("là", "is"), (":", "neutral"), ("=", "neutral"), ("bình quân", "neutral"),
    ("khoảng", "neutral"), ("hàng năm", "yearly"), ("hằng năm", "yearly"), ("mỗi năm", "yearly"),
    ("duy trì", "keep"), ("giữ vững", "keep"),
]
_LEAD_RE = [(re.compile(rf"(?:^|(?<=[\s:]))\s*{re.escape(w)}\s*$" if w[0].isalpha()
                        else rf"{re.escape(w)}\s*$"), meaning) for w, meaning in _LEADS]

_UNITS = [
    "lao động", "khu phố", "tổ dân phố", "học sinh", "trường hợp", "công dân", "hồ sơ", "sản phẩm",
    "trường học", "hộ kinh doanh", "cơ sở", "đơn vị", "đối tượng", "phòng học", "hộ", "khóm", "ấp",
    "thôn", "ha", "người", "đơn", "nhóm", "trường", "con", "cây", "lượt", "tấn", "km", "m2", "m",
    "cuộc", "vụ", "căn", "chuẩn", "xã", "phường", "tiêu chí", "mô hình", "lớp", "em",
]
_UNIT_RE = re.compile(r"^(?:" + "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
                      + r")(?![\w])")
_NOT_UNIT = {"đạt", "và", "trở", "so", "theo", "trên", "dưới", "của", "năm", "hàng", "hằng", "ở", "tại",
             "cho", "được", "trong", "đến", "tới", "là", "với", "từ", "chỉ", "kế", "đảm", "các", "mỗi",
             "bình", "phấn", "không", "thành", "đã", "vào"}
_MULTIPLIERS = {"nghìn": Decimal(1000), "ngàn": Decimal(1000), "triệu": Decimal(10**6),
                "tỷ": Decimal(10**9), "tỉ": Decimal(10**9)}
_MONEY = re.compile(r"^(?:đồng|vnđ|vnd|đ)(?![\w])")
_PERCENT = re.compile(r"^(%|‰|phần trăm|phần nghìn|phần ngàn)")
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
            if m:
                leads.append(meaning)
                head = head[:m.start()].rstrip()
                break
        else:
            return leads, head


def _to_number(text, multiplier):
    number = parse_number(text)
    return None if number is None else number * multiplier


def parse(text, name=None):
    """Structured form of a target phrase; anything unreadable is qualitative."""
    norm = normalise(text)
    for noise in _NOISE:
        norm = noise.sub(" ", norm)
    norm = re.sub(r"\s+", " ", norm).strip(" .;,:")
    candidates = _candidates(norm)
    if not candidates:
        return QUALITATIVE
    core = candidates[-1]
    if any(_SEPARATOR.search(norm[c.end():core.start()]) for c in candidates[:-1]):
        return QUALITATIVE  # several targets in one phrase
    leads, prefix = _leads(norm[:core.start()].rstrip())
    rest = norm[core.end():].strip()

    multiplier = Decimal(1)
    m = re.match(r"^(nghìn|ngàn|triệu|tỷ|tỉ)(?![\w])\s*", rest)
    if m:
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
    elif rest[:1] in ("%", "‰"):
        rest = rest[1:].strip()

    per = None
    if m := _PER.match(rest):
        per, rest = re.sub(r"\s*/\s*", "/", m.group(1)), rest[m.end():].strip()
    elif m := re.match(r"^(năm học|mỗi năm|năm)(?![\w])", rest):
        per, rest = ("năm" if m.group(1) == "mỗi năm" else m.group(1)), rest[m.end():].strip()
    elif unit in ("%", "‰") and (m := _PER_AFTER_WORDS.match(rest)):
        per, rest = m.group(1), rest[m.end():].strip()
    if per is None and ("yearly" in leads or re.search(r"\b(?:hàng|hằng|mỗi) năm\b", prefix)):
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

    kind = _kind(leads, qualifier, unit, prefix, normalise(name or ""))
    if kind is None:
        return QUALITATIVE
    return Target(kind, value=value, unit=unit, per=per)


def _kind(leads, qualifier, unit, prefix, name):
    """Kind from the words around the number, then from the indicator name."""
    if "increase" in leads:
        return "increase_by"
    if "decrease" in leads and "at_most" not in leads:
        return "decrease_by"
    context = f"{name} {prefix}".strip()
    reduce = bool(re.search(r"\bgiảm\b", context))
    lower = reduce or any(word in context for word in _LOWER_WORDS)
    explicit = None
    if qualifier == "trở lên":
        explicit = "at_least"
    elif qualifier == "trở xuống":
        explicit = "at_most"
    else:
        for meaning in ("below", "at_most", "above", "at_least", "reach"):
            if meaning in leads:
                explicit = meaning
                break
    if explicit is None:
        for ending, meaning in (("dưới", "below"), ("không quá", "at_most"), ("tối đa", "at_most"),
                                ("trên", "above"), ("hơn", "above"), ("trở lên", "at_least"),
                                ("từ", "at_least"), ("đạt", "at_least")):
            if re.search(rf"(?:^|\s){ending}$", name):
                return meaning
    if explicit is None and _KEEP_START.match(prefix) and re.sub(_KEEP_START, "", prefix).strip():
        return None  # "Duy trì phường đạt chuẩn ... ở 4 cấp": not a target
    if reduce and explicit == "at_least":
        return "decrease_by"
    if lower and explicit == "reach":
        return "at_most"
    if explicit == "reach":
        return "at_least"
    if explicit:
        return explicit
    if lower:
        if unit in ("%", "‰"):
            return "decrease_by" if (reduce and "is" in leads) else "at_most"
        if unit == "hộ" or (reduce and unit not in ("đồng", None)):
            return "decrease_by"
    return "exact"


# --- formatting ---------------------------------------------------------------------------

def _amount(value, unit, per):
    text = format_number(value)
    if unit in ("%", "‰"):
        text += unit
    elif unit:
        text += " " + unit
    return text + (f"/{per}" if per else "")


def _suffix(unit, per):
    text = unit if unit in ("%", "‰") else (f" {unit}" if unit else "")
    return text + (f"/{per}" if per else "")


def format_target(target):
    """Vietnamese text giving back the meaning; "" for qualitative (show the text as written)."""
    kind, unit, per = target.kind, target.unit, target.per
    if kind == "qualitative" or target.value is None:
        return ""
    amount = _amount(target.value, unit, per)
    if kind == "range":
        return f"{format_number(target.value)}-{format_number(target.value_max)}{_suffix(unit, per)}"
    if kind == "ratio":
        return f"{format_number(target.value)}/{format_number(target.denominator)}{_suffix(unit, per)}"
    return {
        "at_least": f"từ {amount} trở lên",
        "above": f"trên {amount}",
        "at_most": f"không quá {amount}",
        "below": f"dưới {amount}",
        "exact": amount,
        "increase_by": f"tăng {amount}",
        "decrease_by": f"giảm {amount}",
    }[kind]


def short_meaning(target):
    """Compact form for tables and badges: "≥ 90%", "< 11,44%", "giảm 3 hộ", "định tính".

    A change from last year is written in words ("giảm 3 hộ", "tăng 0,3‰"): "−3 hộ" read as a
    negative count to the officials who tried it."""
    kind, unit, per = target.kind, target.unit, target.per
    if kind == "qualitative" or target.value is None:
        return "định tính"
    amount = _amount(target.value, unit, per)
    if kind == "range":
        return f"{format_number(target.value)}–{format_number(target.value_max)}{_suffix(unit, per)}"
    if kind == "ratio":
        return f"{format_number(target.value)}/{format_number(target.denominator)}{_suffix(unit, per)}"
    return {
        "at_least": f"≥ {amount}", "above": f"> {amount}", "at_most": f"≤ {amount}",
        "below": f"< {amount}", "exact": f"= {amount}", "increase_by": f"tăng {amount}",
        "decrease_by": f"giảm {amount}",
    }[kind]
