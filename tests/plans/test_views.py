import datetime
import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from indicators import services as indicator_services
from indicators.models import PlanIndicator, Sector
from plans import reporting
from plans.models import Plan, PlanStatus, Section
from tests import factories as f


def url(name, *args):
    return reverse(f"plans:{name}", args=args)


def _issue(plan):
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.ISSUED, number="63",
                                           issued_on=datetime.date(2024, 1, 10))
    plan.refresh_from_db()
    return plan


def _indicator_post(plan, **over):
    ps = f.PlanSectorFactory(plan=plan) if not plan.plan_sectors.exists() else plan.plan_sectors.first()
    data = {"sector": f"ps:{ps.pk}", "parent": "", "stt": "1", "name": "Tỷ lệ hộ nghèo", "unit_of_measure": "%",
            "target_text": "dưới 1,5%", "baseline_text": "", "baseline_value": "", "note": "", "department": "",
            "in_main_list": "on", "in_appendix": "on"}
    return data | over


# --- plan page and history ------------------------------------------------------------------

def test_plan_detail_shows_status_and_edit_links_for_editor(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.get(plan_a.get_absolute_url())

    body = response.content.decode()
    assert "DỰ THẢO" in body
    assert url("plan_edit", plan_a.pk) in body
    assert url("indicator_list", plan_a.pk) in body
    assert reverse("issuing:issue", args=[plan_a.pk]) not in body  # an editor does not issue


def test_plan_detail_shows_issue_link_for_leader(client, leader_a, plan_a):
    client.force_login(leader_a)

    response = client.get(plan_a.get_absolute_url())

    assert reverse("issuing:issue", args=[plan_a.pk]) in response.content.decode()


def test_plan_detail_hides_edit_links_for_viewer(client, viewer_a, plan_a):
    client.force_login(viewer_a)

    body = client.get(plan_a.get_absolute_url()).content.decode()

    assert url("plan_edit", plan_a.pk) not in body
    assert url("plan_copy", plan_a.pk) not in body


def test_plan_detail_of_issued_plan_offers_revision_not_edit(client, editor_a, plan_a):
    _issue(plan_a)
    client.force_login(editor_a)

    body = client.get(plan_a.get_absolute_url()).content.decode()

    assert url("plan_revise", plan_a.pk) in body
    assert url("plan_edit", plan_a.pk) not in body
    assert "Đã ban hành" in body


def test_plan_history_shows_who_old_and_new(client, editor_a, plan_a):
    client.force_login(editor_a)
    ind = f.PlanIndicatorFactory(plan=plan_a, name="Thu ngân sách")
    client.post(url("indicator_edit", plan_a.pk, ind.pk),
                _indicator_post(plan_a, name="Thu ngân sách", target_text="95% trở lên"))

    body = client.get(url("plan_history", plan_a.pk)).content.decode()

    assert "editor_a" in body
    assert "Thu ngân sách" in body
    assert "90% trở lên" in body and "95% trở lên" in body


def test_plan_detail_query_count_does_not_grow_with_indicators(client, viewer_a, plan_a):
    client.force_login(viewer_a)
    ps = f.PlanSectorFactory(plan=plan_a)
    first = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps)
    f.ResultFactory(indicator=first)
    with CaptureQueriesContext(connection) as one:
        assert client.get(plan_a.get_absolute_url()).status_code == 200
    for _ in range(2):
        f.ResultFactory(indicator=f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps))
    f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, parent=first)

    with CaptureQueriesContext(connection) as three:
        assert client.get(plan_a.get_absolute_url()).status_code == 200

    assert len(three) == len(one) <= PLAN_PAGE_QUERIES


# What the page reads once each (the plan, its indicators and results, sections, tasks, period report, header,
# issued documents, the download menu's indicators, tasks and text, comments) and the navbar's to-do count (a viewer:
# 2 queries, counted afresh in tests)
PLAN_PAGE_QUERIES = 22


# --- new plan and copy ----------------------------------------------------------------------

def test_plan_create_blank(client, editor_a, ward_a):
    client.force_login(editor_a)

    response = client.post(url("plan_create"), {"unit": ward_a.pk, "year": 2026, "mode": "blank", "title": ""})

    plan = Plan.objects.get(unit=ward_a, year=2026)
    assert response.url == plan.get_absolute_url()
    assert plan.title == "Phát triển kinh tế - xã hội năm 2026"


