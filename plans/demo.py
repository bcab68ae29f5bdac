"""Demo data: the seed plans in fixtures/ and one account per role, loaded idempotently."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from core.matching import fold
from units.models import COMMUNE_LEVEL, DISTRICT_LEVEL, PROVINCE_LEVEL, Role, RoleKind, Unit, UnitSuccession

from .interchange import import_plan, load_plan_file
from .models import Plan
from .synthetic import SYNTHETIC_MARK, generate

DEMO_PASSWORD = "kehoach2024"
FIXTURES = Path(settings.BASE_DIR) / "fixtures"
# The province whose communes get a synthetic year in the demo, so that the supervisors' dashboard has
# roll-ups, comparisons, late reports and overdue tasks to show: Khánh Hòa, 65 communes, none of them
# a commune a seed ward became (those keep their own first plan to write).
DEMO_PROVINCE_CODE = "56"


def slug(text):
    """"Phường Mỹ Phú" -> "phuongmyphu" (a demo user name)."""
    return fold(text).replace(" ", "")


def load_fixtures():
    """Import every fixture plan not yet in the database. Returns (loaded, skipped) names."""
    loaded, skipped = [], []
    for path in sorted(FIXTURES.glob("*.json")):
        data = load_plan_file(path)
        unit_name, year = data["unit"]["name"], data["plan"]["year"]
        revision = data["plan"].get("revision", 0)
        exists = Plan.objects.filter(unit__name=unit_name, unit__kind=data["unit"]["kind"], year=year,
                                     revision=revision).exists()
        if exists:
            skipped.append(path.name)
            continue
        import_plan(data)
        loaded.append(path.name)
    return loaded, skipped


def _account(username, full_name, unit, role):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": full_name})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    Role.objects.get_or_create(user=user, unit=unit, role=role)
    return user


@transaction.atomic
def create_demo_accounts():
    """One editor and one leader per demo ward, one supervisor per province and district-level unit
    above them, an editor of each commune a demo ward became (2025), and an administrator.
    Returns rows (username, role label, unit name)."""
    rows = []
    User = get_user_model()
    admin, created = User.objects.get_or_create(username="admin", defaults={
        "is_staff": True, "is_superuser": True, "first_name": "Quản trị"})
    if created:
        admin.set_password(DEMO_PASSWORD)
        admin.save(update_fields=["password"])
    rows.append(("admin", "Quản trị hệ thống", "toàn quốc"))

    wards = (Unit.objects.filter(kind__in=COMMUNE_LEVEL, plans__isnull=False)
             .exclude(plans__title__endswith=SYNTHETIC_MARK).distinct().order_by("name"))
    supervised = {}
    for ward in wards:
        s = slug(ward.short_name if not ward.short_name[:1].isdigit() else ward.name)
        for role, prefix in ((RoleKind.EDITOR, "canbo"), (RoleKind.LEADER, "lanhdao")):
            _account(f"{prefix}.{s}", f"{RoleKind(role).label} {ward.name}", ward, role)
            rows.append((f"{prefix}.{s}", str(RoleKind(role).label), ward.name))
        for ancestor in ward.ancestors():
            if ancestor.kind in PROVINCE_LEVEL | DISTRICT_LEVEL:
                supervised[ancestor.pk] = ancestor
    for unit in sorted(supervised.values(), key=lambda u: u.path):
        username = f"giamsat.{slug(unit.name)}"
        _account(username, f"Giám sát {unit.name}", unit, RoleKind.SUPERVISOR)
        rows.append((username, str(RoleKind.SUPERVISOR.label), unit.name))
    # When load_units has linked the demo wards: an editor of each commune they became, who reads
    # the old ward's plans (units.scoping) and takes baselines from them.
    links = UnitSuccession.objects.filter(predecessor__in=list(wards)).select_related("predecessor", "successor")
    for link in sorted(links, key=lambda link: link.successor.name):
        new = link.successor
        username = f"canbo.{slug(new.short_name if not new.short_name[:1].isdigit() else new.name)}"
        _account(username, f"{RoleKind.EDITOR.label} {new.name}", new, RoleKind.EDITOR)
        rows.append((username, str(RoleKind.EDITOR.label), f"{new.name} (từ 1/7/2025, gồm {link.predecessor.name})"))
    return rows


def load_province_year(*, code=DEMO_PROVINCE_CODE, year=None, limit=None, today=None):
    """A synthetic plan year (plans.synthetic: plans, indicators, monthly results, period reports some
    late or missing, tasks some overdue) for the communes of the current province ``code`` (only the
    first ``limit`` of them, in tree order, when given) and a supervisor of the province. Idempotent:
    communes that have a plan of the year are skipped. Returns (account row, summary), or None when
    the province is not loaded (load_units)."""
    province = Unit.objects.current().filter(code=code, kind__in=PROVINCE_LEVEL).first()
    if province is None:
        return None
    today = today or timezone.localdate()
    year = year or today.year
    summary = generate(year, province_codes=[code], limit=limit, today=today)
    username = f"giamsat.{slug(province.name)}"
    _account(username, f"Giám sát {province.name}", province, RoleKind.SUPERVISOR)
    where = f"{province.name} (năm {year} mô phỏng: {summary['communes']} xã, phường)"
    return (username, str(RoleKind.SUPERVISOR.label), where), summary
