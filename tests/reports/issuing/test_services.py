"""reports/issuing/services.py (and the stamp and PAdES modules under it): issuing, freezing, signing,
validation, with a throwaway PKI."""

import datetime
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from pypdf import PdfReader

from plans.models import PlanStatus
from reports.issuing import pades, services, stamp
from reports.models import IssuedDocument, IssuedKind
from tests import factories as f

from . import certs
from .conftest import issue


def _text(data, page=0):
    return PdfReader(io.BytesIO(data)).pages[page].extract_text()


def _refusal(plan, data, by):
    with pytest.raises(pades.Refused) as caught:
        services.accept_signed_upload(plan, data, by=by)
    assert not IssuedDocument.objects.filter(kind=IssuedKind.SIGNED).exists()
    return caught.value


# --- issuing ----------------------------------------------------------------------------------

def _issue_values(**over):
    return {"number": "63", "issued_on": datetime.date(2024, 1, 15), "signer_name": "Nguyễn Văn A",
            "signer_title": "CHỦ TỊCH", "signer_authority": "TM. ỦY BAN NHÂN DÂN"} | over


def test_issue_plan_issues_and_freezes(plan_a, leader_a):
    services.issue_plan(plan_a, **_issue_values(), by=leader_a)

    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.ISSUED
    assert services.frozen_document(plan_a).created_by == leader_a


def test_issue_plan_is_all_or_nothing(plan_a, leader_a, monkeypatch):
    def broken(plan, *, by):
        raise RuntimeError("no PDF today")

    monkeypatch.setattr(services, "freeze_plan", broken)
    with pytest.raises(RuntimeError):
        services.issue_plan(plan_a, **_issue_values(), by=leader_a)

    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.DRAFT and not plan_a.number


def _stored_files(settings):
    return sorted(p.name for p in (settings.MEDIA_ROOT / "issued").rglob("*") if p.is_file()) \
        if (settings.MEDIA_ROOT / "issued").exists() else []


def test_issue_killed_after_the_pdf_leaves_no_file_and_no_row(plan_a, leader_a, monkeypatch, settings,
                                                              django_capture_on_commit_callbacks):
    """The PDF, with its number and code, is made; then the issue dies before it commits."""
    freeze = services.freeze_plan

    def freeze_then_die(plan, *, by):
        freeze(plan, by=by)
        raise RuntimeError("connection killed")

    monkeypatch.setattr(services, "freeze_plan", freeze_then_die)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        services.issue_plan(plan_a, **_issue_values(), by=leader_a)

    assert _stored_files(settings) == []
    assert not IssuedDocument.objects.exists()
    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.DRAFT


def test_issue_whose_file_cannot_be_written_keeps_no_row_and_can_be_frozen_again(
        plan_a, leader_a, monkeypatch, settings, committed):
    storage = IssuedDocument._meta.get_field("file").storage

    def full(name, content, max_length=None):
        raise OSError("no space left on device")

    monkeypatch.setattr(storage, "save", full)
    with pytest.raises(pades.Refused, match="Không lưu được tệp"):
        committed(services.issue_plan, plan_a, **_issue_values(), by=leader_a)

    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.ISSUED  # committed before the write, as the issue is
    assert not IssuedDocument.objects.exists() and _stored_files(settings) == []
    assert services.issued_documents(plan_a)["frozen"] is None  # the status page offers "Tạo bản phát hành"
    monkeypatch.undo()
    doc = committed(services.freeze_plan, plan_a, by=leader_a)
    assert services.read_document(doc).startswith(b"%PDF-")


def test_frozen_row_whose_file_was_never_written_is_replaced(issued_a, leader_a, committed, settings):
    """The process died between the commit and the write: the row has no file, nobody saw its code."""
    lost = services.freeze_plan(issued_a, by=leader_a)
    transaction.get_connection().run_on_commit.clear()  # "committed", and the write never ran

    assert services.issued_documents(issued_a)["frozen"] is None
    doc = committed(services.freeze_plan, issued_a, by=leader_a)
    assert doc.pk != lost.pk and not IssuedDocument.objects.filter(pk=lost.pk).exists()
    assert services.read_document(doc)[:5] == b"%PDF-" and _stored_files(settings) == [Path(doc.file.name).name]


@pytest.mark.django_db(transaction=True)
def test_issue_that_commits_writes_its_file(plan_a, leader_a, settings):
    services.issue_plan(plan_a, **_issue_values(), by=leader_a)  # a real commit, no test transaction

    doc = services.frozen_document(plan_a)
    assert _stored_files(settings) == [Path(doc.file.name).name]
    assert services.read_document(doc)[:5] == b"%PDF-"


