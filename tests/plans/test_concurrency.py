"""Two people saving the same result or task at the same moment, on two real database connections.

Both threads pass the plan's checks before either writes; the plan's row lock then runs the two
saves one after the other, and the version checked in the UPDATE's WHERE clause refuses the second
(it was loaded at the version the first one replaced). (On SQLite the
writers are serialised by the database lock; tests/plans/test_results.py covers it with two
clients.)
"""

import threading
from decimal import Decimal

import pytest
from django.db import connection, connections

from indicators.models import Result
from indicators.results import Conflict
from plans import reporting
from plans.models import Task
from tests import factories as f

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs two PostgreSQL connections"),
]


@pytest.fixture(autouse=True)
def catalogue():
    # transaction=True flushes the tables between tests, migrations' seed rows included.
    from indicators.catalog_data import SECTORS
    from indicators.models import Sector

    for code, name, order in SECTORS:
        Sector.objects.get_or_create(code=code, defaults={"name": name, "order": order})


def _race(monkeypatch, name, calls):
    """Run ``calls`` in threads that all read the row before any of them writes."""
    barrier = threading.Barrier(len(calls), timeout=10)
    original = getattr(reporting, name) if name else None

    waited = threading.local()
    if name:
        def read_then_wait(*args, **kwargs):
            value = original(*args, **kwargs)
            if not getattr(waited, "done", False):  # only the first read of each thread
                waited.done = True
                barrier.wait()
            return value

        monkeypatch.setattr(reporting, name, read_then_wait)
    outcomes = [None] * len(calls)

    def run(i, call):
        try:
            outcomes[i] = ("ok", call())
        except Conflict as exc:
            outcomes[i] = ("conflict", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes


def test_two_connections_saving_one_result_one_wins(monkeypatch, editor_a, leader_a, plan_a):
    indicator = f.PlanIndicatorFactory(plan=plan_a, target_text="200", target_kind="exact", target_value=200,
                                       target_unit="")
    result = f.ResultFactory(indicator=indicator, period="q1", value=100)

    def save(value, by):
        return lambda: reporting.save_result(indicator, period="q1", is_estimate=False,
                                            values={"value": Decimal(value)}, expected_version=1,
                                            expected_id=result.pk, by=by)

    outcomes = _race(monkeypatch, "_require_results_plan", [save(150, editor_a), save(170, leader_a)])

    kinds = sorted(kind for kind, _ in outcomes)
    assert kinds == ["conflict", "ok"]
    winner = next(value for kind, value in outcomes if kind == "ok")
    loser = next(value for kind, value in outcomes if kind == "conflict")
    result.refresh_from_db()
    assert result.version == 2 and result.value == winner.value
    assert loser.current.value == winner.value  # the refused one is shown the winner's value


def test_two_connections_saving_one_task_one_wins(editor_a, leader_a, plan_a):
    task = f.TaskFactory(plan=plan_a)

    def save(progress, by):
        # each thread works on its own copy loaded at version 1
        return lambda: reporting.save_task(Task.objects.select_related("plan").get(pk=task.pk),
                                          values={"progress": progress}, expected_version=1, by=by)

    outcomes = _race(None, None, [save(40, editor_a), save(60, leader_a)])

    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"]
    task.refresh_from_db()
    assert task.version == 2 and task.progress in (40, 60)


def test_two_connections_first_entry_one_wins(monkeypatch, editor_a, leader_a, plan_a):
    indicator = f.PlanIndicatorFactory(plan=plan_a)

    def save(value, by):
        return lambda: reporting.save_result(indicator, period="q1", is_estimate=False,
                                            values={"value": Decimal(value)}, expected_version=0, by=by)

    outcomes = _race(monkeypatch, "_require_results_plan", [save(10, editor_a), save(20, leader_a)])

    assert sorted(kind for kind, _ in outcomes) == ["conflict", "ok"]
    assert Result.objects.filter(indicator=indicator).count() == 1
