"""The appendices a plan's own text cites, and the sentence naming the ones it carries. Pure.

A plan carries a Phụ lục (its targets) and/or Biểu số 01 / 02 (last year's tasks and indicators):
that is data the ward chooses (plans.models.Appendix). Its typed text may cite them: Thọ Xương
writes "Theo biểu số 01, biểu số 02 kèm theo Kế hoạch", others "(Chi tiết tại Phụ lục kèm theo)".
A citation is a mention of "Phụ lục" or "Biểu (số) 01/02" in a sentence that says "kèm theo", or
right after "theo", "tại", "xem" ("chi tiết theo Phụ lục"). "Biểu mẫu số 01" of another document
is not one.

Codes are plans.models.Appendix values: "phu_luc", "bieu01", "bieu02".
"""

import re

from .plan_text import fold

ORDER = ("phu_luc", "bieu01", "bieu02")
NAMES = {"phu_luc": "Phụ lục", "bieu01": "Biểu số 01", "bieu02": "Biểu số 02"}

SENTENCE = re.compile(r"[^.;\n]+")
MENTION = re.compile(r"\b(?:phu luc|bieu\s*(?:so\s*)?0?([12]))\b")
ATTACHED = re.compile(r"\bkem theo\b")
POINTED = re.compile(r"\b(?:theo|tai|xem)\s*$")
CONTEXT = 30


def citations(text):
    """[(code, snippet)] of the appendices ``text`` cites, each once, in order of first mention."""
    found = {}
    for match in SENTENCE.finditer(text or ""):
        sentence = " ".join(match.group(0).split())
        folded = fold(sentence)
        if len(folded) != len(sentence):   # spans line up when folding keeps one character per character
            folded = sentence.lower()
        attached = bool(ATTACHED.search(folded))
        for mention in MENTION.finditer(folded):
            if not (attached or POINTED.search(folded[:mention.start()])):
                continue
            code = f"bieu0{mention.group(1)}" if mention.group(1) else "phu_luc"
            found.setdefault(code, _snippet(sentence, mention.start(), mention.end()))
    return list(found.items())


def _snippet(text, start, end):
    a, b = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    return ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")


def names(codes):
    """"Phụ lục, Biểu số 01 và Biểu số 02" for the codes, in document order."""
    shown = [NAMES[code] for code in ORDER if code in set(codes)]
    if len(shown) < 2:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " và " + shown[-1]


def reference_sentence(codes, *, doc_type="Kế hoạch"):
    """"Chi tiết tại Phụ lục, Biểu số 01 và Biểu số 02 kèm theo Kế hoạch." or "" with no codes."""
    if not codes:
        return ""
    return f"Chi tiết tại {names(codes)} kèm theo {doc_type.capitalize()}."


def mismatches(cited, carried):
    """Lines saying where the text's citations (``cited``: [(where, code, snippet)]) and the
    appendices the plan carries (``carried``: codes) disagree. A text that cites none says nothing
    to disagree with (the document prints the generated sentence instead)."""
    if not cited:
        return []
    carried, lines = set(carried), []
    cited_codes = {code for _where, code, _snippet in cited}
    for where, code, snippet in cited:
        if code not in carried:
            lines.append(f"{where}: “{snippet}” – kế hoạch không kèm theo {NAMES[code]}")
    left_out = [code for code in ORDER if code in carried and code not in cited_codes]
    if left_out:
        lines.append(f"Kế hoạch kèm theo {names(left_out)} nhưng văn bản không nhắc đến")
    return lines
