"""Suggest which catalogue indicator a plan indicator is, by name similarity. Pure: no Django import.

Names are compared without diacritics ("Tỷ lệ hộ nghèo" -> "ty le ho ngheo"), with the usual
abbreviations spelled out (BHYT, BHXH, SDD, ...). The score mixes how much of the catalogue name's
distinctive words the plan's name contains (most of the signal: plans add place names, years and
targets around the words) with difflib's ratio on the whole strings, and a small bonus or penalty
when the units agree (a rate against a count).
"""

import math
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .text import strip_diacritics

ABBREVIATIONS = {
    "bhyt": "bao hiem y te", "bhxh": "bao hiem xa hoi", "bhtn": "bao hiem that nghiep",
    "sdd": "suy dinh duong", "gdvh": "gia dinh van hoa", "kdc": "khu dan cu", "tnxh": "te nan xa hoi",
    "nsnn": "ngan sach nha nuoc", "xkld": "xuat khau lao dong", "ld": "lao dong", "qs": "quan su",
    "nvqs": "nghia vu quan su",
}
# Phrases written differently for the same thing, rewritten to one form (on folded text).
REWRITES = [
    (r"\blao dong di lam viec co thoi han o nuoc ngoai\b", "xuat khau lao dong"),
    (r"\b(thi hanh )?nghia vu quan su\b|\btuyen quan\b|\bnhap ngu\b", "giao quan"),
    (r"\b(gioi thieu )?(giai quyet|tao|co) viec lam\b", "viec lam"),
    (r"\bkhu dan cu\b|\bkhu pho\b|\bto dan pho\b|\bkhom\b|\bap\b|\bthon\b|\bnhom\b", "kdc"),
    (r"\bchi tieu\b|\bnha nuoc\b|\btren dia ban\b|\btheo chuan moi\b", " "),
    (r"\bvan hoa\b", "vanhoa"),
]
# Words too common in indicator names to tell two apart.
STOP = frozenset("""so cac cua va tren dia ban nam trong duoc dat dan nguoi phan tram
the hien toan phuong xa thi tran tai voi cho theo tu tro len duoi hon it nhat muc co o danh hieu
tyle""".split())
THRESHOLD = 0.45


def fold(text):
    """Lower case, no diacritics, đ -> d, punctuation to spaces."""
    text = strip_diacritics(text).lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def normalise(text):
    text = " ".join(ABBREVIATIONS.get(w, w) for w in fold(text).split())
    for pattern, repl in REWRITES:
        text = re.sub(pattern, repl, text)
    return " ".join(text.split())


def tokens(text):
    """Distinctive words of a name (no stop words, no numbers); "ty le" (a rate) counts as one word."""
    text = normalise(text).replace("ty le", "tyle")
    words = {w for w in text.split() if (w not in STOP or w == "tyle") and not w.isdigit()}
    return words


def weights(catalog_names):
    """Inverse document frequency of each word over the catalogue: a word many names share says less."""
    names = [tokens(n) for n in catalog_names]
    df = {}
    for words in names:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(names) or 1
    return {w: math.log(1 + n / d) for w, d in df.items()}


def _bigrams(words):
    return set(zip(words, words[1:], strict=False))


@dataclass(frozen=True)
class Suggestion:
    code: str
    name: str
    score: float


def score(plan_name, catalog_name, *, plan_unit="", catalog_unit="", idf=None):
    """Similarity in [0, 1] of a plan indicator's name to a catalogue indicator's name."""
    a, b = tokens(plan_name), tokens(catalog_name)
    if not a or not b:
        return 0.0
    idf = idf or {}
    weight = lambda words: sum(idf.get(w, 3.0) for w in words)  # noqa: E731
    containment = weight(a & b) / weight(b)
    na, nb = normalise(plan_name).split(), normalise(catalog_name).split()
    pairs_b = _bigrams(nb)
    phrase = len(_bigrams(na) & pairs_b) / len(pairs_b) if pairs_b else 0.0
    ratio = SequenceMatcher(None, " ".join(na), " ".join(nb)).ratio()
    value = 0.55 * containment + 0.25 * phrase + 0.2 * ratio
    rate_a = "tyle" in a or "%" in plan_unit
    rate_b = "tyle" in b or "%" in catalog_unit
    if rate_a != rate_b and (plan_unit.strip() or "tyle" in a):
        value -= 0.15  # a rate is not a count ("Tỷ lệ hộ nghèo" / "Số hộ nghèo giảm")
    return round(max(0.0, min(value, 1.0)), 3)


class Matcher:
    """Suggestions against one catalogue: word weights and catalogue tokens are computed once."""

    def __init__(self, catalog):
        self.catalog = list(catalog)
        self.idf = weights([name for _, name, _ in self.catalog])

    def suggest(self, plan_name, *, plan_unit="", limit=3, threshold=THRESHOLD):
        scored = [Suggestion(code, name, score(plan_name, name, plan_unit=plan_unit, catalog_unit=unit,
                                               idf=self.idf))
                  for code, name, unit in self.catalog]
        scored = [s for s in scored if s.score >= threshold]
        scored.sort(key=lambda s: (-s.score, s.code))
        return scored[:limit]


def suggest(plan_name, catalog, *, plan_unit="", limit=3, threshold=THRESHOLD):
    """Best catalogue matches for one plan indicator: [Suggestion], best first, above ``threshold``.

    ``catalog`` is an iterable of (code, name, unit of measure)."""
    return Matcher(catalog).suggest(plan_name, plan_unit=plan_unit, limit=limit, threshold=threshold)
