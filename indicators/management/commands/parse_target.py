"""python manage.py parse_target "dưới 11,44%" [--name "..."]: prints the parsed target as JSON."""

import json

from django.core.management.base import BaseCommand

from core.phrases import parse


class Command(BaseCommand):
    help = "Đọc một chỉ tiêu như văn bản ghi và in dạng đã phân tích (JSON)."

    def add_arguments(self, parser):
        parser.add_argument("phrase", help="chỉ tiêu như văn bản ghi, ví dụ \"dưới 11,44%%\"")
        parser.add_argument("--name", default=None, help="tên chỉ tiêu, giúp xác định chiều")

    def handle(self, *args, phrase, name, **options):
        self.stdout.write(json.dumps(parse(phrase, name).to_json(), ensure_ascii=False))
