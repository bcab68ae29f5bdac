"""Issuing a plan as a PDF that stays the same, can be verified, and carries PAdES signatures.

* ``freeze_plan(plan, *, by)`` renders the plan once when it is issued and keeps the bytes with
  their SHA-256 and a verification code. The code and a QR code pointing to the public
  verification page are drawn in the bottom margin of page 1: we render the plan with the
  ordinary exporter, lay out a one-page overlay (code + QR as SVG) with WeasyPrint and merge
  it onto page 1 with pypdf, so the document templates know nothing about verification. An
  empty signature field over the signature block is then added (one incremental update).
* ``sign_pdf(pdf_bytes, *, plan, signer)`` appends a PAdES signature with a visible text
  appearance (organisation, signer, signing time ISO 8601 +07:00, Nghị định 30 §10) in the
  empty space between the signer's title and name, as an incremental update: the first
  revision of a signed file is the frozen file byte for byte.
* ``validate_signed(pdf_bytes, *, frozen)`` checks every signature (intact, valid, trusted,
  certificate in date), that the last one covers the whole file, and that the signed revision
  is the frozen document with nothing but signatures added.

The services (``sign_plan``, ``accept_signed_upload``) refuse with :class:`Refused`, whose
message is Vietnamese and meant for the person.
"""

import base64
import hashlib
import io
import logging
import os
import secrets
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from . import documents as docs
from .models import IssuedDocument, IssuedKind, SignedBy

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_REVISION_MARKERS = 50   # %%EOF markers, from the end, where verification looks for a revision
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: no 0/O, no 1/I
CODE_LENGTH = 10                                     # 50 bits: not guessable one by one
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"                  # what pyHanko hands our stamp style
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


class Refused(ValueError):
    """A request we will not carry out; ``str(exc)`` is the reason in Vietnamese."""

    def __init__(self, message, reasons=None):
        super().__init__(message)
        self.reasons = list(reasons or [message])


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
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=0,
                        error_correction=qrcode.constants.ERROR_CORRECT_M)
    return image.to_string()


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def verification_overlay(code, width, height):
    """A one-page PDF of ``width`` × ``height`` points: QR and code in the bottom margin."""
    from weasyprint import CSS, HTML

    from . import pdf

    qr = "data:image/svg+xml;base64," + base64.b64encode(qr_svg(verify_url(code))).decode()
    html = render_to_string("signing/verification_stamp.html", {
        "qr": qr, "code": f"{code[:5]}-{code[5:]}", "url": verify_url()})
    css = CSS(string=f"@page {{ size: {width}pt {height}pt; margin: 0; }}\n{STAMP_CSS}")
    return HTML(string=html, url_fetcher=pdf.StaticOnlyFetcher()).write_pdf(
        stylesheets=[css], font_config=pdf.font_config())


def stamp_verification(pdf_bytes, code):
    """``pdf_bytes`` with the verification code and QR merged onto page 1 (a fresh, one-revision file)."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(io.BytesIO(pdf_bytes))
    first = reader.pages[0]
    overlay = PdfReader(io.BytesIO(verification_overlay(
        code, float(first.mediabox.width), float(first.mediabox.height)))).pages[0]
    writer = PdfWriter(clone_from=reader)
    writer.pages[0].merge_page(overlay)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- freezing -----------------------------------------------------------------------------------

def frozen_document(plan):
    return IssuedDocument.objects.frozen().filter(plan=plan).first()


def issued_documents(plan):
    """{"frozen": the frozen document or None, "signed": signed copies, newest first}.

    The context ``templates/signing/_plan_status.html`` expects as ``issued_docs``.
    """
    docs = list(IssuedDocument.objects.filter(plan=plan).order_by("-created_at", "-pk"))
    return {"frozen": next((d for d in docs if d.kind == IssuedKind.FROZEN), None),
            "signed": [d for d in docs if d.kind == IssuedKind.SIGNED],
            "server_signing": server_signing_configured()}


def server_signing_configured():
    """Whether the organisation's certificate is set up here (else the leader signs elsewhere)."""
    path = settings.SIGNING_PKCS12_PATH
    return bool(path) and Path(path).is_file()


def read_document(doc):
    with doc.file.open("rb") as fh:
        return fh.read()


