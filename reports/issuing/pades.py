"""PAdES signatures with pyHanko: an empty signature field, signing, and validation.

* ``reserve_signature_field`` adds an empty signature field over the signature block when the plan
  is frozen (one incremental update), so token clients can sign into it.
* ``sign_pdf(pdf_bytes, *, plan, signer)`` appends a PAdES signature with a visible text
  appearance (organisation, signer, signing time ISO 8601 +07:00, Nghị định 30 §10) in the
  empty space between the signer's title and name, as an incremental update: the first
  revision of a signed file is the frozen file byte for byte.
* ``validate_signed(pdf_bytes, *, frozen)`` checks every signature (intact, valid, trusted,
  certificate in date), that the last one covers the whole file, and that the signed revision
  is the frozen document with nothing but signatures added.

Refusals are :class:`Refused`, whose message is Vietnamese and meant for the person.
"""

import io
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel, SuspiciousModification
from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from reports import pdfguard
from reports.documents.documents import unit_phrase

from .stamp import first_page_size, font_path, signature_box, top_right_box

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"                  # what pyHanko hands our stamp style


class Refused(ValueError):
    """A request we will not carry out; ``str(exc)`` is the reason in Vietnamese."""

    def __init__(self, message, reasons=None):
        super().__init__(message)
        self.reasons = list(reasons or [message])


def server_signing_configured():
    """Whether the organisation's certificate is set up here (else the leader signs elsewhere)."""
    path = settings.SIGNING_PKCS12_PATH
    return bool(path) and Path(path).is_file()


# --- appearance ---------------------------------------------------------------------------------

def _stamp_style(text):
    class VietnamTimeStampStyle(TextStampStyle):
        """pyHanko writes the signing time in the server's zone; the page shows it at +07:00."""

        def create_stamp(self, writer, box, text_params):
            params = dict(text_params)
            when = datetime.strptime(params["ts"], TIME_FORMAT).astimezone(VN_TZ)
            params["ts"] = when.isoformat(timespec="seconds")
            return super().create_stamp(writer, box, params)

    return VietnamTimeStampStyle(
        stamp_text=text, timestamp_format=TIME_FORMAT, border_width=0, background=None,
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(font_path()), font_size=10, leading=13,
                                    text_color=(0, 0, 0)),
        inner_content_layout=SimpleBoxLayoutRule(
            x_align=AxisAlignment.ALIGN_MID, y_align=AxisAlignment.ALIGN_MID,
            margins=Margins.uniform(2), inner_content_scaling=InnerScaling.SHRINK_TO_FIT),
    )


def _name_part(cert, key):
    try:
        return cert.subject.native.get(key) or ""
    except (AttributeError, ValueError):
        return ""


def organisation_name(plan):
    """"Ủy ban nhân dân phường Mỹ Phú": the issuing body as ND30 writes it in running text."""
    return f"Ủy ban nhân dân {unit_phrase(plan.unit)}"


def appearance_text(plan, cert):
    organisation = _name_part(cert, "organization_name") or organisation_name(plan)
    person = _name_part(cert, "common_name")
    lines = [organisation]
    if person and person.casefold() != organisation.casefold():
        lines.append(f"Người ký: {person}")
    lines.append("Thời gian ký: %(ts)s")
    # Our text goes through %-formatting: a literal % in a name must be doubled.
    return "\n".join(line if line.endswith("%(ts)s") else line.replace("%", "%%") for line in lines)


FIRST_FIELD = "ChuKySo1"


def reserve_signature_field(pdf_bytes, plan):
    """``pdf_bytes`` plus an empty signature field over the signature block (an incremental update).

    Token clients can sign into it, and the difference between the frozen file and a signed
    one is then nothing but form filling, which pyHanko's difference policy can vouch for.
    """
    page, box = signature_box(pdf_bytes, plan)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name=FIRST_FIELD, on_page=page, box=box))
    # /SigFlags 3 now, as signing would set it: otherwise the diff from the frozen revision to
    # the signed one shows an AcroForm change that pyHanko's policy calls suspicious.
    fields.ensure_sig_flags(writer=writer, lock_sig_flags=True)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_pdf(pdf_bytes, *, plan, signer):
    """``pdf_bytes`` plus one PAdES signature by ``signer`` (a pyHanko Signer), as an incremental update.

    The first signature fills the empty field over the signature block (reserved when the plan
    was frozen; created here otherwise); a further one (the organisation after the leader) goes
    to the top right of page 1, as ND30 places a text-only organisation signature.
    """
    # fontTools warns about every table it drops while subsetting the font: not our concern.
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    empty = [name for name, _value, _ref in fields.enumerate_sig_fields(writer.prev, filled_status=False)]
    spec = None
    if empty:
        field_name = empty[0]
    else:
        count = sum(1 for _ in fields.enumerate_sig_fields(writer.prev))
        field_name = f"ChuKySo{count + 1}"
        if count == 0:
            page, box = signature_box(pdf_bytes, plan)
        else:
            page, box = 0, top_right_box(*first_page_size(pdf_bytes))
        spec = fields.SigFieldSpec(sig_field_name=field_name, on_page=page, box=box)
    meta = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        reason=f"Ban hành {plan.doc_type.lower()} số {plan.number_symbol}", location=plan.place or None)
    pdf_signer = signers.PdfSigner(
        meta, signer=signer, stamp_style=_stamp_style(appearance_text(plan, signer.signing_cert)),
        new_field_spec=spec)
    return pdf_signer.sign_pdf(writer).getvalue()


