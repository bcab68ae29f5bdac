"""Issuing a plan: the plan's part (plans.services.issue_plan), then the PDF that stays the same.

* ``issue_plan`` issues the draft and freezes it, in one transaction.
* ``freeze_plan(plan, *, by)`` renders the plan once when it is issued and keeps the bytes with
  their SHA-256 and a verification code stamped on page 1 (reports.issuing.stamp), plus an empty
  signature field over the signature block (reports.issuing.pades).
* ``sign_plan`` and ``accept_signed_upload`` keep signed copies; ``verify_file`` and
  ``find_by_code`` answer the public verification page.

The services refuse with :class:`~reports.issuing.pades.Refused`, whose message is Vietnamese and
meant for the person.
"""

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction

from plans import services as plan_services
from reports.documents.exporters import EmptyDocument
from reports.documents.registry import get_exporter
from reports.models import IssuedDocument, IssuedKind, SignedBy

from .pades import (
    Refused,
    SignedCheck,
    bounded,
    organisation_signer,
    precheck,
    reserve_signature_field,
    server_signing_configured,
    sign_pdf,
    validate_signed,
)
from .stamp import new_code, normalise_code, sha256, stamp_verification

logger = logging.getLogger(__name__)

MAX_REVISION_MARKERS = 50   # %%EOF markers, from the end, where verification looks for a revision


@transaction.atomic
def issue_plan(plan, *, number, issued_on, signer_name, signer_title, signer_authority, by):
    """Issue draft ``plan`` (plans.services.issue_plan) and freeze its PDF (:func:`freeze_plan`).

    All or nothing: when the PDF cannot be made, the plan stays a draft. Raises ValidationError
    as plans.services.issue_plan does, and when the plan has nothing to print (the plan document's
    empty reason, reports.documents.exporters.no_body: a real ward never issues an empty plan).
    The caller checks ``can_issue``.
    """
    empty = get_exporter("plan", "pdf").empty_reason(plan)
    if empty:
        raise ValidationError(empty, code="empty")
    plan_services.issue_plan(plan, number=number, issued_on=issued_on, signer_name=signer_name,
                             signer_title=signer_title, signer_authority=signer_authority, by=by)
    freeze_plan(plan, by=by)
    return plan


# --- freezing -----------------------------------------------------------------------------------

def frozen_document(plan):
    return IssuedDocument.objects.frozen().filter(plan=plan).first()


def issued_documents(plan):
    """{"frozen": the frozen document or None, "signed": signed copies, newest first}.

    The context ``templates/issuing/_plan_status.html`` expects as ``issued_docs``.
    """
    docs = list(IssuedDocument.objects.filter(plan=plan).order_by("-created_at", "-pk"))
    frozen = next((d for d in docs if d.kind == IssuedKind.FROZEN), None)
    return {"frozen": None if frozen is None or _lost(frozen) else frozen,
            "signed": [d for d in docs if d.kind == IssuedKind.SIGNED],
            "server_signing": server_signing_configured()}


def read_document(doc):
    with doc.file.open("rb") as fh:
        return fh.read()


@transaction.atomic
def freeze_plan(plan, *, by):
    """Render the issued ``plan`` once and keep it: the file every later download serves.

    Idempotent: returns the existing frozen document when there is one. Side effects: one
    PDF render; one IssuedDocument row (kind "frozen", SHA-256, a fresh verification code) and,
    once the transaction commits, its file under issued/<plan id>/ and its size
    (:func:`_store_on_commit`).
    Raises Refused when the plan is a draft or has nothing to print. Called by :func:`issue_plan` in its transaction,
    after the plan is saved as issued.
    """
    existing = frozen_document(plan)
    if existing is not None and not _lost(existing):
        return existing
    if not plan.is_issued:
        raise Refused("Kế hoạch chưa ban hành nên chưa có bản phát hành.")
    if existing is not None:  # its row committed, its file never stored: the code was never out
        existing.delete()
        existing.file.storage.delete(existing.file.name)  # in case it was written but its size not set
    try:
        filename, _content_type, rendered = get_exporter("plan", "pdf").render(plan)
    except EmptyDocument as exc:  # issued before plans without text were refused
        raise Refused(exc.reason) from None
    for _attempt in range(5):
        code = new_code()
        data = reserve_signature_field(stamp_verification(rendered, code), plan)
        doc = IssuedDocument(plan=plan, kind=IssuedKind.FROZEN, code=code, sha256=sha256(data), created_by=by)
        try:
            _store_on_commit(doc, filename, data)
            return doc
        except IntegrityError:
            existing = frozen_document(plan)
            if existing is not None:  # frozen meanwhile by another request
                return existing
    raise RuntimeError("Could not draw a unique verification code")


