import json

from django.core.management.base import BaseCommand, CommandError

from units.history import ancestors_of, describe, find_units, history


class Command(BaseCommand):
    help = ("In lịch sử một đơn vị hành chính qua đợt sắp xếp năm 2025 (JSON): đơn vị, các đơn vị cũ "
            "hợp thành nó và các đơn vị mới kế thừa nó.")

    def add_arguments(self, parser):
        parser.add_argument("unit", help="tên hoặc mã đơn vị; thêm tên cấp trên sau dấu phẩy nếu trùng tên, "
                                         "ví dụ \"Phường Mỹ Phú, Thành phố Cao Lãnh\"")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--old", action="store_const", const="old", dest="period",
                           help="chỉ tìm trong các đơn vị trước 1/7/2025")
        group.add_argument("--current", action="store_const", const="current", dest="period",
                           help="chỉ tìm trong các đơn vị hiện hành")

    def handle(self, *args, **options):
        query = options["unit"]
        units = find_units(query, period=options["period"])
        if not units:
            raise CommandError(f"Không tìm thấy đơn vị “{query}” (theo tên hoặc mã). "
                               "Đã nạp cơ cấu đơn vị chưa? Chạy `python manage.py load_units`.")
        if len(units) > 1:
            parents = ancestors_of(units)
            lines = "\n".join(f"  - {describe(u, parents[u.pk])}" for u in units[:20])
            more = f"\n  … và {len(units) - 20} đơn vị khác" if len(units) > 20 else ""
            raise CommandError(
                f"“{query}” trùng với {len(units)} đơn vị:\n{lines}{more}\n"
                "Ghi thêm tên cấp trên sau dấu phẩy (ví dụ \"Phường Mỹ Phú, Thành phố Cao Lãnh\"), "
                "dùng mã, hoặc thêm --old / --current.")
        self.stdout.write(json.dumps(history(units[0]), ensure_ascii=False, indent=2))
