"""The Nhơn Hưng fixtures hold seed 003 completely: the 2024 plan (Part 1 evaluating 2023 and
section VII planning 2024) and the 2023 indicators with their results. Read straight from the
JSON (no database)."""

import re
from decimal import Decimal

import pytest

from indicators.catalog_data import CATALOG, SECTORS
from tests.fixtures_check.reading import all_indicators, find, load, walk


def section(nodes, heading):
    return next(s for s in walk(nodes) if s["heading"] == heading)


@pytest.fixture(scope="module")
def plan2024():
    return load("nhon-hung-2024.json")


@pytest.fixture(scope="module")
def plan2023():
    return load("nhon-hung-2023.json")


# ------------------------------------------------------------------ unit


def test_nhon_hung_unit_is_in_tinh_bien_an_giang(plan2024, plan2023):
    unit = plan2024["unit"]
    assert plan2024["format"] == plan2023["format"] == "kehoach.plan/1"
    assert (unit["name"], unit["kind"], unit["code"], unit["valid_to"]) == (
        "Phường Nhơn Hưng", "ward", None, "2025-06-30")
    assert [(a["name"], a["kind"], a["code"]) for a in unit["ancestors"]] == [
        ("Tỉnh An Giang", "province", None),
        ("Thị xã Tịnh Biên", "town", None),
    ]
    assert unit["children"] == [{"code": None, "name": "Khóm Trung Bắc Hưng", "kind": "khom"}]
    assert plan2023["unit"] == unit


# ------------------------------------------------------------------ 2024 plan


def test_nhon_hung_2024_metadata_as_written(plan2024):
    plan = plan2024["plan"]
    assert (plan["year"], plan["status"], plan["number"], plan["issued_on"], plan["date_text"]) == (
        2024, "draft", "", None, "")
    assert plan["title"] == "PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM 2024"
    assert plan["signer"] == {"authority": "", "title": "CHỦ TỊCH", "name": "PHẠM VĂN NGON"}
    assert plan["recipients"] == ["VP. HĐND-UBND thị xã;", "TT. Đảng ủy - HĐND phường;", "Lưu: VT."]
    assert plan2024["tasks"] == []


def test_nhon_hung_2024_sections_tree_in_order(plan2024):
    part1, closing = plan2024["sections"]
    assert part1["heading"].startswith("Phần thứ nhất\nĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH")
    assert part1["body"].startswith("Thực hiện Nghị quyết số 08/NQ-HĐND ngày 26/12/2022")
    assert [s["heading"] for s in part1["children"]] == [
        "I. LĨNH VỰC KINH TẾ",
        "II. LĨNH VỰC VĂN HÓA – XÃ HỘI:",
        "III. LĨNH VỰC QUỐC PHÒNG, AN NINH",
        "IV. CÔNG TÁC NỘI CHÍNH, CẢI CÁCH HÀNH CHÍNH (CCHC)",
        "V. MỘT SỐ CÔNG TÁC KHÁC",
        "VI. NHẬN XÉT ĐÁNH GIÁ",
        "VII. KẾ HOẠCH PHÁT TRIỂN KINH TẾ XÃ HỘI NĂM 2024",
    ]
    assert [s["heading"] for s in part1["children"][-1]["children"]] == [
        "1. Các chỉ tiêu chủ yếu:", "2. Lĩnh vực kinh tế", "3. Lĩnh vực văn hóa - xã hội",
        "3. Lĩnh vực quốc phòng, an ninh", "4. Lĩnh vực quản lý nhà nước",
    ]
    assert len(list(walk(plan2024["sections"]))) == 34  # 2 + 7 + (7 + 5 + 2 + 3 + 0 + 3 + 5)
    assert closing["heading"] == ""
    assert closing["body"].startswith("Trên đây là kế hoạch phát triển kinh tế - xã hội năm 2023")


