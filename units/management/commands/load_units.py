from django.core.management.base import BaseCommand, CommandError

from units.services import UnitSourceMissing, load_current_units, read_current_divisions


class Command(BaseCommand):
    help = "Nạp cơ cấu đơn vị hành chính toàn quốc hiện hành (34 tỉnh, thành phố và các xã, phường, đặc khu)."

    def handle(self, *args, **options):
        try:
            divisions = read_current_divisions()
        except UnitSourceMissing as exc:
            raise CommandError(str(exc)) from exc
        provinces, communes, created, updated = load_current_units(divisions)
        if options["verbosity"] > 1:
            self.stderr.write(f"thêm mới: {created}, cập nhật: {updated}")
        self.stdout.write(f"provinces: {provinces}, communes: {communes}")
