"""An indicator line as name, target as written, baseline and unit. No database."""

import pytest

from core.plan_items import read_item


@pytest.mark.parametrize("text, name, target, unit", [
    ("Tỷ lệ lao động qua đào tạo đạt 88%", "Tỷ lệ lao động qua đào tạo", "đạt 88%", "%"),
    ("Tỷ lệ hộ nghèo: Dưới 0,5%;", "Tỷ lệ hộ nghèo", "Dưới 0,5%", "%"),
    ("Tỷ suất sinh thô tăng 0,3‰.", "Tỷ suất sinh thô", "tăng 0,3‰", "‰"),
    ("Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm.", "Thu nhập bình quân đầu người",
     "64.000.000 đồng/người/năm", "đồng/người/năm"),
    ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 11%", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "dưới 11%", "%"),
    ("Giao quân đạt 100% chỉ tiêu trên giao.", "Giao quân", "đạt 100% chỉ tiêu trên giao", "%"),
    ("Thu ngân sách đạt và vượt kế hoạch", "Thu ngân sách", "đạt và vượt kế hoạch", ""),
    ("Duy trì phường đạt chuẩn Quốc gia về Y tế.", "Duy trì phường đạt chuẩn Quốc gia về Y tế", "Duy trì", ""),
    ("Vận động quỹ khuyến học hàng năm 130 triệu đồng.", "Vận động quỹ khuyến học hàng năm", "130 triệu đồng", "đồng"),
])
def test_name_target_unit(text, name, target, unit):
    item = read_item(text, year=2024)
    assert (item["name"], item["target"], item["unit"]) == (name, target, unit)


def test_earlier_year_in_parentheses_is_the_baseline_a_later_one_stays():
    item = read_item("Tỷ lệ tham gia bảo hiểm y tế đạt 93% (năm 2023: 88%).", year=2024)
    assert (item["target"], item["baseline"]) == ("đạt 93%", "88%")
    item = read_item("Giảm hàng năm đối với cân nặng là 0,1% (Năm 2024: 8,06%)", year=2024)
    assert (item["target"], item["baseline"]) == ("0,1% (Năm 2024: 8,06%)", "")


def test_several_indicators_in_one_line():
    item = read_item("Tỷ lệ phát triển dân số tự nhiên dưới 0,95%. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 11%.")
    assert [(c["name"], c["target"]) for c in item["children"]] == [
        ("Tỷ lệ phát triển dân số tự nhiên", "dưới 0,95%"), ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "dưới 11%")]
    assert item["_unsure"]
    item = read_item("Huy động học sinh ra lớp đúng độ tuổi: Mẫu giáo 05 tuổi đạt 100%/năm; Tiểu học đạt 100%/năm.")
    assert item["name"] == "Huy động học sinh ra lớp đúng độ tuổi"
    assert [c["name"] for c in item["children"]] == ["Mẫu giáo 05 tuổi", "Tiểu học"]


def test_no_target_is_marked_unsure():
    assert read_item("Không để dịch bệnh gia súc, gia cầm.")["_unsure"]
