"""The Phường 2 (Tây Ninh) and Thọ Xương (Bắc Giang) fixtures hold their seed plans completely:
counts and sample values, read straight from the JSON (no database)."""

import json

import pytest

from tests.fixtures_check.reading import all_indicators, find, load, walk


@pytest.fixture(scope="module")
def phuong2():
    return load("phuong-2-tay-ninh-2024.json")


@pytest.fixture(scope="module")
def tx24():
    return load("tho-xuong-2024.json")


@pytest.fixture(scope="module")
def tx23():
    return load("tho-xuong-2023.json")


# ------------------------------------------------------------------ Phường 2


def test_phuong2_unit_is_in_thanh_pho_tay_ninh(phuong2):
    unit = phuong2["unit"]
    assert phuong2["format"] == "kehoach.plan/1"
    assert (unit["name"], unit["kind"], unit["code"], unit["valid_to"]) == ("Phường 2", "ward", None, "2025-06-30")
    assert [(a["name"], a["kind"], a["code"], a["valid_to"]) for a in unit["ancestors"]] == [
        ("Tỉnh Tây Ninh", "province", None, "2025-06-30"),
        ("Thành phố Tây Ninh", "provincial_city", None, "2025-06-30")]
    # The four khu phố are counted ("Trưởng 4 khu phố") but never named: none is invented.
    assert unit["children"] == []
    assert [d["name"] for d in unit["departments"]] == [
        "Tài chính - Kế toán", "Địa chính - Xây dựng - Môi trường", "Văn hóa - Xã hội", "Văn phòng - Thống kê",
        "Tư pháp - Hộ tịch", "Trung tâm Văn hóa - Thể thao - Học tập cộng đồng Phường", "Trạm Y tế phường",
        "Ban Chỉ huy Quân sự phường", "Công an phường", "Trưởng khu phố"]


def test_phuong2_plan_metadata_as_written(phuong2):
    plan = phuong2["plan"]
    assert (plan["year"], plan["status"], plan["number"], plan["symbol"], plan["issued_on"]) == (
        2024, "draft", "", "KH-UBND", None)
    assert (plan["place"], plan["date_text"]) == ("Phường 2", "ngày    tháng 02 năm 2024")
    assert plan["title"] == "Phát triển Kinh tế - Xã hội và những giải pháp, nhiệm vụ chủ yếu năm 2024"
    assert len(plan["legal_bases"]) == 3
    assert plan["legal_bases"][2].startswith("Thực hiện Nghị quyết số 42/NQ-HĐND ngày 29 tháng 12 năm 2023")
    assert plan["preamble"].endswith("tập trung thực hiện có hiệu quả các giải pháp, nhiệm vụ chủ yếu sau:")
    assert len(plan["recipients"]) == 8
    assert (plan["recipients"][0], plan["recipients"][-1]) == ("UBND Thành phố;", "Lưu: VT.")
    assert plan["signer"] == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": ""}


def test_phuong2_sections_complete(phuong2):
    top = phuong2["sections"]
    assert [s["heading"] for s in top] == [
        "I. Các chỉ tiêu chủ yếu", "II. Để đạt các chỉ tiêu cần thực hiện một số nhiệm vụ và giải pháp sau",
        "III. Tổ chức thực hiện", ""]
    assert len(list(walk(top))) == 24
    assert len(top[0]["children"]) == 4 and len(top[1]["children"]) == 11
    assert not any(s["include_indicators"] for s in walk(top))
    vhxh = top[0]["children"][1]["body"].split("\n\n")
    assert len(vhxh) == 12
    assert vhxh[6] == "- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (thấp còi):"
    assert vhxh[7] == "+ Giảm hàng năm đối với cân nặng là 0,1% (Năm 2024: 8,06%)"
    land = top[1]["children"][1]["children"][0]
    assert land["heading"] == "2.1. Về Quản lý đất đai và môi trường:"
    assert land["body"].startswith("Kiểm tra và quản lý chặt chẽ quỹ đất công, các công trình công cộng.")
    assert top[3]["body"].endswith("năm 2024 của UBND Phường 2, thành phố Tây Ninh./.")