# --- freezing ---------------------------------------------------------------------------------

def test_freeze_plan_stores_pdf_with_sha256_and_code(frozen_a, frozen_bytes):
    assert frozen_a.kind == IssuedKind.FROZEN
    assert frozen_a.sha256 == stamp.sha256(frozen_bytes)
    assert frozen_a.size == len(frozen_bytes)
    assert len(frozen_a.code) == 10 and set(frozen_a.code) <= set(stamp.CODE_ALPHABET)
    assert frozen_bytes.startswith(b"%PDF-")
    text = _text(frozen_bytes)
    assert frozen_a.display_code in text
    assert "https://kehoach.example.vn/verify/" in text


def test_freeze_plan_twice_returns_the_same_document(frozen_a, issued_a, leader_a):
    again = services.freeze_plan(issued_a, by=leader_a)

    assert again.pk == frozen_a.pk
    assert IssuedDocument.objects.filter(plan=issued_a).count() == 1


def test_freeze_plan_draft_is_refused(plan_a, leader_a):
    with pytest.raises(pades.Refused, match="chưa ban hành"):
        services.freeze_plan(plan_a, by=leader_a)


def test_freeze_plan_reserves_an_empty_signature_field_in_the_signature_block(frozen_bytes):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields

    reader = PdfFileReader(io.BytesIO(frozen_bytes))
    empty = [name for name, _v, _r in fields.enumerate_sig_fields(reader, filled_status=False)]

    assert empty == [pades.FIRST_FIELD]
    assert reader.embedded_signatures == []


# --- signing and validation -------------------------------------------------------------------

def test_sign_plan_is_valid_intact_and_covers_the_whole_file(frozen_a, frozen_bytes, issued_a, leader_a,
                                                              committed):
    doc = committed(services.sign_plan, issued_a, by=leader_a)
    signed = services.read_document(doc)

    check = pades.validate_signed(signed, frozen=frozen_bytes)
    assert check.ok, check.problems
    (sig,) = check.signatures
    assert sig.intact and sig.valid and sig.trusted and sig.covers_whole_file
    assert check.is_frozen_revision and signed.startswith(frozen_bytes)
    assert doc.source == frozen_a and doc.signed_by == "server"
    assert doc.signatures[0]["organisation"] == "Ủy ban nhân dân phường A"


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_sign_plan_appearance_names_organisation_and_time_at_plus_seven(issued_a, frozen_a, leader_a, tmp_path,
                                                                       committed):
    doc = committed(services.sign_plan, issued_a, by=leader_a)
    path = tmp_path / "signed.pdf"
    path.write_bytes(services.read_document(doc))

    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Ủy ban nhân dân phường A" in text
    assert "Người ký:" not in text  # the certificate names the organisation itself: said once
    stamp = next(line for line in text.splitlines() if line.startswith("Thời gian ký:"))
    assert stamp.endswith("+07:00") and "T" in stamp


def test_sign_plan_without_certificate_is_refused(frozen_a, issued_a, leader_a, settings):
    settings.SIGNING_PKCS12_PATH = ""

    with pytest.raises(pades.Refused, match="chưa được cấu hình"):
        services.sign_plan(issued_a, by=leader_a)
    assert not IssuedDocument.objects.filter(kind=IssuedKind.SIGNED).exists()


def test_upload_signed_by_leader_is_stored_then_organisation_adds_its_signature(
        frozen_a, frozen_bytes, issued_a, leader_a, sign_with, committed):
    uploaded = committed(services.accept_signed_upload, issued_a, sign_with("leader", frozen_bytes), by=leader_a)
    both = committed(services.sign_plan, issued_a, by=leader_a)

    check = pades.validate_signed(services.read_document(both), frozen=frozen_bytes)
    assert uploaded.signed_by == "upload"
    assert check.ok, check.problems
    assert [s.signer for s in check.signatures] == ["Nguyễn Văn An", "ỦY BAN NHÂN DÂN PHƯỜNG A"]
    assert not check.signatures[0].covers_whole_file and check.signatures[0].modifications_ok
    assert check.signatures[1].covers_whole_file


def test_upload_with_a_tampered_byte_is_refused(frozen_a, frozen_bytes, issued_a, leader_a, sign_with):
    signed = bytearray(sign_with("leader", frozen_bytes))
    at = signed.index(b"/Producer")  # inside the signed range, harmless to the PDF structure
    signed[at + 12] ^= 0x01

    refusal = _refusal(issued_a, bytes(signed), leader_a)
    assert "bị sửa sau khi ký" in refusal.reasons[0]


