"""The Mỹ Phú and Lai Hưng fixtures hold their seed plans completely: counts and sample values,
read straight from the JSON (no database)."""

import json

import pytest

from tests.fixtures_check.reading import all_indicators, find, load, walk


@pytest.fixture(scope="module")
def my_phu():
    return load("my-phu-2024.json")


@pytest.fixture(scope="module")
def lai_hung():
    return load("lai-hung-2024.json")


# ------------------------------------------------------------------ Mỹ Phú


def test_my_phu_unit_is_in_cao_lanh_dong_thap(my_phu):
    unit = my_phu["unit"]
    assert my_phu["format"] == "kehoach.plan/1"
    assert (unit["name"], unit["kind"], unit["code"], unit["valid_to"]) == (
        "Phường Mỹ Phú", "ward", None, "2025-06-30")
    assert [(a["name"], a["kind"], a["code"]) for a in unit["ancestors"]] == [
        ("Tỉnh Đồng Tháp", "province", None),
        ("Thành phố Cao Lãnh", "provincial_city", None),
    ]
    assert "An Giang" not in json.dumps(unit, ensure_ascii=False)
    assert unit["children"] == [{"code": None, "name": "Khóm Mỹ Thượng", "kind": "khom"}]
    assert [d["name"] for d in unit["departments"]] == ["Văn phòng - Thống kê"]


def test_my_phu_plan_metadata_as_written(my_phu):
    plan = my_phu["plan"]
    assert (plan["number"], plan["symbol"], plan["issued_on"], plan["status"]) == (
        "843", "KH-UBND", "2023-11-29", "issued")
    assert plan["title"] == "Thực hiện nhiệm vụ phát triển kinh tế - xã hội năm 2024"
    assert len(plan["legal_bases"]) == 2
    assert plan["legal_bases"][1].startswith("Thực hiện Nghị quyết số 07/2020/NQ-HĐND")
    assert plan["preamble"].startswith("Ủy ban nhân dân phường Mỹ Phú xây dựng Kế hoạch")
    assert plan["recipients"] == ["UBND TPCL;", "TT.ĐU; TT.HĐND Phường;", "TV.UB phường;", "Lưu: VT."]
    assert plan["signer"] == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH",
                              "name": "Nguyễn Văn Kiền"}
    assert plan["appendix_title"] == "CHỈ TIÊU PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024"


def test_my_phu_sections_complete(my_phu):
    sections = list(walk(my_phu["sections"]))
    assert len(my_phu["sections"]) == 4
    assert len(sections) == 16
    assert [s["heading"] for s in my_phu["sections"]] == [
        "I. MỤC TIÊU", "II. CÁC CHỈ TIÊU CHỦ YẾU", "III. NHIỆM VỤ VÀ GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN"]
    targets = my_phu["sections"][1]
    assert targets["include_indicators"] is False
    assert len(targets["children"]) == 6
    assert not any(s["include_indicators"] for s in sections)
    assert not any("**" in s["heading"] + s["body"] or "#" in s["heading"] for s in sections)
    # the paragraph split across a page break is joined again
    s12 = my_phu["sections"][2]["children"][0]["children"][1]
    assert "gây mất mỹ quan đô thị;" in s12["body"]
    assert "\n\n" not in s12["body"]
    assert my_phu["sections"][3]["body"].endswith("của Ủy ban nhân dân phường Mỹ Phú./.")


