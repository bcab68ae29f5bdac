"""A small plan with every part the documents print, built straight through the models."""

import datetime
import json
import re
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from indicators.models import PlanIndicator, PlanSector
from plans.models import Plan, PlanStatus, Section, Task
from tests import factories as f
from units.models import Department, Role, RoleKind, Unit

FIXTURES = Path(__file__).resolve().parents[3] / "fixtures"


def build_plan(*, name="Phường Mỹ Phú", code="30280", status=PlanStatus.ISSUED, number="843", **overrides):
    """A plan shaped like Mỹ Phú's: two sectors, an indicator with sub-items, results and tasks."""
    province = Unit.objects.get_or_create(code="89", defaults={"name": "Tỉnh An Giang", "kind": "province"})[0]
    unit = Unit.objects.create(code=code, name=name, kind="ward", parent=province)
    department = Department.objects.create(unit=unit, name="Văn phòng - Thống kê", short_name="VP-TK")
    fields = dict(
        unit=unit, year=2024, status=status, number=number, symbol="KH-UBND", place="Mỹ Phú",
        issued_on=datetime.date(2023, 11, 29), title="Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        legal_bases=["Căn cứ Chương trình hành động số 01-CTr/ĐU ngày 19 tháng 5 năm 2020;",
                     "Thực hiện Nghị quyết số 07/2020/NQ-HĐND ngày 30 tháng 12 năm 2020."],
        preamble="Ủy ban nhân dân phường Mỹ Phú xây dựng Kế hoạch với nội dung cụ thể như sau:",
        recipients=["UBND TPCL;", "TT.ĐU; TT.HĐND Phường;", "Lưu: VT."],
        signer_name="Nguyễn Văn Kiền", appendix_title="CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024",
    )
    fields.update(overrides)
    plan = Plan.objects.create(**fields)
    goal = Section.objects.create(plan=plan, order=1, heading="I. MỤC TIÊU",
                                  body="Phấn đấu hoàn thành đạt và vượt các chỉ tiêu.\n\n- Giữ vững an ninh chính trị.")
    Section.objects.create(plan=plan, order=2, heading="II. CÁC CHỈ TIÊU CHỦ YẾU", include_indicators=True,
                           body="Phường đề ra các chỉ tiêu chủ yếu như sau:")
    Section.objects.create(plan=plan, parent=goal, order=1, heading="1. Về kinh tế",
                           body="Thu ngân sách Nhà nước trên địa bàn đạt và vượt chỉ tiêu trên giao.")
    Section.objects.create(plan=plan, order=3, heading="III. TỔ CHỨC THỰC HIỆN",
                           body="Giao Công chức Văn phòng - Thống kê theo dõi, kiểm tra./.")

    economy = PlanSector.objects.create(plan=plan, name="KINH TẾ", order=1)
    society = PlanSector.objects.create(plan=plan, name="VĂN HÓA – XÃ HỘI", order=2)
    budget = _indicator(plan, economy, 1, "1", "Thu ngân sách", "9.949.000.000đ", "exact", "9949000000",
                        unit_of_measure="đồng", target_unit="đồng")
    fund = _indicator(plan, economy, 2, "", "Quỹ Đền ơn đáp nghĩa", "10.000.000đ", "exact", "10000000",
                      parent=budget, target_unit="đồng")
    khom = _indicator(plan, society, 1, "2", "Khóm văn minh đô thị", "5/5 khóm", "ratio", "5", denominator="5")
    jobs = _indicator(plan, society, 2, "3", "Giới thiệu giải quyết việc làm", "266", "exact", "266",
                      unit_of_measure="lao động", department=department)
    trained = _indicator(plan, society, 3, "", "Tỷ lệ lao động qua đào tạo", "88%", "exact", "88",
                         parent=jobs, target_unit="%")
    malnourished = _indicator(plan, society, 4, "4", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "dưới 11,44%",
                              "below", "11.44", target_unit="%")
    f.ResultFactory(indicator=budget, period="y", value=Decimal("10500000000"), cause="Thu vượt")
    f.ResultFactory(indicator=jobs, period="y", value=Decimal("261"))
    f.ResultFactory(indicator=trained, period="y", value=Decimal("88"))
    f.ResultFactory(indicator=khom, period="y", value=None, numerator=Decimal("5"), denominator=Decimal("5"))
    f.ResultFactory(indicator=malnourished, period="y", value=Decimal("12.5"), evaluation_text="Không đạt KH")
    f.ResultFactory(indicator=fund, period="q1", value=Decimal("2500000"), is_estimate=True)

    Task.objects.create(plan=plan, order=1, stt="1", group="Văn phòng - Thống kê",
                        title="Hoàn thành dự án Khu dân cư mới", lead=department, due_text="Quý II/2024",
                        progress=85, result_text="Tiến độ BT GPMB đạt 84,75%.")
    Task.objects.create(plan=plan, order=2, stt="2", group="Văn phòng - Thống kê",
                        title="Giải quyết đơn thư khiếu nại", due_date=datetime.date(2024, 3, 9), progress=100,
                        result_text="Hoàn thành")
    return plan


