"""Stored folded names (units.folding): kept on save and bulk writes, matched in the database with
the same answers as folding each name in Python."""

import pytest

from core.matching import fold
from indicators.models import PlanIndicator
from plans.models import Plan
from reports.guide.search import search_all
from tests import factories as f
from units.folding import matching
from units.models import Unit

NAMES = ["Phường Mỹ Phú", "Xã Mỹ Phước", "Phường Đông Hòa", "Xã Đồng Tâm", "Phường 2", "Thị trấn Lai-Hưng",
         "Xã Tân  Phú Đông", "Phường Mỹ Trà"]


@pytest.mark.parametrize("query", ["my phu", "Mỹ Phú", "MY", "dong", "đông hoa", "d", "2", "lai hung",
                                   "phu dong", "tra my", "xyz", ""])
def test_database_match_equals_python_fold(province, query):
    units = [f.UnitFactory(name=name, kind="ward", parent=province) for name in NAMES]
    words = fold(query).split()
    expected = {u.name for u in units if all(w in fold(u.name) for w in words)}

    found = set(matching(Unit.objects.filter(parent=province), query, "name_folded").values_list("name", flat=True))

    assert found == expected


def test_đ_folds_to_d_and_my_phu_finds_mỹ_phú(province):
    f.UnitFactory(name="Phường Đông Hòa", kind="ward", parent=province)
    f.UnitFactory(name="Phường Mỹ Phú", kind="ward", parent=province)

    assert list(matching(Unit.objects.all(), "dong hoa", "name_folded").values_list("name", flat=True)) == [
        "Phường Đông Hòa"]
    assert list(matching(Unit.objects.all(), "my phu", "name_folded").values_list("name", flat=True)) == [
        "Phường Mỹ Phú"]


def test_copies_follow_save_update_fields_and_bulk_writes(province, plan_a):
    unit = Unit.objects.get(pk=province.pk)
    unit.name = "Tỉnh Đắk Lắk"
    unit.save(update_fields=["name"])
    unit.refresh_from_db()
    assert unit.name_folded == "tinh dak lak"

    ps = f.PlanSectorFactory(plan=plan_a)
    made = PlanIndicator.objects.bulk_create([PlanIndicator(plan=plan_a, plan_sector=ps, name="Tỷ lệ hộ nghèo")])
    assert PlanIndicator.objects.get(pk=made[0].pk).name_folded == "ty le ho ngheo"
    made[0].name = "Giảm hộ cận nghèo"
    PlanIndicator.objects.bulk_update(made, ["name"])
    assert PlanIndicator.objects.get(pk=made[0].pk).name_folded == "giam ho can ngheo"

    plan_a.title = "Phát triển kinh tế – xã hội"
    plan_a.save()
    assert Plan.objects.get(pk=plan_a.pk).title_folded == "phat trien kinh te xa hoi"


def test_search_matches_plan_by_unit_year_and_title_within_scope(editor_a, ward_a, plan_a, plan_b):
    Plan.objects.filter(pk=plan_a.pk).update(title_folded="")  # stale copy on purpose: the unit still matches
    found = search_all(editor_a, f"{fold(ward_a.name)} {plan_a.year}")

    assert [p["pk"] for p in found["plans"]] == [plan_a.pk]
    assert search_all(editor_a, fold(plan_b.unit.name))["plans"] == []


def test_search_reads_a_bounded_number_of_queries(django_assert_max_num_queries, editor_a, plan_a):
    for i in range(30):
        f.PlanIndicatorFactory(plan=plan_a, name=f"Chỉ tiêu số {i}")
    with django_assert_max_num_queries(4):
        found = search_all(editor_a, "chi tieu")
    assert len(found["indicators"]) == 20
