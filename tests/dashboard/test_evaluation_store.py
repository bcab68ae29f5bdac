"""The stored evaluation on Result stays in step with the pure evaluator."""

from decimal import Decimal

from indicators.models import Result
from indicators.services import refresh_all, refresh_evaluation
from tests import factories as f


def test_saving_a_result_stores_status_and_percent(db):
    result = f.ResultFactory(value=Decimal("95"))  # target 90% trở lên, final period

    assert (result.status, result.percent) == ("exceeded", Decimal("105.56"))


def test_save_with_update_fields_still_refreshes(db):
    result = f.ResultFactory(value=Decimal("95"))
    result.value = Decimal("80")

    result.save(update_fields=["value"])

    result.refresh_from_db()
    assert (result.status, result.percent) == ("not_met", Decimal("88.89"))


def test_refresh_evaluation_after_a_queryset_update(db):
    result = f.ResultFactory(value=Decimal("95"))
    Result.objects.filter(pk=result.pk).update(value=Decimal("85"))
    result.refresh_from_db()

    refresh_evaluation(result)

    stored = Result.objects.get(pk=result.pk)
    assert (stored.status, stored.percent) == ("near", Decimal("94.44"))


def test_changing_the_target_refreshes_the_results(db):
    result = f.ResultFactory(value=Decimal("95"), period="m6")
    indicator = result.indicator
    indicator.target_value = Decimal("99")

    indicator.save()

    result.refresh_from_db()
    assert result.status == "in_progress"


def test_refresh_all_repairs_stale_rows(db):
    result = f.ResultFactory(value=Decimal("95"))
    Result.objects.filter(pk=result.pk).update(status="no_data", percent=None)

    assert refresh_all() == 1
    assert Result.objects.get(pk=result.pk).status == "exceeded"
