"""manage.py send_reminders [--dry-run] [--today YYYY-MM-DD]: e-mail each person the to-do items
that became due or overdue since the last run (reports.todo.reminders). Safe to run every hour."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from reports.todo.reminders import send_reminders


def _day(text):
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--today: ngày không hợp lệ “{text}” (cần dạng YYYY-MM-DD).") from exc


class Command(BaseCommand):
    help = "Gửi thư nhắc việc (báo cáo, nhiệm vụ đến hạn hoặc quá hạn, kỳ bị mở lại) cho từng người, mỗi việc một lần."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê thư sẽ gửi, không gửi, không ghi nhận.")
        parser.add_argument("--today", type=_day, default=None, help="Tính như thể hôm nay là ngày này (YYYY-MM-DD).")

    def handle(self, *args, dry_run=False, today=None, **options):
        digests = send_reminders(today=today, dry_run=dry_run)
        for mail in digests:
            self.stdout.write(f"{mail.user.email}: {len(mail.items)} việc")
        verb = "Sẽ gửi" if dry_run else "Đã gửi"
        items = sum(len(m.items) for m in digests)
        self.stdout.write(f"{verb} {len(digests)} thư nhắc việc ({items} việc).")
