"""Result.plan: the indicator's plan, copied on every way a result is written (the dashboard counts
results per plan from it)."""

from django.db.models import F

from indicators.models import Result
from tests import factories as f


def test_a_saved_result_carries_its_indicators_plan(db):
    indicator = f.PlanIndicatorFactory()

    result = Result.objects.create(indicator=indicator, period="m1", value=1)

    assert result.plan_id == indicator.plan_id
    assert Result.objects.filter(plan=indicator.plan).get() == result


def test_bulk_created_results_carry_their_indicators_plan(db):
    one, other = f.PlanIndicatorFactory(), f.PlanIndicatorFactory()

    Result.objects.bulk_create([Result(indicator=one, period="m1", value=1), Result(indicator=other, period="m1")])

    assert {(r.indicator_id, r.plan_id) for r in Result.objects.all()} == {(one.pk, one.plan_id),
                                                                           (other.pk, other.plan_id)}


def test_every_result_of_the_sample_plans_matches_its_indicator(db):
    """Whatever wrote them (factories, services, the import, a revision), no result names another plan."""
    from plans.services import start_revision

    plan = f.PlanFactory(status="issued")
    indicator = f.PlanIndicatorFactory(plan=plan)
    f.ResultFactory(indicator=indicator, period="m1", value=1)

    start_revision(plan, by=f.UserFactory())

    assert Result.objects.count() == 2
    assert not Result.objects.exclude(plan_id=F("indicator__plan_id")).exists()

