"""Vietnamese number and date formatting. Pure: no Django import.

Numbers: '.' groups thousands, ',' is the decimal mark ("9.949.000.000", "1.302,5").
Dates follow Nghị định 30/2020/NĐ-CP (Phụ lục I, II.4): a day below 10 and the months
January and February take a leading zero ("ngày 05 tháng 01 năm 2020", "ngày 29 tháng 6 năm 2019").
The short form "dd/m/yyyy" follows the same rule, as the seed plans write it ("ngày 09/3/2023",
"ngày 27/02/2020", "29/11/2023").
"""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .text import FOREIGN_DIGITS, clean, has_foreign_digits

STRICT_NUMBER_ERROR = (
    "Số không hợp lệ: dùng dấu chấm để phân cách hàng nghìn và dấu phẩy cho phần thập phân, ví dụ 1.234,5"
)

SPACE_IN_NUMBER_ERROR = ("Số có khoảng trắng giữa các chữ số: gõ liền (ví dụ 123) hoặc, với số lớn, "
                         "nhóm ba chữ số bằng dấu chấm (1.234.567).")
_SIGNS = {"-": "-", "−": "-", "–": "-", "+": ""}
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_GROUPED_BY_SPACE = re.compile(r"\d{1,3}(?: \d{3})+(?:[.,]\d+)?")
_STRICT = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$")


def to_decimal(value):
    """``value`` as a Decimal (floats through their shortest repr), None stays None."""
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def _plain(value):
    """Decimal as plain digits with '.' as decimal point, no exponent, no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text


def format_number(value, decimals=None, *, group=True):
    """Vietnamese form of a number: format_number(Decimal("1302.5")) == "1.302,5".

    ``decimals=None`` keeps the significant decimals (no trailing zeros); an int rounds
    half up to that many decimals and keeps them ("90,0" with decimals=1). None gives "".
    """
    if value is None:
        return ""
    number = to_decimal(value)
    if decimals is None:
        text = _plain(number)
    else:
        text = format(number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP), "f")
        if text.startswith("-") and not text.strip("-0."):
            text = text[1:]
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, fraction = text.partition(".")
    if group:
        whole = f"{int(whole):,}".replace(",", ".")
    return sign + whole + ("," + fraction if fraction else "")


def format_percent(value, decimals=None):
    """"8,5%" (the sign glued to the number); None gives ""."""
    return "" if value is None else format_number(value, decimals) + "%"


def format_permille(value, decimals=None):
    """"0,3‰"; None gives ""."""
    return "" if value is None else format_number(value, decimals) + "‰"


def squeeze_number(text):
    """``text`` without its spaces when they only surround it, follow its sign or group its digits
    by three ("1 234 567"); otherwise ValueError: "12 3" is two numbers or a typo, never 123.
    Digits other than ASCII raise ValueError(FOREIGN_DIGITS)."""
    text = _SPACES.sub(" ", clean(text or "")).strip()
    if has_foreign_digits(text):
        raise ValueError(FOREIGN_DIGITS)
    sign = ""
    if text[:1] in _SIGNS:
        sign, text = text[0], text[1:].lstrip()
    if " " in text:
        if not _GROUPED_BY_SPACE.fullmatch(text):
            raise ValueError(SPACE_IN_NUMBER_ERROR)
        text = text.replace(" ", "")
    return sign + text


def _split_sign(text):
    text = squeeze_number(text)
    sign = ""
    if text[:1] in _SIGNS:
        sign, text = _SIGNS[text[0]], text[1:]
    return sign, text


def parse_number(text):
    """Read a number the way officials type it; None when it is not a number.

    Lenient: "9.949.000.000", "1.234" (grouping), "11,44", "0,8", "03", "1.302,5".
    Text that can only be English style is read as such ("15.2", "0.06", "1,234.5"),
    because the seed documents contain a few; forms use :func:`parse_number_strict`.
    """
    if text is None:
        return None
    try:
        sign, text = _split_sign(str(text))
    except ValueError:
        return None
    text = text.strip(".,")
    if not text or not re.fullmatch(r"[\d.,]+", text) or not any(c.isdigit() for c in text):
        return None
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif dots > 1:
        text = text.replace(".", "")
    elif dots == 1:
        if re.fullmatch(r"\d{1,3}\.\d{3}", text):
            text = text.replace(".", "")
    elif commas > 1:
        text = text.replace(",", "")
    else:
        text = text.replace(",", ".")
    try:
        return Decimal(sign + text)
    except InvalidOperation:
        return None


def parse_number_strict(text):
    """Read a number written the Vietnamese way only, for form input.

    Blank gives None; anything else that is not "1.234,5"-shaped raises ValueError with a
    message an official can act on ("1,234.5" and "15.2" are refused).
    """
    if text is None or not str(text).strip():
        return None
    sign, body = _split_sign(str(text))
    if not _STRICT.match(body):
        raise ValueError(STRICT_NUMBER_ERROR)
    return Decimal(sign + body.replace(".", "").replace(",", "."))


def _day(n):
    return f"{n:02d}" if n < 10 else str(n)


def _month(n):
    return f"{n:02d}" if n <= 2 else str(n)


def format_date_words(value: date):
    """"ngày 01 tháng 12 năm 2023" (NĐ 30: leading zero for days 1-9 and months 1-2)."""
    return f"ngày {_day(value.day)} tháng {_month(value.month)} năm {value.year}"


def format_date_short(value: date):
    """"29/11/2023", "09/3/2023", "27/02/2020": the same leading-zero rule as the long form."""
    return f"{_day(value.day)}/{_month(value.month)}/{value.year}"


def two_digit_count(n):
    """Counts as officials write them: 6 -> "06", 14 -> "14", 120 -> "120"."""
    return f"{int(n):02d}"


def looks_english(text):
    """"1,234.5", "15.2", "0.06": a dot that is not a thousands separator, or a comma before a dot."""
    if "," in text and "." in text and text.rfind(",") < text.rfind("."):
        return True
    return bool(re.fullmatch(r"\d+\.\d{1,2}|\d+\.\d{4,}|0\.\d+", text))


def has_english_number(text):
    """Whether ``text`` holds a number written the English way ("1,234.5", "15.2"): the parser
    reads it anyway, and the preview says how it was read and how Vietnamese writes it."""
    return any(looks_english(token.strip(".,")) or looks_english(token)
               for token in re.findall(r"\d[\d.,]*\d", text or ""))


# Units of a rate: a result is a share of its denominator (at most 100 % / 1000 ‰).
RATE_UNITS = ("%", "‰")

# Figures (targets, results, baselines) are stored in DecimalField(max_digits=24, decimal_places=6):
# what a ward types is checked against these bounds before it is stored, well inside the columns.
MAX_NUMBER = 10 ** 15
MAX_DECIMALS = 6


def column_problem(number):
    """The Vietnamese message when a Decimal ``number`` is outside MAX_NUMBER / MAX_DECIMALS, else None."""
    if abs(number) >= MAX_NUMBER:
        return "Số quá lớn (tối đa 999.999.999.999.999). Kiểm tra lại số chữ số đã gõ."
    if -number.as_tuple().exponent > MAX_DECIMALS:
        return f"Số có quá {MAX_DECIMALS} chữ số sau dấu phẩy; hãy làm tròn bớt."
    return None


def fits_columns(number):
    """Whether a Decimal ``number`` is within MAX_NUMBER and MAX_DECIMALS."""
    return column_problem(number) is None