def test_plan_title_typed_with_its_document_type_reads_once(client, editor_a, ward_a):
    """The document prints "KẾ HOẠCH" above the trích yếu: a title typed "Kế hoạch ..." loses it."""
    client.force_login(editor_a)

    client.post(url("plan_create"), {"unit": ward_a.pk, "year": 2026, "mode": "blank",
                                     "title": "Kế hoạch phát triển kinh tế - xã hội năm 2026"})

    assert Plan.objects.get(unit=ward_a, year=2026).title == "Phát triển kinh tế - xã hội năm 2026"


def test_plan_create_copy_from_last_year(client, editor_a, plan_a):
    f.PlanIndicatorFactory(plan=plan_a, name="Chỉ tiêu cũ")
    client.force_login(editor_a)

    response = client.post(url("plan_create"), {"unit": plan_a.unit_id, "year": 2025, "mode": "copy"})

    new = Plan.objects.get(unit=plan_a.unit, year=2025)
    assert response.status_code == 302
    assert new.indicators.get().name == "Chỉ tiêu cũ"


def test_plan_create_refuses_duplicate_year(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.post(url("plan_create"), {"unit": plan_a.unit_id, "year": 2024, "mode": "blank"})

    assert response.status_code == 200
    assert "Phường A đã có kế hoạch năm 2024." in response.content.decode()
    assert Plan.objects.filter(unit=plan_a.unit).count() == 1


def test_plan_create_copy_without_last_year_says_so(client, editor_a, ward_a):
    client.force_login(editor_a)

    response = client.post(url("plan_create"), {"unit": ward_a.pk, "year": 2030, "mode": "copy"})

    assert "chưa có kế hoạch năm 2029 để sao chép" in response.content.decode()
    assert not Plan.objects.filter(year=2030).exists()


def test_plan_create_refuses_unit_of_another_ward(client, editor_a, ward_b):
    client.force_login(editor_a)

    response = client.post(url("plan_create"), {"unit": ward_b.pk, "year": 2026, "mode": "blank"})

    assert response.status_code == 200
    assert not Plan.objects.filter(unit=ward_b).exists()


def test_plan_create_forbidden_without_write_role(client, viewer_a):
    client.force_login(viewer_a)

    assert client.get(url("plan_create")).status_code == 403


def test_plan_copy_post_creates_next_year(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.post(url("plan_copy", plan_a.pk))

    new = Plan.objects.get(unit=plan_a.unit, year=2025)
    assert response.url == new.get_absolute_url()


def test_plan_copy_twice_is_refused_with_message(client, editor_a, plan_a):
    client.force_login(editor_a)
    client.post(url("plan_copy", plan_a.pk))

    response = client.post(url("plan_copy", plan_a.pk), follow=True)

    assert "đã có kế hoạch năm 2025" in response.content.decode()
    assert Plan.objects.filter(unit=plan_a.unit, year=2025).count() == 1


# --- metadata -------------------------------------------------------------------------------

def _meta_post(plan, **over):
    data = {"authority_parent": "", "authority": "", "number": "", "symbol": "KH-UBND", "place": "Mỹ Phú",
            "issued_on": "", "date_text": "", "title": plan.title, "legal_bases": "Căn cứ Luật A;\nCăn cứ B;\n\n",
            "preamble": "", "recipients": "- TT. Đảng ủy;\n- Lưu: VT.", "signer_authority": "TM. ỦY BAN NHÂN DÂN",
            "signer_title": "CHỦ TỊCH", "signer_name": "Trần Văn B", "monthly_report_day": "10"}
    return data | over


def test_plan_edit_saves_lists_one_per_line(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.post(url("plan_edit", plan_a.pk), _meta_post(plan_a, issued_on="15/01/2024"))

    assert response.status_code == 302
    plan_a.refresh_from_db()
    assert plan_a.legal_bases == ["Căn cứ Luật A;", "Căn cứ B;"]
    assert plan_a.recipients == ["- TT. Đảng ủy;", "- Lưu: VT."]
    assert plan_a.issued_on == datetime.date(2024, 1, 15)
    assert plan_a.history.first().history_user == editor_a


@pytest.mark.parametrize(("field", "value", "message"), [
    ("title", "  ", "Nhập trích yếu của kế hoạch."),
    ("issued_on", "01/01/2026", "Ngày ban hành phải trong năm 2023 hoặc 2024"),
    ("issued_on", "31/02/2024", "Ngày không hợp lệ"),
    ("monthly_report_day", "-3", "Ngày nộp phải từ 1 đến 28."),
])
def test_plan_edit_bad_input_message_next_to_field(client, editor_a, plan_a, field, value, message):
    client.force_login(editor_a)

    response = client.post(url("plan_edit", plan_a.pk), _meta_post(plan_a, **{field: value}))

    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="id_{field}-error">{message}' in body
    plan_a.refresh_from_db()
    assert plan_a.legal_bases == []


def test_plan_edit_of_issued_plan_is_refused_without_saving(client, editor_a, plan_a):
    _issue(plan_a)
    client.force_login(editor_a)

    response = client.post(url("plan_edit", plan_a.pk), _meta_post(plan_a, title="Đổi"))

    assert response.status_code == 403
    assert "Kế hoạch đã ban hành không sửa được" in response.content.decode()
    plan_a.refresh_from_db()
    assert plan_a.title != "Đổi"


# --- revise ----------------------------------------------------------------------------

def test_plan_revise_creates_draft_and_keeps_issued(client, editor_a, plan_a):
    _issue(plan_a)
    f.PlanIndicatorFactory(plan=plan_a)
    client.force_login(editor_a)

    response = client.post(url("plan_revise", plan_a.pk))

    draft = Plan.objects.get(revision_of=plan_a)
    assert response.url == url("plan_edit", draft.pk)
    assert draft.indicators.count() == 1
    plan_a.refresh_from_db()
    assert plan_a.status == PlanStatus.ISSUED


# --- sections ------------------------------------------------------------------------------

def test_section_add_edit_move_delete(client, editor_a, plan_a):
    client.force_login(editor_a)
    top = f.SectionFactory(plan=plan_a, heading="I. Mục một")

    client.post(url("section_list", plan_a.pk), {"parent": top.pk, "heading": "1. Con", "body": "Nội dung"})
    child = Section.objects.get(heading="1. Con")
    assert child.parent == top
    client.post(url("section_list", plan_a.pk), {"parent": "", "heading": "II. Mục hai", "body": ""})
    second = Section.objects.get(heading="II. Mục hai")
    client.post(url("section_move", plan_a.pk, second.pk, "up"))
    assert list(Section.objects.filter(plan=plan_a, parent=None).order_by("order").values_list("heading", flat=True)) \
        == ["II. Mục hai", "I. Mục một"]
    client.post(url("section_edit", plan_a.pk, child.pk), {"parent": "", "heading": "III. Lên cấp", "body": ""})
    child.refresh_from_db()
    assert (child.parent, child.heading) == (None, "III. Lên cấp")
    client.post(url("section_delete", plan_a.pk, top.pk))
    assert not Section.objects.filter(pk=top.pk).exists()


def test_section_list_shows_sections(client, editor_a, plan_a):
    f.SectionFactory(plan=plan_a, heading="I. ĐÁNH GIÁ TÌNH HÌNH")
    client.force_login(editor_a)

    body = client.get(url("section_list", plan_a.pk)).content.decode()

    assert "I. ĐÁNH GIÁ TÌNH HÌNH" in body


def test_section_add_empty_is_refused(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.post(url("section_list", plan_a.pk), {"parent": "", "heading": "", "body": " "})

    assert "Nhập tiêu đề hoặc nội dung của mục." in response.content.decode()
    assert not Section.objects.exists()


def test_section_parent_from_another_plan_is_refused(client, editor_a, plan_a, plan_b):
    foreign = f.SectionFactory(plan=plan_b)
    client.force_login(editor_a)

    response = client.post(url("section_list", plan_a.pk), {"parent": foreign.pk, "heading": "X"})

    assert response.status_code == 200
    assert not Section.objects.filter(plan=plan_a).exists()


def test_section_of_another_ward_is_404(client, editor_a, plan_a, plan_b):
    foreign = f.SectionFactory(plan=plan_b)
    client.force_login(editor_a)

    assert client.get(url("section_edit", plan_a.pk, foreign.pk)).status_code == 404
    assert client.post(url("section_delete", plan_b.pk, foreign.pk)).status_code == 404
    assert Section.objects.filter(pk=foreign.pk).exists()


def test_section_cannot_become_its_own_descendant(client, editor_a, plan_a):
    top = f.SectionFactory(plan=plan_a)
    child = f.SectionFactory(plan=plan_a, parent=top)
    client.force_login(editor_a)

    response = client.post(url("section_edit", plan_a.pk, top.pk), {"parent": child.pk, "heading": "X"})

    assert response.status_code == 200
    top.refresh_from_db()
    assert top.parent is None


# --- indicators ----------------------------------------------------------------------------

def test_indicator_add_stores_text_and_parse(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.post(url("indicator_list", plan_a.pk), _indicator_post(plan_a, baseline_value="1.234,5"))

    assert response.status_code == 302
    ind = PlanIndicator.objects.get(plan=plan_a)
    assert (ind.target_text, ind.target_kind, ind.target_value) == ("dưới 1,5%", "below", Decimal("1.5"))
    assert ind.baseline_value == Decimal("1234.5")
    assert ind.history.first().history_user == editor_a


def test_indicator_add_in_new_sector_creates_plan_sector(client, editor_a, plan_a):
    data = _indicator_post(plan_a)  # the plan already has a "kinh-te" sector
    sector = Sector.objects.exclude(code="kinh-te").first()
    client.force_login(editor_a)

    client.post(url("indicator_list", plan_a.pk), data | {"sector": f"s:{sector.pk}"})

    ind = PlanIndicator.objects.get(plan=plan_a, plan_sector__sector=sector)
    assert ind.plan_sector.name == sector.name.upper()


def test_indicator_unreadable_target_is_kept_qualitative(client, editor_a, plan_a):
    client.force_login(editor_a)

    client.post(url("indicator_list", plan_a.pk), _indicator_post(plan_a, target_text="Giữ vững ổn định"))

    ind = PlanIndicator.objects.get(plan=plan_a)
    assert (ind.target_text, ind.target_kind) == ("Giữ vững ổn định", "qualitative")


@pytest.mark.parametrize(("value", "unit", "message"), [
    ("1,234.5", "người", "Số không hợp lệ"),
    ("15.2", "%", "Số không hợp lệ"),
    ("-3", "hộ", "Số lượng không được âm."),
])
def test_indicator_bad_baseline_is_refused(client, editor_a, plan_a, value, unit, message):
    client.force_login(editor_a)

    response = client.post(url("indicator_list", plan_a.pk),
                           _indicator_post(plan_a, baseline_value=value, unit_of_measure=unit))

    assert response.status_code == 200
    assert f'id="id_baseline_value-error">{message}' in response.content.decode()
    assert not PlanIndicator.objects.filter(plan=plan_a).exists()


def test_indicator_negative_rate_baseline_is_allowed(client, editor_a, plan_a):
    client.force_login(editor_a)

    client.post(url("indicator_list", plan_a.pk), _indicator_post(plan_a, baseline_value="-0,5", unit_of_measure="%"))

    assert PlanIndicator.objects.get(plan=plan_a).baseline_value == Decimal("-0.5")


def test_indicator_empty_name_is_refused(client, editor_a, plan_a):
    client.force_login(editor_a)

    response = client.post(url("indicator_list", plan_a.pk), _indicator_post(plan_a, name="  "))

    assert 'id="id_name-error">' in response.content.decode()
    assert not PlanIndicator.objects.exists()


def test_indicator_parent_from_another_plan_is_refused(client, editor_a, plan_a, plan_b):
    foreign = f.PlanIndicatorFactory(plan=plan_b)
    client.force_login(editor_a)

    response = client.post(url("indicator_list", plan_a.pk), _indicator_post(plan_a, parent=foreign.pk))

    assert "Chọn một chỉ tiêu của kế hoạch này." in response.content.decode()
    assert not PlanIndicator.objects.filter(plan=plan_a).exists()


def test_indicator_sector_from_another_plan_is_refused(client, editor_a, plan_a, plan_b):
    foreign = f.PlanSectorFactory(plan=plan_b)
    client.force_login(editor_a)

    response = client.post(url("indicator_list", plan_a.pk), _indicator_post(plan_a, sector=f"ps:{foreign.pk}"))

    assert "Chọn một lĩnh vực trong danh sách." in response.content.decode()


def test_indicator_edit_nest_move_delete(client, editor_a, plan_a):
    ps = f.PlanSectorFactory(plan=plan_a)
    a = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="A")
    b = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="B")
    c = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="C")
    client.force_login(editor_a)

    client.post(url("indicator_edit", plan_a.pk, c.pk), _indicator_post(plan_a, name="C", parent=a.pk))
    c.refresh_from_db()
    assert c.parent == a
    client.post(url("indicator_move", plan_a.pk, b.pk, "up"))
    top = PlanIndicator.objects.filter(plan=plan_a, parent=None).order_by("order", "pk")
    assert [i.name for i in top] == ["B", "A"]
    client.post(url("indicator_delete", plan_a.pk, a.pk))
    assert list(PlanIndicator.objects.filter(plan=plan_a).values_list("name", flat=True)) == ["B"]


def test_indicator_edit_page_shows_current_parse(client, editor_a, plan_a):
    ind = f.PlanIndicatorFactory(plan=plan_a)
    client.force_login(editor_a)

    body = client.get(url("indicator_edit", plan_a.pk, ind.pk)).content.decode()

    assert "≥ 90%" in body
    assert 'hx-trigger="keyup changed delay:300ms"' in body
    assert url("target_preview") in body


def test_indicator_of_another_ward_is_404(client, editor_a, plan_a, plan_b):
    foreign = f.PlanIndicatorFactory(plan=plan_b)
    client.force_login(editor_a)

    assert client.get(url("indicator_edit", plan_a.pk, foreign.pk)).status_code == 404
    assert client.post(url("indicator_delete", plan_b.pk, foreign.pk)).status_code == 404
    assert PlanIndicator.objects.filter(pk=foreign.pk).exists()


def test_indicator_grid_of_issued_plan_is_refused_with_the_reason(client, editor_a, plan_a):
    _issue(plan_a)
    client.force_login(editor_a)

    response = client.get(url("indicator_list", plan_a.pk))

    assert response.status_code == 403
    assert "Kế hoạch đã ban hành không sửa được" in response.content.decode()


def test_indicator_post_by_supervisor_is_403(client, supervisor_d, plan_a):
    ind = f.PlanIndicatorFactory(plan=plan_a)
    client.force_login(supervisor_d)

    assert client.post(url("indicator_delete", plan_a.pk, ind.pk)).status_code == 403
    assert client.post(url("indicator_list", plan_a.pk), _indicator_post(plan_a)).status_code == 403
    assert PlanIndicator.objects.filter(plan=plan_a).count() == 1


# --- live preview --------------------------------------------------------------------------

def test_target_preview_shows_meaning(client, editor_a):
    client.force_login(editor_a)

    response = client.get(url("target_preview"), {"target_text": "90% trở lên"}, HTTP_HX_REQUEST="true")

    assert "≥ 90%" in response.content.decode()


def test_target_preview_notes_qualitative(client, editor_a):
    client.force_login(editor_a)

    response = client.get(url("target_preview"), {"target_text": "Giữ vững ổn định"})

    assert "Không đọc được dạng số: chỉ tiêu sẽ được đánh giá định tính" in response.content.decode()


def test_anonymous_is_sent_to_login(client, plan_a):
    response = client.post(url("plan_copy", plan_a.pk))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_indicator_history_lists_its_target_and_result_changes_only(client, editor_a, plan_a, plan_b):

    ind = f.PlanIndicatorFactory(plan=plan_a, name="Tỷ lệ tham gia BHYT")
    other = f.PlanIndicatorFactory(plan=plan_a, name="Thu ngân sách")
    indicator_services.save_indicator(plan_a, indicator=ind, by=editor_a, values={
        **{k: getattr(ind, k) for k in ("stt", "name", "unit_of_measure", "baseline_text", "note")},
        "target_text": "từ 95% trở lên", "baseline_value": None, "department": None, "parent": None,
        "in_main_list": True, "in_appendix": True, "plan_sector": ind.plan_sector, "new_sector": None})
    client.force_login(editor_a)
    url = reverse("plans:plan_history", args=[plan_a.pk])

    body = client.get(url, {"indicator": ind.pk}).content.decode()

    assert "Lịch sử chỉ tiêu" in body and "từ 95% trở lên" in body
    assert "Thu ngân sách" not in body
    assert client.get(url, {"indicator": f.PlanIndicatorFactory(plan=plan_b).pk}).status_code == 404
    assert client.get(url, {"indicator": "x"}).status_code == 404
    assert other.name in client.get(url).content.decode()


def test_history_of_a_report_names_people_in_vietnamese_and_local_time(client, editor_a, supervisor_d, plan_a):
    report = reporting.submit_period(reporting.period_report(plan_a, "q1"), by=editor_a)
    reporting.reopen_period(report, comment="Sửa lại số liệu", by=supervisor_d)
    client.force_login(editor_a)

    body = client.get(url("plan_history", plan_a.pk)).content.decode()

    assert "Người nộp" in body and "Người mở lại" in body
    assert "Deleted" not in body and "pk=None" not in body and "Submitted by" not in body
    local = timezone.localtime(report.submitted_at if isinstance(report.submitted_at, dt.datetime)
                               else plan_a.period_reports.get().submitted_at)
    assert local.strftime("%d/%m/%Y %H:%M") in body


@pytest.mark.parametrize(("typed", "noted"), [("1,234.5 đồng", True), ("15.2%", True), ("1.234,5 đồng", False),
                                              ("1.159 học sinh", False), ("97-98%", False), ("0,8 %", False)])
def test_target_preview_notes_an_english_number(client, editor_a, typed, noted):
    client.force_login(editor_a)

    body = client.get(reverse("plans:target_preview"), {"target_text": typed}).content.decode()

    assert ("viết kiểu Anh" in body) is noted