def freeze_plan(plan, *, by):
    """Render the issued ``plan`` once and keep it: the file every later download serves.

    Idempotent: returns the existing frozen document when there is one. Side effects: one
    PDF render; one file under MEDIA_ROOT/issued/<plan id>/; one IssuedDocument row (kind
    "frozen", SHA-256, a fresh verification code). Raises Refused when the plan is a draft.
    Call it inside ``issue_plan``'s transaction, after the plan is saved as issued.
    """
    from .registry import get_exporter

    existing = frozen_document(plan)
    if existing is not None:
        return existing
    if not plan.is_issued:
        raise Refused("Kế hoạch chưa ban hành nên chưa có bản phát hành.")
    filename, _content_type, rendered = get_exporter("plan", "pdf").render(plan)
    for _attempt in range(5):
        code = new_code()
        data = reserve_signature_field(stamp_verification(rendered, code), plan)
        doc = IssuedDocument(plan=plan, kind=IssuedKind.FROZEN, code=code, sha256=sha256(data),
                             size=len(data), created_by=by)
        doc.file.save(filename, ContentFile(data), save=False)
        try:
            with transaction.atomic():
                doc.save()
            return doc
        except IntegrityError:
            doc.file.delete(save=False)
            existing = frozen_document(plan)
            if existing is not None:  # frozen meanwhile by another request
                return existing
    raise RuntimeError("Could not draw a unique verification code")


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
    from pypdf import PdfReader

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


# --- signing ------------------------------------------------------------------------------------

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
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

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


def _stamp_style(text):
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
    from pyhanko.pdf_utils.layout import AxisAlignment, InnerScaling, Margins, SimpleBoxLayoutRule
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import TextStampStyle

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
    return f"Ủy ban nhân dân {docs.unit_phrase(plan.unit)}"


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


def top_right_box(page_width, page_height):
    """Top right of page 1, in the top margin: where ND30 puts an organisation's text-only signature."""
    right = page_width - MARGIN_RIGHT
    return (round(right - SIGN_BOX_WIDTH, 1), round(page_height - 19 * MM, 1), round(right, 1),
            round(page_height - 3 * MM, 1))


