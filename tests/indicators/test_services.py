"""indicators.services: targets set from their text, and the stored evaluation on Result in step
with the pure evaluator."""

from decimal import Decimal

from indicators.models import PlanIndicator, Result, Sector
from indicators.services import (
    baseline_from,
    delete_indicator,
    move_indicator,
    refresh_all,
    refresh_evaluation,
    refresh_indicator,
    save_indicator,
    set_target,
)
from plans import history
from tests import factories as f


def test_saving_a_result_stores_status_and_percent(db):
    result = f.ResultFactory(value=Decimal("95"))  # target 90% trở lên, final period

    assert (result.status, result.percent) == ("exceeded", Decimal("105.56"))


def test_refresh_evaluation_after_a_queryset_update(db):
    result = f.ResultFactory(value=Decimal("95"))
    Result.objects.filter(pk=result.pk).update(value=Decimal("85"))
    result.refresh_from_db()

    refresh_evaluation(result)

    stored = Result.objects.get(pk=result.pk)
    assert (stored.status, stored.percent) == ("near", Decimal("94.44"))


def test_changing_the_target_refreshes_the_results(db):
    result = f.ResultFactory(value=Decimal("95"), period="m6")
    indicator = set_target(result.indicator, "99% trở lên")
    indicator.save()

    refresh_indicator(indicator)

    result.refresh_from_db()
    assert result.status == "in_progress"


def test_refresh_all_repairs_stale_rows(db):
    result = f.ResultFactory(value=Decimal("95"))
    Result.objects.filter(pk=result.pk).update(status="no_data", percent=None)

    assert refresh_all() == 1
    assert Result.objects.get(pk=result.pk).status == "exceeded"


def test_set_target_parses_with_the_name_and_keeps_the_text(db):
    indicator = f.PlanIndicatorFactory(name="Giảm hộ nghèo")

    set_target(indicator, "03 hộ")

    assert indicator.target_text == "03 hộ"
    assert (indicator.target_kind, indicator.target_value, indicator.target_unit) == ("decrease_by", 3, "hộ")


def test_set_target_keeps_an_oversized_figure_as_written_but_qualitative(db):
    indicator = set_target(f.PlanIndicatorFactory(), "9999999999999999999 đồng")

    assert (indicator.target_kind, indicator.target_value) == ("qualitative", None)


def test_save_indicator_parses_target_and_audits(plan_a, editor_a):
    sector = Sector.objects.get(code="kinh-te")

    ind = save_indicator(plan_a, values={"name": "Tỷ lệ", "target_text": "dưới 11,44%",
                                                  "new_sector": sector, "plan_sector": None, "parent": None},
                                  by=editor_a)

    assert (ind.target_kind, ind.target_value, ind.target_unit) == ("below", Decimal("11.44"), "%")
    assert ind.plan_sector.sector == sector
    assert ind.history.first().history_user == editor_a
    ind = save_indicator(plan_a, values={"name": "Tỷ lệ", "target_text": "dưới 10%",
                                                  "plan_sector": ind.plan_sector, "parent": None},
                                  by=editor_a, indicator=ind)
    assert ind.history.first().history_change_reason == "Sửa chỉ tiêu: dưới 11,44% → dưới 10%"
    assert ind.version == 2


def test_save_indicator_keeps_unreadable_target_as_qualitative(plan_a, editor_a):
    ps = f.PlanSectorFactory(plan=plan_a)

    ind = save_indicator(plan_a, values={"name": "An ninh", "target_text": "Giữ vững ổn định",
                                                  "plan_sector": ps, "parent": None}, by=editor_a)

    assert (ind.target_text, ind.target_kind, ind.target_value) == ("Giữ vững ổn định", "qualitative", None)


def test_save_indicator_under_parent_takes_parent_sector(plan_a, editor_a):
    ps1, ps2 = f.PlanSectorFactory(plan=plan_a), f.PlanSectorFactory(plan=plan_a, name="XÃ HỘI")
    parent = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps1)

    child = save_indicator(plan_a, values={"name": "Con", "target_text": "", "plan_sector": ps2,
                                                    "parent": parent}, by=editor_a)

    assert child.plan_sector == ps1
    assert child.parent == parent


def test_move_indicator_swaps_siblings(plan_a, editor_a):
    ps = f.PlanSectorFactory(plan=plan_a)
    a, b, c = (f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, order=5) for _ in range(3))

    move_indicator(c, up=True, by=editor_a)

    names = list(PlanIndicator.objects.filter(plan=plan_a).order_by("order", "pk").values_list("pk", flat=True))
    assert names == [a.pk, c.pk, b.pk]


def test_delete_indicator_records_history(plan_a, editor_a):
    ind = f.PlanIndicatorFactory(plan=plan_a)
    pk = ind.pk

    delete_indicator(ind, by=editor_a)

    row = PlanIndicator.history.filter(id=pk).first()
    assert row.history_type == "-"
    assert row.history_user == editor_a
    assert any(c.kind == "-" for c in history.plan_history(plan_a))


def test_baseline_from_formats_vietnamese():
    ind = PlanIndicator(target_unit="")
    result = Result(value=Decimal("9949000000"))

    assert baseline_from(result, ind) == ("9.949.000.000", Decimal("9949000000"))
    assert baseline_from(None, ind) == ("", None)
