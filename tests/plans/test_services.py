import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from indicators import services as indicator_services
from indicators.models import PlanIndicator, PlanSector, Result
from plans import history, reporting, services
from plans.models import Plan, PlanStatus, Section, Task
from tests import factories as f


@pytest.fixture
def full_plan(plan_a, ward_a):
    """plan_a with two sections (one nested), a sector, a parent indicator with a sub-item,
    annual results and a task with a cooperating department."""
    top = f.SectionFactory(plan=plan_a, heading="I. ĐÁNH GIÁ", order=1)
    f.SectionFactory(plan=plan_a, heading="1. Kinh tế", parent=top, order=1)
    ps = f.PlanSectorFactory(plan=plan_a, name="KINH TẾ")
    dep = f.DepartmentFactory(unit=ward_a, name="Văn phòng")
    parent = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="Thu ngân sách", target_text="266",
                                    target_kind="exact", target_value=266, target_unit="", department=dep)
    child = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, parent=parent, name="Tỷ lệ hộ nghèo")
    f.ResultFactory(indicator=child, period="y", value=Decimal("95.5"))
    f.ResultFactory(indicator=child, period="y", is_estimate=True, value=Decimal("99"))
    f.ResultFactory(indicator=parent, period="y", value=None, numerator=261, denominator=200)
    task = f.TaskFactory(plan=plan_a, title="Thu thuế", status="done", progress=100, result_text="Xong",
                         lead=dep, due_date=datetime.date(2024, 2, 29))
    task.cooperating.set([dep])
    return plan_a


def test_copy_plan_copies_tree_and_makes_baselines(full_plan, editor_a):
    new = services.copy_plan(full_plan, year=2025, by=editor_a)

    assert (new.year, new.status, new.revision) == (2025, PlanStatus.DRAFT, 0)
    assert new.title == "Phát triển kinh tế - xã hội năm 2025"
    sections = Section.objects.filter(plan=new)
    assert sections.count() == 2
    assert sections.get(heading="1. Kinh tế").parent.heading == "I. ĐÁNH GIÁ"
    assert PlanSector.objects.filter(plan=new).count() == 1
    child = PlanIndicator.objects.get(plan=new, name="Tỷ lệ hộ nghèo")
    assert child.parent.name == "Thu ngân sách"
    assert child.parent.plan_id == new.pk
    assert (child.target_text, child.target_kind, child.target_value) == ("90% trở lên", "at_least", 90)
    assert (child.baseline_text, child.baseline_value) == ("95,5%", Decimal("95.5"))
    assert child.parent.baseline_text == "261/200"
    assert not Result.objects.filter(indicator__plan=new).exists()
    task = Task.objects.get(plan=new)
    assert (task.status, task.progress, task.result_text) == ("not_started", None, "")
    assert task.due_date == datetime.date(2025, 2, 28)
    assert list(task.cooperating.values_list("name", flat=True)) == ["Văn phòng"]


def test_copy_plan_leaves_source_unchanged(full_plan, editor_a):
    before = PlanIndicator.objects.filter(plan=full_plan).count()

    services.copy_plan(full_plan, year=2025, by=editor_a)

    assert PlanIndicator.objects.filter(plan=full_plan).count() == before
    assert Result.objects.filter(indicator__plan=full_plan).count() == 3


def test_copy_plan_refuses_duplicate_year(full_plan, editor_a):
    f.PlanFactory(unit=full_plan.unit, year=2025)

    with pytest.raises(ValidationError) as exc:
        services.copy_plan(full_plan, year=2025, by=editor_a)

    assert "đã có kế hoạch năm 2025" in str(exc.value)
    assert Plan.objects.filter(unit=full_plan.unit, year=2025).count() == 1


def test_copy_plan_records_audit_row(full_plan, editor_a):
    new = services.copy_plan(full_plan, year=2025, by=editor_a)

    row = new.history.first()
    assert row.history_user == editor_a
    assert row.history_change_reason.startswith("Sao chép từ năm trước")


def test_create_plan_blank(ward_a, editor_a):
    plan = services.create_plan(ward_a, year=2026, title="Phát triển kinh tế - xã hội năm 2026", by=editor_a)

    assert plan.status == PlanStatus.DRAFT
    assert plan.place == "A"
    assert plan.history.first().history_user == editor_a


def test_issue_plan_sets_status_and_audits(plan_a, leader_a):
    services.issue_plan(plan_a, number="63", issued_on=datetime.date(2024, 1, 15), signer_name="Nguyễn Văn A",
                        signer_title="CHỦ TỊCH", signer_authority="TM. ỦY BAN NHÂN DÂN", by=leader_a)

    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.ISSUED
    assert plan_a.number_symbol == "63/KH-UBND"
    row = plan_a.history.first()
    assert row.history_user == leader_a
    assert row.history_change_reason == "Ban hành: Dự thảo → Đã ban hành"
    delta = row.diff_against(row.prev_record)
    assert {c.field for c in delta.changes} >= {"status", "number", "issued_on", "signer_name"}
    assert next(c for c in delta.changes if c.field == "status").old == "draft"


def test_issue_plan_refuses_already_issued(plan_a, leader_a):
    plan_a.status = PlanStatus.ISSUED
    plan_a.save()

    with pytest.raises(ValidationError):
        services.issue_plan(plan_a, number="1", issued_on=datetime.date(2024, 1, 2), signer_name="B",
                            signer_title="CHỦ TỊCH", signer_authority="TM.", by=leader_a)


