"""Plans in force of 2026 for wards A and B (the to-do list and reminder tests count from 5 March 2026)."""

import pytest

from plans.models import PlanStatus
from tests import factories as f


@pytest.fixture
def issued_a(ward_a):
    return f.PlanFactory(unit=ward_a, year=2026, status=PlanStatus.ISSUED, number="12")


@pytest.fixture
def issued_b(ward_b):
    return f.PlanFactory(unit=ward_b, year=2026, status=PlanStatus.ISSUED, number="13")
