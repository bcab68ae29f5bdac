import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from units.models import Unit
from units.reorganisation import LAST_DAY, link_units, load_old_units, read_reorganisation, restrict
from units.services import UnitSourceMissing, load_current_units, read_current_divisions


class Command(BaseCommand):
    help = ("Nạp cơ cấu đơn vị hành chính toàn quốc: 34 tỉnh, thành phố và các xã, phường, đặc khu hiện hành; "
            "63 tỉnh, thành phố, các huyện và xã trước 1/7/2025; và đơn vị mới kế thừa từng đơn vị cũ.")

    def add_arguments(self, parser):
        parser.add_argument("--province", action="append", default=[], metavar="MÃ",
                            help="chỉ nạp tỉnh mới có mã này và các tỉnh cũ hợp thành nó (lặp lại được)")
        parser.add_argument("--if-missing", action="store_true",
                            help="không làm gì nếu cả hai cơ cấu đã được nạp (dùng cho `make run`)")

    def handle(self, *args, **options):
        if options["if_missing"] and self._loaded():
            self.stdout.write("Cơ cấu đơn vị hành chính đã có, bỏ qua.")
            return
        started = time.monotonic()
        try:
            divisions = read_current_divisions()
            data = read_reorganisation()
        except UnitSourceMissing as exc:
            raise CommandError(str(exc)) from exc
        codes = {f"{int(c):02d}" for c in options["province"] if c.isdigit()}
        if options["province"]:
            divisions = [p for p in divisions if f"{p['code']:02d}" in codes]
            if len(divisions) != len(options["province"]):
                raise CommandError(f"Không có tỉnh, thành phố mới mã {', '.join(options['province'])}.")
            data = restrict(data, codes)
        with transaction.atomic():
            provinces, communes, created, updated = load_current_units(divisions)
            old = load_old_units(data)
            links, unmatched = link_units(data)
        if options["verbosity"] > 1:
            self.stderr.write(f"hiện hành: thêm mới {created}, cập nhật {updated}; "
                              f"trước 1/7/2025: thêm mới {old[3]}, cập nhật {old[4]}; "
                              f"{time.monotonic() - started:.1f} giây")
        for name in unmatched:
            self.stderr.write(f"Không tìm thấy đơn vị mới “{name}” trong cơ cấu hiện hành: chưa nối.")
        self.stdout.write(f"before 2025-07-01: provinces: {old[0]}, districts: {old[1]}, communes: {old[2]}; "
                          f"succession links: {links}")
        self.stdout.write(f"provinces: {provinces}, communes: {communes}")

    def _loaded(self):
        return (Unit.objects.current().filter(code__isnull=False).exists()
                and Unit.objects.filter(valid_to=LAST_DAY, code__isnull=False, succession_links__isnull=False)
                .exists())
