"""A .docx plan read with python-docx: paragraphs and real Word tables in body order, then core.plan_reader.

The archive is checked first (plans.importing.safety); macros are dropped from the package before
python-docx sees it (a .docm opens like a .docx), external links are never followed.
"""

import io
import re
import zipfile

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from core.plan_reader import Para, Table, read_plan

from .safety import UploadRefused, check_archive

_MACRO_TYPE = b"application/vnd.ms-word.document.macroEnabled.main+xml"
_PLAIN_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


def _without_macros(archive):
    """The package rebuilt without its VBA parts (content type and relationships mended)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as clean:
        for info in archive.infolist():
            name = info.filename
            if re.search(r"vba(project|data)[^/]*$", name, re.IGNORECASE):
                continue
            data = archive.read(name)
            if name == "[Content_Types].xml":
                data = data.replace(_MACRO_TYPE, _PLAIN_TYPE)
                data = re.sub(rb"<Override[^>]*vba[^>]*/>", b"", data, flags=re.IGNORECASE)
            elif name.endswith(".rels"):
                data = re.sub(rb"<Relationship[^>]*vba[^>]*/>", b"", data, flags=re.IGNORECASE)
            clean.writestr(name, data)
    return out.getvalue()


class _Styles:
    """Bold, alignment and heading-ness of paragraph styles, resolved once per style id (python-docx
    looks the default style up by scanning every style on each access)."""

    def __init__(self):
        self.cache = {}

    def get(self, paragraph):
        ppr = paragraph._p.pPr
        key = ppr.style if ppr is not None else None
        if key not in self.cache:
            style = paragraph.style
            font_bold = bool(style is not None and style.font is not None and style.font.bold)
            alignment = style.paragraph_format.alignment if style is not None else None
            heading = style is not None and (style.name or "").startswith("Heading")
            self.cache[key] = (font_bold, alignment, heading)
        return self.cache[key]

    def bold(self, paragraph):
        runs = [r for r in paragraph.runs if r.text.strip()]
        if not runs:
            return False
        style_bold, _, heading = self.get(paragraph)
        return heading or all(r.bold or (r.bold is None and style_bold) for r in runs)

    def centered(self, paragraph):
        alignment = paragraph.alignment
        if alignment is None:
            alignment = self.get(paragraph)[1]
        return alignment == WD_ALIGN_PARAGRAPH.CENTER


_P, _T, _BR = qn("w:p"), qn("w:t"), qn("w:br")


def _cell_text(tc):
    """A cell's paragraphs as lines, read straight from the XML (python-docx objects per cell are slow)."""
    lines = []
    for paragraph in tc.iter(_P):
        parts = [node.text or "" if node.tag == _T else "\n" for node in paragraph.iter(_T, _BR)]
        lines.append("".join(parts))
    return "\n".join(lines)


def _table_rows(table):
    """Rows of cell texts; a merged cell (w:gridSpan) counts once, as it is one w:tc."""
    return [[_cell_text(tc) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def blocks(document):
    """Paragraphs and tables of the body, in order."""
    out, styles = [], _Styles()
    for child in document.iter_inner_content():
        if isinstance(child, Paragraph):
            out.append(Para(child.text, styles.bold(child), styles.centered(child)))
        elif isinstance(child, DocxTable):
            out.append(Table(_table_rows(child)))
    return out


def open_docx(data):
    """A python-docx Document from uploaded bytes, after the safety checks; raises UploadRefused."""
    archive = check_archive(data, "docx")
    try:
        return docx.Document(io.BytesIO(_without_macros(archive)))
    except Exception:  # python-docx raises several kinds on a broken package
        raise UploadRefused("Không đọc được tệp Word này: tệp bị hỏng hoặc không phải .docx.") from None


def read_docx(data, *, year=None):
    """The core.plan_reader.Reading of a .docx given as bytes; raises UploadRefused."""
    return read_plan(blocks(open_docx(data)), year=year)
