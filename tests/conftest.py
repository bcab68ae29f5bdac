"""Personas, the healthchecks way: an editor of ward A, a supervisor of the district above A,
an editor of ward B in another district, a leader of A and a viewer of A."""

import pytest
from hypothesis import settings as hypothesis_settings

from reports.todo import items as todo_items
from tests import factories as f
from units.models import RoleKind

# No timed assertions in the suite: Hypothesis's per-example deadline fails on a busy machine.
hypothesis_settings.register_profile("kehoach", deadline=None)
hypothesis_settings.load_profile("kehoach")


@pytest.fixture(autouse=True)
def todo_count_uncached(monkeypatch):
    """Every page counts the navbar's to-do items afresh, so that two requests of a test cost the same
    queries; tests of the cached count ask for ``cached_todo_count``."""
    monkeypatch.setattr(todo_items, "COUNT_SECONDS", 0)  # Django's cache keeps nothing for 0 seconds


@pytest.fixture
def cached_todo_count(monkeypatch):
    monkeypatch.setattr(todo_items, "COUNT_SECONDS", 60)


@pytest.fixture
def province(db):
    return f.UnitFactory(name="Tỉnh Thử Nghiệm", kind="province", code="99")


@pytest.fixture
def district_d(province):
    return f.UnitFactory(name="Thành phố D", kind="provincial_city", parent=province)


@pytest.fixture
def district_e(province):
    return f.UnitFactory(name="Thị xã E", kind="town", parent=province)


@pytest.fixture
def ward_a(district_d):
    return f.UnitFactory(name="Phường A", kind="ward", parent=district_d)


@pytest.fixture
def ward_b(district_e):
    return f.UnitFactory(name="Phường B", kind="ward", parent=district_e)


@pytest.fixture
def plan_a(ward_a):
    return f.PlanFactory(unit=ward_a)


@pytest.fixture
def plan_b(ward_b):
    return f.PlanFactory(unit=ward_b)


def _persona(username, unit, role):
    user = f.UserFactory(username=username)
    f.RoleFactory(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def editor_a(ward_a):
    return _persona("editor_a", ward_a, RoleKind.EDITOR)


@pytest.fixture
def leader_a(ward_a):
    return _persona("leader_a", ward_a, RoleKind.LEADER)


@pytest.fixture
def viewer_a(ward_a):
    return _persona("viewer_a", ward_a, RoleKind.VIEWER)


@pytest.fixture
def supervisor_d(district_d):
    return _persona("supervisor_d", district_d, RoleKind.SUPERVISOR)


@pytest.fixture
def supervisor_p(province):
    return _persona("supervisor_p", province, RoleKind.SUPERVISOR)


@pytest.fixture
def editor_b(ward_b):
    return _persona("editor_b", ward_b, RoleKind.EDITOR)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # The default hasher costs ~0.3 s a login on these cores; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def generous_pdf_limits(settings):
    """The suite shares a loaded machine: legitimate PDFs get time to parse (tests/reports/test_pdfguard.py
    checks the limits themselves)."""
    settings.PDF_CHECK_SECONDS = 60
