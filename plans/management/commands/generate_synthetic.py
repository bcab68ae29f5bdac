import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from plans.synthetic import TEMPLATES, current_communes, generate


class Command(BaseCommand):
    help = ("Tạo dữ liệu mô phỏng một năm kế hoạch cho mọi đơn vị cấp xã hiện hành (40 chỉ tiêu, "
            "12 kỳ báo cáo tháng) để thử bảng theo dõi ở quy mô toàn quốc. Chạy load_units trước.")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=None, help="Năm kế hoạch (mặc định: năm nay).")
        parser.add_argument("--province", action="append", default=[], metavar="CODE",
                            help="Chỉ tạo cho tỉnh có mã này (có thể lặp lại).")
        parser.add_argument("--replace", action="store_true",
                            help="Xóa dữ liệu mô phỏng cùng năm rồi tạo lại.")

    def handle(self, *args, year=None, province=(), replace=False, verbosity=1, **options):
        year = year or timezone.localdate().year
        if not current_communes(province).exists():
            raise CommandError("Chưa có đơn vị cấp xã hiện hành: chạy `python manage.py load_units` trước.")
        start = time.perf_counter()
        summary = generate(year, province_codes=province, replace=replace,
                           stdout=self.stderr if verbosity > 1 else None)
        seconds = time.perf_counter() - start
        self.stdout.write(
            f"year {year}: communes {summary['communes']}, created plans {summary['plans']}, "
            f"skipped {summary['skipped']} (already had a plan), removed {summary['removed']}; "
            f"indicators {summary['indicators']} ({len(TEMPLATES)} each), results {summary['results']}, "
            f"period reports {summary['reports']}, tasks {summary['tasks']} in {seconds:.1f} s")
        vacuum_bulk_tables()


# Tables a synthetic year fills in bulk. Fresh rows are not yet in PostgreSQL's visibility map, so
# the dashboard's aggregates cannot use their covering index (an index-only scan) until a VACUUM:
# measured on the national year, the overview took 482 ms before and 325 ms after it.
BULK_TABLES = ["indicators_result", "indicators_planindicator", "plans_plan", "plans_periodreport",
               "plans_task"]


def vacuum_bulk_tables():
    """VACUUM ANALYZE the bulk-filled tables on PostgreSQL, outside any transaction (VACUUM cannot
    run inside one: under a test's transaction it is skipped, as on other databases)."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {', '.join(BULK_TABLES)}")
