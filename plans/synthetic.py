"""A synthetic plan year for every commune of the current nationwide structure (dashboard scale tests).

Each commune gets one plan with 40 indicators (the 18 catalogue indicators and 22 of its own), 12
monthly year-to-date result sets, 12 monthly period reports (some late, some missing) and a few tasks
(some overdue). Everything goes in with ``bulk_create`` in large batches, one province per
transaction; the stored evaluation of each result is computed on the way in.

Figures are deterministic: a commune's numbers come from a random generator seeded by its code.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from core.periods import due_date
from core.vnformat import format_number
from indicators.models import CatalogIndicator, PlanIndicator, PlanSector, Result, Sector
from indicators.services import apply_evaluation
from plans.models import Comment, PeriodReport, Plan, PlanStatus, ReportStatus, Section, Task, TaskStatus
from units.models import Unit
from units.services import REORGANISATION_DAY

BATCH = 5000
TWO = Decimal("0.01")


# Every synthetic plan's title ends so (the demo tells them from the seed plans by it).
SYNTHETIC_MARK = "(dữ liệu mô phỏng)"


def synthetic_title(year):
    return f"Phát triển kinh tế - xã hội năm {year} {SYNTHETIC_MARK}"


@dataclass(frozen=True)
class Template:
    name: str
    sector: str
    uom: str
    kind: str               # at_least | below | exact | plain (a count or amount to reach)
    base: float             # the target around which communes vary
    catalog: str = ""
    aggregation: str = "none"
    spread: float = 0.1     # relative spread of targets between communes


CATALOG_TEMPLATES = [
    Template("Thu ngân sách nhà nước trên địa bàn", "kinh-te", "đồng", "plain", 9e9, "thu-ngan-sach", "sum", 0.6),
    Template("Chi ngân sách", "kinh-te", "đồng", "plain", 8e9, "chi-ngan-sach", "sum", 0.6),
    Template("Tỷ lệ người dân tham gia bảo hiểm y tế", "van-hoa-xa-hoi", "%", "at_least", 93,
             "ty-le-tham-gia-bhyt", "rate", 0.04),
    Template("Tỷ lệ lao động tham gia bảo hiểm xã hội", "van-hoa-xa-hoi", "%", "at_least", 40,
             "ty-le-tham-gia-bhxh", "rate", 0.3),
    Template("Giảm hộ nghèo", "van-hoa-xa-hoi", "hộ", "plain", 12, "giam-ho-ngheo", "sum", 0.5),
    Template("Tỷ lệ hộ nghèo", "van-hoa-xa-hoi", "%", "below", 2.5, "ty-le-ho-ngheo", "rate", 0.5),
    Template("Giảm hộ cận nghèo", "van-hoa-xa-hoi", "hộ", "plain", 10, "giam-ho-can-ngheo", "sum", 0.5),
    Template("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "van-hoa-xa-hoi", "%", "below", 9, "suy-dinh-duong",
             "rate", 0.3),
    Template("Tỷ lệ tăng dân số tự nhiên", "van-hoa-xa-hoi", "%", "below", 1, "tang-dan-so-tu-nhien",
             "rate", 0.3),
    Template("Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa", "van-hoa-xa-hoi", "%", "at_least", 92,
             "gia-dinh-van-hoa", "rate", 0.04),
    Template("Khu dân cư đạt danh hiệu văn hóa", "van-hoa-xa-hoi", "khu dân cư", "plain", 6,
             "khu-dan-cu-van-hoa", "sum", 0.5),
    Template("Giới thiệu, giải quyết việc làm", "van-hoa-xa-hoi", "lao động", "plain", 250,
             "giai-quyet-viec-lam", "sum", 0.5),
    Template("Tỷ lệ lao động qua đào tạo", "van-hoa-xa-hoi", "%", "at_least", 70, "lao-dong-qua-dao-tao",
             "rate", 0.1),
    Template("Lao động đi làm việc có thời hạn ở nước ngoài", "van-hoa-xa-hoi", "lao động", "plain", 15,
             "xuat-khau-lao-dong", "sum", 0.6),
    Template("Tỷ lệ thu gom rác thải sinh hoạt", "moi-truong", "%", "at_least", 95, "thu-gom-rac", "rate", 0.03),
    Template("Tỷ lệ hộ dân sử dụng nước sạch", "moi-truong", "%", "at_least", 90, "nuoc-sach", "rate", 0.06),
    Template("Giao quân đạt chỉ tiêu trên giao", "quoc-phong-an-ninh", "%", "exact", 100, "giao-quan",
             "count_met", 0),
    Template("Tỷ lệ hòa giải thành ở cơ sở", "xay-dung-chinh-quyen", "%", "at_least", 85, "hoa-giai-thanh",
             "rate", 0.06),
]
OWN_TEMPLATES = [
    Template(name, sector, uom, kind, base, spread=spread) for name, sector, uom, kind, base, spread in [
        ("Diện tích gieo trồng cây hằng năm", "kinh-te", "ha", "plain", 800, 0.7),
        ("Tổng đàn gia súc, gia cầm", "kinh-te", "con", "plain", 40000, 0.7),
        ("Số doanh nghiệp thành lập mới", "kinh-te", "doanh nghiệp", "plain", 12, 0.6),
        ("Tỷ lệ giải quyết hồ sơ thủ tục hành chính đúng hạn", "xay-dung-chinh-quyen", "%", "at_least", 98, 0.01),
        ("Tỷ lệ hồ sơ trực tuyến toàn trình", "xay-dung-chinh-quyen", "%", "at_least", 60, 0.2),
        ("Tỷ lệ học sinh tốt nghiệp trung học cơ sở", "van-hoa-xa-hoi", "%", "at_least", 98, 0.01),
        ("Trường đạt chuẩn quốc gia", "van-hoa-xa-hoi", "trường", "plain", 4, 0.5),
        ("Tỷ lệ tiêm chủng mở rộng cho trẻ em", "van-hoa-xa-hoi", "%", "at_least", 95, 0.03),
        ("Số bác sĩ trên 10.000 dân", "van-hoa-xa-hoi", "bác sĩ", "plain", 9, 0.3),
        ("Tỷ lệ dân số được quản lý bằng hồ sơ sức khỏe điện tử", "van-hoa-xa-hoi", "%", "at_least", 90, 0.05),
        ("Tỷ lệ chất thải rắn nguy hại được xử lý", "moi-truong", "%", "at_least", 98, 0.01),
        ("Diện tích trồng cây xanh mới", "moi-truong", "ha", "plain", 5, 0.6),
        ("Tỷ lệ tuyến đường có đèn chiếu sáng", "kinh-te", "%", "at_least", 80, 0.15),
        ("Số km đường giao thông nông thôn được cứng hóa", "kinh-te", "km", "plain", 6, 0.6),
        ("Tỷ lệ khu dân cư đạt chuẩn an toàn về an ninh trật tự", "quoc-phong-an-ninh", "%", "at_least", 90, 0.05),
        ("Kéo giảm số vụ phạm pháp hình sự", "quoc-phong-an-ninh", "%", "at_least", 5, 0.5),
        ("Tỷ lệ điều tra, khám phá án", "quoc-phong-an-ninh", "%", "at_least", 80, 0.1),
        ("Số vụ tai nạn giao thông", "quoc-phong-an-ninh", "vụ", "below", 5, 0.5),
        ("Tỷ lệ hộ sử dụng điện an toàn", "kinh-te", "%", "at_least", 99, 0.005),
        ("Thu nhập bình quân đầu người", "kinh-te", "triệu đồng", "plain", 70, 0.3),
        ("Tỷ lệ cán bộ, công chức đạt chuẩn", "xay-dung-chinh-quyen", "%", "at_least", 95, 0.03),
        ("Số hộ được hỗ trợ xây, sửa nhà ở", "van-hoa-xa-hoi", "hộ", "plain", 8, 0.6),
    ]
]
TEMPLATES = CATALOG_TEMPLATES + OWN_TEMPLATES
SECTOR_NAMES = {"kinh-te": "KINH TẾ", "van-hoa-xa-hoi": "VĂN HÓA - XÃ HỘI", "moi-truong": "TÀI NGUYÊN - MÔI TRƯỜNG",
                "quoc-phong-an-ninh": "QUỐC PHÒNG - AN NINH", "xay-dung-chinh-quyen": "XÂY DỰNG CHÍNH QUYỀN"}
SECTOR_ORDER = list(SECTOR_NAMES)
TASKS = ["Triển khai thu ngân sách", "Rà soát hộ nghèo, cận nghèo", "Vận động người dân tham gia BHYT",
         "Tổ chức giao quân", "Chỉnh trang đô thị, vệ sinh môi trường"]


def current_communes(province_codes=None):
    """The commune-level units of the structure in force since 1 July 2025 (those `load_units` makes)."""
    qs = Unit.objects.current().commune_level().filter(valid_from=REORGANISATION_DAY, code__isnull=False)
    if province_codes:
        qs = qs.filter(parent__code__in=province_codes)
    return qs.select_related("parent").order_by("path")


def _dec(value, places=TWO):
    return Decimal(str(value)).quantize(places)


def _target(t, rng):
    """(target_text, kind, value, unit) for template ``t`` in one commune."""
    v = t.base * (1 + rng.uniform(-t.spread, t.spread))
    if t.uom == "%":
        v = round(v, 1)
        if t.kind == "at_least":
            v = min(v, 99.5)
            return f"từ {format_number(_dec(v, Decimal('0.1')))}% trở lên", "at_least", _dec(v), "%"
        if t.kind == "below":
            return f"dưới {format_number(_dec(v, Decimal('0.1')))}%", "below", _dec(v), "%"
        return f"đạt {format_number(_dec(v, Decimal('0.1')))}%", "exact", _dec(v), "%"
    v = max(1, round(v)) if v < 1e6 else round(v, -6)
    kind = "below" if t.kind == "below" else "exact"
    text = ("dưới " if kind == "below" else "") + f"{format_number(v)} {t.uom}"
    return text, kind, _dec(v), ""


def _results(indicator, t, rng, performance):
    """Twelve cumulative (year-to-date) monthly results; rates carry numerator and denominator."""
    goal = float(indicator.target_value)
    out = []
    if t.uom == "%":
        population = rng.randint(800, 9000)
        drift = rng.uniform(-0.06, 0.04) + performance
        for m in range(1, 13):
            rate = goal * (1 + drift * m / 12) if t.kind != "below" else goal * (1 - drift * m / 12)
            rate = max(0.0, min(rate, 100.0))
            numerator = round(population * rate / 100)
            out.append(Result(indicator=indicator, period=f"m{m}", numerator=numerator, denominator=population,
                              value=_dec(numerator * 100 / population)))
        return out
    pace = max(0.05, 1 + rng.uniform(-0.25, 0.2) + performance)
    for m in range(1, 13):
        value = goal * pace * m / 12
        value = round(value) if goal < 1e6 else round(value, -5)
        out.append(Result(indicator=indicator, period=f"m{m}", value=_dec(value)))
    return out


def _reports(plan, rng, year, today):
    rows = []
    for m in range(1, 13):
        due = due_date(f"m{m}", year, monthly_day=plan.monthly_report_day)
        roll = rng.random()
        if due > today and roll < 0.7 or roll < 0.05:
            rows.append(PeriodReport(plan=plan, period=f"m{m}", status=ReportStatus.OPEN, due_date=due))
            continue
        late = roll > 0.85
        day = due + timedelta(days=rng.randint(1, 20)) if late else due - timedelta(days=rng.randint(0, 5))
        at = timezone.make_aware(datetime.combine(day, time(9, 30)))
        rows.append(PeriodReport(plan=plan, period=f"m{m}", status=ReportStatus.SUBMITTED, due_date=due,
                                 submitted_at=at))
    return rows


def _tasks(plan, rng, year, today):
    rows = []
    for i, title in enumerate(TASKS):
        due = date(year, 3 + 2 * i, 28)
        if due < today:
            status = TaskStatus.DONE if rng.random() < 0.8 else TaskStatus.IN_PROGRESS
        else:
            status = TaskStatus.IN_PROGRESS
        rows.append(Task(plan=plan, order=i, stt=str(i + 1), title=title, due_date=due, status=status,
                         progress=100 if status == TaskStatus.DONE else rng.randint(10, 90)))
    return rows


def delete_synthetic(year, communes):
    """Remove the synthetic plans of ``year`` for ``communes`` (bottom-up raw deletes: no history rows
    or signals for a million results). Returns the number of plans removed."""
    plans = Plan.objects.filter(year=year, title=synthetic_title(year), unit__in=communes)
    ids = list(plans.values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        for qs in (Result.objects.filter(indicator__plan__in=chunk),
                   PlanIndicator.objects.filter(plan__in=chunk, parent__isnull=False),
                   PlanIndicator.objects.filter(plan__in=chunk), PlanSector.objects.filter(plan__in=chunk),
                   Task.objects.filter(plan__in=chunk), PeriodReport.objects.filter(plan__in=chunk),
                   Comment.objects.filter(plan__in=chunk), Section.objects.filter(plan__in=chunk),
                   Plan.objects.filter(pk__in=chunk)):
            qs._raw_delete(qs.db)
    return len(ids)


def generate(year, *, province_codes=None, limit=None, replace=False, today=None, stdout=None):
    """Create the synthetic year; communes that already have a plan of ``year`` are skipped unless
    ``replace`` (which first removes the synthetic plans); ``limit``: only the first communes in tree
    order (a small demo in tests). Returns a summary dict."""
    today = today or timezone.localdate()
    communes = list(current_communes(province_codes))[:limit]
    removed = delete_synthetic(year, communes) if replace else 0
    has_plan = set(Plan.objects.filter(year=year, unit__in=communes).values_list("unit_id", flat=True))
    todo = [u for u in communes if u.pk not in has_plan]
    sectors = {s.code: s for s in Sector.objects.all()}
    catalog = {c.code: c for c in CatalogIndicator.objects.all()}
    by_province = {}
    for unit in todo:
        by_province.setdefault(unit.parent_id, []).append(unit)
    counts = {"plans": 0, "indicators": 0, "results": 0, "reports": 0, "tasks": 0}
    for units in by_province.values():
        with transaction.atomic():
            _generate_province(units, year, today, sectors, catalog, counts)
        if stdout is not None:
            stdout.write(".", ending="")
            stdout.flush()
    if stdout is not None and by_province:
        stdout.write("")
    if (by_province or removed) and connection.vendor == "postgresql":
        # Fresh statistics, or the planner guesses one row per table and loops over a million results.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE indicators_result, indicators_planindicator, plans_plan, plans_periodreport, "
                           "plans_task, units_unit")
    return {"communes": len(communes), "skipped": len(communes) - len(todo), "removed": removed, **counts}


def _generate_province(units, year, today, sectors, catalog, counts):
    rngs = {u.pk: random.Random(f"{u.code}-{year}") for u in units}
    plans = Plan.objects.bulk_create([
        Plan(unit=u, year=year, title=synthetic_title(year), number=str(rngs[u.pk].randint(10, 300)),
             place=u.short_name, issued_on=date(year, 1, rngs[u.pk].randint(5, 28)),
             status=PlanStatus.ISSUED if rngs[u.pk].random() < 0.9 else PlanStatus.DRAFT)
        for u in units], batch_size=BATCH)
    plan_sectors = PlanSector.objects.bulk_create([
        PlanSector(plan=p, sector=sectors.get(code), name=SECTOR_NAMES[code], order=i)
        for p in plans for i, code in enumerate(SECTOR_ORDER)], batch_size=BATCH)
    ps_of = {(ps.plan_id, ps.order): ps for ps in plan_sectors}
    indicators, templates = [], []
    for p in plans:
        rng = rngs[p.unit_id]
        for i, t in enumerate(TEMPLATES):
            text, kind, value, unit = _target(t, rng)
            indicators.append(PlanIndicator(
                plan=p, plan_sector=ps_of[(p.pk, SECTOR_ORDER.index(t.sector))], order=i, stt=str(i + 1),
                name=t.name, unit_of_measure=t.uom, target_text=text, target_kind=kind, target_value=value,
                target_unit=unit, catalog=catalog.get(t.catalog), aggregation=t.aggregation))
            templates.append(t)
    indicators = PlanIndicator.objects.bulk_create(indicators, batch_size=BATCH)
    results = []
    performance = {p.pk: rngs[p.unit_id].uniform(-0.05, 0.05) for p in plans}
    for indicator, t in zip(indicators, templates, strict=True):
        rng = rngs[indicator.plan.unit_id]
        for r in _results(indicator, t, rng, performance[indicator.plan_id]):
            apply_evaluation(r, indicator)
            results.append(r)
        if len(results) >= 4 * BATCH:
            Result.objects.bulk_create(results, batch_size=BATCH)
            counts["results"] += len(results)
            results = []
    Result.objects.bulk_create(results, batch_size=BATCH)
    counts["results"] += len(results)
    reports = [r for p in plans for r in _reports(p, rngs[p.unit_id], year, today)]
    PeriodReport.objects.bulk_create(reports, batch_size=BATCH)
    tasks = [t for p in plans for t in _tasks(p, rngs[p.unit_id], year, today)]
    Task.objects.bulk_create(tasks, batch_size=BATCH)
    counts["plans"] += len(plans)
    counts["indicators"] += len(indicators)
    counts["reports"] += len(reports)
    counts["tasks"] += len(tasks)
