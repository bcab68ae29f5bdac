"""ResultForm plausibility questions, asked once like the tiny money figure: a ratio typed into an
indicator that counts, and a figure more than 10 times its target. Saving the same text again keeps it."""

from decimal import Decimal

import pytest

from indicators.forms import ResultForm
from indicators.models import Result
from tests import factories as f
from tests.plans.test_results import post_row


@pytest.fixture
def workers(plan_a):
    """Mỹ Phú: "Giới thiệu lao động đi làm ở nước ngoài", target 09 lao động."""
    return f.PlanIndicatorFactory(plan=plan_a, name="Giới thiệu lao động đi làm ở nước ngoài",
                                  unit_of_measure="lao động", target_text="09 lao động", target_kind="exact",
                                  target_value=9, target_unit="lao động")


def test_ratio_into_a_count_is_asked_once_then_saved(client, editor_a, workers):
    client.force_login(editor_a)

    body = post_row(client, workers, period="y", result="261/200").content.decode()

    assert ("Bạn nhập “261/200” (tử số/mẫu số), nhưng chỉ tiêu này là một số (kế hoạch 9 lao động): "
            "chỉ tử số 261 được lưu làm kết quả, gấp hơn 10 lần kế hoạch. Nếu kết quả là 261, bấm Lưu lần nữa; "
            "nếu không, nhập một số.") in body
    assert f'name="r{workers.pk}-confirm_small" value="261/200"' in body
    assert not Result.objects.exists()

    body = post_row(client, workers, period="y", result="261/200", confirm_small="261/200").content.decode()

    assert "is-invalid" not in body
    result = Result.objects.get(indicator=workers)
    assert (result.numerator, result.denominator) == (261, 200)


def test_ratio_into_a_count_within_ten_times_is_asked_without_the_size(client, editor_a, workers):
    client.force_login(editor_a)

    body = post_row(client, workers, period="y", result="12/15").content.decode()

    assert "chỉ tử số 12 được lưu làm kết quả. Nếu kết quả là 12" in body and "gấp hơn" not in body
    assert not Result.objects.exists()


def test_ratio_restating_the_plan_is_not_questioned(client, editor_a, plan_a):
    """Nhơn Hưng writes "261/200" against a target of 200 lao động: the denominator is the plan."""
    jobs = f.PlanIndicatorFactory(plan=plan_a, name="Giới thiệu việc làm", unit_of_measure="lao động",
                                  target_text="200", target_kind="exact", target_value=200, target_unit="")
    client.force_login(editor_a)

    body = post_row(client, jobs, period="y", result="261/200").content.decode()

    assert "Bạn nhập" not in body and Result.objects.get(indicator=jobs).numerator == 261


def test_ratio_into_a_rate_is_a_rate_not_a_question(client, editor_a, plan_a):
    rate = f.PlanIndicatorFactory(plan=plan_a, name="Giải quyết đơn thư", unit_of_measure="%",
                                  target_text="trên 95%", target_kind="above", target_value=95, target_unit="%")
    client.force_login(editor_a)

    body = post_row(client, rate, period="y", result="9/10").content.decode()

    assert "Bạn nhập" not in body and Result.objects.get(indicator=rate).denominator == 10


def test_figure_ten_times_the_target_is_asked_once(client, editor_a, workers):
    client.force_login(editor_a)

    body = post_row(client, workers, period="y", result="95").content.decode()

    assert ("Bạn nhập 95 lao động, gấp hơn 10 lần kế hoạch 9 lao động. Kiểm tra lại (thừa chữ số 0, "
            "nhầm đơn vị?); nếu đúng là 95 lao động, bấm Lưu lần nữa.") in body
    assert not Result.objects.exists()
    # another figure is asked again
    body = post_row(client, workers, period="y", result="96", confirm_small="95").content.decode()
    assert "Bạn nhập 96 lao động" in body and not Result.objects.exists()

    body = post_row(client, workers, period="y", result="95", confirm_small="95").content.decode()

    assert "Bạn nhập" not in body and Result.objects.get(indicator=workers).value == 95


@pytest.mark.parametrize("typed", ["90", "12", "0"])
def test_figure_up_to_ten_times_the_target_saves_at_once(client, editor_a, workers, typed):
    client.force_login(editor_a)

    body = post_row(client, workers, period="y", result=typed).content.decode()

    assert "Bạn nhập" not in body and Result.objects.get(indicator=workers).value == Decimal(typed)


def test_money_ten_times_the_target_names_the_amounts(client, editor_a, plan_a):
    budget = f.PlanIndicatorFactory(plan=plan_a, name="Thu ngân sách", unit_of_measure="đồng",
                                    target_text="9.949.000.000đ", target_kind="exact",
                                    target_value=9_949_000_000, target_unit="đồng")
    client.force_login(editor_a)

    body = post_row(client, budget, period="y", result="100.000.000.000").content.decode()

    assert "Bạn nhập 100.000.000.000 đồng, gấp hơn 10 lần kế hoạch 9.949.000.000 đồng." in body
    assert not Result.objects.exists()


def test_rate_against_a_small_limit_is_asked(client, editor_a, plan_a):
    poor = f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ hộ nghèo", unit_of_measure="%",
                                  target_text="dưới 1%", target_kind="below", target_value=1, target_unit="%")
    client.force_login(editor_a)

    body = post_row(client, poor, period="y", result="15%").content.decode()

    assert "Bạn nhập 15%, gấp hơn 10 lần kế hoạch 1%." in body


def test_cut_of_a_rate_is_not_compared_ten_times(client, editor_a, plan_a):
    """"Giảm tỷ lệ hộ nghèo" 0,5 điểm %: the ward types the rate reached (1,2%), read against last year."""
    poor = f.PlanIndicatorFactory(plan=plan_a, name="Giảm tỷ lệ hộ nghèo", unit_of_measure="%",
                                  target_text="0,5%", target_kind="decrease_by", target_value=Decimal("0.5"),
                                  target_unit="%", baseline_value=Decimal("1.7"))
    client.force_login(editor_a)

    body = post_row(client, poor, period="y", result="1,2").content.decode()

    assert "is-invalid" not in body
    assert Result.objects.get(indicator=poor).value == Decimal("1.2")
    result = Result.objects.get(indicator=poor)
    assert (result.status, result.percent) == ("met", Decimal("100.00"))  # 1,7% -> 1,2%: a cut of 0,5 points


def test_cut_of_a_rate_asks_for_the_rate_reached_beside_last_years(plan_a):
    poor = f.PlanIndicatorFactory(plan=plan_a, name="Giảm tỷ lệ hộ nghèo", unit_of_measure="%",
                                  target_text="0,5%", target_kind="decrease_by", target_value=Decimal("0.5"),
                                  target_unit="%", baseline_value=Decimal("1.7"))

    form = ResultForm(indicator=poor, period="y")

    assert form.fields["result"].widget.attrs["placeholder"] == "Tỷ lệ đạt được (năm trước 1,7%)"