def test_phuong2_indicators_grouped_by_the_seed_headings(phuong2):
    assert [(s["name"], s["sector"], len(s["indicators"])) for s in phuong2["sectors"]] == [
        ("Chỉ tiêu kinh tế", "kinh-te", 2), ("Chỉ tiêu văn hóa-xã hội", "van-hoa-xa-hoi", 11),
        ("Chỉ tiêu môi trường", "moi-truong", 2), ("Chỉ tiêu Quốc phòng - An ninh", "quoc-phong-an-ninh", 2)]
    assert len(all_indicators(phuong2)) == 19
    near_poor = find(phuong2, "Số hộ cận nghèo giảm")
    assert (near_poor["target"], near_poor["unit"], near_poor["catalog"], near_poor["aggregation"]) == (
        "Giảm 02 hộ cận nghèo", "hộ", "giam-ho-can-ngheo", "sum")
    assert find(phuong2, "Khu phố Văn hóa")["target"] == "04/04 Khu phố"
    assert find(phuong2, "Gia đình Văn hóa")["target"] == "đạt >90%"
    assert find(phuong2, "Giao quân")["aggregation"] == "count_met"
    stunting = find(phuong2, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (thấp còi)")
    assert stunting["catalog"] == "suy-dinh-duong"
    assert [c["target"] for c in stunting["children"]] == [
        "Giảm hàng năm đối với cân nặng là 0,1% (Năm 2024: 8,06%)",
        "Giảm hàng năm đối với chiều cao là 0,09% (Năm 2024: 9,86%)"]
    assert find(phuong2, "Duy trì phường đạt chuẩn Quốc gia về Y tế")["target"] == "Duy trì"
    assert sorted(i["catalog"] for i in all_indicators(phuong2) if i["catalog"]) == [
        "chi-ngan-sach", "gia-dinh-van-hoa", "giai-quyet-viec-lam", "giam-ho-can-ngheo", "giao-quan",
        "khu-dan-cu-van-hoa", "nuoc-sach", "suy-dinh-duong", "thu-gom-rac", "thu-ngan-sach", "ty-le-tham-gia-bhyt"]


def test_phuong2_tasks_one_per_paragraph_led_by_its_body(phuong2):
    tasks = phuong2["tasks"]
    assert len(tasks) == 29
    assert tasks[0]["lead"] == "Tài chính - Kế toán"
    assert tasks[0]["group"] == "Lĩnh vực Tài chính - Kế toán"
    assert tasks[0]["title"].startswith("Phối hợp với Đội thuế phường phấn đấu thu ngân sách")
    police = [t for t in tasks if t["lead"] == "Công an phường"]
    assert len(police) == 4 and {t["group"] for t in police} == {"Công an phường"}
    military = next(t for t in tasks if t["lead"] == "Ban Chỉ huy Quân sự phường")
    assert military["cooperating"] == ["Công an phường"]
    assert [t["stt"] for t in tasks if t["lead"] == "Văn hóa - Xã hội"] == ["3.1", "3.2", "3.3", "3.3", "3.3"]
    assert tasks[-1] == {**tasks[-1], "lead": "Trưởng khu phố", "group": "Trưởng 4 khu phố", "stt": "11"}
    assert {(t["origin"], t["status"]) for t in tasks} == {("own", "not_started")}


# ------------------------------------------------------------------ Thọ Xương 2024


def test_tho_xuong_unit_is_in_thanh_pho_bac_giang(tx24, tx23):
    unit = tx24["unit"]
    assert (unit["name"], unit["kind"], unit["code"], unit["valid_to"]) == (
        "Phường Thọ Xương", "ward", None, "2025-06-30")
    assert [(a["name"], a["kind"], a["code"], a["valid_to"]) for a in unit["ancestors"]] == [
        ("Tỉnh Bắc Giang", "province", None, "2025-06-30"),
        ("Thành phố Bắc Giang", "provincial_city", None, "2025-06-30")]
    assert [c["name"] for c in unit["children"]] == ["Tổ dân phố Mới", "Tổ dân phố Hòa Yên"]
    assert unit["departments"][0]["name"] == "Văn phòng HĐND-UBND phường"
    assert tx23["unit"] == unit


def test_tho_xuong_2024_plan_metadata_as_written(tx24):
    plan = tx24["plan"]
    assert (plan["year"], plan["status"], plan["number"], plan["issued_on"]) == (2024, "draft", "", None)
    assert (plan["place"], plan["date_text"]) == ("Thọ Xương", "ngày    tháng    năm 2023")
    assert plan["title"] == "Phát triển kinh tế - xã hội năm 2024"
    assert len(plan["legal_bases"]) == 3 and plan["legal_bases"][0].startswith("Thực hiện Công văn số 3390")
    assert plan["preamble"] == "UBND phường Thọ Xương xây dựng kế hoạch phát triển kinh tế - xã hội năm 2024, như sau:"
    assert len(plan["recipients"]) == 9 and plan["recipients"][-1] == "Lưu: VT+VP."
    assert plan["signer"] == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Nguyễn Văn Hùng"}
    assert plan["monthly_report_day"] == 10


def test_tho_xuong_2024_sections_complete(tx24):
    top = tx24["sections"]
    assert [s["heading"] for s in top] == [
        "I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KT-XH NĂM 2023",
        "II. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ KT-XH NĂM 2024", "III- TỔ CHỨC THỰC HIỆN"]
    assert len(list(walk(top))) == 15
    main = top[1]["children"][0]
    assert main["heading"] == "1. Các chỉ tiêu chủ yếu"
    assert len(main["body"].split("\n\n")) == 15
    measures = [s["heading"] for s in top[1]["children"][1]["children"]]
    assert measures[2:] == ["2.3. Công tác Văn hóa - Xã hội", "2.3. Công tác xây dựng chính quyền và nội chính"]
    body = json.dumps(tx24["sections"], ensure_ascii=False)
    assert "*" not in body and "#" not in body and "“danh hiệu văn hoá”" in body


def test_tho_xuong_2024_has_fifteen_main_indicators(tx24):
    assert [(s["name"], s["sector"]) for s in tx24["sectors"]] == [("Các chỉ tiêu chủ yếu", None)]
    main = tx24["sectors"][0]["indicators"]
    assert [i["stt"] for i in main] == [str(n) for n in range(1, 16)]
    assert len(all_indicators(tx24)) == 25
    assert find(tx24, "Tỷ lệ hộ nghèo")["target"] == "Dưới 0,5%"
    jobs = find(tx24, "Tổng số lao động được giải quyết việc làm mới")
    assert (jobs["target"], jobs["catalog"], jobs["aggregation"]) == ("200 lao động", "giai-quyet-viec-lam", "sum")
    assert [c["catalog"] for c in main[8]["children"]] == ["tang-dan-so-tu-nhien", "suy-dinh-duong"]
    assert main[12]["children"][0]["target"] == "99,7%"
    assert not any(i["results"] or i["baseline"] for i in all_indicators(tx24))


def test_tho_xuong_2024_tasks_from_the_measures(tx24):
    tasks = tx24["tasks"]
    assert len(tasks) == 14
    assert [t["stt"] for t in tasks].count("2.3") == 9
    assert tasks[3]["group"] == "về BT GPMB, đầu tư xây dựng cơ bản, quản lý đô thị và tài nguyên môi trường"


# ------------------------------------------------------------------ Thọ Xương 2023 (Biểu số 01, 02)


def test_tho_xuong_2023_plan(tx23):
    plan = tx23["plan"]
    assert (plan["year"], plan["status"], plan["number"], plan["title"]) == (
        2023, "draft", "", "Phát triển kinh tế - xã hội năm 2023")
    assert tx23["sections"] == []


def test_tho_xuong_2023_bieu_02_targets_and_results(tx23):
    main = tx23["sectors"][0]["indicators"]
    assert len(main) == 15 and len(all_indicators(tx23)) == 25
    assert [len(i["results"]) for i in main] == [1] * 15
    assert find(tx23, "Hoàn thành chỉ tiêu thu ngân sách năm 2023")["results"][0]["estimate"] is True
    assert main[4]["children"][0]["target"] == "từ 94% (thành phố 91,2%) trở lên"
    assert main[12]["children"][0]["target"] == "99,88% (thành phố 99,7%)"
    jobs = main[11]["results"][0]
    assert (jobs["period"], jobs["numerator"], jobs["denominator"], jobs["evaluation"]) == (
        "y", "117", "200", "Đang tiếp tục thực hiện")
    assert jobs["text"] == "Phối hợp giải quyết việc làm mới cho 117/200 lao động, đạt 58,5% KH giao"
    assert main[6]["results"][0]["value"] == "100"
    evaluations = [i["results"][0]["evaluation"] for i in main]
    assert evaluations.count("Đạt chỉ tiêu KH") == 6 and evaluations.count("Đang tiếp tục thực hiện") == 9


def test_tho_xuong_2023_bieu_01_every_row_assigned(tx23):
    tasks = tx23["tasks"]
    assert [t["stt"] for t in tasks] == ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "2"]
    assert {t["origin"] for t in tasks} == {"assigned"}
    # The seed writes "84,75%", "94,79%", "94,46%": progress keeps its decimals.
    assert [t["progress"] for t in tasks] == [None, "84.75", "94.79", "94.46", 98, None, None]
    assert tasks[1]["title"] == "Dự án Khu số 1 KDC số 4"
    assert tasks[1]["group"] == "Thực hiện hoàn thành BT GPMB các dự án"
    assert tasks[1]["result"].endswith("Tiến độ BT GPMB đạt 84,75%.")
    assert "7.467,2 m² đất nông nghiệp" in tasks[1]["result"]
    assert {t["status"] for t in tasks} == {"in_progress"}
