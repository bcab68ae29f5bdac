"""manage.py export_plan --unit "NAME OR CODE" --year 2024: print a plan file to stdout."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from plans.interchange import dump_plan, export_plan
from plans.models import Plan
from units.models import Unit


def find_plan(unit_query, year, revision=None):
    """The plan of the unit named or coded ``unit_query`` for ``year`` (latest revision by default)."""
    units = list(Unit.objects.filter(Q(code=unit_query) | Q(name__iexact=unit_query)).order_by("pk"))
    if not units:
        raise CommandError(f"Không tìm thấy đơn vị “{unit_query}” (theo tên hoặc mã).")
    plans = Plan.objects.filter(unit__in=units, year=year).select_related("unit").order_by("-revision")
    if revision is not None:
        plans = plans.filter(revision=revision)
    with_plan = sorted({plan.unit for plan in plans}, key=lambda u: u.pk)
    if not with_plan:
        which = f" (lần điều chỉnh {revision})" if revision is not None else ""
        name = units[0].name if len(units) == 1 else f"“{unit_query}”"
        raise CommandError(f"Đơn vị {name} chưa có kế hoạch năm {year}{which}.")
    if len(with_plan) > 1:
        listed = "; ".join(f"{u.name} (mã {u.code or 'không có'}, {u.get_kind_display()})" for u in with_plan)
        raise CommandError(f"Có {len(with_plan)} đơn vị ứng với “{unit_query}”: {listed}. Hãy dùng mã đơn vị.")
    return plans.filter(unit=with_plan[0]).first()


class Command(BaseCommand):
    help = "In một kế hoạch ra stdout theo định dạng kehoach.plan/1."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="tên hoặc mã đơn vị")
        parser.add_argument("--year", required=True, type=int, help="năm kế hoạch")
        parser.add_argument("--revision", type=int, help="lần điều chỉnh (mặc định: lần mới nhất)")
        parser.add_argument("--format", choices=["json", "yaml"], default="json", help="json (mặc định) hoặc yaml")

    def handle(self, *args, unit, year, revision, format, **options):
        plan = find_plan(unit, year, revision)
        self.stdout.write(dump_plan(export_plan(plan), format), ending="")
