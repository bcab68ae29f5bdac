"""Results of a plan being revised: they are entered on the plan in force only, the draft
revision's grid is read-only, and issuing the revision carries them over."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from indicators import services as indicator_services
from indicators.models import PlanIndicator, Result
from indicators.results import current_result
from plans import reporting, services
from plans.models import PeriodReport, PlanStatus, ReportStatus
from tests import factories as f
from tests.plans.test_results import grid_url, post_row

NOTE = "Kết quả được nhập vào kế hoạch đang có hiệu lực (bản ban hành đầu)."


def _issue(plan, by, *, number="63"):
    return services.issue_plan(plan, number=number, issued_on=datetime.date(2024, 1, 15), signer_name="Nguyễn Văn A",
                               signer_title="CHỦ TỊCH", signer_authority="TM. ỦY BAN NHÂN DÂN", by=by)


def _save(indicator, period, value, by):
    current = current_result(indicator, period)
    return reporting.save_result(indicator, period=period, is_estimate=False, values={"value": Decimal(value)},
                                expected_id=current.pk if current else None,
                                expected_version=current.version if current else 0, by=by)


def _submit(client, plan, period):
    return client.post(reverse("plans:period_submit", args=[plan.pk, period]))


@pytest.fixture
def jobs(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="Giải quyết việc làm", unit_of_measure="lao động",
                                  target_text="200", target_kind="exact", target_value=200, target_unit="")


@pytest.fixture
def water(plan_a):
    return f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ hộ dân dùng nước sạch", unit_of_measure="%")


@pytest.fixture
def revising(client, editor_a, leader_a, plan_a, jobs, water):
    """Plan A issued with a submitted first quarter, and a draft revision of it."""
    _save(jobs, "q1", 40, editor_a)
    _save(water, "q1", 91, editor_a)
    client.force_login(editor_a)
    assert _submit(client, plan_a, "q1").status_code == 302
    _issue(plan_a, leader_a)
    draft = services.start_revision(plan_a, by=editor_a)
    return draft


def _copy(draft, indicator):
    return draft.indicators.get(copied_from=indicator)


def test_revision_indicators_record_what_they_were_copied_from(revising, jobs, water):
    assert {i.copied_from_id for i in revising.indicators.all()} == {jobs.pk, water.pk}
    assert list(jobs.copies.all()) == [_copy(revising, jobs)]


def test_copy_from_last_year_records_lineage_too(editor_a, plan_a, jobs):
    new = services.copy_plan(plan_a, year=2025, by=editor_a)

    assert new.indicators.get().copied_from == jobs


def test_results_plan_of_a_draft_revision_is_the_plan_in_force(revising, plan_a):
    plan_a.refresh_from_db()
    assert reporting.results_plan(revising) == plan_a
    assert reporting.results_plan(plan_a) == plan_a
    assert reporting.revision_message(plan_a) is None
    assert NOTE in reporting.revision_message(revising)


def test_the_draft_grid_is_read_only_with_a_note_and_a_link(client, editor_a, revising, plan_a, jobs):
    client.force_login(editor_a)

    body = client.get(grid_url(revising, "q2")).content.decode()

    copy = _copy(revising, jobs)
    assert NOTE in body
    assert "Khi bản điều chỉnh này được ban hành, kết quả và tiến độ nhiệm vụ sẽ được chuyển sang." in body
    assert f'href="{grid_url(plan_a, "q2")}"' in body
    assert f'id="id_r{copy.pk}-result"' not in body
    assert "Nộp báo cáo" not in body
    # The plan in force keeps its grid open.
    body = client.get(grid_url(plan_a, "q2")).content.decode()
    assert f'id="id_r{jobs.pk}-result"' in body and "Nộp báo cáo" in body and NOTE not in body


def test_saving_a_row_of_the_draft_is_refused(client, editor_a, revising, jobs):
    copy = _copy(revising, jobs)
    client.force_login(editor_a)

    response = post_row(client, copy, period="q2", result="99")

    assert response.status_code == 403
    assert NOTE in response.content.decode()
    assert not Result.objects.filter(indicator=copy, period="q2").exists()


def test_saving_on_the_draft_through_the_service_is_refused_too(editor_a, revising, jobs):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _save(_copy(revising, jobs), "q2", 99, editor_a)


def test_submitting_or_reopening_a_period_of_the_draft_is_refused(client, editor_a, supervisor_d, revising):
    client.force_login(editor_a)

    response = _submit(client, revising, "q2")

    assert response.status_code == 403
    assert NOTE in response.content.decode()
    assert not PeriodReport.objects.filter(plan=revising, period="q2").exists()
    client.force_login(supervisor_d)
    response = client.post(reverse("plans:period_reopen", args=[revising.pk, "q1"]), {"comment": "Sửa"})
    assert response.status_code == 403
    assert NOTE in response.content.decode()
    assert PeriodReport.objects.get(plan=revising, period="q1").status == ReportStatus.SUBMITTED


def test_results_entered_on_the_plan_in_force_reach_the_revision_once_issued(
        client, editor_a, leader_a, plan_a, revising, jobs, water):
    client.force_login(editor_a)
    assert post_row(client, jobs, period="q2", result="120").status_code == 200
    assert post_row(client, water, period="q2", result="93").status_code == 200
    assert _submit(client, plan_a, "q2").status_code == 302
    _save(jobs, "m7", 150, editor_a)

    _issue(revising, leader_a, number="64")

    revising.refresh_from_db()
    assert revising.status == PlanStatus.ISSUED
    carried = {(r.indicator.copied_from_id, r.period): r.value
               for r in Result.objects.filter(indicator__plan=revising).select_related("indicator")}
    assert carried == {(jobs.pk, "q1"): 40, (jobs.pk, "q2"): 120, (jobs.pk, "m7"): 150,
                       (water.pk, "q1"): 91, (water.pk, "q2"): 93}
    reports = dict(PeriodReport.objects.filter(plan=revising).values_list("period", "status"))
    assert reports == {"q1": ReportStatus.SUBMITTED, "q2": ReportStatus.SUBMITTED}
    row = revising.history.first()
    assert row.history_user == leader_a
    assert row.history_change_reason == "Chuyển 5 kết quả từ bản ban hành đầu (2 báo cáo kỳ, 0 nhiệm vụ)"
    assert revising.history.all()[1].history_change_reason == "Ban hành: Dự thảo → Đã ban hành"
    # Now the revision is in force: its grid takes results again.
    body = client.get(grid_url(revising, "m8")).content.decode()
    assert NOTE not in body and f'id="id_r{_copy(revising, jobs).pk}-result"' in body


def test_carried_results_keep_every_field_and_the_estimate_flag(editor_a, leader_a, revising, jobs, water):
    estimate = reporting.save_result(water, period="m5", is_estimate=True, values={"value": Decimal(92),
                                                                                   "cause": "Mùa khô"},
                                    expected_id=None, expected_version=0, by=editor_a)
    f.ResultFactory(indicator=jobs, period="m5", value=None, numerator=30, denominator=40, text="ghi chú",
                    evaluation_text="đạt 75%", judgement="met", updated_by=editor_a)

    _issue(revising, leader_a, number="64")

    copy = Result.objects.get(indicator=_copy(revising, water), period="m5")
    assert (copy.is_estimate, copy.value, copy.cause, copy.updated_by) == (True, 92, "Mùa khô", editor_a)
    assert (copy.status, copy.percent) == (estimate.status, estimate.percent)
    other = Result.objects.get(indicator=_copy(revising, jobs), period="m5")
    assert (other.numerator, other.denominator, other.text, other.evaluation_text, other.judgement) == (
        30, 40, "ghi chú", "đạt 75%", "met")


def test_a_target_changed_in_the_revision_reevaluates_the_carried_result(editor_a, leader_a, revising, jobs):
    copy = _copy(revising, jobs)
    indicator_services.save_indicator(revising, indicator=copy, by=editor_a,
                            values={"plan_sector": copy.plan_sector, "parent": None, "target_text": "300"})
    _save(jobs, "y", 250, editor_a)
    old = Result.objects.get(indicator=jobs, period="y")
    assert (old.status, old.percent) == ("exceeded", Decimal("125.00"))

    _issue(revising, leader_a, number="64")

    carried = Result.objects.get(indicator=copy, period="y")
    assert carried.value == 250
    assert (carried.status, carried.percent) == ("not_met", Decimal("83.33"))


def test_an_indicator_added_in_the_revision_has_no_results(editor_a, leader_a, revising, jobs):
    copy = _copy(revising, jobs)
    added = indicator_services.save_indicator(revising, by=editor_a, values={
        "plan_sector": copy.plan_sector, "parent": None, "name": "Chỉ tiêu mới", "target_text": "10"})
    _save(jobs, "q2", 120, editor_a)

    _issue(revising, leader_a, number="64")

    assert added.copied_from is None
    assert not Result.objects.filter(indicator=added).exists()
    assert Result.objects.get(indicator=copy, period="q2").value == 120


def test_an_indicator_removed_in_the_revision_is_not_carried(editor_a, leader_a, revising, jobs, water):
    indicator_services.delete_indicator(_copy(revising, water), by=editor_a)
    _save(water, "q2", 95, editor_a)

    _issue(revising, leader_a, number="64")

    assert not PlanIndicator.objects.filter(plan=revising, copied_from=water).exists()
    assert set(Result.objects.filter(indicator__plan=revising).values_list("period", flat=True)) == {"q1"}


def test_the_plan_in_force_is_untouched_by_the_carry_over(editor_a, leader_a, plan_a, revising, jobs, water):
    _save(jobs, "q2", 120, editor_a)
    before = sorted(Result.objects.filter(indicator__plan=plan_a).values_list(
        "pk", "indicator_id", "period", "value", "version", "status", "percent", "updated_at"))
    reports = sorted(PeriodReport.objects.filter(plan=plan_a).values_list("pk", "period", "status"))
    plan_a.refresh_from_db()
    history = plan_a.history.count()

    _issue(revising, leader_a, number="64")

    assert sorted(Result.objects.filter(indicator__plan=plan_a).values_list(
        "pk", "indicator_id", "period", "value", "version", "status", "percent", "updated_at")) == before
    assert sorted(PeriodReport.objects.filter(plan=plan_a).values_list("pk", "period", "status")) == reports
    plan_a.refresh_from_db()
    assert (plan_a.status, plan_a.number, plan_a.history.count()) == (PlanStatus.ISSUED, "63", history)
    assert set(PlanIndicator.objects.filter(plan=plan_a)) == {jobs, water}


def test_a_submitted_period_stays_submitted_after_the_carry_over(client, editor_a, leader_a, plan_a, revising, jobs):
    submitted = PeriodReport.objects.get(plan=plan_a, period="q1")

    _issue(revising, leader_a, number="64")

    report = PeriodReport.objects.get(plan=revising, period="q1")
    assert (report.status, report.submitted_at, report.submitted_by) == (
        ReportStatus.SUBMITTED, submitted.submitted_at, editor_a)
    copy = _copy(revising, jobs)
    result = Result.objects.get(indicator=copy, period="q1")
    client.force_login(editor_a)
    response = post_row(client, copy, period="q1", version=result.version, rid=result.pk, result="99")
    assert response.status_code == 403
    assert Result.objects.get(pk=result.pk).value == 40


def test_a_result_typed_on_the_draft_before_the_rule_is_not_lost(editor_a, leader_a, revising, jobs):
    """A draft made before drafts were read-only may hold a figure of its own for a period the plan
    in force has none for: it is kept, not replaced by nothing."""
    copy = _copy(revising, jobs)
    f.ResultFactory(indicator=copy, period="m4", value=33)
    _save(jobs, "q2", 120, editor_a)

    _issue(revising, leader_a, number="64")

    values = dict(Result.objects.filter(indicator=copy).values_list("period", "value"))
    assert values == {"q1": 40, "q2": 120, "m4": 33}
