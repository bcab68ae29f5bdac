"""Downloads, signing, upload and the public verification page."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader, PdfWriter

from reports.issuing import pades, services, stamp
from reports.models import IssuedDocument, IssuedKind


def _pdf(data, name="ke-hoach-da-ky.pdf"):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def _signed_count():
    return IssuedDocument.objects.filter(kind=IssuedKind.SIGNED).count()


# --- downloads --------------------------------------------------------------------------------

def test_download_frozen_is_byte_identical_across_downloads(client, viewer_a, frozen_a, frozen_bytes):
    client.force_login(viewer_a)
    url = reverse("issuing:download_frozen", args=[frozen_a.plan_id])

    first, second = client.get(url), client.get(url)

    assert first.status_code == 200 and first["Content-Type"] == "application/pdf"
    assert first.content == second.content == frozen_bytes
    assert stamp.sha256(first.content) == frozen_a.sha256
    assert "attachment" in first["Content-Disposition"]


def test_download_frozen_other_ward_is_404(client, editor_b, frozen_a):
    client.force_login(editor_b)

    assert client.get(reverse("issuing:download_frozen", args=[frozen_a.plan_id])).status_code == 404
    assert client.get(reverse("issuing:plan_status", args=[frozen_a.plan_id])).status_code == 404


def test_download_frozen_anonymous_goes_to_login(client, frozen_a):
    response = client.get(reverse("issuing:download_frozen", args=[frozen_a.plan_id]))

    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_download_signed_before_signing_is_404(client, viewer_a, frozen_a):
    client.force_login(viewer_a)

    assert client.get(reverse("issuing:download_signed", args=[frozen_a.plan_id])).status_code == 404


# --- server-side signing ----------------------------------------------------------------------

def test_sign_by_leader_stores_the_signed_copy(client, leader_a, frozen_a, frozen_bytes,
                                               django_capture_on_commit_callbacks):
    client.force_login(leader_a)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("issuing:sign", args=[frozen_a.plan_id]), follow=True)

    assert response.status_code == 200
    assert "Đã ký số bản phát hành" in response.content.decode()
    download = client.get(reverse("issuing:download_signed", args=[frozen_a.plan_id]))
    assert download.status_code == 200 and download.content.startswith(frozen_bytes)
    assert pades.validate_signed(download.content, frozen=frozen_bytes).ok


@pytest.mark.parametrize(("persona", "status"), [("editor_a", 403), ("viewer_a", 403), ("supervisor_d", 403),
                                                 ("editor_b", 404)])
def test_sign_and_upload_need_the_leader(client, request, frozen_a, persona, status):
    client.force_login(request.getfixturevalue(persona))

    assert client.post(reverse("issuing:sign", args=[frozen_a.plan_id])).status_code == status
    assert client.get(reverse("issuing:upload_signed", args=[frozen_a.plan_id])).status_code == status
    assert client.post(reverse("issuing:freeze", args=[frozen_a.plan_id])).status_code == status
    assert _signed_count() == 0


def test_freeze_view_makes_the_frozen_document_for_an_issued_plan(client, leader_a, issued_a):
    client.force_login(leader_a)

    response = client.post(reverse("issuing:freeze", args=[issued_a.pk]))

    assert response.status_code == 302
    assert services.frozen_document(issued_a) is not None


# --- upload of a copy signed elsewhere --------------------------------------------------------

def test_upload_signed_copy_is_stored(client, leader_a, frozen_a, frozen_bytes, sign_with,
                                      django_capture_on_commit_callbacks):
    client.force_login(leader_a)
    signed = sign_with("leader", frozen_bytes)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("issuing:upload_signed", args=[frozen_a.plan_id]), {"file": _pdf(signed)})

    assert response.status_code == 302
    doc = IssuedDocument.objects.get(kind=IssuedKind.SIGNED)
    assert services.read_document(doc) == signed and doc.signatures[0]["signer"] == "Nguyễn Văn An"


def _encrypted(data):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt("mat-khau")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(("make", "message"), [
    (lambda frozen: b"Day khong phai PDF", "Tệp không phải là PDF."),
    (lambda frozen: b"%PDF-1.7\n" + b"0" * (20 * 1024 * 1024), "Tệp lớn hơn 20 MB."),
    (_encrypted, "được đặt mật khẩu (mã hóa)"),
    (lambda frozen: frozen, "Tệp chưa có chữ ký số."),
], ids=["not-pdf", "oversized", "encrypted", "unsigned"])
def test_upload_bad_file_is_refused_with_reason_and_nothing_stored(client, leader_a, frozen_a, frozen_bytes,
                                                                   make, message):
    client.force_login(leader_a)

    response = client.post(reverse("issuing:upload_signed", args=[frozen_a.plan_id]),
                           {"file": _pdf(make(frozen_bytes))})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert _signed_count() == 0


def test_upload_expired_signature_is_refused_in_vietnamese(client, leader_a, frozen_a, frozen_bytes, sign_with):
    client.force_login(leader_a)

    response = client.post(reverse("issuing:upload_signed", args=[frozen_a.plan_id]),
                           {"file": _pdf(sign_with("expired", frozen_bytes))})

    assert response.status_code == 400
    assert "Chứng thư số của Trần Văn Hết Hạn đã hết hạn" in response.content.decode()
    assert _signed_count() == 0


# --- the plan-page partial --------------------------------------------------------------------

def test_plan_status_shows_buttons_to_the_leader_only(client, leader_a, viewer_a, frozen_a):
    url = reverse("issuing:plan_status", args=[frozen_a.plan_id])
    client.force_login(leader_a)
    leader_page = client.get(url).content.decode()
    client.force_login(viewer_a)
    viewer_page = client.get(url).content.decode()

    assert "Tải bản phát hành" in leader_page and "Tải lên bản đã ký" in leader_page
    assert frozen_a.display_code in leader_page and "Chưa ký số" in leader_page
    assert "Tải bản phát hành" in viewer_page and "Tải lên bản đã ký" not in viewer_page
    assert "Ký số trên máy chủ" not in viewer_page


def test_plan_status_after_signing_offers_the_signed_copy(client, leader_a, frozen_a):
    services.sign_plan(frozen_a.plan, by=leader_a)
    client.force_login(leader_a)

    page = client.get(reverse("issuing:plan_status", args=[frozen_a.plan_id])).content.decode()

    assert "Đã ký số" in page and "Tải bản ký số" in page
    assert "ỦY BAN NHÂN DÂN PHƯỜNG A" in page


# --- public verification ----------------------------------------------------------------------

def test_verify_page_is_public(client):
    response = client.get(reverse("issuing:verify"))

    assert response.status_code == 200
    assert "Mã xác minh" in response.content.decode()


def test_verify_by_code_names_unit_number_and_date(client, frozen_a):
    response = client.get(reverse("issuing:verify"), {"code": frozen_a.display_code})

    page = response.content.decode()
    assert "Mã xác minh hợp lệ" in page
    assert "Phường A" in page and "12/KH-UBND" in page and "01/12/2023" in page


def test_verify_by_code_posted_without_file(client, frozen_a):
    response = client.post(reverse("issuing:verify"), {"code": frozen_a.code})

    assert response.status_code == 200
    assert "Mã xác minh hợp lệ" in response.content.decode()


def test_verify_by_unknown_code_says_not_found(client, frozen_a):
    response = client.get(reverse("issuing:verify"), {"code": "22222-22222"})

    assert "Không tìm thấy văn bản nào có mã xác minh này" in response.content.decode()


def test_verify_upload_of_frozen_file_says_identical(client, frozen_a, frozen_bytes):
    response = client.post(reverse("issuing:verify"), {"file": _pdf(frozen_bytes)})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Tệp giống hệt bản phát hành" in page and "12/KH-UBND" in page
    assert "Tệp không có chữ ký số" in page


def test_verify_upload_of_signed_file_lists_valid_signatures(client, frozen_a, frozen_bytes, sign_with):
    response = client.post(reverse("issuing:verify"), {"file": _pdf(sign_with("leader", frozen_bytes))})

    page = response.content.decode()
    assert "Tệp là bản phát hành, chỉ được thêm chữ ký số" in page
    assert "Nguyễn Văn An" in page and "Hợp lệ" in page and "+07:00" in page


def test_verify_upload_of_tampered_file_says_not_identical(client, frozen_a, frozen_bytes, sign_with):
    signed = bytearray(sign_with("leader", frozen_bytes))
    signed[signed.index(b"/Producer") + 12] ^= 0x01

    page = client.post(reverse("issuing:verify"), {"file": _pdf(bytes(signed))}).content.decode()

    assert "Không hợp lệ" in page and "bị sửa sau khi ký" in page


def test_verify_upload_of_non_pdf_is_refused(client):
    response = client.post(reverse("issuing:verify"), {"file": _pdf(b"hello")})

    assert response.status_code == 400
    assert "Tệp không phải là PDF." in response.content.decode()


def test_plan_status_hides_server_signing_when_no_certificate_is_configured(client, leader_a, frozen_a, settings):
    settings.SIGNING_PKCS12_PATH = ""
    client.force_login(leader_a)

    page = client.get(reverse("issuing:plan_status", args=[frozen_a.plan_id])).content.decode()

    assert "Ký số trên máy chủ" not in page
    assert "Tải lên bản đã ký" in page and "USB token" in page


def test_verify_with_neither_code_nor_file_says_what_to_do(client):
    body = client.post(reverse("issuing:verify"), {"code": ""}).content.decode()

    assert "Nhập mã xác minh in trên văn bản, hoặc chọn tệp PDF" in body


# --- the addresses that left /verify/ ---------------------------------------------------------

@pytest.mark.parametrize(("old", "name"), [
    ("", "plan_status"), ("ban-phat-hanh.pdf", "download_frozen"), ("ban-ky-so.pdf", "download_signed"),
    ("freeze/", "freeze"), ("sign/", "sign"), ("upload/", "upload_signed")])
@pytest.mark.parametrize("method", ["get", "post"])
def test_old_signing_address_redirects_permanently_with_its_query(client, old, name, method):
    response = getattr(client, method)(f"/verify/plans/7/{old}?period=q1&x=%C4%91")

    assert response.status_code == 308
    assert response["Location"] == f"{reverse(f'issuing:{name}', args=[7])}?period=q1&x=%C4%91"
    assert response["Location"].startswith("/plans/7/ky-so/")


def test_old_upload_address_sends_the_post_on(client, leader_a, frozen_a, frozen_bytes, sign_with):
    """A 308 tells the browser to send the same POST (file and CSRF token) to the new address."""
    client.force_login(leader_a)
    signed = sign_with("leader", frozen_bytes)

    moved = client.post(f"/verify/plans/{frozen_a.plan_id}/upload/", {"file": _pdf(signed)})
    response = client.post(moved["Location"], {"file": _pdf(signed)})

    assert moved.status_code == 308 and _signed_count() == 1
    assert response.status_code == 302


def test_public_verification_stays_at_verify(client):
    assert reverse("issuing:verify") == "/verify/"
    assert client.get("/verify/").status_code == 200