def _indicator(plan, sector, order, stt, name, target_text, kind, value, *, parent=None, denominator=None,
               target_unit="", unit_of_measure="", department=None):
    return PlanIndicator.objects.create(
        plan=plan, plan_sector=sector, parent=parent, order=order, stt=stt, name=name, target_text=target_text,
        target_kind=kind, target_value=Decimal(value), target_denominator=denominator and Decimal(denominator),
        target_unit=target_unit, unit_of_measure=unit_of_measure, department=department)


def make_user(username, unit, role=RoleKind.EDITOR):
    user = get_user_model().objects.create_user(username=username, password="matkhau-thu-nghiem")
    Role.objects.create(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def plan(db):
    return build_plan()


@pytest.fixture
def draft_plan(db):
    return build_plan(name="Phường Thọ Xương", code="30299", status=PlanStatus.DRAFT, number="",
                      issued_on=None, place="Thọ Xương")


def fixture_files():
    return sorted(FIXTURES.glob("*.json"))


def load_fixture(path):
    from plans.interchange import import_plan

    return import_plan(json.loads(path.read_text(encoding="utf-8")))


# --- reading documents back -------------------------------------------------------------------

def normalise(text):
    """Whitespace (line breaks, non-breaking spaces) collapsed, for comparing PDF text."""
    return re.sub(r"[\s\u00a0]+", " ", text or "").strip()


def pdf_text(content):
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(content))
    return normalise(" ".join(page.extract_text() or "" for page in reader.pages))


def pdf_fonts(content):
    """Base names of every font embedded in the PDF, subset prefixes removed."""
    from pypdf import PdfReader

    reader = PdfReader(BytesIO(content))
    names = set()
    for page in reader.pages:
        fonts = (page.get("/Resources") or {}).get_object().get("/Font") or {}
        for ref in fonts.get_object().values():
            font = ref.get_object()
            names.add(str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1])
            for descendant in font.get("/DescendantFonts") or []:
                names.add(str(descendant.get_object().get("/BaseFont", "")).lstrip("/").split("+")[-1])
    return names


def xlsx_rows(content, sheet=None):
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(content))
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    return worksheet, [tuple(cell.value for cell in row) for row in worksheet.iter_rows()]


def squash(text):
    """All whitespace removed: PDF text wraps inside table cells wherever the column ends."""
    return re.sub(r"[\s\u00a0]+", "", text or "")


def pdf_table_rows(content):
    """Every row of every ruled table in the PDF, cells squashed."""
    import pdfplumber

    rows = []
    with pdfplumber.open(BytesIO(content)) as document:
        for page in document.pages:
            # A row split at the page break has no bottom rule on this page: close it where the
            # column rules end, so its first part reads as a row (joined by the caller).
            bottoms = [edge["bottom"] for edge in page.edges if edge["orientation"] == "v"]
            settings = {"explicit_horizontal_lines": [max(bottoms)]} if bottoms else {}
            for table in page.extract_tables(settings):
                rows += [tuple(squash(cell) for cell in row) for row in table]
    return rows
