"""Uploaded PDFs cost bounded work: structural counts before parsing, parsing in a bounded child."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports import pdfguard
from reports.issuing import pades, services

from .crafted import chained_updates, chained_xref_streams, deflate_bomb

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_parsing(monkeypatch):
    """Fails the test if anything hands the file to a PDF parser or the bounded child."""
    def refuse(*args, **kwargs):
        raise AssertionError("the file was parsed")
    monkeypatch.setattr(pdfguard, "bounded", refuse)
    monkeypatch.setattr("pyhanko.pdf_utils.reader.PdfFileReader.__init__", refuse)


def test_the_worst_case_file_is_refused_before_any_parsing(client, frozen_bytes, no_parsing):
    data = chained_updates(frozen_bytes, 180_000)
    assert 17_000_000 < len(data) < pades.MAX_UPLOAD_BYTES

    response = client.post(reverse("issuing:verify"), {"file": SimpleUploadedFile("x.pdf", data, "application/pdf")})

    assert response.status_code == 400
    assert pdfguard.TOO_COMPLEX in response.content.decode()


def test_verify_file_refuses_it_too(frozen_a, frozen_bytes, no_parsing):
    with pytest.raises(pades.Refused, match="quá phức tạp"):
        services.verify_file(chained_updates(frozen_bytes, 1000))


def test_a_few_updates_are_within_bounds(frozen_bytes):
    assert pdfguard.structure_problem(frozen_bytes) == ""
    assert pdfguard.structure_problem(chained_updates(frozen_bytes, 10)) == ""
    assert pdfguard.structure_problem(chained_updates(frozen_bytes, pdfguard.MAX_SECTIONS)) == pdfguard.TOO_COMPLEX


def test_a_copy_signed_three_times_is_within_bounds(frozen_bytes, sign_with):
    data = sign_with("org", sign_with("leader", sign_with("leader", frozen_bytes)))

    assert pdfguard.structure_problem(data) == ""
    pades.check_pdf(data)


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\ntrailer\n<</Size 5000000/Root 1 0 R>>\n",
    b"%PDF-1.7\n<</Type/XRef/Index[0 3 10 900000]>>\n",
    b"%PDF-1.7\n" + b"trailer<</Size 5>>\n" * 65,
])
def test_declared_sizes_are_refused(data):
    assert pdfguard.structure_problem(data) == pdfguard.TOO_COMPLEX


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\ntrailer\n<</#53ize 5000000/Root 1 0 R>>\n",
    b"%PDF-1.7\ntrailer\n<</S#69#7a#65 5000000/Root 1 0 R>>\n",
    b"%PDF-1.7\n<</Type/XRef/Ind#65x[0 3 10 900000]>>\n",
    b"%PDF-1.7\n" + b"trailer<</Si#7Ae 5>>\n" * 65,
], ids=["size", "size-all-escaped", "index", "many-sizes"])
def test_declared_sizes_behind_escaped_names_are_refused(data):
    assert pdfguard.structure_problem(data) == pdfguard.TOO_COMPLEX


@pytest.mark.parametrize("escaped", [False, True], ids=["plain", "escaped"])
def test_chained_xref_streams_are_counted_whatever_their_names(escaped):
    assert pdfguard.structure_problem(chained_xref_streams(10, escaped=escaped)) == ""
    assert pdfguard.structure_problem(chained_xref_streams(1000, escaped=escaped)) == pdfguard.TOO_COMPLEX


def test_escaped_chain_is_refused_before_any_parsing(client, no_parsing):
    data = chained_xref_streams(20_000)

    response = client.post(reverse("issuing:verify"), {"file": SimpleUploadedFile("x.pdf", data, "application/pdf")})

    assert response.status_code == 400
    assert pdfguard.TOO_COMPLEX in response.content.decode()


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n" + b"#" * (pdfguard.MAX_HASHES + 1),
    b"%PDF-1.7\n" + b"/A#65 " * (pdfguard.MAX_KEY_ESCAPES + 1),
], ids=["hashes", "key-escapes"])
def test_more_escapes_than_a_real_file_has_are_refused_unread(data):
    assert pdfguard.structure_problem(data) == pdfguard.TOO_COMPLEX


def test_a_name_escaping_a_delimiter_is_not_a_key():
    """/Pr#20ev is the name "Pr ev", not /Prev: decoding never joins what the escape kept apart."""
    data = b"%PDF-1.7\n" + b"<</Pr#20ev 1>>\n" * 100
    assert pdfguard.structure_problem(data) == ""


def test_a_deflate_bomb_is_refused(client):
    data = deflate_bomb(60)

    response = client.post(reverse("issuing:verify"), {"file": SimpleUploadedFile("x.pdf", data, "application/pdf")})

    assert response.status_code == 400
    assert "Tệp PDF" in response.context["form"].errors["file"][0]


# --- the bounded child ----------------------------------------------------------------------------

def _allocate(megabytes):
    return len(bytearray(megabytes * 2**20))


def _sleep(seconds):
    time.sleep(seconds)


def _refuse():
    raise pades.Refused("Tệp không phải là PDF.", ["a", "b"])


def test_bounded_returns_the_result():
    assert pdfguard.bounded(_allocate, 1) == 2**20


def test_bounded_stops_a_child_over_its_memory(settings):
    settings.PDF_CHECK_MEMORY_MB = 64
    with pytest.raises(pdfguard.Exceeded):
        pdfguard.bounded(_allocate, 512)


def test_bounded_stops_a_child_over_its_time(settings):
    settings.PDF_CHECK_SECONDS = 0.3
    with pytest.raises(pdfguard.Exceeded):
        pdfguard.bounded(_sleep, 30)


def test_bounded_reraises_the_refusal_with_its_reasons():
    with pytest.raises(pades.Refused) as caught:
        pdfguard.bounded(_refuse)
    assert caught.value.reasons == ["a", "b"]


def test_an_exceeded_check_is_a_vietnamese_refusal(client, monkeypatch, frozen_bytes):
    def exceeded(*args, **kwargs):
        raise pdfguard.Exceeded
    monkeypatch.setattr(pdfguard, "bounded", exceeded)

    response = client.post(reverse("issuing:verify"),
                           {"file": SimpleUploadedFile("x.pdf", frozen_bytes, "application/pdf")})

    assert response.status_code == 400
    assert pdfguard.TOO_COSTLY in response.content.decode()
