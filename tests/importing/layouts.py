"""Five plans written for the tests in layouts the seeds do not show, with what must be read from them."""

HEADER = """UBND {parent}
{authority}
Số: {number}/KH-UBND

CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

{place}, ngày {day} tháng {month} năm {year0}

{draft}KẾ HOẠCH
{title}
"""

APPENDIX_ONLY = HEADER.format(parent="HUYỆN CHÂU THÀNH", authority="UỶ BAN NHÂN DÂN XÃ HOÀ AN", number="27",
                              place="Hoà An", day="15", month="12", year0="2024", draft="",
                              title="Phát triển kinh tế - xã hội năm 2025") + """
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;

Căn cứ Nghị quyết số 15/NQ-HĐND ngày 10/12/2024 của HĐND xã Hoà An về nhiệm vụ năm 2025;

Ủy ban nhân dân xã Hoà An ban hành Kế hoạch phát triển kinh tế - xã hội năm 2025 như sau:

**I. MỤC TIÊU**

Phấn đấu hoàn thành các chỉ tiêu tại Phụ lục kèm theo.

**II. TỔ CHỨC THỰC HIỆN**

Giao Văn phòng - Thống kê theo dõi, tổng hợp kết quả thực hiện, báo cáo trước ngày 10/12/2025.

Nơi nhận:
- UBND huyện;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Trần Thị Bích

PHỤ LỤC
CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2025
(Kèm theo Kế hoạch số 27/KH-UBND ngày 15/12/2024 của UBND xã Hoà An)

| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2024 | Kế hoạch năm 2025 | Ghi chú |
|---|---|---|---|---|---|
| I | KINH TẾ | | | | |
| 1 | Thu ngân sách nhà nước | triệu đồng | 1.200 | 1.350 triệu đồng | |
| 2 | Thu nhập bình quân đầu người | triệu đồng/người/năm | 62 | 68 triệu đồng/người/năm | |
| II | VĂN HÓA - XÃ HỘI | | | | |
| 3 | Tỷ lệ hộ nghèo | % | 1,2% | dưới 1% | |
| 4 | Tỷ lệ người dân tham gia bảo hiểm y tế | % | 92% | 95% trở lên | |
| 4.1 | Trong đó: trẻ em dưới 6 tuổi | % | 100% | 100% | |
| 5 | Ấp văn hóa | ấp | 5/6 | 6/6 ấp | |
| III | QUỐC PHÒNG - AN NINH | | | | |
| 6 | Giao quân | % | 100% | đạt 100% chỉ tiêu trên giao | |
"""

NUMBERED_PROSE = HEADER.format(parent="THÀNH PHỐ BẾN TRE", authority="ỦY BAN NHÂN DÂN PHƯỜNG AN HỘI",
                               number="", place="An Hội", day="", month="", year0="2024", draft="DỰ THẢO\n\n",
                               title="Thực hiện nhiệm vụ kinh tế - xã hội năm 2025") + """
Thực hiện Nghị quyết của HĐND phường An Hội về nhiệm vụ năm 2025, UBND phường An Hội xây dựng kế hoạch như sau:

I. CÁC CHỈ TIÊU CHỦ YẾU

(1). Tỷ lệ tham gia bảo hiểm y tế đạt 93% (năm 2024: 88%).

(2). Tỷ lệ hộ nghèo dưới 0,8%; tỷ lệ hộ cận nghèo dưới 1,5%.

(3). Giải quyết việc làm mới: 150 lao động.

(4). Tỷ lệ thu gom rác thải sinh hoạt đạt 98%.

(5). Giữ vững phường đạt chuẩn văn minh đô thị.

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Về kinh tế

Tăng cường quản lý thu ngân sách, chống thất thu.

2. Về văn hóa - xã hội

Thực hiện tốt chính sách an sinh xã hội.

Trên đây là Kế hoạch phát triển kinh tế - xã hội năm 2025 của UBND phường An Hội./.

Nơi nhận:
- UBND thành phố;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Lê Văn Tâm
"""