def test_my_phu_indicators_are_the_appendix_rows(my_phu):
    sectors = my_phu["sectors"]
    assert [(s["name"], s["sector"]) for s in sectors] == [
        ("KINH TẾ", "kinh-te"),
        ("VĂN HÓA – XÃ HỘI", "van-hoa-xa-hoi"),
        ("AN NINH TRẬT TỰ- QUỐC PHÒNG", "quoc-phong-an-ninh"),
        ("XÂY DỰNG CHÍNH QUYỀN", "xay-dung-chinh-quyen"),
    ]
    inds = all_indicators(my_phu)
    assert len(inds) == 23
    assert [i["stt"] for s in sectors for i in s["indicators"]] == [str(n) for n in range(1, 10)]
    assert all(i["in_appendix"] and i["in_main_list"] for i in inds)
    budget = find(my_phu, "Thu ngân sách")
    assert (budget["target"], budget["unit"], budget["catalog"], budget["aggregation"]) == (
        "9.949.000.000đ", "đồng", "thu-ngan-sach", "sum")
    assert len(budget["children"]) == 8
    assert budget["children"][-1]["name"] == "Thu lệ phí trước bạ nhà đất"
    assert budget["children"][-1]["target"] == "760.000.000đ"
    assert find(my_phu, "Tỷ lệ tăng dân số tự nhiên dưới")["target"] == "0,8 %"
    assert find(my_phu, "Số hộ đạt GDVH")["target"] == "90% trở lên"
    poor = find(my_phu, "Tỷ lệ hộ nghèo theo chuẩn mới ( chuẩn tiếp cận đa chiều )")
    assert (poor["target"], poor["catalog"]) == ("03 hộ", "giam-ho-ngheo")
    assert find(my_phu, "Giao quân đạt chỉ tiêu trên giao")["aggregation"] == "count_met"
    assert not any("<" in i["name"] for i in inds)


def test_my_phu_task_assigned_to_van_phong(my_phu):
    assert len(my_phu["tasks"]) == 1
    task = my_phu["tasks"][0]
    assert task["lead"] == "Văn phòng - Thống kê"
    assert task["progress"] is None and task["result"] == ""


# ------------------------------------------------------------------ Lai Hưng


def test_lai_hung_unit_is_in_bau_bang_binh_duong(lai_hung):
    unit = lai_hung["unit"]
    assert (unit["name"], unit["kind"], unit["code"], unit["valid_to"]) == (
        "Xã Lai Hưng", "commune", None, "2025-06-30")
    assert [(a["name"], a["kind"]) for a in unit["ancestors"]] == [
        ("Tỉnh Bình Dương", "province"), ("Huyện Bàu Bàng", "district")]
    assert unit["children"] == []  # the seed counts 4 ấp but names none


def test_lai_hung_plan_metadata_as_written(lai_hung):
    plan = lai_hung["plan"]
    assert (plan["number"], plan["symbol"], plan["place"], plan["issued_on"], plan["status"]) == (
        "63", "KH-UBND", "Lai Hưng", "2023-12-01", "issued")
    assert plan["title"] == "Phát triển kinh tế, xã hội, quốc phòng, an ninh năm 2024"
    assert len(plan["recipients"]) == 10
    assert plan["recipients"][1] == "Đ/c Nguyễn Phú Cường – TVHU"
    assert plan["signer"]["name"] == "Banh Quốc Trung"
    assert plan["preamble"].endswith("giải pháp thực hiện năm 2024 như sau:")


def test_lai_hung_sections_complete(lai_hung):
    sections = list(walk(lai_hung["sections"]))
    assert len(lai_hung["sections"]) == 2
    assert len(sections) == 9
    assert lai_hung["sections"][0]["heading"].startswith("I. MỘT SỐ CHỈ TIÊU CHỦ YẾU")
    assert not any(s["include_indicators"] for s in sections)
    last = lai_hung["sections"][1]["children"][2]["body"]
    assert last.endswith("của UBND xã Lai Hưng./.")
    assert "1947" not in last


def test_lai_hung_indicators_from_section_one(lai_hung):
    assert [s["name"] for s in lai_hung["sectors"]] == [
        "Kinh tế", "Văn hóa - Xã hội", "Về môi trường", "Về nội chính"]
    inds = all_indicators(lai_hung)
    assert len(inds) == 18
    assert [len(s["indicators"]) for s in lai_hung["sectors"]] == [2, 10, 3, 3]
    bhyt = find(lai_hung, "Tỷ lệ người tham gia Bảo hiểm y tế")
    assert (bhyt["target"], bhyt["catalog"], bhyt["aggregation"]) == (
        "đạt từ 93,45%", "ty-le-tham-gia-bhyt", "rate")
    assert find(lai_hung, "Tổng thu ngân sách xã")["target"] == "đạt 100%"
    health = find(lai_hung, "Duy trì xã đạt chuẩn Quốc gia về Y tế theo Bộ tiêu chí mới")
    assert (health["target"], health["aggregation"]) == ("Duy trì", "none")
    assert find(lai_hung, "Giao quân đảm bảo số lượng và chất lượng")["catalog"] == "giao-quan"
    assert not any(i["in_appendix"] for i in inds)
    assert lai_hung["tasks"] == []
