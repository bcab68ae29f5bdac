"""Administrative units, their departments, and people's roles on them.

A unit's ``path`` is the chain of primary keys from the root ("/12/345/6789/"), so
"every unit below X" is one indexed ``LIKE 'X.path%'`` query whatever the depth.
"""

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history import register
from simple_history.models import HistoricalRecords

from .folding import FoldedFieldsMixin, FoldedQuerySet


class UnitKind(models.TextChoices):
    PROVINCE = "province", _("Tỉnh")
    CITY = "city", _("Thành phố trực thuộc trung ương")
    DISTRICT = "district", _("Huyện")
    URBAN_DISTRICT = "urban_district", _("Quận")
    TOWN = "town", _("Thị xã")
    PROVINCIAL_CITY = "provincial_city", _("Thành phố thuộc tỉnh")
    WARD = "ward", _("Phường")
    COMMUNE = "commune", _("Xã")
    TOWNSHIP = "township", _("Thị trấn")
    SPECIAL_ZONE = "special_zone", _("Đặc khu")
    KHOM = "khom", _("Khóm")
    AP = "ap", _("Ấp")
    THON = "thon", _("Thôn")
    TO_DAN_PHO = "to_dan_pho", _("Tổ dân phố")
    KHU_PHO = "khu_pho", _("Khu phố")


PROVINCE_LEVEL = {UnitKind.PROVINCE, UnitKind.CITY}
DISTRICT_LEVEL = {UnitKind.DISTRICT, UnitKind.URBAN_DISTRICT, UnitKind.TOWN, UnitKind.PROVINCIAL_CITY}
COMMUNE_LEVEL = {UnitKind.WARD, UnitKind.COMMUNE, UnitKind.TOWNSHIP, UnitKind.SPECIAL_ZONE}
BELOW_COMMUNE = {UnitKind.KHOM, UnitKind.AP, UnitKind.THON, UnitKind.TO_DAN_PHO, UnitKind.KHU_PHO}


