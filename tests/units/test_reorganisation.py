"""The pre-2025 tree and its links, from the real data (two new provinces: Đồng Tháp and An Giang,
formed from the old Đồng Tháp, Tiền Giang, An Giang and Kiên Giang), and the demo wards in it."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from plans.models import Plan
from units.models import Unit, UnitSuccession
from units.reorganisation import LAST_DAY, name_key
from units.scoping import scoped

DONG_THAP, AN_GIANG = "82", "91"


@pytest.fixture
def two_provinces(db):
    call_command("load_units", province=[DONG_THAP, AN_GIANG])


def _history(capsys, query, *args):
    capsys.readouterr()
    call_command("unit_history", query, *args)
    return json.loads(capsys.readouterr().out)


def test_old_units_are_loaded_with_official_codes_until_30_june_2025(two_provinces):
    old = Unit.objects.filter(valid_to=LAST_DAY)
    assert set(old.filter(parent__isnull=True).values_list("code", "name")) == {
        ("87", "Tỉnh Đồng Tháp"), ("82", "Tỉnh Tiền Giang"), ("89", "Tỉnh An Giang"), ("91", "Tỉnh Kiên Giang")}
    my_phu = old.get(code="29888")
    assert my_phu.name == "Phường Mỹ Phú" and my_phu.kind == "ward"
    assert [(a.code, a.name) for a in my_phu.ancestors()] == [("87", "Tỉnh Đồng Tháp"), ("866", "Thành phố Cao Lãnh")]
    # An old and a new unit share code 29888 (Phường Mỹ Trà took Mỹ Phú's code); each period holds it once.
    assert Unit.objects.current().get(code="29888").name == "Phường Mỹ Trà"


def test_every_old_commune_leads_to_a_current_unit(two_provinces):
    communes = Unit.objects.filter(valid_to=LAST_DAY).commune_level()
    assert communes.count() > 500
    assert not communes.filter(succession_links__isnull=True).exists()
    successors = Unit.objects.filter(predecession_links__predecessor__in=communes).distinct()
    assert set(successors.values_list("valid_to", flat=True)) == {None}
    assert set(successors.values_list("parent__code", flat=True)) == {DONG_THAP, AN_GIANG}


def test_a_divided_commune_has_several_successors_and_one_default(two_provinces):
    divided = UnitSuccession.objects.filter(divided=True).values_list("predecessor", flat=True).distinct()
    assert divided
    for pk in divided:
        links = UnitSuccession.objects.filter(predecessor_id=pk)
        assert links.count() >= 2 and all(link.divided for link in links)
        assert links.filter(is_default=True).count() <= 1


def test_the_demo_wards_sit_in_the_real_tree_and_lead_to_their_successors(two_provinces, capsys):
    call_command("load_demo")
    my_phu = Plan.objects.get(unit__name="Phường Mỹ Phú", year=2024).unit
    assert (my_phu.code, my_phu.valid_to) == ("29888", LAST_DAY)
    assert [(u.name, u.code, u.parent.name) for u in my_phu.successors.all()] == [
        ("Phường Mỹ Trà", "29888", "Đồng Tháp")]
    nhon_hung = Plan.objects.get(unit__name="Phường Nhơn Hưng", year=2024).unit
    assert nhon_hung.code == "30511"
    assert [a.name for a in nhon_hung.ancestors()] == ["Tỉnh An Giang", "Thị xã Tịnh Biên"]
    (successor,) = nhon_hung.successors.all()
    assert successor.parent.name == "An Giang" and successor.valid_from is not None
    assert Plan.objects.filter(unit__name="Phường Nhơn Hưng").values("unit").distinct().count() == 1
    # The demo gives the new commune an editor, who reads the old ward's plans.
    my_tra = get_user_model().objects.get(username="canbo.mytra")
    assert set(scoped(Plan.objects.all(), my_tra).values_list("unit__name", "year")) == {("Phường Mỹ Phú", 2024)}
    assert not scoped(Plan.objects.all(), my_tra, write=True).exists()


def test_load_units_after_the_demo_gives_the_hand_made_wards_their_codes(db):
    call_command("load_demo")
    hand_made = Plan.objects.get(unit__name="Phường Mỹ Phú", year=2024).unit
    assert hand_made.code is None
    call_command("load_units", province=[DONG_THAP])
    hand_made.refresh_from_db()
    assert hand_made.code == "29888" and hand_made.successors.get().name == "Phường Mỹ Trà"
    assert Unit.objects.filter(valid_to=LAST_DAY, name="Phường Mỹ Phú").count() == 1


def test_a_second_run_writes_nothing(two_provinces, django_assert_max_num_queries):
    before = (list(Unit.objects.values_list("pk", "code", "name", "path", "valid_to").order_by("pk")),
              list(UnitSuccession.objects.values_list("pk", "predecessor", "successor", "divided", "is_default")))
    with django_assert_max_num_queries(20):
        call_command("load_units", province=[DONG_THAP, AN_GIANG])
    after = (list(Unit.objects.values_list("pk", "code", "name", "path", "valid_to").order_by("pk")),
             list(UnitSuccession.objects.values_list("pk", "predecessor", "successor", "divided", "is_default")))
    assert after == before


def test_unit_history_of_my_phu_and_of_its_successor(two_provinces, capsys):
    old = _history(capsys, "Phường Mỹ Phú")
    assert old["unit"] == {"name": "Phường Mỹ Phú", "code": "29888", "kind": "ward", "valid_from": None,
                           "valid_to": "2025-06-30", "parents": [
                               {"name": "Tỉnh Đồng Tháp", "code": "87", "kind": "province"},
                               {"name": "Thành phố Cao Lãnh", "code": "866", "kind": "provincial_city"}]}
    assert old["predecessors"] == []
    assert old["successors"] == [{"name": "Phường Mỹ Trà", "code": "29888", "kind": "ward", "divided": False,
                                  "is_default": True,
                                  "parents": [{"name": "Đồng Tháp", "code": "82", "kind": "province"}]}]
    new = _history(capsys, "Phường Mỹ Trà")
    assert new["unit"]["valid_from"] == "2025-07-01" and new["successors"] == []
    assert [p["name"] for p in new["predecessors"]] == ["Phường Mỹ Phú", "Xã An Bình", "Xã Mỹ Trà", "Xã Nhị Mỹ"]
    assert new["predecessors"][1]["parents"][1]["name"] == "Huyện Cao Lãnh"


def test_unit_history_of_an_ambiguous_name_lists_the_candidates(two_provinces, capsys):
    with pytest.raises(CommandError) as exc:
        call_command("unit_history", "29888")
    message = str(exc.value)
    assert "trùng với 2 đơn vị" in message
    assert "Phường Mỹ Trà (29888) – Đồng Tháp – từ 01/07/2025" in message
    assert "Phường Mỹ Phú (29888) – Thành phố Cao Lãnh, Tỉnh Đồng Tháp – đến 30/06/2025" in message
    assert _history(capsys, "29888", "--old")["unit"]["name"] == "Phường Mỹ Phú"
    assert _history(capsys, "Mỹ Phú, Cao Lãnh")["unit"]["code"] == "29888"
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị “Phường Không Có”"):
        call_command("unit_history", "Phường Không Có")


def test_names_compare_across_sources_whatever_the_tone_placement_and_punctuation():
    assert name_key("Xã Hiệp Hoà") == name_key("Xã  Hiệp Hòa")
    assert name_key("Xã Ea H'Leo") == name_key("Xã Ea H’leo")
    assert name_key("Xã Chân Mây - Lăng Cô") == name_key("Xã Chân Mây – Lăng Cô")
    assert name_key("Xã Cẩm Giang") != name_key("Xã Cẩm Giàng")
