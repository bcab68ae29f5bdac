"""reports/issuing/pades.py: what is refused before any signature is looked at."""

import io

import pytest
from pypdf import PdfReader, PdfWriter

from reports.issuing import pades


def test_open_pdf_refuses_what_is_not_a_pdf():
    with pytest.raises(pades.Refused, match="không phải là PDF"):
        pades.open_pdf(b"PK\x03\x04 a zip file")


def test_open_pdf_refuses_a_file_over_the_limit():
    with pytest.raises(pades.Refused, match="lớn hơn 20 MB"):
        pades.open_pdf(b"%PDF-1.7\n" + b"0" * pades.MAX_UPLOAD_BYTES)


def test_open_pdf_refuses_an_encrypted_file(frozen_bytes):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(frozen_bytes)))
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)

    with pytest.raises(pades.Refused, match="mã hóa"):
        pades.open_pdf(out.getvalue())


def test_open_pdf_refuses_a_broken_pdf():
    with pytest.raises(pades.Refused, match="bị hỏng"):
        pades.open_pdf(b"%PDF-1.7\nnot really a pdf\n%%EOF\n")
