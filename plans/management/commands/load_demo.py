from django.core.management.base import BaseCommand, CommandError

from plans.demo import (
    DEMO_PASSWORD,
    DEMO_PROVINCE_CODE,
    create_demo_accounts,
    load_fixtures,
    load_province_year,
)
from plans.interchange import PlanImportError


class Command(BaseCommand):
    help = "Nạp năm kế hoạch mẫu trong fixtures/ và các tài khoản dùng thử (chạy lại không tạo trùng)."

    def add_arguments(self, parser):
        parser.add_argument("--province", default=DEMO_PROVINCE_CODE,
                            help="Mã tỉnh có năm kế hoạch mô phỏng cho mọi xã, phường (rỗng: bỏ qua).")
        parser.add_argument("--communes", type=int, default=None,
                            help="Chỉ tạo năm mô phỏng cho chừng ấy xã, phường đầu tiên (thử nhanh).")

    def handle(self, *args, **options):
        try:
            loaded, skipped = load_fixtures()
        except PlanImportError as exc:
            raise CommandError(str(exc)) from exc
        rows = create_demo_accounts()
        self.stdout.write(f"Kế hoạch mẫu: nạp mới {len(loaded)}, đã có {len(skipped)}.")
        if options["province"]:
            province = load_province_year(code=options["province"], limit=options["communes"])
            if province is None:
                self.stdout.write(f"Năm mô phỏng: chưa có tỉnh mã {options['province']} (chạy load_units trước).")
            else:
                row, summary = province
                rows.append(row)
                self.stdout.write(f"Năm mô phỏng của {row[2]}: tạo mới {summary['plans']} kế hoạch, "
                                  f"đã có {summary['skipped']}.")
        self.stdout.write("")
        self.stdout.write(f"Tài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD}):")
        width = max(len(r[0]) for r in rows)
        for username, role, unit in rows:
            self.stdout.write(f"  {username.ljust(width)}  {role} – {unit}")
