"""Composing the tasks of a draft plan in the browser: add, edit every field, reorder, remove."""

import datetime

import pytest
from django.urls import reverse

from plans.models import Plan, PlanStatus, Task
from tests import factories as f


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


def _post(**over):
    data = {"stt": "1", "group": "", "title": "Tổ chức tốt Đại hội", "description": "", "lead": "",
            "due_date": "", "due_text": "", "result_text": "", "note": "", "sector": ""}
    return data | over


@pytest.fixture
def departments(ward_a):
    return [f.DepartmentFactory(unit=ward_a, name=name, order=i)
            for i, name in enumerate(["Văn phòng HĐND-UBND", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội"], 1)]


def test_task_add_every_field_then_edit_move_delete(client, editor_a, plan_a, departments):
    office, economy, culture = departments
    client.force_login(editor_a)

    response = client.post(url("task_compose", plan_a.pk), _post(
        title="Tổ chức tốt Đại hội", description="Chuẩn bị văn kiện", lead=office.pk,
        cooperating=[economy.pk, culture.pk], due_date="30/06/2024", due_text="Quý II/2024",
        result_text="Đại hội thành công", note="ghi chú", group="Xây dựng chính quyền"))
    client.post(url("task_compose", plan_a.pk), _post(title="Thu ngân sách", lead=economy.pk))

    assert response.status_code == 302
    first, second = Task.objects.filter(plan=plan_a).order_by("order")
    assert (first.title, first.lead, first.due_date, first.due_text) == (
        "Tổ chức tốt Đại hội", office, datetime.date(2024, 6, 30), "Quý II/2024")
    assert set(first.cooperating.all()) == {economy, culture}
    assert (first.description, first.result_text, first.group) == ("Chuẩn bị văn kiện", "Đại hội thành công",
                                                                    "Xây dựng chính quyền")
    assert first.history.first().history_change_reason.startswith("Thêm nhiệm vụ")
    assert first.history.first().history_user == editor_a

    client.post(url("task_draft_edit", plan_a.pk, first.pk), _post(title="Đại hội Đảng bộ", lead=culture.pk,
                                                                   cooperating=[office.pk]))
    first.refresh_from_db()
    assert (first.title, first.lead) == ("Đại hội Đảng bộ", culture)
    assert list(first.cooperating.all()) == [office]
    assert first.due_date is None

    client.post(url("task_move", plan_a.pk, second.pk, "up"))
    assert list(Task.objects.filter(plan=plan_a).order_by("order").values_list("title", flat=True)) == [
        "Thu ngân sách", "Đại hội Đảng bộ"]

    client.post(url("task_delete", plan_a.pk, second.pk))
    assert list(Task.objects.filter(plan=plan_a).values_list("title", flat=True)) == ["Đại hội Đảng bộ"]
    deleted = Task.history.filter(id=second.pk, history_type="-").get()
    assert deleted.history_user == editor_a and "Xoá nhiệm vụ" in deleted.history_change_reason


def test_task_compose_lists_tasks_and_departments(client, editor_a, plan_a, departments):
    f.TaskFactory(plan=plan_a, title="Nhiệm vụ có sẵn", lead=departments[0])
    client.force_login(editor_a)

    body = client.get(url("task_compose", plan_a.pk)).content.decode()

    assert "Nhiệm vụ có sẵn" in body
    assert "Phòng Văn hóa - Xã hội" in body
    assert reverse("units:department_list", args=[plan_a.unit_id]) in body


def test_task_empty_title_and_due_date_outside_year_are_refused(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.post(url("task_compose", plan_a.pk), _post(title=" ", due_date="01/01/2025"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Nhập tên nhiệm vụ." in body
    assert "Thời hạn phải trong năm kế hoạch 2024" in body
    assert not Task.objects.filter(plan=plan_a).exists()


def test_task_department_of_another_ward_is_refused(client, editor_a, plan_a, ward_b):
    foreign = f.DepartmentFactory(unit=ward_b, name="Phòng Kinh tế B")
    client.force_login(editor_a)

    response = client.post(url("task_compose", plan_a.pk), _post(lead=foreign.pk, cooperating=[foreign.pk]))

    assert "Chọn bộ phận trong danh sách của đơn vị." in response.content.decode()
    assert not Task.objects.filter(plan=plan_a).exists()


def test_inactive_department_is_not_offered_for_a_new_task(client, editor_a, plan_a, departments):
    departments[2].active = False
    departments[2].save()
    client.force_login(editor_a)

    response = client.post(url("task_compose", plan_a.pk), _post(lead=departments[2].pk))

    assert "Chọn bộ phận trong danh sách của đơn vị." in response.content.decode()


def test_task_of_another_ward_is_404_and_issued_plan_is_403(client, editor_a, plan_a, plan_b):
    foreign = f.TaskFactory(plan=plan_b)
    mine = f.TaskFactory(plan=plan_a)
    client.force_login(editor_a)

    assert client.get(url("task_draft_edit", plan_a.pk, foreign.pk)).status_code == 404
    assert client.post(url("task_delete", plan_b.pk, foreign.pk)).status_code == 404
    assert client.get(url("task_compose", plan_b.pk)).status_code == 404
    Plan.objects.filter(pk=plan_a.pk).update(status=PlanStatus.ISSUED)
    assert client.get(url("task_compose", plan_a.pk)).status_code == 403
    assert client.post(url("task_delete", plan_a.pk, mine.pk)).status_code == 403
    assert Task.objects.filter(pk=mine.pk).exists()


def test_viewer_cannot_compose_tasks(client, viewer_a, plan_a):
    client.force_login(viewer_a)

    assert client.get(url("task_compose", plan_a.pk)).status_code == 403


def test_blank_plan_page_offers_to_add_tasks(client, editor_a, plan_a):
    client.force_login(editor_a)

    body = client.get(plan_a.get_absolute_url()).content.decode()

    assert url("task_compose", plan_a.pk) in body


def test_plan_header_links_the_years_before_and_after(client, editor_a, plan_a):
    before = f.PlanFactory(unit=plan_a.unit, year=2023)
    after = f.PlanFactory(unit=plan_a.unit, year=2025)
    client.force_login(editor_a)

    body = client.get(plan_a.get_absolute_url()).content.decode()

    assert f'href="{before.get_absolute_url()}" rel="prev"' in body
    assert f'href="{after.get_absolute_url()}" rel="next"' in body
