"""plans/yearroll.py: years rolled forward when a plan is copied, shown for review; the issue page
warns about stale years and targets quoted as they were before they changed."""

import pytest
from django.urls import reverse

from indicators import services as indicator_services
from plans import services, yearroll
from plans.models import Section
from tests import factories as f


@pytest.mark.parametrize(("text", "rolled"), [
    ("Kế hoạch phát triển kinh tế - xã hội năm 2024", "Kế hoạch phát triển kinh tế - xã hội năm 2025"),
    ("Ước thực hiện năm 2023, kế hoạch năm 2024.", "Ước thực hiện năm 2024, kế hoạch năm 2025."),
    ("Hoàn thành trong quý IV/2024.", "Hoàn thành trong quý IV/2025."),
    ("Giai đoạn 2021-2025 và năm 2024.", "Giai đoạn 2021-2025 và năm 2025."),
    ("Số liệu năm 2019 giữ nguyên.", "Số liệu năm 2019 giữ nguyên."),
])
def test_roll_text_moves_the_plan_year_and_last_year(text, rolled):
    assert yearroll.roll_text(text, year=2024)[0] == rolled


def test_roll_text_leaves_legal_citations():
    text = ("Căn cứ Nghị quyết số 07/2023/NQ-HĐND ngày 30 tháng 12 năm 2023. "
            "Thực hiện Kế hoạch số 42/KH-UBND năm 2024. Phấn đấu năm 2024 đạt và vượt.")
    rolled, changes = yearroll.roll_text(text, year=2024, where="Lời mở đầu")
    assert rolled.startswith("Căn cứ Nghị quyết số 07/2023/NQ-HĐND ngày 30 tháng 12 năm 2023. "
                             "Thực hiện Kế hoạch số 42/KH-UBND năm 2024.")
    assert rolled.endswith("Phấn đấu năm 2025 đạt và vượt.")
    assert [(c.where, c.old, c.new) for c in changes] == [
        ("Lời mở đầu", "Phấn đấu năm 2024 đạt và vượt.", "Phấn đấu năm 2025 đạt và vượt.")]


def test_copy_plan_rolls_years_and_lists_them_on_the_new_plan(plan_a, editor_a, client):
    plan_a.title, plan_a.preamble = "Phát triển kinh tế - xã hội năm 2024", "Kết quả năm 2023, kế hoạch năm 2024."
    plan_a.appendix_title = "CHỈ TIÊU NĂM 2024"
    plan_a.legal_bases = ["Căn cứ Nghị quyết số 07/2023/NQ-HĐND năm 2023;"]
    plan_a.save()
    f.SectionFactory(plan=plan_a, heading="I. MỤC TIÊU NĂM 2024", order=1,
                     body="Phấn đấu đến cuối năm 2024 hoàn thành các chỉ tiêu.")

    new = services.copy_plan(plan_a, year=2025, by=editor_a)

    new.refresh_from_db()
    assert new.title == "Phát triển kinh tế - xã hội năm 2025"
    assert new.preamble == "Kết quả năm 2024, kế hoạch năm 2025."
    assert new.appendix_title == "CHỈ TIÊU NĂM 2025"
    assert new.legal_bases == ["Căn cứ Nghị quyết số 07/2023/NQ-HĐND năm 2023;"]
    section = Section.objects.get(plan=new)
    assert (section.heading, section.body) == ("I. MỤC TIÊU NĂM 2025", "Phấn đấu đến cuối năm 2025 hoàn thành các chỉ tiêu.")
    assert len(new.year_changes) == 5
    # Last year's results are named on purpose; the issue page still shows them for a look.
    assert yearroll.stale_lines(new) == ["Lời mở đầu: Kết quả năm 2024, kế hoạch năm 2025."]
    client.force_login(editor_a)
    body = client.get(reverse("plans:plan_detail", args=[new.pk])).content.decode()
    assert "Đã thay năm trong 5 chỗ" in body
    assert "Kết quả năm 2023, kế hoạch năm 2024. → Kết quả năm 2024, kế hoạch năm 2025." in body


def test_issue_page_warns_about_stale_years_and_old_targets(plan_a, editor_a, leader_a, client):
    plan_a.status = "draft"
    plan_a.save()
    ps = f.PlanSectorFactory(plan=plan_a)
    indicator = f.PlanIndicatorFactory(plan=plan_a, plan_sector=ps, name="Tỷ lệ tham gia BHYT",
                                       target_text="90% trở lên", target_kind="at_least", target_value=90)
    f.SectionFactory(plan=plan_a, heading="I. MỤC TIÊU", order=1,
                     body="Tỷ lệ tham gia BHYT đạt 90% trở lên. Tiếp tục thực hiện như năm 2023.")
    indicator_services.save_indicator(plan_a, values={"target_text": "92% trở lên", "plan_sector": ps},
                                      by=editor_a, indicator=indicator)

    lines = yearroll.stale_lines(plan_a)

    assert any("2023" in line for line in lines)
    assert any("90% trở lên" in line and "92% trở lên" in line for line in lines)
    client.force_login(leader_a)
    response = client.get(reverse("issuing:issue", args=[plan_a.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "stale-lines" in body and "nay là “92% trở lên”" in body
