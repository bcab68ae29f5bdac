"""The 2025 reorganisation in the browser: Phường Mỹ Trà (Đồng Tháp, since 1 July 2025) was formed
from Phường Mỹ Phú, Xã Mỹ Trà, Xã Nhị Mỹ and Xã An Bình. Its editor opens the 2026 draft plan's
"Số liệu đơn vị cũ" tab, sees each catalogue indicator carried from the four 2024 plans with the
sources, accepts one, then reads the unit's history and a predecessor's plan, read only."""

from decimal import Decimal as D

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from indicators.models import CatalogIndicator, PlanIndicator, PlanSector, Result
from indicators.services import apply_evaluation, target_fields
from plans.models import Plan
from units.models import Role, RoleKind, Unit

from .conftest import PASSWORD

pytestmark = pytest.mark.browser

# catalogue code: (target as written, {old ward code: yearly result})
FIGURES = {
    "thu-ngan-sach": ("9.949.000.000đ", {"29888": {"value": D("10234000000")}, "29887": {"value": D("3120000000")},
                                         "30097": {"value": D("2750000000")}, "30106": {"value": D("2980500000")}}),
    "ty-le-tham-gia-bhyt": ("97,5%", {
        "29888": {"value": D("97.8"), "numerator": D(14670), "denominator": D(15000)},
        "29887": {"value": D("93.1"), "numerator": D(5586), "denominator": D(6000)},
        "30097": {"value": D("90.2"), "numerator": D(4510), "denominator": D(5000)},
        "30106": {"value": D("95"), "numerator": D(380), "denominator": D(400)}}),
    "giao-quan": ("100%", {"29888": {"value": D(100)}, "29887": {"value": D(100)}, "30097": {"value": D(85)},
                           "30106": {"value": D(110)}}),
    "giai-quyet-viec-lam": ("266 lao động", {"29888": {"value": D(281)}, "29887": {"value": D(120)},
                                             "30097": {"value": D(95)}}),
}


def _plan(unit, year, status, codes):
    plan = Plan.objects.create(unit=unit, year=year, status=status, title=f"Phát triển kinh tế - xã hội năm {year}",
                               place=unit.short_name)
    sector = PlanSector.objects.create(plan=plan, name="CHỈ TIÊU CHỦ YẾU", order=1)
    indicators = {}
    for order, code in enumerate(codes, 1):
        catalog = CatalogIndicator.objects.get(code=code)
        target = FIGURES[code][0] if year < 2026 else ""
        indicators[code] = PlanIndicator.objects.create(
            plan=plan, plan_sector=sector, order=order, stt=str(order), name=catalog.name, catalog=catalog,
            aggregation=catalog.aggregation, unit_of_measure=catalog.unit_of_measure, target_text=target,
            **target_fields(target, catalog.name))
    return plan, indicators


@pytest.fixture
def my_tra(seeded):
    call_command("load_units", province=["82"])  # new Đồng Tháp and the old units it was formed from
    old = {code: Unit.objects.get(code=code, valid_to__isnull=False) for code in ("29888", "29887", "30097", "30106")}
    assert seeded["my_phu"].unit.pk == old["29888"].pk  # the seed ward got its official code
    for code, unit in old.items():
        plan = seeded["my_phu"] if code == "29888" else _plan(unit, 2024, "issued", FIGURES)[0]
        for catalog, (_, results) in FIGURES.items():
            indicator = PlanIndicator.objects.filter(plan=plan, catalog__code=catalog).first()
            if code in results and indicator is not None:
                result = Result(indicator=indicator, period="y", **results[code])
                apply_evaluation(result)
                result.save()
    new = Unit.objects.current().get(code="29888")
    plan, _ = _plan(new, 2026, "draft", FIGURES)
    editor = get_user_model().objects.create_user("canbo.mytra", password=PASSWORD)
    Role.objects.create(user=editor, unit=new, role=RoleKind.EDITOR)
    return plan


def test_a_new_communes_editor_takes_baselines_from_the_old_wards(my_tra, new_page, login, shot, live_server):
    page = login(new_page(), "canbo.mytra")
    page.goto(f"{live_server.url}/plans/{my_tra.pk}/baselines/")
    text = page.inner_text("main") if page.locator("main").count() else page.content()
    assert "Phường Mỹ Trà được hình thành từ 4 đơn vị cũ" in text
    budget = page.locator("tr", has_text="Thu ngân sách").first
    assert "19.084.500.000" in budget.inner_text()
    bhyt = page.locator("tr", has_text="bảo hiểm y tế").first
    # (14670 + 5586 + 4510 + 380) / (15000 + 6000 + 5000 + 400) = 95,25 %; the mean would be 94,03 %.
    assert "95,25%" in bhyt.inner_text() and "25.146/26.400" in bhyt.inner_text()
    assert "3/4 đơn vị đạt" in page.locator("tr", has_text="Giao quân").first.inner_text()
    assert "Chưa có số liệu cả năm của Xã An Bình" in page.locator("tr", has_text="việc làm").first.inner_text()
    shot(page, "lineage-01-carried-baselines")

    bhyt.get_by_role("button", name="Dùng làm kết quả năm trước").click()
    page.wait_for_load_state()
    assert "Đã ghi kết quả năm trước" in page.content()
    indicator = PlanIndicator.objects.get(plan=my_tra, catalog__code="ty-le-tham-gia-bhyt")
    assert (indicator.baseline_text, indicator.baseline_value) == ("95,25%", D("95.25"))
    shot(page, "lineage-02-accepted")

    page.get_by_role("link", name="Lịch sử đơn vị").first.click()
    page.wait_for_load_state()
    assert "Hình thành ngày 01/07/2025 từ 4 đơn vị cũ" in page.content()
    shot(page, "lineage-03-unit-history")

    page.locator("#hinh-thanh-tu tr", has_text="Phường Mỹ Phú").get_by_role("link", name="2024").click()
    page.wait_for_load_state()
    assert "Phường Mỹ Phú" in page.content()
    assert page.get_by_role("link", name="Soạn chỉ tiêu").count() == 0  # read only
    shot(page, "lineage-04-predecessor-plan-read-only")


def test_the_new_provinces_supervisor_compares_2024_and_2026_on_the_current_communes(my_tra, new_page, login, shot,
                                                                                    live_server):
    supervisor = get_user_model().objects.create_user("giamsat.dongthap", password=PASSWORD)
    Role.objects.create(user=supervisor, unit=my_tra.unit.parent, role=RoleKind.SUPERVISOR)
    page = login(new_page(), "giamsat.dongthap")
    page.goto(f"{live_server.url}/dashboard/reorganisation/?catalog=ty-le-tham-gia-bhyt&before=2024&after=2026")
    row = page.locator("tr", has_text="Phường Mỹ Trà").first
    assert "95,25%" in row.inner_text()
    assert "Không gộp được" in page.locator("tfoot").inner_text()  # most old communes have no 2024 plan here
    shot(page, "lineage-05-dashboard-before-after")
