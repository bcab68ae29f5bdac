"""reports/issuing/stamp.py: where the signature goes, the verification code."""

import io

from pypdf import PdfReader

from reports.documents.registry import get_exporter
from reports.issuing import stamp


def test_signature_box_lies_between_title_and_name(issued_a):
    _name, _type, data = get_exporter("plan", "pdf").render(issued_a)
    page, (x1, y1, x2, y2) = stamp.signature_box(data, issued_a)

    lines = stamp._page_lines(PdfReader(io.BytesIO(data)).pages[page])
    title = next(line for line in lines if line.text == "CHỦ TỊCH")
    name = next(line for line in lines if line.text == "Nguyễn Văn An")
    assert name.y < y1 < y2 < title.y
    assert x1 > 297 and x2 < 560  # the right half of an A4 page


def test_normalise_code_accepts_dashes_and_lower_case():
    assert stamp.normalise_code(" abcde-fghjk ") == "ABCDEFGHJK"
    assert stamp.normalise_code("ABCDE-FGHJ0") == ""  # 0 is not in the alphabet
    assert stamp.normalise_code("ABC") == ""
