from django.core.management.base import BaseCommand, CommandError

from plans.demo import DEMO_PASSWORD, create_demo_accounts, load_fixtures
from plans.interchange import PlanImportError


class Command(BaseCommand):
    help = "Nạp năm kế hoạch mẫu trong fixtures/ và các tài khoản dùng thử (chạy lại không tạo trùng)."

    def handle(self, *args, **options):
        try:
            loaded, skipped = load_fixtures()
        except PlanImportError as exc:
            raise CommandError(str(exc)) from exc
        rows = create_demo_accounts()
        self.stdout.write(f"Kế hoạch mẫu: nạp mới {len(loaded)}, đã có {len(skipped)}.")
        self.stdout.write("")
        self.stdout.write(f"Tài khoản dùng thử (mật khẩu chung: {DEMO_PASSWORD}):")
        width = max(len(r[0]) for r in rows)
        for username, role, unit in rows:
            self.stdout.write(f"  {username.ljust(width)}  {role} – {unit}")
