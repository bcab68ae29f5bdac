"""Line recognisers of a plan document: header, headings, unit names. No database."""

from datetime import date

import pytest

from core import plan_text as pt
from core.plan_text import title_after_doc_type


@pytest.mark.parametrize("line, expected", [
    ("Số: 843/KH-UBND", ("843", "KH-UBND")), ("Số:    /KH-UBND", ("", "KH-UBND")), ("Số: 12 / KH-UBND", ("12", "KH-UBND")),
])
def test_number_and_symbol(line, expected):
    assert pt.number_symbol(line) == expected


def test_place_and_date_full_and_blank():
    full = pt.place_date("Lai Hưng, ngày 01 tháng 12 năm 2023")
    assert (full.place, full.issued_on, full.date_text) == ("Lai Hưng", date(2023, 12, 1), "")
    blank = pt.place_date("Phường 2, ngày tháng 02 năm 2024")
    assert (blank.place, blank.issued_on, blank.date_text) == ("Phường 2", None, "ngày    tháng 02 năm 2024")


@pytest.mark.parametrize("line", ["UỶ BAN NHÂN DÂN XÃ HOÀ AN", "ỦY BAN NHÂN DÂN PHƯỜNG MỸ PHÚ", "UBND THÀNH PHỐ CAO LÃNH"])
def test_authority_lines_in_both_spellings(line):
    assert pt.is_authority(line)


def test_authority_unit_and_units_named_in_text():
    assert pt.authority_unit("UỶ BAN NHÂN DÂN XÃ HOÀ AN") == ("Xã Hoà An", "commune")
    assert pt.authority_unit("UBND PHƯỜNG 2") == ("Phường 2", "ward")
    found = [n for n, _ in pt.units_in("Ủy ban nhân dân phường báo cáo; UBND xã Lai Hưng./.")]
    assert found == [("Xã Lai Hưng", "commune")]


@pytest.mark.parametrize("line, level", [("Phần thứ nhất", 0), ("III- TỔ CHỨC THỰC HIỆN", 1), ("1. Về kinh tế", 2),
                                         ("2.1. Ưu điểm", 3), ("2.2.1. Hạn chế:", 4)])
def test_heading_levels(line, level):
    assert pt.heading(line).level == level


def test_a_sentence_with_figures_is_not_a_title():
    assert pt.looks_like_title("6. Trung tâm Văn hóa - Thể thao - Học tập cộng đồng Phường:")
    assert not pt.looks_like_title("2. Thu cân đối theo chỉ tiêu huyện giao là 428.000.000 đồng")
    assert not pt.looks_like_title("7. Không để dịch bệnh gia súc, gia cầm.")


def test_signer_lines():
    assert pt.is_signer_authority("KT. CHỦ TỊCH") and pt.is_signer_title("PHÓ CHỦ TỊCH")
    assert pt.is_signed_mark("(Đã ký)") and pt.is_person_name("Banh Quốc Trung") and not pt.is_person_name("1947")


@pytest.mark.parametrize("typed, kept", [
    ("Kế hoạch phát triển kinh tế - xã hội năm 2026", "Phát triển kinh tế - xã hội năm 2026"),
    ("KẾ HOẠCH Thực hiện nhiệm vụ năm 2025", "Thực hiện nhiệm vụ năm 2025"),
    ("ke hoach: phát triển kinh tế", "Phát triển kinh tế"),
    ("Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024", "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024"),
    ("Kế hoạch", "Kế hoạch"),
    ("Kế hoạch hóa gia đình năm 2026", "Kế hoạch hóa gia đình năm 2026"),
])
def test_the_title_drops_the_document_type_typed_in_front_of_it(typed, kept):
    assert title_after_doc_type(typed) == kept
