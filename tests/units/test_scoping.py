import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from indicators.models import PlanIndicator, Result
from plans.models import Plan, Task
from tests import factories as f
from tests.lineage import person, reorganisation
from units.models import RoleKind, Unit
from units.scoping import get_scoped_or_404, scoped, visible_units


def test_subtree_is_one_query_whatever_the_depth(ward_a, ward_b, province):
    khom = f.UnitFactory(name="Khóm 1", kind="khom", parent=ward_a)
    with CaptureQueriesContext(connection) as ctx:
        names = set(Unit.objects.subtree_of(province).values_list("name", flat=True))
    assert len(ctx.captured_queries) == 1
    assert {"Phường A", "Phường B", khom.name, province.name} <= names


def test_moving_a_unit_moves_its_subtree(ward_a, district_e):
    khom = f.UnitFactory(name="Khóm 1", kind="khom", parent=ward_a)
    ward_a.parent = district_e
    ward_a.save()
    khom.refresh_from_db()
    assert khom.path.startswith(district_e.path)
    assert khom.depth == 3


def test_editor_sees_own_ward_plans_only(plan_a, plan_b, editor_a):
    assert list(scoped(Plan.objects.all(), editor_a)) == [plan_a]


def test_visible_units_is_one_query(editor_a, ward_b):
    with CaptureQueriesContext(connection) as ctx:
        units = list(visible_units(editor_a))
    assert len(ctx.captured_queries) == 1
    assert [u.name for u in units] == ["Phường A"]


def test_province_supervisor_sees_exactly_the_units_below(province, ward_a, ward_b, supervisor_p):
    other = f.UnitFactory(name="Tỉnh Khác", kind="province")
    f.UnitFactory(name="Phường Khác", kind="ward", parent=other)
    names = set(visible_units(supervisor_p).values_list("name", flat=True))
    assert names == set(Unit.objects.subtree_of(province).values_list("name", flat=True))
    assert "Phường Khác" not in names


def test_district_supervisor_does_not_see_sibling_district(plan_a, plan_b, supervisor_d):
    assert list(scoped(Plan.objects.all(), supervisor_d)) == [plan_a]


def test_supervisor_cannot_write(plan_a, supervisor_d):
    with pytest.raises(PermissionDenied):
        get_scoped_or_404(Plan.objects.all(), supervisor_d, write=True, pk=plan_a.pk)


def test_other_ward_id_is_404(plan_a, editor_b):
    with pytest.raises(Http404):
        get_scoped_or_404(Plan.objects.all(), editor_b, pk=plan_a.pk)
    with pytest.raises(Http404):
        get_scoped_or_404(Plan.objects.all(), editor_b, write=True, pk=plan_a.pk)


def test_editor_may_write_own_plan(plan_a, editor_a):
    assert get_scoped_or_404(Plan.objects.all(), editor_a, write=True, pk=plan_a.pk) == plan_a


def test_nested_models_are_scoped_through_their_plan(plan_a, plan_b, editor_a):
    ind_a = f.PlanIndicatorFactory(plan=plan_a)
    ind_b = f.PlanIndicatorFactory(plan=plan_b)
    f.ResultFactory(indicator=ind_a)
    f.ResultFactory(indicator=ind_b)
    f.TaskFactory(plan=plan_a)
    f.TaskFactory(plan=plan_b)
    assert list(scoped(PlanIndicator.objects.all(), editor_a)) == [ind_a]
    assert [r.indicator for r in scoped(Result.objects.all(), editor_a)] == [ind_a]
    assert [t.plan for t in scoped(Task.objects.all(), editor_a)] == [plan_a]


def test_anonymous_sees_nothing(plan_a):
    from django.contrib.auth.models import AnonymousUser

    assert not scoped(Plan.objects.all(), AnonymousUser()).exists()


def test_model_without_unit_lookup_is_refused(db):
    from indicators.models import Sector

    with pytest.raises(TypeError):
        scoped(Sector.objects.all(), f.UserFactory())


# --- the 2025 reorganisation: a role on a new unit reads the units it was formed from -----------

@pytest.fixture
def reorg(db):
    return reorganisation()


def test_a_new_communes_role_reads_its_predecessors_plans_and_nothing_else(reorg):
    plans = {key: f.PlanFactory(unit=getattr(reorg, key)) for key in ("a", "b", "c", "d", "e", "split")}
    own = f.PlanFactory(unit=reorg.merged, year=2026)
    f.PlanFactory(unit=reorg.district)
    editor = person("canbo.hopnhat", reorg.merged)
    seen = set(scoped(Plan.objects.all(), editor))
    assert seen == {own, plans["a"], plans["b"], plans["c"]}
    # Read only: no write on a predecessor (403 inside the scope), nothing written through it.
    assert list(scoped(Plan.objects.all(), editor, write=True)) == [own]
    with pytest.raises(PermissionDenied):
        get_scoped_or_404(Plan.objects.all(), editor, write=True, pk=plans["a"].pk)
    with pytest.raises(Http404):
        get_scoped_or_404(Plan.objects.all(), editor, pk=plans["e"].pk)
    # A divided commune is read from each of its successors.
    side = person("canbo.ben", reorg.side)
    assert set(scoped(Plan.objects.all(), side)) == {plans["d"]}
    # Explicit roles (e.g. administrators of a subtree) are not extended.
    assert not scoped(Plan.objects.all(), editor, roles={"editor"}).filter(unit=reorg.a).exists()


def test_predecessors_do_not_see_their_successor_nor_each_other(reorg):
    f.PlanFactory(unit=reorg.merged, year=2026)
    b_plan = f.PlanFactory(unit=reorg.b)
    old_editor = person("canbo.a", reorg.a)
    assert list(scoped(Plan.objects.all(), old_editor)) == []
    assert b_plan not in scoped(Plan.objects.all(), old_editor)


def test_a_new_provinces_supervisor_reads_the_old_wards_of_its_communes(reorg):
    supervisor = person("giamsat.moi", reorg.province, "supervisor")
    units = set(visible_units(supervisor))
    assert {reorg.a, reorg.b, reorg.c, reorg.d, reorg.e, reorg.old_province} <= units
    assert reorg.district not in units  # an old district is nobody's predecessor
    assert not visible_units(supervisor, write=True).filter(pk=reorg.a.pk).exists()


def test_visible_units_with_predecessors_is_still_one_query(reorg):
    editor = person("canbo.hopnhat", reorg.merged)
    with CaptureQueriesContext(connection) as ctx:
        names = {u.name for u in visible_units(editor)}
    assert len(ctx.captured_queries) == 1
    assert names == {"Phường Hợp Nhất", "Phường A", "Phường B", "Xã C"}


def test_held_counts_a_superuser_by_the_roles_they_hold(ward_a, ward_b):
    admin = f.UserFactory(username="quantri_held", is_superuser=True)
    f.RoleFactory(user=admin, unit=ward_a, role=RoleKind.LEADER)

    assert set(visible_units(admin)) >= {ward_a, ward_b}
    assert list(visible_units(admin, held=True)) == [ward_a]
    assert list(visible_units(admin, write=True, held=True)) == [ward_a]
