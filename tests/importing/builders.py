"""Word documents built by the tests: the seed plans' text as .docx (tables as real Word tables).

The seed texts are Markdown-ish: ``**bold**``, ``#### `` headings, ``| a | b |`` tables and
tab-separated tables; blank lines separate paragraphs, single newlines are line breaks.
"""

import io
import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

SEEDS = Path("/work/shared/seeds")
SEED_FIXTURES = {
    "000_a5ef3e362a8e7281.txt": "my-phu-2024",
    "001_616d0573625243ea.txt": "phuong-2-tay-ninh-2024",
    "002_680e36f5c05cb2c2.txt": "tho-xuong-2024",
    "003_5fa00919075cc4e5.txt": "nhon-hung-2024",
    "004_a1adeea7a8a2c2a3.txt": "lai-hung-2024",
}
_TAGS = re.compile(r"</?(b|i|sup|sub)>")


def _runs(paragraph, line):
    line = re.sub(r"^#+\s*", "", line).rstrip()
    parts = re.split(r"(\*\*\*|\*\*|\*)", line)
    bold = italic = False
    for part in parts:
        if part == "***":
            bold, italic = not bold, not italic
        elif part == "**":
            bold = not bold
        elif part == "*" and not paragraph.text.strip() == "" or part == "*":
            italic = not italic
        elif part:
            run = paragraph.add_run(_TAGS.sub("", part))
            run.bold, run.italic = bold or None, italic or None


def _table(document, rows):
    width = max(len(r) for r in rows)
    table = document.add_table(rows=0, cols=width)
    for r in rows:
        cells = table.add_row().cells
        for i, text in enumerate(r):
            cells[i].text = _TAGS.sub("", text).strip()
    return table


def add_text(document, text, *, centered_title=False, tabs_as_text=False):
    """Append Markdown-ish ``text`` to ``document`` (tab-separated lines as a Word table, or kept as
    tab-separated paragraphs with ``tabs_as_text``)."""
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.lstrip().startswith("|") for line in lines):
            rows = [[c for c in line.strip().strip("|").split("|")] for line in lines
                    if not re.fullmatch(r"\|[\s|:-]+\|?", line.strip())]
            _table(document, rows)
            continue
        if tabs_as_text and any("\t" in line for line in lines):
            for line in lines:
                document.add_paragraph(line)
            continue
        if sum("\t" in line for line in lines) >= 2 and all("\t" in line for line in lines[1:]):
            caption = [line for line in lines if "\t" not in line]
            for line in caption:
                _runs(document.add_paragraph(), line)
            _table(document, [line.split("\t") for line in lines if "\t" in line])
            continue
        paragraph = document.add_paragraph()
        for i, line in enumerate(lines):
            if i:
                paragraph.add_run().add_break()
            _runs(paragraph, line.strip() if not line.startswith(" - +") else line.strip()[2:])
        if centered_title and paragraph.text.strip().startswith("KẾ HOẠCH"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER


def docx_bytes(text, *, tabs_as_text=False):
    document = docx.Document()
    add_text(document, text, tabs_as_text=tabs_as_text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def seed_docx(name):
    return docx_bytes((SEEDS / name).read_text(encoding="utf-8"))