# --- files: written only once the row that knows them is committed ---------------------------------
#
# Storage (a directory, or an S3 bucket) takes no part in the database's transaction, so one of
# the two is written first. Writing the file first leaves, whenever the transaction does not
# commit (an exception after the write, a killed connection, a killed process), a file with a
# number and a verification code that no row knows. So the row goes first, with size 0 ("its file
# is not stored yet"), and the file only on commit; the write then sets the size. If the write
# fails, the callback deletes the row again (the plan stays issued, without a frozen document, the
# state "Tạo bản phát hành" repairs) and raises Refused. If the process dies between the commit and
# the write, the row keeps size 0: nobody can have seen its file, so :func:`freeze_plan` and the
# status page treat it as missing (no storage call on any page) and a new freeze replaces it.

def _store_on_commit(doc, name, data):
    """Save ``doc`` (in a savepoint: IntegrityError leaves the caller's transaction usable) under
    the name its file will have, and write ``data`` there when the transaction commits."""
    doc.file = doc._meta.get_field("file").generate_filename(doc, name)
    doc.size = 0
    with transaction.atomic():
        doc.save()
    transaction.on_commit(_FileWrite(doc, data))


class _FileWrite:
    """The on-commit write of one document's file; on failure its row goes too."""

    def __init__(self, doc, data):
        self.doc, self.pk, self.data = doc, doc.pk, data

    def __call__(self):
        storage = IssuedDocument._meta.get_field("file").storage
        try:
            stored = storage.save(self.doc.file.name, ContentFile(self.data))
        except Exception as exc:
            logger.exception("Issued document %s: file %s not written; its row is deleted", self.pk,
                             self.doc.file.name)
            IssuedDocument.objects.filter(pk=self.pk).delete()
            raise Refused("Không lưu được tệp vào kho lưu trữ nên tệp chưa được giữ lại; "
                          "vui lòng thử lại sau.") from exc
        # The storage may have chosen another name (one was taken).
        if not IssuedDocument.objects.filter(pk=self.pk).update(file=stored, size=len(self.data)):
            storage.delete(stored)  # its row was replaced meanwhile (see _lost): keep no file of it
            return
        self.doc.file.name, self.doc.size = stored, len(self.data)


def _lost(doc):
    """True when ``doc``'s row was committed but its file never stored (size 0, see above); False
    while its write waits for the current transaction to commit (Django keeps those callbacks,
    until the commit or the rollback, in ``connection.run_on_commit``)."""
    if doc.size:
        return False
    connection = transaction.get_connection()
    return not any(isinstance(func, _FileWrite) and func.pk == doc.pk
                   for _sids, func, *_robust in connection.run_on_commit)


# --- signed copies -------------------------------------------------------------------------------

def _store_signed(plan, frozen, data, *, check, signed_by, by):
    # Its own name: an S3 store overwrites a name already taken (file_overwrite), a signed copy never.
    name = f"{Path(frozen.file.name).name.removesuffix('.pdf')}-ky-so-{sha256(data)[:8]}.pdf"
    doc = IssuedDocument(plan=plan, kind=IssuedKind.SIGNED, source=frozen, sha256=sha256(data),
                         signed_by=signed_by, created_by=by,
                         signatures=[sig.as_json() for sig in check.signatures])
    _store_on_commit(doc, name, data)
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
    check = bounded(validate_signed, data, frozen=frozen_bytes)
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
    """What the public verification page says about an uploaded file. Raises Refused on bad input.
    The file is parsed only in a bounded child (reports/pdfguard.py), after the checks on its bytes."""
    precheck(data)
    digest = sha256(data)
    identical = IssuedDocument.objects.select_related("plan__unit", "source").filter(sha256=digest).first()
    if identical is not None:
        frozen = identical if identical.kind == IssuedKind.FROZEN else identical.source
    else:
        frozen = _frozen_by_revision(data)
    result = Verification(frozen=frozen, identical=identical)
    result.check = bounded(validate_signed, data, frozen=read_document(frozen) if frozen else None)
    return result
