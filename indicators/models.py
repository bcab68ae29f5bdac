"""Sectors, the indicator catalogue, plan indicators with their targets, and results."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.evaluation import STATUS_LABELS
from core.periods import PERIODS
from core.phrases import Target
from units.folding import FoldedFieldsMixin, FoldedQuerySet
from units.models import Department

# The evaluation statuses, in the order documents and the dashboard list them; the codes and
# labels are the pure evaluator's (core.evaluation.STATUS_LABELS), stated once there.
EvaluationStatus = models.TextChoices(
    "EvaluationStatus", [(code.upper(), (code, label)) for code, label in STATUS_LABELS.items()])


class Sector(models.Model):
    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên lĩnh vực"), max_length=200)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng dồn")
    RATE = "rate", _("Tỷ lệ từ tổng tử số / tổng mẫu số")
    COUNT_MET = "count_met", _("Đếm số đơn vị đạt")
    NONE = "none", _("Không tổng hợp")


class Direction(models.TextChoices):
    HIGHER = "higher", _("Càng cao càng tốt")
    LOWER = "lower", _("Càng thấp càng tốt")
    NONE = "none", _("Không xác định")


class TargetKind(models.TextChoices):
    AT_LEAST = "at_least", _("Từ … trở lên")
    ABOVE = "above", _("Trên")
    AT_MOST = "at_most", _("Không quá")
    BELOW = "below", _("Dưới")
    EXACT = "exact", _("Đạt")
    RANGE = "range", _("Khoảng")
    RATIO = "ratio", _("Tỷ số")
    INCREASE_BY = "increase_by", _("Tăng")
    DECREASE_BY = "decrease_by", _("Giảm")
    QUALITATIVE = "qualitative", _("Định tính")


class CatalogIndicator(models.Model):
    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=300)
    sector = models.ForeignKey(Sector, verbose_name=_("lĩnh vực"), null=True, blank=True,
                               on_delete=models.SET_NULL)
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50, blank=True)
    aggregation = models.CharField(_("cách tổng hợp"), max_length=10, choices=Aggregation.choices,
                                   default=Aggregation.NONE)
    direction = models.CharField(_("chiều"), max_length=10, choices=Direction.choices, default=Direction.HIGHER)

    class Meta:
        verbose_name = _("chỉ tiêu danh mục")
        verbose_name_plural = _("danh mục chỉ tiêu")
        ordering = ["sector__order", "name"]

    def __str__(self):
        return self.name


class PlanSector(models.Model):
    """A sector heading inside one plan, as the plan writes it ("AN NINH TRẬT TỰ- QUỐC PHÒNG")."""

    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE,
                             related_name="plan_sectors")
    sector = models.ForeignKey(Sector, verbose_name=_("lĩnh vực"), null=True, blank=True,
                               on_delete=models.SET_NULL)
    name = models.CharField(_("tên như văn bản ghi"), max_length=300)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    UNIT_LOOKUP = "plan__unit"

    class Meta:
        verbose_name = _("lĩnh vực của kế hoạch")
        verbose_name_plural = _("lĩnh vực của kế hoạch")
        ordering = ["plan", "order", "pk"]

    def __str__(self):
        return self.name


class PlanIndicator(FoldedFieldsMixin, models.Model):
    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE,
                             related_name="indicators")
    plan_sector = models.ForeignKey(PlanSector, verbose_name=_("lĩnh vực"), on_delete=models.CASCADE,
                                    related_name="indicators")
    parent = models.ForeignKey("self", verbose_name=_("chỉ tiêu cha"), null=True, blank=True,
                               on_delete=models.CASCADE, related_name="children")
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    stt = models.CharField(_("STT"), max_length=20, blank=True)
    name = models.TextField(_("tên chỉ tiêu"))
    name_folded = models.TextField(editable=False, default="")  # units.folding: for search
    unit_of_measure = models.CharField(_("đơn vị tính"), max_length=50, blank=True)

    target_text = models.CharField(_("chỉ tiêu như văn bản ghi"), max_length=500, blank=True)
    target_kind = models.CharField(_("dạng chỉ tiêu"), max_length=20, choices=TargetKind.choices,
                                   default=TargetKind.QUALITATIVE)
    target_value = models.DecimalField(_("giá trị chỉ tiêu"), max_digits=24, decimal_places=6, null=True, blank=True)
    target_value_max = models.DecimalField(_("giá trị chỉ tiêu tối đa"), max_digits=24, decimal_places=6, null=True, blank=True)
    target_denominator = models.DecimalField(_("mẫu số của chỉ tiêu"), max_digits=24, decimal_places=6, null=True, blank=True)
    target_unit = models.CharField(_("đơn vị của giá trị chỉ tiêu"), max_length=50, blank=True)
    target_per = models.CharField(_("tính trên (mỗi ...)"), max_length=50, blank=True)

    baseline_text = models.CharField(_("kết quả năm trước"), max_length=300, blank=True)
    baseline_value = models.DecimalField(_("giá trị năm trước"), max_digits=24, decimal_places=6, null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    department = models.ForeignKey(Department, verbose_name=_("bộ phận phụ trách"), null=True, blank=True,
                                   on_delete=models.SET_NULL)
    catalog = models.ForeignKey(CatalogIndicator, verbose_name=_("chỉ tiêu danh mục"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="plan_indicators")
    aggregation = models.CharField(_("cách tổng hợp"), max_length=10, choices=Aggregation.choices,
                                   default=Aggregation.NONE)
    in_main_list = models.BooleanField(_("thuộc chỉ tiêu chủ yếu"), default=True)
    in_appendix = models.BooleanField(_("in trong phụ lục"), default=True)
    # Lineage: the indicator this one was copied from (the plan a revision revises, or last year's
    # plan). Issuing a revision carries the results of ``copied_from`` over (plans.services.issue_plan).
    copied_from = models.ForeignKey("self", verbose_name=_("sao chép từ chỉ tiêu"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="copies", editable=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    history = HistoricalRecords()

    objects = FoldedQuerySet.as_manager()

    UNIT_LOOKUP = "plan__unit"
    FOLDED = {"name_folded": "name"}

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["plan", "plan_sector__order", "order", "pk"]
        indexes = [
            # The dashboard counts each plan's counted indicators (indicators.counting): index-only.
            models.Index(fields=["plan", "id"], condition=models.Q(parent__isnull=True), name="indicator_counted_idx"),
        ]

    def __str__(self):
        return self.name[:80]

    @property
    def direction(self):
        if self.target_kind in {TargetKind.BELOW, TargetKind.AT_MOST, TargetKind.DECREASE_BY}:
            return Direction.LOWER
        if self.target_kind == TargetKind.QUALITATIVE:
            return Direction.NONE
        return Direction.HIGHER

    def parsed_target(self):
        return Target(kind=str(self.target_kind), value=self.target_value, value_max=self.target_value_max,
                      denominator=self.target_denominator, unit=self.target_unit or None,
                      per=self.target_per or None)


class Judgement(models.TextChoices):
    NONE = "", _("Chưa đánh giá")
    MET = "met", _("Đạt")
    NOT_MET = "not_met", _("Không đạt")
    EXCEEDED = "exceeded", _("Vượt")


class ResultQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for result in objs:
            result.fill_plan()
        return super().bulk_create(objs, *args, **kwargs)


class Result(models.Model):
    indicator = models.ForeignKey(PlanIndicator, verbose_name=_("chỉ tiêu"), on_delete=models.CASCADE,
                                  related_name="results")
    # The indicator's plan, copied when the result is first written (save, bulk_create: fill_plan; an
    # indicator never moves to another plan), so the dashboard counts a country's results per plan from
    # one index without joining every result to its indicator.
    plan = models.ForeignKey("plans.Plan", verbose_name=_("kế hoạch"), on_delete=models.CASCADE, related_name="+",
                             editable=False)
    period = models.CharField(_("kỳ"), max_length=3, choices=PERIODS)
    is_estimate = models.BooleanField(_("ước thực hiện"), default=False)
    value = models.DecimalField(_("giá trị"), max_digits=24, decimal_places=6, null=True, blank=True)
    numerator = models.DecimalField(_("tử số"), max_digits=24, decimal_places=6, null=True, blank=True)
    denominator = models.DecimalField(_("mẫu số"), max_digits=24, decimal_places=6, null=True, blank=True)
    text = models.TextField(_("kết quả (lời)"), blank=True)
    judgement = models.CharField(_("đánh giá"), max_length=10, choices=Judgement.choices, blank=True)
    evaluation_text = models.CharField(_("đánh giá như văn bản ghi"), max_length=200, blank=True)
    cause = models.TextField(_("nguyên nhân"), blank=True)
    # Denormalised evaluation, written by every writer of results (indicators.services), so dashboards can count
    # statuses with GROUP BY instead of running the Python evaluator on every result.
    status = models.CharField(_("trạng thái đánh giá"), max_length=12, choices=EvaluationStatus.choices,
                              default=EvaluationStatus.NO_DATA, editable=False)
    percent = models.DecimalField(_("% so với chỉ tiêu"), max_digits=14, decimal_places=2, null=True,
                                  blank=True, editable=False)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người cập nhật"), null=True,
                                   blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    history = HistoricalRecords()

    UNIT_LOOKUP = "indicator__plan__unit"

    objects = ResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("kết quả")
        verbose_name_plural = _("kết quả")
        ordering = ["indicator", "period"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period", "is_estimate"], name="result_unique_period"),
        ]
        indexes = [
            # The dashboard reads one period of every result in scope: an index-only scan on PostgreSQL.
            # Every column as a key column: SQLite has no INCLUDE.
            models.Index(fields=["period", "is_estimate", "indicator", "status", "updated_at"],
                         name="result_period_status_idx"),
            models.Index(fields=["period", "is_estimate", "plan", "status", "updated_at"],
                         name="result_period_plan_idx"),
        ]

    def __str__(self):
        return f"{self.indicator} · {self.get_period_display()}"

    def save(self, *args, **kwargs):
        self.fill_plan()
        super().save(*args, **kwargs)

    def fill_plan(self):
        """The plan is the indicator's, whatever was copied from another result (a revision's copy)."""
        if self.plan_id is None or self._meta.get_field("indicator").is_cached(self):
            self.plan_id = self.indicator.plan_id
