"""Crafted uploads stay cheap: many %%EOF markers, bodies announced over the 20 MB limit."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import reverse
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject

from reports.issuing import pades, services, views
from reports.models import IssuedDocument, IssuedKind

pytestmark = pytest.mark.django_db

OVER_LIMIT = pades.MAX_UPLOAD_BYTES + views.UPLOAD_MARGIN + 1


def eof_pdf(markers, pad=8):
    """A valid one-page PDF whose content stream holds ``markers`` "%%EOF" comment lines."""
    writer = PdfWriter()
    page = writer.add_blank_page(100, 100)
    stream = DecodedStreamObject()
    stream.set_data((b"%" + b"x" * pad + b"\n%%EOF\n") * markers)
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def hashing(monkeypatch):
    """Records every whole-buffer digest (services.sha256) and every set of prefixes hashed."""
    calls = {"sha256": 0, "prefixes": []}
    sha256, prefix_digests = services.sha256, services._prefix_digests

    def counted_sha256(data):
        calls["sha256"] += 1
        return sha256(data)

    def counted_prefixes(data, sizes):
        calls["prefixes"].append(sorted(set(sizes)))
        return prefix_digests(data, sizes)

    monkeypatch.setattr(services, "sha256", counted_sha256)
    monkeypatch.setattr(services, "_prefix_digests", counted_prefixes)
    return calls


# --- many %%EOF markers -------------------------------------------------------------------------

def test_revision_ends_looks_at_the_last_markers_only():
    data = eof_pdf(5000)

    ends = services._revision_ends(data)

    assert data.count(b"%%EOF") > 5000
    assert 0 < len(ends) <= 2 * services.MAX_REVISION_MARKERS
    assert ends == sorted(ends) and ends[-1] == len(data)   # the file's own final %%EOF\n
    assert all(data[:end].rstrip(b"\r\n").endswith(b"%%EOF") for end in ends)


def test_revision_ends_with_and_without_line_end():
    data = b"%PDF-1.7\n1\n%%EOF\r\n2\n%%EOF"

    assert services._revision_ends(data) == [16, 18, len(data)]
    assert services._revision_ends(data, limit=1) == [len(data)]


def test_verify_file_with_thousands_of_markers_hashes_the_file_once(frozen_a, hashing):
    data = eof_pdf(5000)

    result = services.verify_file(data)

    assert result.frozen is None and result.identical is None
    assert result.check.problems == ["Tệp chưa có chữ ký số."]
    assert hashing["sha256"] == 1          # the whole file, for the identical-copy lookup
    assert hashing["prefixes"] == []       # no stored document ends where a revision might


def test_verify_file_hashes_only_prefixes_of_a_stored_size(frozen_a, hashing):
    data = eof_pdf(5000)
    ends = services._revision_ends(data)
    # Stored documents of the sizes where the crafted file's revisions could end: still one
    # hash per distinct size (here two), none of them matching.
    for end in ends[-3:-1]:
        IssuedDocument.objects.filter(pk=frozen_a.pk).update(size=end)
        signed = IssuedDocument(plan=frozen_a.plan, kind=IssuedKind.SIGNED, source=frozen_a, sha256="0" * 64,
                                size=end, file=frozen_a.file.name)
        signed.save()

    result = services.verify_file(data)

    assert result.frozen is None
    assert hashing["prefixes"] == [ends[-3:-1]]


def test_verify_file_of_a_signed_copy_hashes_the_frozen_prefix_only(frozen_a, frozen_bytes, sign_with, hashing):
    data = sign_with("leader", frozen_bytes)

    result = services.verify_file(data)

    assert result.frozen == frozen_a and result.identical is None
    assert result.check.ok and result.check.is_frozen_revision
    assert hashing["prefixes"] == [[len(frozen_bytes)]]


def test_verify_file_of_a_copy_signed_twice_finds_the_frozen_document(frozen_a, frozen_bytes, sign_with):
    once = sign_with("leader", frozen_bytes)
    services.accept_signed_upload(frozen_a.plan, once, by=None)
    twice = sign_with("org", once)

    result = services.verify_file(twice)

    assert result.frozen == frozen_a and result.identical is None
    assert result.check.ok and result.check.is_frozen_revision


def test_verify_file_through_the_signed_copy_when_the_frozen_revision_is_out_of_reach(
        frozen_a, frozen_bytes, sign_with, monkeypatch, committed):
    once = sign_with("leader", frozen_bytes)
    committed(services.accept_signed_upload, frozen_a.plan, once, by=None)
    twice = sign_with("org", once)
    monkeypatch.setattr(services, "MAX_REVISION_MARKERS", 2)   # the frozen file's %%EOF is not looked at

    assert len(frozen_bytes) not in services._revision_ends(twice)
    assert services.verify_file(twice).frozen == frozen_a


def test_verify_page_with_thousands_of_markers_answers_unknown(client, frozen_a, hashing):
    data = eof_pdf(5000)

    response = client.post(reverse("issuing:verify"), {"file": SimpleUploadedFile("x.pdf", data, "application/pdf")})

    assert response.status_code == 200
    assert response.context["frozen"] is None
    assert hashing["prefixes"] == []


# --- bodies announced over the limit --------------------------------------------------------------

@pytest.mark.parametrize(("length", "refused"), [
    (None, False), ("", False), ("abc", False), ("-5", False), ("1024", False),
    (str(pades.MAX_UPLOAD_BYTES + views.UPLOAD_MARGIN), False), (str(OVER_LIMIT), True),
])
def test_declared_too_large(length, refused):
    request = RequestFactory().post("/verify/")
    if length is None:
        request.META.pop("CONTENT_LENGTH", None)
    else:
        request.META["CONTENT_LENGTH"] = length

    assert views.declared_too_large(request) is refused


def _small_pdf():
    return SimpleUploadedFile("x.pdf", b"%PDF-1.7\n", "application/pdf")


def test_verify_refuses_an_announced_oversized_body_without_reading_it(client):
    response = client.post(reverse("issuing:verify"), {"file": _small_pdf()}, CONTENT_LENGTH=str(OVER_LIMIT))

    assert response.status_code == 413
    assert "Tệp lớn hơn 20 MB." in response.content.decode()
    assert response.wsgi_request.environ["wsgi.input"].read_started is False


def test_upload_signed_refuses_an_announced_oversized_body_without_reading_it(client, leader_a, frozen_a):
    client.force_login(leader_a)

    response = client.post(reverse("issuing:upload_signed", args=[frozen_a.plan_id]), {"file": _small_pdf()},
                           CONTENT_LENGTH=str(OVER_LIMIT))

    assert response.status_code == 413
    assert "Tệp lớn hơn 20 MB." in response.content.decode()
    assert response.wsgi_request.environ["wsgi.input"].read_started is False
    assert not IssuedDocument.objects.filter(kind=IssuedKind.SIGNED).exists()


def test_upload_signed_oversized_body_still_needs_login_and_the_leader(client, viewer_a, frozen_a):
    url = reverse("issuing:upload_signed", args=[frozen_a.plan_id])

    anonymous = client.post(url, {"file": _small_pdf()}, CONTENT_LENGTH=str(OVER_LIMIT))
    client.force_login(viewer_a)
    viewer = client.post(url, {"file": _small_pdf()}, CONTENT_LENGTH=str(OVER_LIMIT))

    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    assert viewer.status_code == 403


def test_oversized_refusal_comes_before_the_csrf_check_which_still_guards_the_rest(leader_a, frozen_a):
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader_a)
    upload = reverse("issuing:upload_signed", args=[frozen_a.plan_id])
    verify = reverse("issuing:verify")

    assert client.post(verify, {"file": _small_pdf()}, CONTENT_LENGTH=str(OVER_LIMIT)).status_code == 413
    assert client.post(upload, {"file": _small_pdf()}, CONTENT_LENGTH=str(OVER_LIMIT)).status_code == 413
    assert client.post(verify, {"file": _small_pdf()}).status_code == 403
    assert client.post(upload, {"file": _small_pdf()}).status_code == 403


def test_csrf_token_from_the_page_is_accepted(leader_a, frozen_a, frozen_bytes):
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader_a)
    url = reverse("issuing:upload_signed", args=[frozen_a.plan_id])
    client.get(url)
    token = client.cookies["csrftoken"].value

    response = client.post(url, {"file": SimpleUploadedFile("x.pdf", frozen_bytes, "application/pdf"),
                                 "csrfmiddlewaretoken": token})

    assert response.status_code == 400
    assert "Tệp chưa có chữ ký số." in response.content.decode()
