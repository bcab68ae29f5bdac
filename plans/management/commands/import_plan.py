"""manage.py import_plan FILE [--replace]: load one plan file (JSON or YAML), all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from plans.interchange import PlanExistsError, PlanImportError, import_plan, load_plan_file


class Command(BaseCommand):
    help = "Nhập một kế hoạch từ tệp định dạng kehoach.plan/1 (JSON hoặc YAML); lỗi thì không ghi gì."

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp .json, .yaml hoặc .yml")
        parser.add_argument("--replace", action="store_true",
                            help="thay kế hoạch đã có của cùng đơn vị, năm và lần điều chỉnh")

    def handle(self, *args, file, replace, **options):
        try:
            plan = import_plan(load_plan_file(file), replace=replace)
        except PlanImportError as exc:
            for line in exc.errors:
                self.stderr.write(line)
            if isinstance(exc, PlanExistsError):
                self.stderr.write("Dùng --replace để thay kế hoạch đã có.")
            raise CommandError(f"Không nhập được {file}: {len(exc.errors)} lỗi, không có gì được ghi.") from None
        self.stdout.write(
            f"Đã nhập kế hoạch {plan.unit.name} năm {plan.year}: {plan.indicators.count()} chỉ tiêu, "
            f"{plan.tasks.count()} nhiệm vụ, {plan.sections.count()} mục.")