def organisation_signer():
    """The organisation's signer from settings (PKCS#12 file and passphrase), or Refused."""
    path = settings.SIGNING_PKCS12_PATH
    if not server_signing_configured():
        raise Refused("Máy chủ chưa được cấu hình chứng thư số của cơ quan nên chưa ký được. "
                      "Hãy tải bản phát hành về, ký bằng thiết bị ký số rồi tải lên.")
    passphrase = settings.SIGNING_PKCS12_PASSPHRASE
    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase.encode() if passphrase else None)
    if signer is None:
        raise Refused("Không mở được chứng thư số của cơ quan (sai tệp hoặc sai mật khẩu).")
    return signer


@dataclass
class SignatureCheck:
    field: str
    signer: str
    organisation: str
    issuer: str
    signing_time: datetime | None
    not_after: datetime | None
    intact: bool
    valid: bool
    trusted: bool
    expired: bool
    covers_whole_file: bool
    modifications_ok: bool
    problem: str = ""

    @property
    def ok(self):
        return not self.problem

    def as_json(self):
        return {"field": self.field, "signer": self.signer, "organisation": self.organisation,
                "issuer": self.issuer,
                "signing_time": self.signing_time.isoformat() if self.signing_time else None,
                "not_after": self.not_after.isoformat() if self.not_after else None}


@dataclass
class SignedCheck:
    signatures: list = field(default_factory=list)
    is_frozen_revision: bool | None = None   # None: nothing to compare with
    problems: list = field(default_factory=list)            # every reason, signatures first
    document_problems: list = field(default_factory=list)   # those about the file as a whole

    @property
    def ok(self):
        return bool(self.signatures) and not self.problems

    @property
    def covers_whole_file(self):
        return bool(self.signatures) and self.signatures[-1].covers_whole_file