@pytest.mark.parametrize("day", [datetime.date(2022, 12, 31), datetime.date(2025, 1, 1)])
def test_issue_plan_refuses_date_out_of_range(plan_a, leader_a, day):
    with pytest.raises(ValidationError) as exc:
        services.issue_plan(plan_a, number="1", issued_on=day, signer_name="B", signer_title="CHỦ TỊCH",
                            signer_authority="TM.", by=leader_a)

    assert "issued_on" in exc.value.error_dict
    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.DRAFT


def test_start_revision_copies_and_keeps_issued_plan(full_plan, editor_a):
    Plan.objects.filter(pk=full_plan.pk).update(status=PlanStatus.ISSUED, number="63")
    full_plan.refresh_from_db()
    history_before = full_plan.history.count()

    draft = services.start_revision(full_plan, by=editor_a)

    assert (draft.revision, draft.revision_of, draft.status, draft.year) == (1, full_plan, PlanStatus.DRAFT, 2024)
    assert draft.number == ""
    assert PlanIndicator.objects.filter(plan=draft).count() == 2
    assert Result.objects.filter(indicator__plan=draft).count() == 3
    assert Task.objects.get(plan=draft).status == "done"
    full_plan.refresh_from_db()
    assert full_plan.status == PlanStatus.ISSUED
    assert full_plan.history.count() == history_before
    assert draft.history.first().history_change_reason == "Tạo bản điều chỉnh: lần 0 → lần 1"


def test_start_revision_returns_existing_draft(full_plan, editor_a):
    Plan.objects.filter(pk=full_plan.pk).update(status=PlanStatus.ISSUED)
    full_plan.refresh_from_db()
    first = services.start_revision(full_plan, by=editor_a)

    again = services.start_revision(full_plan, by=editor_a)

    assert again == first
    assert Plan.objects.filter(unit=full_plan.unit, year=2024).count() == 2


def test_start_revision_refuses_draft(plan_a, editor_a):
    with pytest.raises(ValidationError):
        services.start_revision(plan_a, by=editor_a)


def test_update_plan_refuses_issued(plan_a, editor_a):
    Plan.objects.filter(pk=plan_a.pk).update(status=PlanStatus.ISSUED)
    plan_a.refresh_from_db()

    with pytest.raises(ValidationError):
        services.update_plan(plan_a, values={"title": "Khác"}, by=editor_a)

    plan_a.refresh_from_db()
    assert plan_a.title != "Khác"


def test_update_plan_audits_old_and_new(plan_a, editor_a):
    services.update_plan(plan_a, values={"title": "Kế hoạch mới", "legal_bases": ["Căn cứ A"]}, by=editor_a)

    changes = history.plan_history(plan_a)
    assert changes[0].who == editor_a
    fields = {label: (old, new) for label, old, new in changes[0].fields}
    assert fields["trích yếu"] == ("Phát triển kinh tế - xã hội năm 2024", "Kế hoạch mới")
    assert fields["căn cứ"] == ("", "Căn cứ A")


def test_move_section_down_at_end_is_noop(plan_a, editor_a):
    s1, s2 = f.SectionFactory(plan=plan_a), f.SectionFactory(plan=plan_a)

    services.move_section(s2, up=False, by=editor_a)
    services.move_section(s1, up=False, by=editor_a)

    assert list(Section.objects.filter(plan=plan_a).order_by("order").values_list("pk", flat=True)) == [s2.pk, s1.pk]


def test_editing_issued_plan_is_refused(plan_a, editor_a):
    section = f.SectionFactory(plan=plan_a)
    ind = f.PlanIndicatorFactory(plan=plan_a)
    Plan.objects.filter(pk=plan_a.pk).update(status=PlanStatus.ISSUED)
    plan_a.refresh_from_db()
    section.plan.refresh_from_db()
    ind.plan.refresh_from_db()

    for call in (lambda: indicator_services.delete_indicator(ind, by=editor_a),
                 lambda: services.move_section(section, up=True, by=editor_a),
                 lambda: services.save_section(plan_a, values={"heading": "X"}, by=editor_a)):
        with pytest.raises(ValidationError):
            call()
    assert PlanIndicator.objects.filter(pk=ind.pk).exists()


@pytest.mark.parametrize(("status", "progress", "expected"), [
    ("not_started", 50, "in_progress"),
    ("not_started", 100, "done"),
    ("in_progress", 100, "done"),
    ("not_done", 40, "not_done"),      # a status the person chose stands
    ("not_started", 0, "not_started"),
])
def test_task_status_follows_a_progress_that_contradicts_it(editor_a, plan_a, status, progress, expected):
    from plans.models import Task

    task = f.TaskFactory(plan=plan_a, status=status)

    reporting.save_task(task, values={"progress": progress, "status": status}, expected_version=task.version,
                       by=editor_a)

    assert Task.objects.get(pk=task.pk).status == expected


def test_create_plan_blank_starts_from_the_nd30_skeleton(ward_a, editor_a):
    plan = services.create_plan(ward_a, year=2026, title="Phát triển kinh tế - xã hội năm 2026", by=editor_a)

    headings = list(plan.sections.order_by("order").values_list("heading", "include_indicators"))
    assert headings == [("I. MỤC TIÊU", False), ("II. CHỈ TIÊU", True), ("III. NHIỆM VỤ VÀ GIẢI PHÁP", False),
                        ("IV. TỔ CHỨC THỰC HIỆN", False)]
    sectors = list(plan.plan_sectors.order_by("order").values_list("sector__code", flat=True))
    assert sectors[:2] == ["kinh-te", "van-hoa-xa-hoi"] and len(sectors) == 6
