"""The annual plan, its sections, tasks and period reports."""


from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.periods import PERIODS
from units.folding import FoldedFieldsMixin, FoldedQuerySet
from units.models import Department, Unit


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class PlanQuerySet(FoldedQuerySet):
    def with_unit(self):
        return self.select_related("unit", "unit__parent")

    def in_force(self, unit_id, year):
        """The plan in force of a unit for a year: its newest issued version (or None)."""
        return self.filter(unit_id=unit_id, year=year, status=PlanStatus.ISSUED).order_by("-revision").first()


class Appendix(models.TextChoices):
    """A document a plan may carry after its body."""

    PHU_LUC = "phu_luc", _("Phụ lục chỉ tiêu")
    BIEU01 = "bieu01", _("Biểu số 01 (kết quả thực hiện nhiệm vụ)")
    BIEU02 = "bieu02", _("Biểu số 02 (kết quả thực hiện các chỉ tiêu)")


def default_appendices():
    return [Appendix.PHU_LUC.value]


class Plan(FoldedFieldsMixin, models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField(_("năm kế hoạch"))
    revision = models.PositiveSmallIntegerField(_("lần điều chỉnh"), default=0)
    revision_of = models.ForeignKey("self", verbose_name=_("điều chỉnh từ"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="revisions")
    status = models.CharField(_("trạng thái"), max_length=10, choices=PlanStatus.choices,
                              default=PlanStatus.DRAFT)

    # Header of the document (Nghị định 30)
    authority_parent = models.CharField(_("cơ quan chủ quản"), max_length=200, blank=True,
                                        help_text=_("Dòng trên tên cơ quan, nếu có (ví dụ: UBND THÀNH PHỐ LONG XUYÊN)."))
    authority = models.CharField(_("cơ quan ban hành"), max_length=200, blank=True,
                                 help_text=_("Để trống để dùng “ỦY BAN NHÂN DÂN” và tên đơn vị."))
    number = models.CharField(_("số"), max_length=20, blank=True)
    symbol = models.CharField(_("ký hiệu"), max_length=40, default="KH-UBND")
    place = models.CharField(_("địa danh"), max_length=100, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    date_text = models.CharField(_("ngày tháng như văn bản ghi"), max_length=100, blank=True,
                                 help_text=_("Khi chưa có ngày đầy đủ, ví dụ “ngày    tháng 02 năm 2024”."))
    doc_type = models.CharField(_("tên loại văn bản"), max_length=50, default="KẾ HOẠCH")
    title = models.CharField(_("trích yếu"), max_length=500)
    title_folded = models.CharField(max_length=500, editable=False, default="")  # units.folding: for search
    legal_bases = models.JSONField(_("căn cứ"), default=list, blank=True)
    preamble = models.TextField(_("lời mở đầu"), blank=True)
    recipients = models.JSONField(_("nơi nhận"), default=list, blank=True)
    signer_authority = models.CharField(_("thẩm quyền ký"), max_length=100, default="TM. ỦY BAN NHÂN DÂN")
    signer_title = models.CharField(_("chức vụ người ký"), max_length=100, default="CHỦ TỊCH")
    signer_name = models.CharField(_("họ tên người ký"), max_length=100, blank=True)
    appendix_title = models.CharField(_("tên phụ lục"), max_length=300, blank=True)
    # Years rolled forward when the plan was copied from last year (plans.yearroll): [{where, old, new}].
    year_changes = models.JSONField(_("năm đã thay khi sao chép"), default=list, blank=True)
    # What the plan carries after its body, as the ward chose (codes of Appendix); Biểu 01/02 report
    # the tasks and indicators of ``appendix_year`` (the plan's own year when empty).
    appendices = models.JSONField(_("văn bản kèm theo"), default=default_appendices, blank=True)
    appendix_year = models.PositiveSmallIntegerField(_("năm của Biểu số 01, 02 kèm theo"), null=True, blank=True)

    monthly_report_day = models.PositiveSmallIntegerField(_("ngày nộp báo cáo tháng"), default=10)
    annual_report_due = models.DateField(_("hạn báo cáo năm"), null=True, blank=True)

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    history = HistoricalRecords()

    objects = PlanQuerySet.as_manager()

    UNIT_LOOKUP = "unit"
    FOLDED = {"title_folded": "title"}

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-year", "unit__name", "-revision"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "revision"], name="plan_unique_unit_year_revision"),
        ]

    def __str__(self):
        return f"{self.title or self.doc_type} – {self.unit} {self.year}"

    def get_absolute_url(self):
        return reverse("plans:plan_detail", args=[self.pk])

    @property
    def is_issued(self):
        return self.status == PlanStatus.ISSUED

    @cached_property
    def version_in_force(self):
        """The plan in force for this plan's unit and year (None while nothing is issued), read once
        per instance: for showing. Rules that allow a write ask ``plans.reporting.results_plan``."""
        return Plan.objects.in_force(self.unit_id, self.year)

    @property
    def replaced_by(self):
        """The plan in force when this issued version has been replaced by a later one, else None
        (a replaced version is read-only)."""
        in_force = self.version_in_force if self.is_issued else None
        return in_force if in_force is not None and in_force.pk != self.pk else None

    @cached_property
    def other_years(self):
        """(the plan of the year before, the plan of the year after) of the same unit, each the one in
        force when issued (else the newest draft) or None: the plan header links them. One query."""
        found = {}
        for plan in Plan.objects.filter(unit_id=self.unit_id, year__in=[self.year - 1, self.year + 1]).order_by(
                "year", "-status", "-revision").only("pk", "year"):  # "issued" sorts after "draft"
            found.setdefault(plan.year, plan)
        return found.get(self.year - 1), found.get(self.year + 1)

    @property
    def number_symbol(self):
        """"843/KH-UBND", or "      /KH-UBND" when no number is given yet."""
        return f"{self.number}/{self.symbol}" if self.number else f"\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/{self.symbol}"


class Section(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", verbose_name=_("mục cha"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="children")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    heading = models.CharField(_("tiêu đề"), max_length=500, blank=True)
    body = models.TextField(_("nội dung"), blank=True,
                            help_text=_("Mỗi đoạn cách nhau một dòng trống; dòng bắt đầu bằng “- ” là gạch đầu dòng."))
    include_indicators = models.BooleanField(
        _("chèn danh sách chỉ tiêu"), default=False,
        help_text=_("Văn bản sẽ in danh sách chỉ tiêu chủ yếu theo lĩnh vực ngay sau nội dung mục này."))
    history = HistoricalRecords()

    UNIT_LOOKUP = "plan__unit"

    class Meta:
        verbose_name = _("mục")
        verbose_name_plural = _("các mục")
        ordering = ["plan", "parent_id", "order", "pk"]

    def __str__(self):
        return self.heading or f"#{self.order}"


class TaskOrigin(models.TextChoices):
    OWN = "own", _("Nhiệm vụ của đơn vị")
    ASSIGNED = "assigned", _("Cấp trên giao")


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    NOT_DONE = "not_done", _("Không hoàn thành")


# A task whose due date has passed is overdue until it is done.
OVERDUE_UNTIL = TaskStatus.DONE


class TaskQuerySet(FoldedQuerySet):
    def overdue(self, today=None):
        """Tasks past their due date and not done, on the Vietnam date (``today`` for tests and the
        dashboard's chosen day)."""
        return self.filter(due_date__lt=today or timezone.localdate()).exclude(status=OVERDUE_UNTIL)


class Task(FoldedFieldsMixin, models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="tasks")
    sector = models.ForeignKey("indicators.Sector", verbose_name=_("lĩnh vực"), null=True, blank=True,
                               on_delete=models.SET_NULL)
    group = models.CharField(_("nhóm"), max_length=300, blank=True,
                             help_text=_("Nhóm nhiệm vụ như văn bản ghi (ví dụ: tên lĩnh vực hoặc bộ phận)."))
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    stt = models.CharField(_("STT"), max_length=20, blank=True)
    title = models.TextField(_("nhiệm vụ"))
    title_folded = models.TextField(editable=False, default="")  # units.folding: for search
    description = models.TextField(_("mô tả"), blank=True)
    lead = models.ForeignKey(Department, verbose_name=_("bộ phận chủ trì"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="led_tasks")
    cooperating = models.ManyToManyField(Department, verbose_name=_("bộ phận phối hợp"), blank=True,
                                         related_name="cooperating_tasks")
    due_date = models.DateField(_("thời hạn"), null=True, blank=True)
    due_text = models.CharField(_("thời hạn như văn bản ghi"), max_length=200, blank=True)
    progress = models.DecimalField(_("tiến độ (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    result_text = models.TextField(_("kết quả thực hiện"), blank=True)
    origin = models.CharField(_("nguồn"), max_length=10, choices=TaskOrigin.choices, default=TaskOrigin.OWN)
    status = models.CharField(_("trạng thái"), max_length=20, choices=TaskStatus.choices,
                              default=TaskStatus.NOT_STARTED)
    note = models.TextField(_("ghi chú"), blank=True)
    # Lineage, as for indicators: issuing a revision carries the progress of ``copied_from`` over.
    copied_from = models.ForeignKey("self", verbose_name=_("sao chép từ nhiệm vụ"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="copies", editable=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    history = HistoricalRecords(m2m_fields=[cooperating])

    objects = TaskQuerySet.as_manager()

    UNIT_LOOKUP = "plan__unit"
    FOLDED = {"title_folded": "title"}

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return self.title[:80]

    @property
    def is_overdue(self):
        """The row-level form of :meth:`TaskQuerySet.overdue` (the task list highlights it)."""
        return bool(self.due_date and self.due_date < timezone.localdate() and self.status != OVERDUE_UNTIL)


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Đang nhập")
    SUBMITTED = "submitted", _("Đã nộp")
    REOPENED = "reopened", _("Mở lại")


class PeriodReport(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE,
                             related_name="period_reports")
    period = models.CharField(_("kỳ báo cáo"), max_length=3, choices=PERIODS)
    status = models.CharField(_("trạng thái"), max_length=10, choices=ReportStatus.choices,
                              default=ReportStatus.OPEN)
    due_date = models.DateField(_("hạn nộp"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người nộp"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    reopened_at = models.DateTimeField(_("mở lại lúc"), null=True, blank=True)
    reopened_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người mở lại"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="+")
    reopen_comment = models.TextField(_("lý do mở lại"), blank=True)
    history = HistoricalRecords()

    UNIT_LOOKUP = "plan__unit"

    class Meta:
        verbose_name = _("báo cáo kỳ")
        verbose_name_plural = _("báo cáo kỳ")
        constraints = [models.UniqueConstraint(fields=["plan", "period"], name="report_unique_period")]

    def __str__(self):
        return f"{self.plan} · {self.get_period_display()}"

    @property
    def is_locked(self):
        return self.status == ReportStatus.SUBMITTED

    @property
    def is_late(self):
        return bool(self.submitted_at and self.due_date and self.submitted_at.date() > self.due_date)


class Comment(models.Model):
    plan = models.ForeignKey(Plan, verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="comments")
    period = models.CharField(_("kỳ báo cáo"), max_length=3, choices=PERIODS, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người viết"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("nhận xét"))
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    UNIT_LOOKUP = "plan__unit"

    class Meta:
        verbose_name = _("nhận xét")
        verbose_name_plural = _("nhận xét")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:80]