BULLETS = HEADER.format(parent="HUYỆN PHÚ TÂN", authority="UBND XÃ TÂN HÒA", number="08", place="Tân Hòa",
                        day="05", month="01", year0="2025", draft="",
                        title="Phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2025") + """
Căn cứ Nghị quyết số 20/NQ-HĐND ngày 20/12/2024 của HĐND xã Tân Hòa;

UBND xã Tân Hòa xây dựng Kế hoạch như sau:

I. CHỈ TIÊU CHỦ YẾU

1. Chỉ tiêu kinh tế

- Tổng thu ngân sách xã đạt 2.500.000.000 đồng.
- Thu các loại quỹ:
 - + Quỹ Đền ơn đáp nghĩa 20.000.000 đồng;
 - + Quỹ Vì người nghèo 30.000.000 đồng.

2. Chỉ tiêu xã hội

- Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 8%.
- Tỷ lệ lao động qua đào tạo đạt trên 70%.
- Duy trì 7/7 ấp đạt ấp văn hóa.

3. Chỉ tiêu môi trường

- Tỷ lệ hộ sử dụng nước sạch đạt 99,5%.

II. TỔ CHỨC THỰC HIỆN

Giao Công chức Tài chính - Kế toán chủ trì, theo dõi thu ngân sách, báo cáo trước ngày 31/12/2025.

Nơi nhận:
- UBND huyện;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Nguyễn Hữu Phước
"""

TAB_TABLE = HEADER.format(parent="QUẬN NINH KIỀU", authority="UBND PHƯỜNG TÂN AN", number="101",
                          place="Tân An", day="20", month="12", year0="2024", draft="",
                          title="Kế hoạch phát triển kinh tế - xã hội năm 2025") + """
Căn cứ Nghị quyết số 30/NQ-HĐND ngày 15/12/2024 của HĐND phường Tân An;

UBND phường Tân An ban hành kế hoạch như sau:

I. CÁC CHỈ TIÊU CHỦ YẾU

STT\tChỉ tiêu\tĐơn vị tính\tKế hoạch\tGhi chú
1\tThu ngân sách\tđồng\t3.200.000.000 đồng\t
2\tTỷ lệ hòa giải thành\t%\ttừ 90% trở lên\t
3\tSố hộ gia đình văn hóa\t%\t95%\t
4\tKhu vực văn hóa\tkhu vực\t6/6 khu vực\t

II. TỔ CHỨC THỰC HIỆN

Giao Văn phòng - Thống kê tổng hợp, báo cáo định kỳ.

Nơi nhận:
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Phạm Minh Quân
"""

MERGED_2025 = HEADER.format(parent="TỈNH ĐỒNG THÁP", authority="UBND PHƯỜNG MỸ TRÀ", number="15",
                            place="Mỹ Trà", day="10", month="12", year0="2025", draft="",
                            title="Phát triển kinh tế - xã hội năm 2026") + """
Căn cứ Nghị quyết số 05/NQ-HĐND ngày 05/12/2025 của HĐND phường Mỹ Trà;

UBND phường Mỹ Trà (hợp nhất từ phường Mỹ Phú, phường Hoà Thuận và xã Mỹ Trà) xây dựng kế hoạch như sau:

I. CHỈ TIÊU CHỦ YẾU

- Thu ngân sách nhà nước trên địa bàn đạt 25.000.000.000 đồng.
- Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96% (năm 2025: 94,5%).
- Giảm 05 hộ nghèo.
- Tỷ lệ tăng dân số tự nhiên dưới 1%.

II. NHIỆM VỤ VÀ GIẢI PHÁP

| STT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Rà soát hộ nghèo, hộ cận nghèo | Văn hóa - Xã hội | Mặt trận Tổ quốc; Hội Nông dân | 15/11/2026 |
| 2 | Hoàn thành thu ngân sách | Tài chính - Kế toán | Đội thuế | 31/12/2026 |

Nơi nhận:
- UBND tỉnh;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Đỗ Thanh Hải
"""

