"""Render one official document of a unit's plan to a file.

    python manage.py render_plan --unit "Phường Mỹ Phú" --year 2024 --doc plan --format pdf -o kh.pdf
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.periods import PERIOD_CODES
from plans.selectors import find_plan
from reports.documents.exporters import EmptyDocument
from reports.documents.registry import DOCUMENTS, FORMATS, get_exporter


class Command(BaseCommand):
    help = "Xuất văn bản của kế hoạch (kế hoạch, phụ lục, biểu 01/02, báo cáo kỳ) ra tệp PDF hoặc XLSX."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Mã hoặc tên đầy đủ của đơn vị")
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--doc", choices=[d.doc for d in DOCUMENTS], default="plan",
                            help="; ".join(f"{d.doc}: {d.title}" for d in DOCUMENTS))
        parser.add_argument("--period", choices=PERIOD_CODES, default="y")
        parser.add_argument("--format", dest="fmt", choices=FORMATS, default="pdf")
        parser.add_argument("--revision", type=int, default=None,
                            help="Lần điều chỉnh (mặc định: bản mới nhất)")
        parser.add_argument("-o", "--output", required=True)

    def handle(self, *args, unit, year, doc, period, fmt, revision, output, **options):
        try:
            plan = find_plan(unit, year, revision)
        except LookupError as exc:
            raise CommandError(str(exc)) from exc
        try:
            _, _, content = get_exporter(doc, fmt).render(plan, period=period)
        except EmptyDocument as empty:
            raise CommandError(empty.reason, returncode=1) from empty
        path = Path(output)
        path.write_bytes(content)
        self.stdout.write(f"{path} ({len(content):,} byte)".replace(",", "."))