def test_nhon_hung_2024_sections_text_cleaned(plan2024):
    nodes = list(walk(plan2024["sections"]))
    text = "\n".join(s["heading"] + "\n" + s["body"] for s in nodes)
    assert "*" not in text
    assert "(theo chuẩn nghèo đa chiều) là 07 hộ chiếm 0,42%" in text
    assert "Tổ kiểm phiếu tín nhiệm, UBND phường ban hành quyết định" in text
    budget = section(plan2024["sections"], "2. Về thu ngân sách:")
    assert budget["body"] == "Ước thu 177.000.000 đồng/340.000.000 đồng đạt 52,06%."
    fisheries = section(plan2024["sections"], "1. Sản xuất nông, lâm nghiệp, thủy sản")["body"].split("\n\n")
    assert len(fisheries) == 7 and fisheries[-1].startswith("- Thủy sản: Tuyên truyền vận động")
    main = section(plan2024["sections"], "1. Các chỉ tiêu chủ yếu:")
    items = main["body"].split("\n\n")
    assert len(items) == 24
    assert items[1] == "2. Thu cân đối theo chỉ tiêu huyện giao là 428.000.000 đồng"
    assert items[-1] == "24. Vận động quỹ VNN-XHTT 460 triệu đồng/năm."
    culture = section(plan2024["sections"], "3. Lĩnh vực văn hóa - xã hội")["body"]
    assert culture.startswith("- Đạt chuẩn phường đô thị văn minh: Đăng ký xây dựng phường")


def test_nhon_hung_2024_has_24_main_indicators(plan2024):
    (group,) = plan2024["sectors"]
    assert (group["name"], group["sector"]) == ("Các chỉ tiêu chủ yếu", None)
    top = group["indicators"]
    assert [i["stt"] for i in top] == [str(n) for n in range(1, 25)]
    assert len(all_indicators(plan2024)) == 36
    assert [len(i["children"]) for i in top if i["children"]] == [2, 3, 2, 2, 2, 1]


def test_nhon_hung_2024_sample_targets_and_baselines(plan2024):
    top = plan2024["sectors"][0]["indicators"]
    budget = top[1]
    assert (budget["name"], budget["target"], budget["unit"], budget["catalog"], budget["aggregation"],
            budget["baseline"]) == ("Thu cân đối theo chỉ tiêu huyện giao", "428.000.000 đồng", "đồng",
                                    "thu-ngan-sach", "sum", "177.000.000 đồng")
    bhyt = top[7]
    assert (bhyt["target"], bhyt["baseline"], bhyt["catalog"], bhyt["aggregation"]) == (
        "đạt 93%", "88%", "ty-le-tham-gia-bhyt", "rate")
    jobs = top[12]
    assert (jobs["target"], jobs["baseline"], jobs["catalog"]) == ("200 lao động/năm", "261", "giai-quyet-viec-lam")
    assert [(c["name"], c["target"]) for c in jobs["children"]] == [
        ("Tỷ lệ người trong độ tuổi lao động có việc làm thường xuyên", "đạt 92%"),
        ("Tỷ lệ lao động qua đào tạo", "đạt trên 70%"),
    ]
    schools = top[9]
    assert [(c["name"], c["target"]) for c in schools["children"]] == [
        ("Mẫu giáo 05 tuổi", "đạt 100%/năm"), ("Tiểu học", "đạt 100%/năm"), ("Trung học cơ sở", "đạt 97-98%/năm")]
    army = top[20]
    assert (army["name"], army["target"], army["catalog"], army["aggregation"]) == (
        "Giao quân", "đạt chỉ tiêu thị xã giao", "giao-quan", "count_met")
    assert top[6] == find(plan2024, "Không để dịch bệnh gia súc, gia cầm")
    assert (top[6]["target"], top[6]["aggregation"]) == ("", "none")
    assert all(not i.get("results") for i in all_indicators(plan2024))


# ------------------------------------------------------------------ 2023 indicators


def test_nhon_hung_2023_metadata(plan2023):
    plan = plan2023["plan"]
    assert (plan["year"], plan["status"], plan["number"], plan["issued_on"]) == (2023, "draft", "", None)
    assert plan["title"] == "Phát triển kinh tế - xã hội năm 2023"
    assert plan2023["sections"] == [] and plan2023["tasks"] == []


