"""Issued documents: the frozen PDF of an issued plan and its digitally signed copies.

The frozen PDF is rendered once when the plan is issued and never again: every later
download of the issued plan is that file, byte for byte (its SHA-256 is kept beside it).
A signed copy is the frozen PDF plus one or more PAdES signatures appended as incremental
updates, so its first revision is byte-identical to the frozen file.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class IssuedKind(models.TextChoices):
    FROZEN = "frozen", _("Bản phát hành")
    SIGNED = "signed", _("Bản ký số")


class SignedBy(models.TextChoices):
    SERVER = "server", _("Ký trên máy chủ")
    UPLOAD = "upload", _("Tải lên bản đã ký")


def issued_upload_to(instance, filename):
    return f"issued/{instance.plan_id}/{filename}"


class IssuedDocumentQuerySet(models.QuerySet):
    def frozen(self):
        return self.filter(kind=IssuedKind.FROZEN)

    def signed(self):
        return self.filter(kind=IssuedKind.SIGNED).order_by("-created_at", "-pk")


class IssuedDocument(models.Model):
    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.PROTECT,
                             related_name="issued_documents")
    kind = models.CharField(_("loại"), max_length=10, choices=IssuedKind.choices)
    source = models.ForeignKey("self", verbose_name=_("bản phát hành được ký"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="signed_copies",
                               help_text=_("Với bản ký số: bản phát hành mà chữ ký bao trùm."))
    file = models.FileField(_("tệp"), upload_to=issued_upload_to, max_length=255)
    size = models.PositiveIntegerField(_("kích thước (byte)"), default=0)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    # Only the frozen document carries a code (it is printed on its first page); the signed
    # copies are found through their source.
    code = models.CharField(_("mã xác minh"), max_length=10, unique=True, null=True, blank=True)
    signed_by = models.CharField(_("cách ký"), max_length=10, choices=SignedBy.choices, blank=True)
    signatures = models.JSONField(_("chữ ký"), default=list, blank=True,
                                  help_text=_("Người ký, tổ chức, thời gian ký, nhà cung cấp chứng thư."))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người tạo"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")

    objects = IssuedDocumentQuerySet.as_manager()

    UNIT_LOOKUP = "plan__unit"

    class Meta:
        verbose_name = _("văn bản phát hành")
        verbose_name_plural = _("văn bản phát hành")
        ordering = ["plan", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan"], condition=Q(kind="frozen"), name="issued_one_frozen_per_plan"),
            models.CheckConstraint(condition=Q(kind="frozen", code__isnull=False, source__isnull=True)
                                   | Q(kind="signed", code__isnull=True, source__isnull=False),
                                   name="issued_code_on_frozen_source_on_signed"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.plan}"

    @property
    def display_code(self):
        """"ABCDE-FGHJK": the code as printed, in two groups of five."""
        return f"{self.code[:5]}-{self.code[5:]}" if self.code else ""


# --- "Việc cần làm" and e-mail reminders (reports.todo) -------------------------------------------

class ReminderPreference(models.Model):
    """A person's choice about e-mail reminders (no row: reminders are on)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.CASCADE,
                                related_name="reminder_preference")
    email_reminders = models.BooleanField(_("nhận thư nhắc việc"), default=True)

    class Meta:
        verbose_name = _("tuỳ chọn nhắc việc")
        verbose_name_plural = _("tuỳ chọn nhắc việc")

    def __str__(self):
        return f"{self.user} · {self.email_reminders}"


class CommentRead(models.Model):
    """How far a person has read the comments of a plan: those created up to ``seen_until`` are read
    (set when the plan page shows them its comments)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.CASCADE,
                             related_name="+")
    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="+")
    seen_until = models.DateTimeField(_("đã đọc đến"))

    UNIT_LOOKUP = "plan__unit"

    class Meta:
        verbose_name = _("nhận xét đã đọc")
        verbose_name_plural = _("nhận xét đã đọc")
        constraints = [models.UniqueConstraint(fields=["user", "plan"], name="comment_read_unique")]

    def __str__(self):
        return f"{self.user} · {self.plan_id} · {self.seen_until}"


class ReminderSent(models.Model):
    """One reminder e-mailed to a person: an item (``kind`` + ``key``) in a ``state`` ("due_soon",
    "overdue", ...). The unique key is what makes send_reminders idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.CASCADE,
                             related_name="+")
    kind = models.CharField(_("loại việc"), max_length=20)
    key = models.CharField(_("đối tượng"), max_length=60)
    state = models.CharField(_("tình trạng"), max_length=60)
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("thư nhắc việc đã gửi")
        verbose_name_plural = _("thư nhắc việc đã gửi")
        constraints = [models.UniqueConstraint(fields=["user", "kind", "key", "state"], name="reminder_sent_unique")]

    def __str__(self):
        return f"{self.user} · {self.kind} {self.key} · {self.state}"
