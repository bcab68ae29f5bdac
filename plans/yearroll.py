"""Years in a plan's text, rolled forward when it is copied to the next year, and the lines that
still look stale when it is issued. Text functions (no query) besides :func:`stale_lines`.

Rolling from plan year Y to Y+1: "năm Y" -> "năm Y+1", "Y-1" (last year) -> "Y", period names
("quý IV/Y", "6 tháng đầu năm Y") likewise. Left alone: legal citations (a sentence naming a
document by number, "số 07/2020/NQ-HĐND", or a "Căn cứ"/"Thực hiện" basis), a year inside a
document symbol ("2020/NQ") and ranges ("2021-2025", "giai đoạn 2021 - 2025").

The replacements are stored on the new plan (``Plan.year_changes``) and listed on its page; the
issue page warns with :func:`stale_lines`.
"""

import re
from dataclasses import dataclass

from indicators.models import PlanIndicator

from .models import Section

YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d])")
CITATION = re.compile(r"\bsố\s*:?\s*\d+|\d+/\d{4}/|\d+/[A-ZĐ]{2,}|^\s*(căn cứ|thực hiện)\b", re.IGNORECASE)
SENTENCE = re.compile(r"[^.;\n]+[.;]?|\n")
CONTEXT = 30


@dataclass(frozen=True)
class Replacement:
    where: str
    old: str
    new: str

    def as_dict(self):
        return {"where": self.where, "old": self.old, "new": self.new}


def _in_range(text, start, end):
    before, after = text[max(0, start - 3):start], text[end:end + 3]
    return bool(re.search(r"\d\s*[-–]\s*$", before) or re.match(r"^\s*[-–]\s*\d", after))


def _after_symbol(text, end):
    return bool(re.match(r"^/[A-ZĐ]", text[end:end + 3]))


def _snippet(text, start, end):
    a, b = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    return ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")


def roll_text(text, *, year, where=""):
    """(text with the years of a plan of ``year`` rolled to ``year + 1``, [Replacement])."""
    if not text:
        return text or "", []
    out, changes = [], []
    for match in SENTENCE.finditer(text):
        sentence = match.group(0)
        if CITATION.search(sentence):
            out.append(sentence)
            continue
        rolled = _roll_sentence(sentence, year)
        if rolled != sentence:
            changes.append(Replacement(where, _snippet(sentence, 0, len(sentence)).strip(),
                                       _snippet(rolled, 0, len(rolled)).strip()))
        out.append(rolled)
    return "".join(out), changes


def _roll_sentence(sentence, year):
    def swap(m):
        found = int(m.group(1))
        if found not in (year, year - 1) or _in_range(sentence, m.start(), m.end()) \
                or _after_symbol(sentence, m.end()):
            return m.group(0)
        return str(found + 1)
    return YEAR.sub(swap, sentence)


def stale_years(text, *, year, where=""):
    """Lines of ``text`` (outside legal citations and ranges) naming a year before ``year``."""
    lines = []
    for match in SENTENCE.finditer(text or ""):
        sentence = match.group(0)
        if CITATION.search(sentence):
            continue
        for m in YEAR.finditer(sentence):
            if int(m.group(1)) < year and not _in_range(sentence, m.start(), m.end()) \
                    and not _after_symbol(sentence, m.end()):
                lines.append(f"{where}: {_snippet(sentence, m.start(), m.end())}")
                break
    return lines


def old_target_quotes(text, changes, *, where=""):
    """Lines where ``text`` still quotes a target as it was before it changed. ``changes`` is
    [(indicator name, old target text, new target text)]."""
    lines = []
    low = (text or "").lower()
    for name, old, new in changes:
        old_words, new_words = " ".join(old.lower().split()), " ".join(new.lower().split())
        if old_words and old_words != new_words and old_words not in new_words and old_words in low:
            i = low.index(old_words)
            lines.append(f"{where}: “{_snippet(text, i, i + len(old_words))}” – chỉ tiêu “{name}” "
                         f"nay là “{new}”")
    return lines


def roll_copied_plan(src, new):
    """Roll the years of ``new`` (just copied from ``src``, one year on) forward in its title,
    preamble, appendix title and sections (plans.yearroll); legal bases are left as cited.
    Returns every replacement as dicts, for review on the plan page. The caller saves ``new``;
    sections are saved here (one UPDATE each that changed)."""
    changes = []
    for field, where in (("title", "Trích yếu"), ("preamble", "Lời mở đầu"), ("appendix_title", "Tên phụ lục")):
        text, found = roll_text(getattr(new, field), year=src.year, where=where)
        setattr(new, field, text)
        changes += found
    for section in Section.objects.filter(plan=new).order_by("order", "pk"):
        heading, found_h = roll_text(section.heading, year=src.year, where=f"Mục “{section.heading[:40]}”")
        body, found_b = roll_text(section.body, year=src.year, where=f"Mục “{section.heading[:40]}”")
        if found_h or found_b:
            section.heading, section.body = heading, body
            section.save(update_fields=["heading", "body"])
            changes += found_h + found_b
    return [change.as_dict() for change in changes]


def stale_lines(plan):
    """What the issue page warns about, as lines: years before the plan's year in its title,
    preamble, appendix title and sections (legal bases excepted), and targets still quoted in the
    text as they were before they changed (each indicator's target history). Three queries."""
    texts = [("Trích yếu", plan.title), ("Lời mở đầu", plan.preamble), ("Tên phụ lục", plan.appendix_title)]
    texts += [(f"Mục “{s.heading[:40]}”", f"{s.heading}\n{s.body}")
              for s in Section.objects.filter(plan=plan).order_by("order", "pk")]
    before = {}
    for pk, text in PlanIndicator.history.model.objects.filter(plan_id=plan.pk).values_list("id", "target_text"):
        before.setdefault(pk, set()).add(text)
    changes = [(indicator.name, old, indicator.target_text)
               for indicator in PlanIndicator.objects.filter(plan=plan)
               for old in sorted(before.get(indicator.pk, set()) - {indicator.target_text})]
    lines = []
    for where, text in texts:
        lines += stale_years(text, year=plan.year, where=where)
        lines += old_target_quotes(text, changes, where=where)
    return lines
