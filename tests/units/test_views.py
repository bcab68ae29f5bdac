"""The ward's own list of departments: add, rename, reorder, deactivate; scoped to the unit."""

from django.urls import reverse

from tests import factories as f
from units.models import Department


def url(name, *args):
    return reverse(f"units:{name}", args=args)


def test_department_add_rename_move_deactivate(client, leader_a, ward_a):
    client.force_login(leader_a)

    client.post(url("department_list", ward_a.pk), {"name": "Văn phòng HĐND-UBND", "short_name": "VP"})
    client.post(url("department_list", ward_a.pk), {"name": "Phòng  Kinh tế", "short_name": ""})
    office, economy = Department.objects.filter(unit=ward_a).order_by("order")
    assert economy.name == "Phòng Kinh tế"

    client.post(url("department_edit", ward_a.pk, economy.pk), {"name": "Phòng Kinh tế - Hạ tầng"})
    client.post(url("department_move", ward_a.pk, economy.pk, "up"))
    client.post(url("department_active", ward_a.pk, office.pk), {"active": "0"})

    rows = list(Department.objects.filter(unit=ward_a).order_by("order").values_list("name", "active"))
    assert rows == [("Phòng Kinh tế - Hạ tầng", True), ("Văn phòng HĐND-UBND", False)]
    reasons = list(Department.history.filter(id=office.pk).values_list("history_change_reason", flat=True))
    assert any(r.startswith("Ngừng dùng bộ phận") for r in reasons)
    assert Department.history.filter(id=economy.pk).first().history_user == leader_a


def test_department_duplicate_or_empty_name_is_refused(client, editor_a, ward_a):
    f.DepartmentFactory(unit=ward_a, name="Phòng Kinh tế")
    client.force_login(editor_a)

    duplicate = client.post(url("department_list", ward_a.pk), {"name": "phòng kinh tế"}).content.decode()
    empty = client.post(url("department_list", ward_a.pk), {"name": "  "}).content.decode()

    assert "Phường A đã có bộ phận “phòng kinh tế”." in duplicate
    assert "Nhập tên bộ phận." in empty
    assert Department.objects.filter(unit=ward_a).count() == 1


def test_departments_of_another_ward_are_404_and_viewer_gets_403(client, editor_a, viewer_a, ward_a, ward_b):
    foreign = f.DepartmentFactory(unit=ward_b)
    client.force_login(editor_a)
    assert client.get(url("department_list", ward_b.pk)).status_code == 404
    assert client.post(url("department_active", ward_b.pk, foreign.pk), {"active": "0"}).status_code == 404
    assert client.get(url("department_edit", ward_a.pk, foreign.pk)).status_code == 404
    client.force_login(viewer_a)
    assert client.get(url("department_list", ward_a.pk)).status_code == 403
