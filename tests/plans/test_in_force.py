"""Exactly one plan in force per unit and year: a replaced version is read-only, revisions start
only from the plan in force, task progress has one writable home during a revision and survives
its issue, and a result save cannot slip past "Nộp báo cáo"."""

import threading
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections
from django.urls import reverse

from plans import history, reporting, services
from plans.models import PeriodReport, ReportStatus, Section
from tests import factories as f
from tests.plans.test_revisions import _issue, _save


@pytest.fixture
def replaced(editor_a, leader_a, plan_a):
    """Plan A issued, then its revision issued: A is replaced, the revision is in force."""
    f.PlanIndicatorFactory(plan=plan_a, name="Giải quyết việc làm", target_text="200", target_kind="exact",
                           target_value=200, target_unit="")
    f.TaskFactory(plan=plan_a, title="Làm đường", progress=10)
    _issue(plan_a, leader_a)
    revision = services.start_revision(plan_a, by=editor_a)
    _issue(revision, leader_a, number="64")
    plan_a.refresh_from_db()
    return plan_a, revision


def test_a_replaced_plan_takes_no_results_submissions_or_task_edits(replaced, editor_a):
    old, revision = replaced
    indicator, task = old.indicators.get(), old.tasks.get()

    with pytest.raises(PermissionDenied, match="đã được thay thế"):
        _save(indicator, "q1", 5, editor_a)
    with pytest.raises(PermissionDenied):
        reporting.submit_period(reporting.period_report(old, "q1"), by=editor_a)
    with pytest.raises(PermissionDenied):
        reporting.save_task(task, values={"progress": 50}, expected_version=task.version, by=editor_a)
    assert reporting.results_plan(old) == revision


def test_a_replaced_plan_cannot_start_a_second_revision(replaced, editor_a):
    old, _ = replaced

    with pytest.raises(ValidationError, match="Chỉ điều chỉnh kế hoạch đang có hiệu lực"):
        services.start_revision(old, by=editor_a)


def test_the_replaced_plan_page_links_to_the_plan_in_force_and_offers_no_revision(client, replaced, editor_a):
    old, revision = replaced
    client.force_login(editor_a)

    body = client.get(old.get_absolute_url()).content.decode()

    assert "Bản này đã được thay thế bởi bản điều chỉnh lần 1" in body
    assert f'href="{revision.get_absolute_url()}"' in body
    assert reverse("plans:plan_revise", args=[old.pk]) not in body


def test_the_replaced_plan_grid_refuses_a_row_save(client, replaced, editor_a):
    old, _ = replaced
    indicator = old.indicators.get()
    client.force_login(editor_a)

    response = client.post(reverse("plans:result_save", args=[old.pk, "q1", indicator.pk]),
                           {f"r{indicator.pk}-result": "5", f"r{indicator.pk}-version": "0"})

    assert response.status_code == 403
    assert not indicator.results.exists()


def test_task_progress_is_typed_on_the_plan_in_force_and_reaches_the_revision(editor_a, leader_a, plan_a):
    task = f.TaskFactory(plan=plan_a, title="Làm đường", progress=10)
    _issue(plan_a, leader_a)
    draft = services.start_revision(plan_a, by=editor_a)
    copy = draft.tasks.get()
    with pytest.raises(PermissionDenied):
        reporting.save_task(copy, values={"progress": 90}, expected_version=copy.version, by=editor_a)
    task.refresh_from_db()
    reporting.save_task(task, values={"progress": 60, "result_text": "Đã làm 600 m"},
                       expected_version=task.version, by=editor_a)

    _issue(draft, leader_a, number="64")

    copy.refresh_from_db()
    assert (copy.progress, copy.result_text, copy.status) == (60, "Đã làm 600 m", "in_progress")
    task.refresh_from_db()
    assert task.progress == 60  # the replaced version keeps what it had


def test_sections_and_sectors_are_audited(editor_a, plan_a):
    section = services.save_section(plan_a, values={"heading": "Mục tiêu", "body": "", "parent": None},
                                    by=editor_a)
    services.save_section(plan_a, values={"heading": "Mục tiêu chung", "parent": None}, by=editor_a,
                          section=section)
    section_pk = section.pk
    services.delete_section(section, by=editor_a)

    rows = list(Section.history.filter(id=section_pk).order_by("history_id"))
    assert [(r.history_type, r.history_user, r.history_change_reason) for r in rows] == [
        ("+", editor_a, "Thêm mục"), ("~", editor_a, "Sửa mục"), ("-", editor_a, "Xoá mục (Mục tiêu chung)")]
    subjects = {c.subject for c in history.plan_history(plan_a)}
    assert "Mục Mục tiêu chung" in subjects


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two PostgreSQL connections")
def test_a_save_racing_the_submission_never_lands_after_it(monkeypatch):
    from indicators.catalog_data import SECTORS
    from indicators.models import Sector

    for code, name, order in SECTORS:
        Sector.objects.get_or_create(code=code, defaults={"name": name, "order": order})
    editor = f.UserFactory(username="racer")
    indicator = f.PlanIndicatorFactory(plan__year=2024)
    plan = indicator.plan
    barrier = threading.Barrier(2, timeout=10)
    original = reporting._require_results_plan

    def checked_then_wait(p):
        original(p)
        barrier.wait()  # both have passed the plan checks before either takes the lock

    monkeypatch.setattr(reporting, "_require_results_plan", checked_then_wait)
    outcomes = {}

    def run(name, call):
        try:
            outcomes[name] = call()
        except PermissionDenied as exc:
            outcomes[name] = exc
        finally:
            connections.close_all()

    save = threading.Thread(target=run, args=("save", lambda: reporting.save_result(
        indicator, period="q1", is_estimate=False, values={"value": Decimal(5)}, expected_version=0, by=editor)))
    submit = threading.Thread(target=run, args=("submit", lambda: reporting.submit_period(
        reporting.period_report(plan, "q1"), by=editor)))
    save.start(), submit.start()
    save.join(), submit.join()

    report = PeriodReport.objects.get(plan=plan, period="q1")
    assert report.status == ReportStatus.SUBMITTED
    saved = indicator.results.filter(period="q1").first()
    if saved is not None:  # the save went first: it is older than the submission
        assert saved.updated_at <= report.submitted_at
    else:
        assert isinstance(outcomes["save"], PermissionDenied)