class UnitQuerySet(FoldedQuerySet):
    def subtree_of(self, unit, *, include_self=True):
        """Every unit at or below ``unit``, in one query."""
        qs = self.filter(path__startswith=unit.path)
        return qs if include_self else qs.exclude(pk=unit.pk)

    def current(self):
        return self.filter(valid_to__isnull=True)

    def valid_in(self, year):
        """Units that existed at some time during ``year``: in 2024 the pre-reorganisation wards and
        districts, from 2026 the current communes, in 2025 both (the reorganisation fell on 1 July)."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=date(year, 12, 31)),
                           Q(valid_to__isnull=True) | Q(valid_to__gte=date(year, 1, 1)))

    def commune_level(self):
        return self.filter(kind__in=COMMUNE_LEVEL)


class Unit(FoldedFieldsMixin, models.Model):
    # A code is unique among the current units and among the units that ended on the same day:
    # since 1 July 2025 many new communes carry the code of one of the old wards they replaced.
    code = models.CharField(_("mã"), max_length=20, null=True, blank=True, db_index=True,  # noqa: DJ001 (no code: NULL, outside the unique constraints)
                            help_text=_("Mã đơn vị hành chính (GSO) nếu có."))
    name = models.CharField(_("tên"), max_length=200)
    # The name folded (units.folding): what the search boxes match "my phu" against.
    name_folded = models.CharField(max_length=200, editable=False, default="")
    kind = models.CharField(_("loại"), max_length=20, choices=UnitKind.choices)
    parent = models.ForeignKey("self", verbose_name=_("đơn vị cấp trên"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    path = models.CharField(_("đường dẫn trong cây đơn vị"), max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField(_("cấp trong cây đơn vị"), default=0, editable=False)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successors = models.ManyToManyField("self", verbose_name=_("đơn vị kế thừa"), symmetrical=False,
                                        blank=True, related_name="predecessors", through="UnitSuccession",
                                        through_fields=("predecessor", "successor"))

    objects = UnitQuerySet.as_manager()

    UNIT_LOOKUP = "self"
    FOLDED = {"name_folded": "name"}

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name", "kind"], name="unit_unique_name_in_parent"),
            models.UniqueConstraint(fields=["code"], condition=Q(valid_to__isnull=True),
                                    name="unit_unique_current_code"),
            models.UniqueConstraint(fields=["code", "valid_to"], condition=Q(valid_to__isnull=False),
                                    name="unit_unique_ended_code"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        with transaction.atomic():
            super().save(*args, **kwargs)
            path, depth = self.compute_path()
            if path != self.path:
                old = self.path
                self.path, self.depth = path, depth
                Unit.objects.filter(pk=self.pk).update(path=path, depth=depth)
                if old:
                    self._move_descendants(old, path)

    def compute_path(self):
        if self.parent_id is None:
            return f"/{self.pk}/", 0
        parent = Unit.objects.only("path", "depth").get(pk=self.parent_id)
        return f"{parent.path}{self.pk}/", parent.depth + 1

    def _move_descendants(self, old, new):
        shift = new.count("/") - old.count("/")
        for child in Unit.objects.filter(path__startswith=old).exclude(pk=self.pk):
            Unit.objects.filter(pk=child.pk).update(path=new + child.path[len(old):],
                                                    depth=child.depth + shift)

    def ancestors(self):
        """Ancestors from the root down, in one query."""
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1] if part]
        by_id = {u.pk: u for u in Unit.objects.filter(pk__in=ids)}
        return [by_id[i] for i in ids if i in by_id]

    @property
    def is_commune_level(self):
        return self.kind in COMMUNE_LEVEL

    @property
    def short_name(self):
        """The name without its kind prefix: "Phường Mỹ Phú" -> "Mỹ Phú"."""
        label = str(UnitKind(self.kind).label)
        if self.name.lower().startswith(label.lower() + " "):
            rest = self.name[len(label) + 1:]
            # "Phường 2" keeps its kind: a bare number is not a name.
            return self.name if rest.isdigit() else rest
        return self.name


class UnitSuccession(models.Model):
    """One link of the 2025 reorganisation: ``predecessor`` (an old commune or province) lives on in
    ``successor``. A ``divided`` predecessor was split between several successors; ``is_default``
    marks the successor that took its name or most of it (the only one of an undivided one)."""

    predecessor = models.ForeignKey(Unit, verbose_name=_("đơn vị cũ"), on_delete=models.CASCADE,
                                    related_name="succession_links")
    successor = models.ForeignKey(Unit, verbose_name=_("đơn vị mới"), on_delete=models.CASCADE,
                                  related_name="predecession_links")
    divided = models.BooleanField(_("bị chia cho nhiều đơn vị mới"), default=False)
    is_default = models.BooleanField(_("đơn vị mới chính"), default=True)

    class Meta:
        verbose_name = _("kế thừa đơn vị hành chính")
        verbose_name_plural = _("kế thừa đơn vị hành chính")
        ordering = ["successor", "predecessor"]
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unit_succession_unique"),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor}"


class Department(models.Model):
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE,
                             related_name="departments")
    name = models.CharField(_("tên bộ phận"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)
    order = models.PositiveIntegerField(_("thứ tự"), default=0)
    # A department no longer in use keeps its tasks but is offered for no new one.
    active = models.BooleanField(_("đang hoạt động"), default=True)
    history = HistoricalRecords()

    UNIT_LOOKUP = "unit"

    class Meta:
        verbose_name = _("bộ phận chuyên môn")
        verbose_name_plural = _("bộ phận chuyên môn")
        ordering = ["unit", "order", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="department_unique_name")]

    def __str__(self):
        return self.name


class RoleKind(models.TextChoices):
    EDITOR = "editor", _("Cán bộ nhập liệu")
    LEADER = "leader", _("Lãnh đạo UBND")
    SUPERVISOR = "supervisor", _("Cán bộ theo dõi cấp trên")
    VIEWER = "viewer", _("Chỉ xem")
    ADMIN = "admin", _("Quản trị")


class Role(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"),
                             on_delete=models.CASCADE, related_name="unit_roles")
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("vai trò"), max_length=20, choices=RoleKind.choices)
    # The department of the unit the person works in, if the ward says so: their to-do list then
    # shows the tasks that department leads or cooperates on, not every task of the unit.
    department = models.ForeignKey(Department, verbose_name=_("bộ phận"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="members")
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "role"], name="role_unique")]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.unit}"


class OneTimePassword(models.Model):
    """A password given to a person by whoever added them: it opens one session, in which the person
    sets their own (units.people.use_one_time_password)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.CASCADE,
                                related_name="one_time_password")
    issued_at = models.DateTimeField(_("cấp lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("mật khẩu dùng một lần")
        verbose_name_plural = _("mật khẩu dùng một lần")

    def __str__(self):
        return str(self.user)


class AccountRecords(HistoricalRecords):
    """The history of accounts (who added, deactivated or reactivated whom), without the fields that
    change on every login: Django saves ``last_login`` alone then, which writes no row here."""

    def post_save(self, instance, created, using=None, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields and set(update_fields) <= set(self.excluded_fields):
            return
        super().post_save(instance, created, using=using, **kwargs)


register(get_user_model(), app="units", records_class=AccountRecords, excluded_fields=["password", "last_login"])
