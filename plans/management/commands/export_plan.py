"""manage.py export_plan --unit "NAME OR CODE" --year 2024: print a plan file to stdout."""

from django.core.management.base import BaseCommand, CommandError

from plans.interchange import dump_plan, export_plan
from plans.selectors import find_plan


class Command(BaseCommand):
    help = "In một kế hoạch ra stdout theo định dạng kehoach.plan/1."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="tên hoặc mã đơn vị")
        parser.add_argument("--year", required=True, type=int, help="năm kế hoạch")
        parser.add_argument("--revision", type=int, help="lần điều chỉnh (mặc định: lần mới nhất)")
        parser.add_argument("--format", choices=["json", "yaml"], default="json", help="json (mặc định) hoặc yaml")

    def handle(self, *args, unit, year, revision, format, **options):
        try:
            plan = find_plan(unit, year, revision)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(dump_plan(export_plan(plan), format), ending="")
