"""indicators.services: targets set from their text, and the stored evaluation on Result in step
with the pure evaluator."""

from decimal import Decimal

from indicators.models import Result
from indicators.services import refresh_all, refresh_evaluation, refresh_indicator, set_target
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
