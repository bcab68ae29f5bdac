"""Incoming text made canonical once, at the edge (config/middleware.py, plan files). Pure: no Django.

What an official pastes from Word, a PDF or a chat app may carry characters that look like
nothing or like a space and change what a number says: "9\u200b0%" (a zero-width space) read
as "0%", or a name typed in decomposed form (NFD) that no search finds. ``clean`` makes every
string NFC, drops the invisible characters, reads a no-break or thin space between two digits
as nothing (it glues a figure: "9\u00a00%" is 90%) and any other as a plain space.
Digits of other scripts (full-width "９０", Arabic-Indic ...) are left as typed: where a number is
expected they are refused with FOREIGN_DIGITS (core/vnformat.py), never read silently.
"""

import re
import unicodedata

FOREIGN_DIGITS = ("Chỉ dùng chữ số 0–9 thông thường: số có chữ số toàn độ rộng hoặc chữ số của bảng mã khác "
                  "(ví dụ “９０”) không được chấp nhận.")
# Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, direction marks and embeddings.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_GLUE = "\u00a0\u202f\u2007\u2009\u200a"   # no-break, narrow no-break, figure, thin, hair spaces
_GLUE_IN_DIGITS = re.compile(rf"(?<=\d)[{_GLUE}](?=\d)")
_OTHER_SPACES = re.compile(rf"[{_GLUE}\u2000-\u2008\u205f\u3000]")


def clean(text):
    """``text`` in NFC without invisible characters, with no-break and odd spaces made plain."""
    if not text:
        return text
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _GLUE_IN_DIGITS.sub("", text)
    return _OTHER_SPACES.sub(" ", text)


def has_foreign_digits(text):
    """True when ``text`` holds a decimal digit other than ASCII 0-9 ("９", "٣"); "m²" is not one."""
    return any(ch > "\x7f" and unicodedata.decimal(ch, None) is not None for ch in text or "")


def strip_diacritics(text):
    """``text`` without Vietnamese tone and vowel marks, đ read as d ("Đồng Tháp" -> "Dong Thap"); case
    and punctuation kept. The one place the marks come off: core.matching.fold (search, catalogue
    matching, the stored folded names) and core.plan_text.fold build on it."""
    text = unicodedata.normalize("NFD", (text or "").replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))