def test_upload_signed_over_a_different_document_is_refused(frozen_a, issued_a, leader_a, plan_b, sign_with,
                                                            committed):
    other = committed(services.freeze_plan, issue(plan_b, number="99"), by=None)
    signed = sign_with("leader", services.read_document(other), plan=plan_b)

    refusal = _refusal(issued_a, signed, leader_a)
    assert "văn bản khác" in str(refusal)


def test_upload_with_an_expired_certificate_is_refused(frozen_a, frozen_bytes, issued_a, leader_a, sign_with):
    refusal = _refusal(issued_a, sign_with("expired", frozen_bytes), leader_a)

    assert "đã hết hạn" in str(refusal)


def test_upload_from_an_untrusted_authority_is_refused(frozen_a, frozen_bytes, issued_a, leader_a, pki):
    stranger = certs.make_cert(pki["stranger_ca"], "Người Lạ")
    signed = pades.sign_pdf(frozen_bytes, plan=issued_a, signer=certs.simple_signer(stranger, pki["stranger_ca"]))

    refusal = _refusal(issued_a, signed, leader_a)
    assert "không do tổ chức cung cấp dịch vụ chứng thực" in str(refusal)


def test_upload_unsigned_is_refused(frozen_a, frozen_bytes, issued_a, leader_a):
    refusal = _refusal(issued_a, frozen_bytes, leader_a)

    assert str(refusal) == "Tệp chưa có chữ ký số."


def test_upload_with_content_added_before_signing_is_refused(frozen_a, frozen_bytes, issued_a, leader_a, sign_with):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.stamp import TextStamp, TextStampStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(frozen_bytes))
    TextStamp(writer, TextStampStyle(stamp_text="Đã sửa")).apply(0, 100, 100)
    out = io.BytesIO()
    writer.write(out)

    refusal = _refusal(issued_a, sign_with("leader", out.getvalue()), leader_a)
    assert "bị thay đổi so với bản phát hành" in str(refusal)


def test_upload_with_data_appended_after_the_signature_is_refused(frozen_a, frozen_bytes, issued_a, leader_a,
                                                                   sign_with):
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.stamp import TextStamp, TextStampStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(sign_with("leader", frozen_bytes)))
    TextStamp(writer, TextStampStyle(stamp_text="Thêm sau")).apply(0, 100, 100)
    out = io.BytesIO()
    writer.write(out)

    refusal = _refusal(issued_a, out.getvalue(), leader_a)
    assert any("ngoài việc thêm chữ ký" in r or "sau chữ ký cuối cùng" in r for r in refusal.reasons)


# --- verification -----------------------------------------------------------------------------

def test_verify_file_finds_the_issued_document_under_signatures(frozen_a, frozen_bytes, sign_with):
    result = services.verify_file(sign_with("leader", frozen_bytes))

    assert result.frozen == frozen_a and result.identical is None
    assert result.check.ok and result.check.is_frozen_revision


def test_find_by_code_accepts_the_printed_form(frozen_a):
    assert services.find_by_code(frozen_a.display_code.lower()) == frozen_a
    assert services.find_by_code("22222-22222") is None


def test_unit_lookup_scopes_issued_documents(frozen_a, editor_a, editor_b):
    from units.scoping import scoped

    assert list(scoped(IssuedDocument.objects.all(), editor_a)) == [frozen_a]
    assert not scoped(IssuedDocument.objects.all(), editor_b).exists()


def test_factories_still_build_a_draft_plan(db):
    assert not f.PlanFactory().is_issued


def test_a_plan_with_no_text_is_not_issued_nor_frozen(plan_a, leader_a):
    plan_a.sections.all().delete()   # no legal basis, opening or section: nothing to print
    reason = "Kế hoạch chưa có nội dung (căn cứ, lời mở đầu hay mục nào) nên chưa in được."
    with pytest.raises(ValidationError, match=re.escape(reason)):
        services.issue_plan(plan_a, **_issue_values(), by=leader_a)
    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.DRAFT
    plan_a.status = PlanStatus.ISSUED   # issued before such plans were refused: the freeze says why
    plan_a.save()
    with pytest.raises(pades.Refused, match=re.escape(reason)):
        services.freeze_plan(plan_a, by=leader_a)
    assert not IssuedDocument.objects.filter(plan=plan_a).exists()