def test_nhon_hung_2023_identified_indicators(plan2023):
    assert [(s["name"], s["sector"], len(s["indicators"])) for s in plan2023["sectors"]] == [
        ("LĨNH VỰC KINH TẾ", "kinh-te", 6),
        ("LĨNH VỰC VĂN HÓA – XÃ HỘI", "van-hoa-xa-hoi", 8),
        ("LĨNH VỰC QUỐC PHÒNG, AN NINH", "quoc-phong-an-ninh", 2),
        ("CÔNG TÁC NỘI CHÍNH, CẢI CÁCH HÀNH CHÍNH (CCHC)", "xay-dung-chinh-quyen", 1),
    ]
    indicators = all_indicators(plan2023)
    # 17 of the seed's 22: every statement of Part 1 with a result the seed's tally can count. Left
    # out because the tally could not hold them: Đề án 06 (84,47%, 128,7%, 117,64%) and ATM cards
    # (58,1%) would add a second "không đạt" and two more "vượt"; 1.302/1.303,5 ha has no evaluation.
    assert len(indicators) == 17
    assert all(len(i["results"]) == 1 and i["results"][0]["period"] == "y" for i in indicators)


def test_nhon_hung_2023_results_against_targets(plan2023):
    def result(name):
        item = find(plan2023, name)
        return item["target"], item["results"][0]

    target, jobs = result("Giới thiệu việc làm trong và ngoài tỉnh")
    assert (jobs["value"], target, jobs["evaluation"]) == ("261", "200", "đạt 130,5%")
    target, bhyt = result("Tỷ lệ tham gia bảo hiểm y tế")
    assert (bhyt["value"], target, bhyt["evaluation"]) == ("88", "85%", "đạt 103,53% so với chỉ tiêu")
    target, bhxh = result("Bảo hiểm xã hội tự nguyện")
    assert (bhxh["value"], target, bhxh["evaluation"]) == ("118", "119", "đạt 99,16%")
    target, budget = result("Thu ngân sách")
    assert (budget["value"], target, budget["estimate"], budget["evaluation"]) == (
        "177000000", "340.000.000 đồng", True, "đạt 52,06%")
    target, water = result("Tỷ lệ dân số nông thôn và thành thị sử dụng nước sạch và nước hợp vệ sinh vệ sinh")
    assert (water["value"], water["text"]) == (None, "đạt 100% chỉ tiêu NQ (=99,64%)")
    _, mediation = result("Hòa giải thành")
    assert (mediation["value"], mediation["numerator"], mediation["denominator"]) == ("100", "3", "3")


def test_nhon_hung_2023_evaluations_match_part_one_tally(plan2023):
    # Part 1: 06 above 100%, 01 at 90% or more, 01 not met (and 14 met, of which 9 are identified).
    percents = []
    for item in all_indicators(plan2023):
        found = re.search(r"đạt (?:tỷ lệ )?(\d+(?:,\d+)?)%", item["results"][0]["evaluation"])
        if found:
            percents.append(Decimal(found.group(1).replace(",", ".")))
    assert sum(p > 100 for p in percents) == 6
    assert sum(90 <= p < 100 for p in percents) == 1
    assert sum(p < 90 for p in percents) == 1


# ------------------------------------------------------------------ both


def test_nhon_hung_codes_and_decimals_are_valid(plan2024, plan2023):
    catalog = {row[0] for row in CATALOG}
    sectors = {row[0] for row in SECTORS}
    for doc in (plan2024, plan2023):
        for group in doc["sectors"]:
            assert group["sector"] is None or group["sector"] in sectors
        for item in all_indicators(doc):
            assert item["catalog"] is None or item["catalog"] in catalog
            assert item["aggregation"] in {"sum", "rate", "count_met", "none"}
            for res in item.get("results", []):
                for key in ("value", "numerator", "denominator"):
                    assert res[key] is None or Decimal(res[key]) >= 0