def reserve_signature_field(pdf_bytes, plan):
    """``pdf_bytes`` plus an empty signature field over the signature block (an incremental update).

    Token clients can sign into it, and the difference between the frozen file and a signed
    one is then nothing but form filling, which pyHanko's difference policy can vouch for.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields

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
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

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
            from pypdf import PdfReader

            mediabox = PdfReader(io.BytesIO(pdf_bytes)).pages[0].mediabox
            page, box = 0, top_right_box(float(mediabox.width), float(mediabox.height))
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
    from pyhanko.sign import signers

    path = settings.SIGNING_PKCS12_PATH
    if not server_signing_configured():
        raise Refused("Máy chủ chưa được cấu hình chứng thư số của cơ quan nên chưa ký được. "
                      "Hãy tải bản phát hành về, ký bằng thiết bị ký số rồi tải lên.")
    passphrase = settings.SIGNING_PKCS12_PASSPHRASE
    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase.encode() if passphrase else None)
    if signer is None:
        raise Refused("Không mở được chứng thư số của cơ quan (sai tệp hoặc sai mật khẩu).")
    return signer


# --- validation ---------------------------------------------------------------------------------

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


def open_pdf(data):
    """A pyHanko reader for ``data``, or Refused: not a PDF, too large, unreadable, encrypted."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    if len(data) > MAX_UPLOAD_BYTES:
        raise Refused(f"Tệp lớn hơn {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    if not data.lstrip()[:5] == b"%PDF-":
        raise Refused("Tệp không phải là PDF.")
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
    from pyhanko.keys import load_cert_from_pemder

    return [load_cert_from_pemder(path) for path in settings.SIGNING_TRUST_ROOTS]


def validation_context():
    from pyhanko_certvalidator import ValidationContext

    # No network from the web process: revocation is checked only against what the file
    # embeds (soft-fail), so a LTV-enabled signature is checked fully, others by chain and date.
    return ValidationContext(trust_roots=trust_roots(), allow_fetching=False, revocation_mode="soft-fail")


def _when(value):
    return value.astimezone(VN_TZ) if value else None


def _check_signature(embedded, context, now):
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature

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
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.diff_analysis import DEFAULT_DIFF_POLICY, ModificationLevel, SuspiciousModification

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


# --- services -----------------------------------------------------------------------------------

def _store_signed(plan, frozen, data, *, check, signed_by, by):
    name = Path(frozen.file.name).name.removesuffix(".pdf") + "-ky-so.pdf"
    doc = IssuedDocument(plan=plan, kind=IssuedKind.SIGNED, source=frozen, sha256=sha256(data),
                         size=len(data), signed_by=signed_by, created_by=by,
                         signatures=[sig.as_json() for sig in check.signatures])
    doc.file.save(name, ContentFile(data), save=False)
    doc.save()
    return doc


def _signing_base(plan):
    """The bytes to sign: the latest signed copy (to add a signature) or the frozen file."""
    frozen = frozen_document(plan)
    if frozen is None:
        raise Refused("Kế hoạch chưa có bản phát hành.")
    latest = IssuedDocument.objects.signed().filter(source=frozen).first()
    return frozen, read_document(latest or frozen)


@transaction.atomic
def sign_plan(plan, *, by):
    """Sign the issued plan with the organisation's certificate on the server and keep the copy.

    Side effects: one signed PDF under MEDIA_ROOT/issued/<plan id>/; one IssuedDocument row
    (kind "signed", source = the frozen document). When the plan already has a signed copy
    (e.g. uploaded after the leader signed it), the organisation's signature is added to it.
    Raises Refused when the plan has no frozen document, the certificate is not configured,
    or the result does not validate. The caller checks ``can_issue``.
    """
    frozen, base = _signing_base(plan)
    signer = organisation_signer()
    signed = sign_pdf(base, plan=plan, signer=signer)
    check = validate_signed(signed, frozen=read_document(frozen))
    if not check.ok:
        raise Refused(check.problems[0], check.problems)
    return _store_signed(plan, frozen, signed, check=check, signed_by=SignedBy.SERVER, by=by)


@transaction.atomic
def accept_signed_upload(plan, data, *, by):
    """Keep ``data`` (a PDF signed elsewhere, e.g. with a USB token) as the plan's official copy.

    Refuses (Refused, nothing stored) a file that is not a PDF, is over 20 MB, is encrypted,
    carries no signature, whose signatures are broken, expired or untrusted, or whose signed
    revision is not the frozen document. Side effects: one file, one IssuedDocument row.
    The caller checks ``can_issue``.
    """
    frozen = frozen_document(plan)
    if frozen is None:
        raise Refused("Kế hoạch chưa có bản phát hành.")
    frozen_bytes = read_document(frozen)
    check = validate_signed(data, frozen=frozen_bytes)
    if not check.ok:
        raise Refused(check.problems[0], check.problems)
    existing = IssuedDocument.objects.signed().filter(source=frozen, sha256=sha256(data)).first()
    if existing is not None:
        return existing
    return _store_signed(plan, frozen, data, check=check, signed_by=SignedBy.UPLOAD, by=by)


# --- public verification ------------------------------------------------------------------------

def find_by_code(text):
    code = normalise_code(text)
    if not code:
        return None
    return IssuedDocument.objects.frozen().select_related("plan__unit").filter(code=code).first()


def _revision_ends(data, limit=None):
    """Offsets just after the last ``limit`` %%EOF markers (with and without their line end), ascending.

    Where a revision of ``data`` may end. Only the last ``limit`` markers (MAX_REVISION_MARKERS)
    count: a real file has one per revision, a handful; a crafted one may hold millions.
    """
    limit = MAX_REVISION_MARKERS if limit is None else limit
    ends, stop = set(), len(data)
    for _ in range(limit):
        at = data.rfind(b"%%EOF", 0, stop)
        if at == -1:
            break
        end = at + 5
        ends.add(end)
        for eol in (b"\r\n", b"\n", b"\r"):
            if data.startswith(eol, end):
                ends.add(end + len(eol))
                break
        stop = at
    return sorted(ends)


def _prefix_digests(data, sizes):
    """{size: SHA-256 of ``data[:size]``} for each size, in one pass over ``data`` (the prefixes nest)."""
    digests, hasher, done, view = {}, hashlib.sha256(), 0, memoryview(data)
    for size in sorted(set(sizes)):
        hasher.update(view[done:size])
        done = size
        digests[size] = hasher.copy().hexdigest()
    return digests


def _frozen_by_revision(data):
    """The frozen document whose file, or a signed copy's, is an earlier revision of ``data``; or None.

    Only stored documents whose size is where a revision of ``data`` ends are candidates (one
    query), and only their prefixes are hashed: the cost stays linear in the size of the file.
    """
    ends = [end for end in _revision_ends(data) if end < len(data)]
    if not ends:
        return None
    candidates = list(IssuedDocument.objects.select_related("plan__unit", "source__plan__unit")
                      .filter(size__in=ends).order_by("-size", "created_at", "pk"))
    if not candidates:
        return None
    digests = _prefix_digests(data, {doc.size for doc in candidates})
    matches = [doc for doc in candidates if digests[doc.size] == doc.sha256]
    # The frozen document itself when it is a prefix; otherwise the longest signed copy's source.
    for doc in matches:
        if doc.kind == IssuedKind.FROZEN:
            return doc
    return next((doc.source for doc in matches if doc.source is not None), None)


@dataclass
class Verification:
    frozen: IssuedDocument | None = None      # the issued document this file is (or was signed from)
    identical: IssuedDocument | None = None   # a stored document byte-identical to the file
    check: SignedCheck | None = None


def verify_file(data):
    """What the public verification page says about an uploaded file. Raises Refused on bad input."""
    open_pdf(data)
    digest = sha256(data)
    identical = IssuedDocument.objects.select_related("plan__unit", "source").filter(sha256=digest).first()
    if identical is not None:
        frozen = identical if identical.kind == IssuedKind.FROZEN else identical.source
    else:
        frozen = _frozen_by_revision(data)
    result = Verification(frozen=frozen, identical=identical)
    result.check = validate_signed(data, frozen=read_document(frozen) if frozen else None)
    return result