# name, text, unit, header fields, indicators (name, target) that must be read
LAYOUTS = [
    ("appendix-only", APPENDIX_ONLY, ("Xã Hoà An", "commune"),
     {"year": 2025, "number": "27", "place": "Hoà An", "issued_on": "2024-12-15", "status": "issued",
      "title": "Phát triển kinh tế - xã hội năm 2025", "signer.authority": "KT. CHỦ TỊCH",
      "signer.title": "PHÓ CHỦ TỊCH", "signer.name": "Trần Thị Bích",
      "authority": "UỶ BAN NHÂN DÂN XÃ HOÀ AN", "authority_parent": "UBND HUYỆN CHÂU THÀNH"},
     [("Thu ngân sách nhà nước", "1.350 triệu đồng"), ("Thu nhập bình quân đầu người", "68 triệu đồng/người/năm"),
      ("Tỷ lệ hộ nghèo", "dưới 1%"), ("Tỷ lệ người dân tham gia bảo hiểm y tế", "95% trở lên"),
      ("Trong đó: trẻ em dưới 6 tuổi", "100%"), ("Ấp văn hóa", "6/6 ấp"),
      ("Giao quân", "đạt 100% chỉ tiêu trên giao")]),
    ("numbered-prose", NUMBERED_PROSE, ("Phường An Hội", "ward"),
     {"year": 2025, "number": "", "place": "An Hội", "status": "draft", "date_text": "ngày    tháng    năm 2024",
      "title": "Thực hiện nhiệm vụ kinh tế - xã hội năm 2025", "signer.authority": "TM. ỦY BAN NHÂN DÂN",
      "signer.title": "CHỦ TỊCH", "signer.name": "Lê Văn Tâm"},
     [("Tỷ lệ tham gia bảo hiểm y tế", "đạt 93%"), ("Tỷ lệ hộ nghèo", "dưới 0,8%"),
      ("Tỷ lệ hộ cận nghèo", "dưới 1,5%"), ("Giải quyết việc làm mới", "150 lao động"),
      ("Tỷ lệ thu gom rác thải sinh hoạt", "đạt 98%"),
      ("Giữ vững phường đạt chuẩn văn minh đô thị", "Giữ vững")]),
    ("bullets", BULLETS, ("Xã Tân Hòa", "commune"),
     {"year": 2025, "number": "08", "place": "Tân Hòa", "issued_on": "2025-01-05",
      "title": "Phát triển kinh tế - xã hội, quốc phòng - an ninh năm 2025", "signer.name": "Nguyễn Hữu Phước"},
     [("Tổng thu ngân sách xã", "đạt 2.500.000.000 đồng"), ("Quỹ Đền ơn đáp nghĩa", "20.000.000 đồng"),
      ("Quỹ Vì người nghèo", "30.000.000 đồng"), ("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "dưới 8%"),
      ("Tỷ lệ lao động qua đào tạo", "đạt trên 70%"), ("Tỷ lệ hộ sử dụng nước sạch", "đạt 99,5%")]),
    ("tab-table", TAB_TABLE, ("Phường Tân An", "ward"),
     {"year": 2025, "number": "101", "place": "Tân An", "issued_on": "2024-12-20",
      "title": "Kế hoạch phát triển kinh tế - xã hội năm 2025", "signer.name": "Phạm Minh Quân"},
     [("Thu ngân sách", "3.200.000.000 đồng"), ("Tỷ lệ hòa giải thành", "từ 90% trở lên"),
      ("Số hộ gia đình văn hóa", "95%"), ("Khu vực văn hóa", "6/6 khu vực")]),
    ("merged-2025", MERGED_2025, ("Phường Mỹ Trà", "ward"),
     {"year": 2026, "number": "15", "place": "Mỹ Trà", "issued_on": "2025-12-10",
      "title": "Phát triển kinh tế - xã hội năm 2026", "signer.name": "Đỗ Thanh Hải"},
     [("Thu ngân sách nhà nước trên địa bàn", "đạt 25.000.000.000 đồng"),
      ("Tỷ lệ người dân tham gia bảo hiểm y tế", "đạt 96%"), ("Giảm 05 hộ nghèo", "Giảm 05 hộ nghèo"),
      ("Tỷ lệ tăng dân số tự nhiên", "dưới 1%")]),
]
