"""What is drawn on an issued plan's pages: the verification code and its QR, where the signature
goes (page geometry read from the rendered text), and the font of the signature's text.

The code and a QR code pointing to the public verification page are drawn in the bottom margin
of page 1: we render the plan with the ordinary exporter, lay out a one-page overlay (code + QR
as SVG) with WeasyPrint and merge it onto page 1 with pypdf, so the document templates know
nothing about verification.
"""

import base64
import hashlib
import io
import os
import secrets
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.template.loader import render_to_string
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from pypdf import PdfReader, PdfWriter
from weasyprint import CSS, HTML

from reports.documents import pdf

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: no 0/O, no 1/I
CODE_LENGTH = 10                                     # 50 bits: not guessable one by one
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf",
)
MM = 72 / 25.4
# Page geometry of the plan document (static/css/nd30.css): margins T20 R15 B20 L30 mm.
MARGIN_LEFT, MARGIN_RIGHT = 30 * MM, 15 * MM
SIGN_BOX_WIDTH = 72 * MM
# The code and QR sit in page 1's 20 mm bottom margin, aligned with the text block.
STAMP_CSS = """
body { margin: 0; font: 9pt/1.25 "Liberation Serif", serif; color: #000; }
.qr { position: absolute; left: 30mm; bottom: 3.5mm; width: 14mm; height: 14mm; }
.text { position: absolute; left: 47mm; bottom: 4mm; }
.text p { margin: 0; }
"""


# --- verification code and QR -------------------------------------------------------------------

def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text):
    """"abcde-fghjk " -> "ABCDEFGHJK"; anything that cannot be a code -> ""."""
    code = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    return code if len(code) == CODE_LENGTH and all(ch in CODE_ALPHABET for ch in code) else ""


def verify_url(code=None):
    base = settings.SIGNING_VERIFY_URL
    if not code:
        return base
    return f"{base}{'&' if '?' in base else '?'}{urlencode({'code': code})}"


def qr_svg(text):
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=0,
                        error_correction=qrcode.constants.ERROR_CORRECT_M)
    return image.to_string()


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def verification_overlay(code, width, height):
    """A one-page PDF of ``width`` × ``height`` points: QR and code in the bottom margin."""
    qr = "data:image/svg+xml;base64," + base64.b64encode(qr_svg(verify_url(code))).decode()
    html = render_to_string("issuing/verification_stamp.html", {
        "qr": qr, "code": f"{code[:5]}-{code[5:]}", "url": verify_url()})
    css = CSS(string=f"@page {{ size: {width}pt {height}pt; margin: 0; }}\n{STAMP_CSS}")
    return HTML(string=html, url_fetcher=pdf.StaticOnlyFetcher()).write_pdf(
        stylesheets=[css], font_config=pdf.font_config())


def stamp_verification(pdf_bytes, code):
    """``pdf_bytes`` with the verification code and QR merged onto page 1 (a fresh, one-revision file)."""
    reader = PdfReader(io.BytesIO(pdf_bytes))
    first = reader.pages[0]
    overlay = PdfReader(io.BytesIO(verification_overlay(
        code, float(first.mediabox.width), float(first.mediabox.height)))).pages[0]
    writer = PdfWriter(clone_from=reader)
    writer.pages[0].merge_page(overlay)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- where the signature goes -------------------------------------------------------------------

@dataclass
class _Line:
    text: str
    x: float
    y: float       # baseline, points from the bottom of the page
    size: float    # font size in points


def _page_lines(page):
    lines = []

    def visit(text, cm, tm, _font, size):
        text = " ".join(text.split())
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        lines.append(_Line(text, x, y, abs(size * cm[3]) or size))

    page.extract_text(visitor_text=visit)
    return lines


def signature_box(pdf_bytes, plan):
    """(page index, (x1, y1, x2, y2)): the empty space between the signer's title and name.

    Found by reading the rendered text: the first page whose right half holds the last line of
    the signer's title with the signer's name below it. Without a match, the bottom of the
    right half of the last page of the main document (before any appendix).
    """
    reader = PdfReader(io.BytesIO(pdf_bytes))
    title_lines = [line.strip() for field_ in (plan.signer_authority, plan.signer_title)
                   for line in (field_ or "").splitlines() if line.strip()]
    title, name = (title_lines[-1] if title_lines else ""), (plan.signer_name or "").strip()
    for index, page in enumerate(reader.pages):
        width = float(page.mediabox.width)
        right = [line for line in _page_lines(page) if line.x > width / 2 - 10]
        titles = [line for line in right if title and line.text == title]
        for head in titles:
            below = [line for line in right if line.y < head.y and (not name or line.text == name)]
            if not below:
                continue
            foot = max(below, key=lambda line: line.y)
            top = head.y - 0.3 * head.size - 2
            bottom = foot.y + 0.8 * foot.size + 2 if name else head.y - 30 * MM
            return index, _centred_box(width, bottom, top)
    last = len(reader.pages) - 1
    return last, _centred_box(float(reader.pages[last].mediabox.width), 25 * MM, 25 * MM + 30 * MM)


def _centred_box(page_width, bottom, top):
    column_centre = MARGIN_LEFT + 0.75 * (page_width - MARGIN_LEFT - MARGIN_RIGHT)
    half = SIGN_BOX_WIDTH / 2
    return (round(column_centre - half, 1), round(bottom, 1), round(column_centre + half, 1), round(top, 1))


def top_right_box(page_width, page_height):
    """Top right of page 1, in the top margin: where ND30 puts an organisation's text-only signature."""
    right = page_width - MARGIN_RIGHT
    return (round(right - SIGN_BOX_WIDTH, 1), round(page_height - 19 * MM, 1), round(right, 1),
            round(page_height - 3 * MM, 1))


def first_page_size(pdf_bytes):
    """(width, height) of page 1 in points."""
    mediabox = PdfReader(io.BytesIO(pdf_bytes)).pages[0].mediabox
    return float(mediabox.width), float(mediabox.height)


# --- the signature's font -----------------------------------------------------------------------

def _system_font():
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    if shutil.which("fc-match"):
        found = subprocess.run(["fc-match", "-f", "%{file}", "Liberation Serif"], capture_output=True,
                               text=True, check=False, timeout=10).stdout.strip()
        if found and Path(found).is_file():
            return found
    raise RuntimeError("No Times New Roman-metric font (Liberation Serif) found for the signature text")


@lru_cache(maxsize=1)
def font_path():
    """The signature font scaled to 1000 units per em, written once to the temp directory.

    pyHanko 0.38 writes a TrueType font's glyph widths in font units into /W, which PDF reads
    in thousandths of an em: with Liberation Serif's 2048 units every letter was spread apart.
    """
    source = Path(_system_font())
    target = Path(tempfile.gettempdir()) / f"kehoach-{source.stem}-1000upem.ttf"
    if not target.is_file():
        font = TTFont(str(source))
        if font["head"].unitsPerEm != 1000:
            scale_upem(font, 1000)
        partial = target.with_suffix(f".{secrets.token_hex(4)}.tmp")
        font.save(str(partial))
        os.replace(partial, target)
    return str(target)
