"""manage.py import_plan FILE [--replace] [--dry-run]: load one plan file, all or nothing.

FILE is a kehoach.plan/1 document (.json, .yaml, .yml) or a ward's Word plan (.docx), read by
plans.importing. ``--dry-run`` prints the document that would be imported (kehoach.plan/1 JSON on
stdout) and writes nothing; for a .docx whose unit is not in the tree it still prints, with a
warning on stderr.
"""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plans.importing.pipeline import extract_docx, save_extraction
from plans.importing.safety import UploadRefused
from plans.interchange import (
    PlanExistsError,
    PlanImportError,
    dump_plan,
    import_plan,
    load_plan_file,
    normalise,
)


class Command(BaseCommand):
    help = ("Nhập một kế hoạch từ tệp định dạng kehoach.plan/1 (JSON hoặc YAML) hoặc từ văn bản Word (.docx); "
            "lỗi thì không ghi gì.")

    def add_arguments(self, parser):
        parser.add_argument("file", help="tệp .json, .yaml, .yml hoặc .docx")
        parser.add_argument("--replace", action="store_true",
                            help="thay kế hoạch đã có của cùng đơn vị, năm và lần điều chỉnh")
        parser.add_argument("--dry-run", action="store_true",
                            help="chỉ in kế hoạch đọc được (JSON kehoach.plan/1), không ghi gì")
        parser.add_argument("--year", type=int, default=None, help="năm kế hoạch khi văn bản không ghi")

    def handle(self, *args, file, replace, dry_run, year, **options):
        if Path(file).suffix.lower() == ".docx":
            return self._docx(file, replace=replace, dry_run=dry_run, year=year)
        try:
            data = load_plan_file(file)
            if dry_run:
                self.stdout.write(dump_plan(normalise(data)), ending="")
                return
            plan = import_plan(data, replace=replace)
        except PlanImportError as exc:
            self._fail(file, exc)
        self._done(plan)

    def _docx(self, file, *, replace, dry_run, year):
        try:
            data = Path(file).read_bytes()
        except OSError:
            raise CommandError(f"{file}: không mở được tệp") from None
        try:
            extraction = extract_docx(data, year=year)
        except UploadRefused as exc:
            raise CommandError(f"{file}: {exc}") from None
        for path, message in extraction.unsure:
            self.stderr.write(f"Chưa chắc: {path}: {message}")
        if extraction.unit_error:
            self.stderr.write(f"Cảnh báo: {extraction.unit_error}")
        if dry_run:
            sys.stdout.flush()
            self.stdout.write(dump_plan(extraction.doc), ending="")
            return
        if extraction.unit_error:
            raise CommandError(f"Không nhập được {file}: {extraction.unit_error} Không có gì được ghi.")
        try:
            plan = save_extraction(extraction, replace=replace)
        except PlanImportError as exc:
            self._fail(file, exc)
        self._done(plan)

    def _fail(self, file, exc):
        for line in exc.errors:
            self.stderr.write(line)
        if isinstance(exc, PlanExistsError):
            self.stderr.write("Dùng --replace để thay kế hoạch đã có.")
        raise CommandError(f"Không nhập được {file}: {len(exc.errors)} lỗi, không có gì được ghi.") from None

    def _done(self, plan):
        self.stdout.write(
            f"Đã nhập kế hoạch {plan.unit.name} năm {plan.year}: {plan.indicators.count()} chỉ tiêu, "
            f"{plan.tasks.count()} nhiệm vụ, {plan.sections.count()} mục.")