def precheck(data):
    """Refused when the raw bytes alone show a file we will not parse: too large, not a PDF, too complex."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise Refused(f"Tệp lớn hơn {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    if not data.lstrip()[:5] == b"%PDF-":
        raise Refused("Tệp không phải là PDF.")
    if problem := pdfguard.structure_problem(data):
        raise Refused(problem)


def bounded(func, *args, **kwargs):
    """``func`` on an uploaded file, in a child process within time and memory (reports/pdfguard.py)."""
    try:
        return pdfguard.bounded(func, *args, **kwargs)
    except pdfguard.Exceeded:
        raise Refused(pdfguard.TOO_COSTLY) from None


def check_pdf(data):
    """Refused unless ``data`` is a readable, unencrypted PDF within bounds; parsed in a bounded child."""
    precheck(data)
    bounded(_readable, data)


def _readable(data):
    open_pdf(data)


def open_pdf(data):
    """A pyHanko reader for ``data``, or Refused: not a PDF, too large, too complex, unreadable, encrypted."""
    precheck(data)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        encrypted = reader.encrypted
        if not encrypted:
            reader.root  # noqa: B018 - touch the catalogue: a broken file fails here, not later
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise Refused("Tệp PDF bị hỏng, không đọc được.") from exc
    if encrypted:
        raise Refused("Tệp PDF được đặt mật khẩu (mã hóa): hãy tải lên bản không mã hóa.")
    return reader


def trust_roots():
    return [load_cert_from_pemder(path) for path in settings.SIGNING_TRUST_ROOTS]


def validation_context():
    # No network from the web process: revocation is checked only against what the file
    # embeds (soft-fail), so a LTV-enabled signature is checked fully, others by chain and date.
    return ValidationContext(trust_roots=trust_roots(), allow_fetching=False, revocation_mode="soft-fail")


def _when(value):
    return value.astimezone(VN_TZ) if value else None


def _check_signature(embedded, context, now):
    cert = embedded.signer_cert
    signer = _name_part(cert, "common_name") or _name_part(cert, "organization_name") or "(không rõ)"
    validity = cert["tbs_certificate"]["validity"]
    not_before, not_after = validity["not_before"].native, validity["not_after"].native
    check = SignatureCheck(
        field=str(embedded.field_name), signer=signer, organisation=_name_part(cert, "organization_name"),
        issuer=cert.issuer.native.get("common_name") or cert.issuer.human_friendly,
        signing_time=_when(embedded.self_reported_timestamp), not_after=_when(not_after),
        intact=False, valid=False, trusted=False, expired=not_after < now, covers_whole_file=False,
        modifications_ok=False)
    try:
        status = validate_pdf_signature(embedded, context)
    except ValueError as exc:  # pyHanko's SignatureValidationError and kin
        check.problem = f"Không kiểm tra được chữ ký của {signer}: {exc}"
        return check
    check.intact, check.valid, check.trusted = status.intact, status.valid, status.trusted
    check.covers_whole_file = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    level = status.modification_level
    check.modifications_ok = check.covers_whole_file or (
        level is not None and level <= ModificationLevel.FORM_FILLING and status.docmdp_ok is not False)
    if not status.intact:
        check.problem = f"Tệp đã bị sửa sau khi ký: nội dung không còn khớp với chữ ký của {signer}."
    elif not status.valid:
        check.problem = f"Chữ ký của {signer} không hợp lệ."
    elif check.expired:
        check.problem = f"Chứng thư số của {signer} đã hết hạn ngày {check.not_after:%d/%m/%Y}."
    elif not_before > now:
        check.problem = f"Chứng thư số của {signer} chưa có hiệu lực."
    elif status.revocation_details is not None:
        check.problem = f"Chứng thư số của {signer} đã bị thu hồi."
    elif not status.trusted:
        check.problem = (f"Chứng thư số của {signer} không do tổ chức cung cấp dịch vụ chứng thực "
                         "chữ ký số được tin cậy cấp.")
    elif not check.modifications_ok:
        check.problem = f"Sau khi {signer} ký, tệp đã bị thay đổi ngoài việc thêm chữ ký."
    return check


def _frozen_revision_problem(reader, data, frozen):
    """"" when the file is ``frozen`` plus signatures only; otherwise the reason."""
    if not data.startswith(frozen) or len(data) == len(frozen):
        return "Chữ ký không nằm trên bản phát hành của kế hoạch này: tệp được ký là một văn bản khác."
    base = PdfFileReader(io.BytesIO(frozen), strict=False).xrefs.total_revisions - 1  # frozen's last revision
    try:
        result = DEFAULT_DIFF_POLICY.review_file(reader, base)
    except Exception:  # noqa: BLE001 - any failure to compare is a refusal, never a pass
        result = None
    if isinstance(result, SuspiciousModification) or result is None \
            or result.modification_level > ModificationLevel.FORM_FILLING:
        return "Nội dung tệp đã bị thay đổi so với bản phát hành trước khi ký."
    return ""


def validate_signed(pdf_bytes, *, frozen=None):
    """Check the signatures of ``pdf_bytes`` and, given ``frozen`` (bytes), that they sign that document.

    Returns a SignedCheck: one SignatureCheck per signature in signing order, whether the signed
    revision is the frozen document, and the problems (Vietnamese; empty when all is well).
    Raises Refused when the file is not a readable, unencrypted PDF within the size limit.
    """
    reader = open_pdf(pdf_bytes)
    result = SignedCheck()
    embedded = list(reader.embedded_regular_signatures)
    if not embedded:
        result.problems.append("Tệp chưa có chữ ký số.")
        if frozen is not None:
            result.is_frozen_revision = pdf_bytes == frozen
        return result
    context, now = validation_context(), datetime.now(UTC)
    result.signatures = [_check_signature(sig, context, now) for sig in embedded]
    result.problems.extend(check.problem for check in result.signatures if check.problem)
    if not result.signatures[-1].covers_whole_file and result.signatures[-1].intact:
        result.document_problems.append("Có dữ liệu được thêm vào tệp sau chữ ký cuối cùng.")
    if frozen is not None:
        problem = _frozen_revision_problem(reader, pdf_bytes, frozen)
        result.is_frozen_revision = not problem
        if problem:
            result.document_problems.append(problem)
    result.problems.extend(result.document_problems)
    return result
