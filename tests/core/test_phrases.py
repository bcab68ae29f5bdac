"""Target phrases: every target phrase of the five seed plans, the design examples, and round trips."""

from dataclasses import replace
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.phrases import QUALITATIVE, Target, format_target, parse, short_meaning

SEED_PHRASES = [
    # 000 Mỹ Phú: appendix
    pytest.param("Thu ngân sách", "9.949.000.000đ",
                 Target("exact", value=D("9949000000"), unit="đồng"), id="myphu-thu-ngan-sach"),
    pytest.param("Quỹ Đền ơn đáp nghĩa", "10.000.000đ",
                 Target("exact", value=D("10000000"), unit="đồng"), id="myphu-quy-den-on-dap-nghia"),
    pytest.param("Quỹ Vì người nghèo", "15.000.000đ",
                 Target("exact", value=D("15000000"), unit="đồng"), id="myphu-quy-vi-nguoi-ngheo"),
    pytest.param("Quỹ Phòng chống thiên tai", "17.208.000đ",
                 Target("exact", value=D("17208000"), unit="đồng"), id="myphu-quy-phong-chong-thien-tai"),
    pytest.param("Thu phí, lệ phí các loại", "180.000.000đ",
                 Target("exact", value=D("180000000"), unit="đồng"), id="myphu-thu-phi-le-phi"),
    pytest.param("Thu cho thuê vỉa hè, hoa kiểng", "420.000.000đ",
                 Target("exact", value=D("420000000"), unit="đồng"), id="myphu-thu-cho-thue-via-he"),
    pytest.param("Thu thuế môn bài", "272.000.000đ",
                 Target("exact", value=D("272000000"), unit="đồng"), id="myphu-thue-mon-bai"),
    pytest.param("Thu thuế nhà đất, thuế sử dụng đất PNN", "483.000.000đ",
                 Target("exact", value=D("483000000"), unit="đồng"), id="myphu-thue-nha-dat"),
    pytest.param("Thu lệ phí trước bạ nhà đất", "760.000.000đ",
                 Target("exact", value=D("760000000"), unit="đồng"), id="myphu-le-phi-truoc-ba"),
    pytest.param("Khóm văn minh đô thị", "5/5 khóm",
                 Target("ratio", value=D("5"), denominator=D("5"), unit="khóm"), id="myphu-khom-van-minh"),
    pytest.param("Số hộ đạt GDVH", "90% trở lên",
                 Target("at_least", value=D("90"), unit="%"), id="myphu-ho-dat-gdvh"),
    pytest.param("Giới thiệu giải quyết việc làm", "266",
                 Target("exact", value=D("266")), id="myphu-giai-quyet-viec-lam"),
    pytest.param("Tỷ lệ lao động qua đào tạo", "88%",
                 Target("exact", value=D("88"), unit="%"), id="myphu-lao-dong-qua-dao-tao"),
    pytest.param("Thực hiện đạt Bộ tiêu chí Quốc gia về y tế theo quyết định 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế", "",
                 Target("qualitative"), id="myphu-bo-tieu-chi-y-te"),
    pytest.param("Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới", "11,44%",
                 Target("below", value=D("11.44"), unit="%"), id="myphu-suy-dinh-duong"),
    pytest.param("Tỷ lệ tăng dân số tự nhiên dưới", "0,8 %",
                 Target("below", value=D("0.8"), unit="%"), id="myphu-tang-dan-so"),
    pytest.param("Tỷ lệ người dân số tham gia bảo hiểm y tế", "97,5%",
                 Target("exact", value=D("97.5"), unit="%"), id="myphu-bao-hiem-y-te"),
    pytest.param("Tỷ lệ hộ nghèo theo chuẩn mới ( <i>chuẩn tiếp cận đa chiều</i> )", "03 hộ",
                 Target("decrease_by", value=D("3"), unit="hộ"), id="myphu-ho-ngheo"),
    pytest.param("Giới thiệu lao động đi làm ở nước ngoài", "09",
                 Target("exact", value=D("9")), id="myphu-lao-dong-nuoc-ngoai"),
    pytest.param("Tỷ lệ thu gom rác thải sinh hoạt (đối với các tuyến đường đã tổ chức thu gom )", "đạt 100%",
                 Target("at_least", value=D("100"), unit="%"), id="myphu-thu-gom-rac"),
    pytest.param("Giảm số vụ vi phạm trật tự xã hội", "",
                 Target("qualitative"), id="myphu-vi-pham-trat-tu"),
    pytest.param("Giao quân đạt chỉ tiêu trên giao", "100%",
                 Target("exact", value=D("100"), unit="%"), id="myphu-giao-quan"),
    pytest.param("Tỷ lệ hòa giải thành", "90% trở lên",
                 Target("at_least", value=D("90"), unit="%"), id="myphu-hoa-giai-thanh"),
    # 000 Mỹ Phú: chỉ tiêu chủ yếu
    pytest.param(None, "Thu ngân sách Nhà nước trên địa bàn đạt và vượt chỉ tiêu trên giao.",
                 Target("qualitative"), id="myphu-ct-thu-ngan-sach"),
    pytest.param(None, "Hoàn thành thực hiện dự án Khu dân cư mới phường Mỹ Phú; khu dân cư khóm Mỹ Thượng.",
                 Target("qualitative"), id="myphu-ct-xay-dung-co-ban"),
    pytest.param(None, "Tỷ lệ thu gom rác thải sinh hoạt (đối với các tuyến đường đã tổ chức thu gom) đạt 100%.",
                 Target("at_least", value=D("100"), unit="%"), id="myphu-ct-thu-gom-rac"),
    pytest.param(None, "- 5/5 khóm đạt khóm văn minh đô thị",
                 Target("ratio", value=D("5"), denominator=D("5"), unit="khóm"), id="myphu-ct-khom-van-minh"),
    pytest.param(None, "Thực hiện đạt 90% trở lên số hộ đạt gia đình văn hóa.",
                 Target("at_least", value=D("90"), unit="%"), id="myphu-ct-gia-dinh-van-hoa"),
    pytest.param(None, "Thực hiện đạt Bộ tiêu chí Quốc gia về y tế theo quyết định 1300/QĐ-BYT ngày 09/3/2023 của Bộ Y tế",
                 Target("qualitative"), id="myphu-ct-bo-tieu-chi-y-te"),
    pytest.param(None, "trẻ dưới 5 tuổi suy dinh dưỡng dưới 11,44%",
                 Target("below", value=D("11.44"), unit="%"), id="myphu-ct-suy-dinh-duong"),
    pytest.param(None, "Tỷ lệ tăng dân số tự nhiên dưới 0,8%",
                 Target("below", value=D("0.8"), unit="%"), id="myphu-ct-tang-dan-so"),
    pytest.param(None, "Tỷ lệ người dân tham gia bảo hiểm y tế đạt 97,5%.",
                 Target("at_least", value=D("97.5"), unit="%"), id="myphu-ct-bao-hiem-y-te"),
    pytest.param(None, "- Giảm 03 hộ nghèo so với năm 2023.",
                 Target("decrease_by", value=D("3"), unit="hộ"), id="myphu-ct-giam-ho-ngheo"),
    pytest.param(None, "Tư vấn giới thiệu việc làm 266 lao động",
                 Target("exact", value=D("266"), unit="lao động"), id="myphu-ct-tu-van-viec-lam"),
    pytest.param(None, "Tỷ lệ lao động qua đào tạo đạt 88%.",
                 Target("at_least", value=D("88"), unit="%"), id="myphu-ct-lao-dong-qua-dao-tao"),
    pytest.param(None, "- Vận động lao động đi làm việc có thời hạn ở nước ngoài theo hợp đồng 09 lao động.",
                 Target("exact", value=D("9"), unit="lao động"), id="myphu-ct-lao-dong-nuoc-ngoai"),
    pytest.param(None, "- Tình hình ANCT, TT.ATXH, an ninh tôn giáo, tai nạn giao thông đường bộ trên địa bàn được kiểm chế và kéo giảm.",
                 Target("qualitative"), id="myphu-ct-an-ninh"),
    pytest.param(None, "- Xây dựng lực lượng dân quân tự vệ và giao quân về trên đạt chỉ tiêu đề ra.",
                 Target("qualitative"), id="myphu-ct-dan-quan"),
    pytest.param(None, "Giải quyết đơn khiếu nại, tố cáo của công dân không để tồn đọng kéo dài",
                 Target("qualitative"), id="myphu-ct-don-khieu-nai"),
    pytest.param(None, "Tỷ lệ hòa giải thành ở cơ sở đạt trên 90% trở lên.",
                 Target("at_least", value=D("90"), unit="%"), id="myphu-ct-hoa-giai-thanh"),
    pytest.param(None, "- Thực hiện duy trì hệ thống quản lý chất lượng theo tiêu chuẩn quốc gia ISO 9001: 2015 về công tác cải cách hành chính.",
                 Target("qualitative"), id="myphu-ct-iso"),
    # 001 Phường 2
    pytest.param(None, "- Thu ngân sách đạt và vượt kế hoạch",
                 Target("qualitative"), id="phuong2-thu-ngan-sach"),
    pytest.param(None, "- Chi ngân sách đúng quy định.",
                 Target("qualitative"), id="phuong2-chi-ngan-sach"),
    pytest.param(None, "- Giảm 02 hộ cận nghèo trên địa bàn phường.",
                 Target("decrease_by", value=D("2"), unit="hộ"), id="phuong2-giam-ho-can-ngheo"),
    pytest.param(None, "- Số lao động có việc làm đạt và vượt chỉ tiêu được giao.",
                 Target("qualitative"), id="phuong2-lao-dong-co-viec-lam"),
    pytest.param(None, "- Duy trì 04/04 Khu phố Văn hóa, Gia đình Văn hóa đạt >90%.",
                 Target("qualitative"), id="phuong2-khu-pho-va-gdvh-together"),
    pytest.param(None, "Duy trì 04/04 Khu phố Văn hóa",
                 Target("ratio", value=D("4"), denominator=D("4"), unit="khu phố"), id="phuong2-khu-pho-van-hoa"),
    pytest.param("Gia đình Văn hóa", "đạt >90%",
                 Target("above", value=D("90"), unit="%"), id="phuong2-gia-dinh-van-hoa"),
    pytest.param(None, "- Duy trì phường đạt chuẩn phổ cập giáo dục ở 4 cấp (Mẫu giáo 5 tuổi, Tiểu học, Trung học cơ sở và Trung học phổ thông)",
                 Target("qualitative"), id="phuong2-pho-cap-giao-duc"),
    pytest.param(None, "- Duy trì phường đạt chuẩn Quốc gia về Y tế.",
                 Target("qualitative"), id="phuong2-chuan-y-te"),
    pytest.param(None, "- Tỷ lệ người dân tham gia BHYT đạt chỉ tiêu được giao.",
                 Target("qualitative"), id="phuong2-bhyt"),
    pytest.param("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (thấp còi): cân nặng", "+ Giảm hàng năm đối với cân nặng là 0,1% (Năm 2024: 8,06%)",
                 Target("decrease_by", value=D("0.1"), unit="%", per="năm"), id="phuong2-sdd-can-nang"),
    pytest.param("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng (thấp còi): chiều cao", "+ Giảm hàng năm đối với chiều cao là 0,09% (Năm 2024: 9,86%)",
                 Target("decrease_by", value=D("0.09"), unit="%", per="năm"), id="phuong2-sdd-chieu-cao"),
    pytest.param(None, "- Duy trì TTVH-TT-HTCĐ phường hoạt động hiệu quả",
                 Target("qualitative"), id="phuong2-ttvh"),
    pytest.param(None, "- Duy trì “Phường đạt chuẩn Đô thị - Văn minh”",
                 Target("qualitative"), id="phuong2-do-thi-van-minh"),
    pytest.param(None, "- Xây dựng mới hoặc sửa chữa nhà tình thương, tình nghĩa cho hộ khó khăn.",
                 Target("qualitative"), id="phuong2-nha-tinh-thuong"),
    pytest.param(None, "- Đăng ký thu gom rác đạt 95%.",
                 Target("at_least", value=D("95"), unit="%"), id="phuong2-thu-gom-rac"),
    pytest.param(None, "- Tỷ lệ hộ dân cư sử dụng nước sạch hơn 99%.",
                 Target("above", value=D("99"), unit="%"), id="phuong2-nuoc-sach"),
    pytest.param(None, "- Giữ vững an ninh chính trị - trật tự an toàn xã hội trên địa bàn",
                 Target("qualitative"), id="phuong2-an-ninh"),
    pytest.param(None, "- Giao quân đạt 100% chỉ tiêu trên giao.",
                 Target("at_least", value=D("100"), unit="%"), id="phuong2-giao-quan"),
    pytest.param("Đăng ký danh hiệu Gia đình văn hoá", "đạt 100%",
                 Target("at_least", value=D("100"), unit="%"), id="phuong2-gdvh-dang-ky"),
    pytest.param("Bình xét Gia đình văn hoá", "đạt 95% trở lên",
                 Target("at_least", value=D("95"), unit="%"), id="phuong2-gdvh-binh-xet"),
    pytest.param(None, "phấn đấu đăng ký danh hiệu Gia đình văn hoá đạt 100% và bình xét đạt 95% trở lên",
                 Target("qualitative"), id="phuong2-gdvh-together"),
    pytest.param(None, "Giảm tỷ lệ học sinh bỏ học giữa chừng dưới 1%.",
                 Target("below", value=D("1"), unit="%"), id="phuong2-bo-hoc"),
    pytest.param(None, "Vận động trẻ 06 tuổi ra lớp 1 đạt 100%.",
                 Target("at_least", value=D("100"), unit="%"), id="phuong2-tre-6-tuoi"),
    pytest.param(None, "Tỷ lệ tăng dân số tự nhiên duy trì dưới 01%.",
                 Target("below", value=D("1"), unit="%"), id="phuong2-dan-so"),
    pytest.param(None, "Xây dựng lực lượng Dân quân phường đạt 100% theo Đề án của UBND Thành phố giai đoạn 2021 - 2025",
                 Target("at_least", value=D("100"), unit="%"), id="phuong2-dan-quan"),
    pytest.param("Kéo giảm phạm pháp hình sự", "từ 5% đến 10%",
                 Target("range", value=D("5"), value_max=D("10"), unit="%"), id="phuong2-pham-phap-hinh-su"),
    # 002 Thọ Xương: chỉ tiêu chủ yếu 2024
    pytest.param(None, "(1). Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt và nuôi trồng thủy sản phân đầu đạt 135 triệu đồng/ha.",
                 Target("at_least", value=D("135000000"), unit="đồng", per="ha"), id="thoxuong-gia-tri-san-pham"),
    pytest.param(None, "(2). Hoàn thành chỉ tiêu thu ngân sách năm 2024.",
                 Target("qualitative"), id="thoxuong-thu-ngan-sach"),
    pytest.param(None, "(3). Số cơ sở sản xuất kinh doanh Thương mại - Dịch vụ; Công nghiệp - Tiểu thủ công nghiệp hằng năm tăng từ 15-20%.",
                 Target("range", value=D("15"), value_max=D("20"), unit="%", per="năm"), id="thoxuong-co-so-sxkd"),
    pytest.param(None, "(4). Giữ vững 03 trường học đạt chuẩn quốc gia; trường MN Hoa Hồng đạt chuẩn mức độ 2.",
                 Target("qualitative"), id="thoxuong-truong-chuan"),
    pytest.param(None, "Giữ vững 03 trường học đạt chuẩn quốc gia",
                 Target("exact", value=D("3"), unit="trường học"), id="thoxuong-truong-chuan-split"),
    pytest.param(None, "(5). Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa: từ 94% trở lên; tỷ lệ tổ dân phố đạt danh hiệu văn hóa: từ 88% trở lên.",
                 Target("qualitative"), id="thoxuong-van-hoa-together"),
    pytest.param("Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa", "từ 94% trở lên",
                 Target("at_least", value=D("94"), unit="%"), id="thoxuong-gia-dinh-van-hoa"),
    pytest.param("Tỷ lệ tổ dân phố đạt danh hiệu văn hóa", "từ 88% trở lên",
                 Target("at_least", value=D("88"), unit="%"), id="thoxuong-to-dan-pho-van-hoa"),
    pytest.param(None, "(6). Duy trì phường đạt chuẩn văn minh đô thị.",
                 Target("qualitative"), id="thoxuong-do-thi-van-minh"),
    pytest.param(None, "(7). Thiết lập hồ sơ và quản lý chặt chẽ 100% diện tích đất công ích.",
                 Target("exact", value=D("100"), unit="%"), id="thoxuong-dat-cong-ich"),
    pytest.param(None, "(8). Duy trì phường đạt chuẩn quốc gia về y tế.",
                 Target("qualitative"), id="thoxuong-chuan-y-te"),
    pytest.param(None, "(9). Tỷ lệ phát triển dân số tự nhiên dưới 0,95%. Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới 11%.",
                 Target("qualitative"), id="thoxuong-dan-so-together"),
    pytest.param("Tỷ lệ phát triển dân số tự nhiên", "dưới 0,95%",
                 Target("below", value=D("0.95"), unit="%"), id="thoxuong-dan-so"),
    pytest.param("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "dưới 11%",
                 Target("below", value=D("11"), unit="%"), id="thoxuong-suy-dinh-duong"),
    pytest.param(None, "(10). Tỷ lệ các cơ sở sản xuất, kinh doanh thực phẩm nhỏ lẻ được đưa vào quản lý: 100%.",
                 Target("exact", value=D("100"), unit="%"), id="thoxuong-thuc-pham"),
    pytest.param(None, "(11). Tỷ lệ hộ nghèo: Dưới 0,5%;",
                 Target("below", value=D("0.5"), unit="%"), id="thoxuong-ho-ngheo"),
    pytest.param(None, "(12). Tổng số lao động được giải quyết việc làm mới: 200 lao động.",
                 Target("exact", value=D("200"), unit="lao động"), id="thoxuong-viec-lam"),
    pytest.param(None, "(13). Tỷ lệ tham gia bảo hiểm y tế toàn dân: 99,7%; hoàn thành chỉ tiêu BHXH tự nguyện thành phố giao.",
                 Target("qualitative"), id="thoxuong-bhyt-together"),
    pytest.param("Tỷ lệ tham gia bảo hiểm y tế toàn dân", "99,7%",
                 Target("exact", value=D("99.7"), unit="%"), id="thoxuong-bhyt"),
    pytest.param("Hoàn thành chỉ tiêu BHXH tự nguyện thành phố giao", "",
                 Target("qualitative"), id="thoxuong-bhxh"),
    pytest.param(None, "(14). Giải quyết đơn thư và thực hiện quyết định, kết luận: trên 95%.",
                 Target("above", value=D("95"), unit="%"), id="thoxuong-don-thu"),
    pytest.param(None, "(15). Giữ vững ổn định về an ninh chính trị; hoàn thành xuất sắc các nhiệm vụ Quốc phòng và An ninh.",
                 Target("qualitative"), id="thoxuong-an-ninh"),
    # 002 Thọ Xương: Biểu 02 (targets of 2023)
    pytest.param(None, "Giá trị sản phẩm thu hoạch trên 1 ha đất trồng trọt và nuôi trồng thủy sản phân đầu đạt 135 triệu đồng/ha.",
                 Target("at_least", value=D("135000000"), unit="đồng", per="ha"), id="thoxuong-b02-gia-tri-san-pham"),
    pytest.param(None, "Hoàn thành chỉ tiêu thu ngân sách năm 2023.",
                 Target("qualitative"), id="thoxuong-b02-thu-ngan-sach"),
    pytest.param("Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa", "từ 94% (thành phố 91,2%) trở lên",
                 Target("at_least", value=D("94"), unit="%"), id="thoxuong-b02-gia-dinh-van-hoa"),
    pytest.param("Tỷ lệ tham gia bảo hiểm y tế toàn dân", "99,88% (thành phố 99,7%)",
                 Target("exact", value=D("99.88"), unit="%"), id="thoxuong-b02-bhyt"),
    pytest.param(None, "Tỷ lệ hộ nghèo: Dưới 0,5%.",
                 Target("below", value=D("0.5"), unit="%"), id="thoxuong-b02-ho-ngheo"),
    # 003 Nhơn Hưng: chỉ tiêu chủ yếu 2024
    pytest.param(None, "1. Tập trung phát triển thương mại - dịch vụ tăng 2,5% hộ kinh doanh/năm.",
                 Target("increase_by", value=D("2.5"), unit="%", per="năm"), id="nhonhung-thuong-mai-dich-vu"),
    pytest.param(None, "2. Thu cân đối theo chỉ tiêu huyện giao là 428.000.000 đồng",
                 Target("exact", value=D("428000000"), unit="đồng"), id="nhonhung-thu-can-doi"),
    pytest.param(None, "3. Thu nhập bình quân đầu người: 64.000.000 đồng/người/năm.",
                 Target("exact", value=D("64000000"), unit="đồng", per="người/năm"), id="nhonhung-thu-nhap"),
    pytest.param(None, "4. Chuyên đổi cây trồng trên diện tích kém hiệu quả: 55 ha.",
                 Target("exact", value=D("55"), unit="ha"), id="nhonhung-chuyen-doi-cay-trong"),
    pytest.param(None, "5. Hộ sử dụng điện kế đạt 99,64%.",
                 Target("at_least", value=D("99.64"), unit="%"), id="nhonhung-dien-ke"),
    pytest.param(None, "6. Hộ sử dụng thủy kế đạt 100%.",
                 Target("at_least", value=D("100"), unit="%"), id="nhonhung-thuy-ke"),
    pytest.param(None, "7. Không để dịch bệnh gia súc, gia cầm.",
                 Target("qualitative"), id="nhonhung-dich-benh"),
    pytest.param(None, "8. Vận động người dân tham gia BHYT đạt 93%.",
                 Target("at_least", value=D("93"), unit="%"), id="nhonhung-bhyt"),
    pytest.param(None, "9. Tiếp tục duy trì thực hiện 10 chuẩn Y tế quốc gia. Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%; Giảm tỷ lệ suy dinh dưỡng thể Cân nặng 8,19%.",
                 Target("qualitative"), id="nhonhung-y-te-together"),
    pytest.param(None, "Tiếp tục duy trì thực hiện 10 chuẩn Y tế quốc gia",
                 Target("qualitative"), id="nhonhung-chuan-y-te"),
    pytest.param(None, "Giảm tỷ lệ suy dinh dưỡng thể Chiều cao 15%",
                 Target("at_most", value=D("15"), unit="%"), id="nhonhung-sdd-chieu-cao"),
    pytest.param("Giảm tỷ lệ suy dinh dưỡng thể Cân nặng", "8,19%",
                 Target("at_most", value=D("8.19"), unit="%"), id="nhonhung-sdd-can-nang"),
    pytest.param(None, "10. Huy động học sinh ra lớp đúng độ tuổi: Mẫu giáo 05 tuổi đạt 100%/năm; Tiểu học đạt 100%/năm; Trung học cơ sở đạt 97-98%/năm.",
                 Target("qualitative"), id="nhonhung-huy-dong-together"),
    pytest.param(None, "Huy động học sinh ra lớp đúng độ tuổi: Mẫu giáo 05 tuổi đạt 100%/năm",
                 Target("at_least", value=D("100"), unit="%", per="năm"), id="nhonhung-huy-dong-mau-giao"),
    pytest.param("Huy động học sinh ra lớp đúng độ tuổi: Tiểu học", "đạt 100%/năm",
                 Target("at_least", value=D("100"), unit="%", per="năm"), id="nhonhung-huy-dong-tieu-hoc"),
    pytest.param("Huy động học sinh ra lớp đúng độ tuổi: Trung học cơ sở", "đạt 97-98%/năm",
                 Target("range", value=D("97"), value_max=D("98"), unit="%", per="năm"), id="nhonhung-huy-dong-thcs"),
    pytest.param(None, "11. Tỷ lệ học sinh bỏ học giữa chừng giảm: Tiểu học dưới 01% năm học; Trung học cơ sở dưới 02%/năm học.",
                 Target("qualitative"), id="nhonhung-bo-hoc-together"),
    pytest.param("Tỷ lệ học sinh bỏ học giữa chừng giảm: Tiểu học", "dưới 01% năm học",
                 Target("below", value=D("1"), unit="%", per="năm học"), id="nhonhung-bo-hoc-tieu-hoc"),
    pytest.param("Tỷ lệ học sinh bỏ học giữa chừng giảm: Trung học cơ sở", "dưới 02%/năm học",
                 Target("below", value=D("2"), unit="%", per="năm học"), id="nhonhung-bo-hoc-thcs"),
    pytest.param(None, "12. Giữ vững chuẩn chống mù chữ, phổ cập mẫu giáo 05 tuổi, phổ cập tiểu học đúng độ tuổi, Trung học cơ sở và tiến tới phổ cập Trung học phổ thông.",
                 Target("qualitative"), id="nhonhung-pho-cap"),
    pytest.param(None, "13. Giới thiệu việc làm mới bình quân 200 lao động/năm. Tỷ lệ người trong độ tuổi lao động có việc làm thường xuyên đạt 92%. Tỷ lệ lao động qua đào tạo đạt trên 70%.",
                 Target("qualitative"), id="nhonhung-viec-lam-together"),
    pytest.param(None, "Giới thiệu việc làm mới bình quân 200 lao động/năm",
                 Target("exact", value=D("200"), unit="lao động", per="năm"), id="nhonhung-viec-lam-moi"),
    pytest.param(None, "Tỷ lệ người trong độ tuổi lao động có việc làm thường xuyên đạt 92%",
                 Target("at_least", value=D("92"), unit="%"), id="nhonhung-viec-lam-thuong-xuyen"),
    pytest.param(None, "Tỷ lệ lao động qua đào tạo đạt trên 70%",
                 Target("above", value=D("70"), unit="%"), id="nhonhung-lao-dong-qua-dao-tao"),
    pytest.param(None, "14. Giảm 01 hộ nghèo và 01 hộ cận nghèo theo chuẩn mới.",
                 Target("qualitative"), id="nhonhung-ho-ngheo-together"),
    pytest.param(None, "Giảm 01 hộ nghèo",
                 Target("decrease_by", value=D("1"), unit="hộ"), id="nhonhung-ho-ngheo"),
    pytest.param(None, "giảm 01 hộ cận nghèo theo chuẩn mới",
                 Target("decrease_by", value=D("1"), unit="hộ"), id="nhonhung-ho-can-ngheo"),
    pytest.param(None, "15. Xuất khẩu lao động: 02 lao động.",
                 Target("exact", value=D("2"), unit="lao động"), id="nhonhung-xuat-khau-lao-dong"),
    pytest.param(None, "16. Tỷ lệ nợ quá hạn từ nguồn vốn vay từ Ngân hàng Chính sách xã hội cuối năm dưới 02%.",
                 Target("below", value=D("2"), unit="%"), id="nhonhung-no-qua-han"),
    pytest.param(None, "17. Vận động quỹ khuyến học hàng năm 130 triệu đồng.",
                 Target("exact", value=D("130000000"), unit="đồng", per="năm"), id="nhonhung-quy-khuyen-hoc"),
    pytest.param(None, "18. Duy trì và nâng chất GDVH đã đạt, cơ quan, đơn vị văn hóa đạt 100%. Giữ vững 3/3 nhóm đạt chuẩn nhóm văn hoá.",
                 Target("qualitative"), id="nhonhung-gdvh-together"),
    pytest.param(None, "Duy trì và nâng chất GDVH đã đạt, cơ quan, đơn vị văn hóa đạt 100%",
                 Target("at_least", value=D("100"), unit="%"), id="nhonhung-co-quan-van-hoa"),
    pytest.param(None, "Giữ vững 3/3 nhóm đạt chuẩn nhóm văn hoá.",
                 Target("ratio", value=D("3"), denominator=D("3"), unit="nhóm"), id="nhonhung-nhom-van-hoa"),
    pytest.param(None, "19. Đẩy mạnh công tác cải cách thủ tục hành chính, thực hiện đúng phương châm “thân thiện, trách nhiệm, đúng hẹn”.",
                 Target("qualitative"), id="nhonhung-cchc"),
    pytest.param(None, "20. Đảm bảo công tác hòa giải cơ sở (không để đơn tồn đọng).",
                 Target("qualitative"), id="nhonhung-hoa-giai"),
    pytest.param(None, "21. Giao quân đạt chỉ tiêu thị xã giao.",
                 Target("qualitative"), id="nhonhung-giao-quan"),
    pytest.param(None, "22. Thực hiện tốt phong trào bảo vệ an ninh tổ quốc.",
                 Target("qualitative"), id="nhonhung-an-ninh"),
    pytest.param(None, "23. Thực hiện tốt các chỉ tiêu phường đạt chuẩn đô thị văn minh.",
                 Target("qualitative"), id="nhonhung-do-thi-van-minh"),
    pytest.param(None, "24. Vận động quỹ VNN-XHTT 460 triệu đồng/năm.",
                 Target("exact", value=D("460000000"), unit="đồng", per="năm"), id="nhonhung-quy-vnn"),
    pytest.param("Năng suất bình quân", "6-7,66 tấn/ha",
                 Target("range", value=D("6"), value_max=D("7.66"), unit="tấn", per="ha"), id="nhonhung-nang-suat"),
    pytest.param("Diện tích xuống giống 2 vụ Đông Xuân và Hè Thu", "1.302/1.303,5 ha",
                 Target("ratio", value=D("1302"), denominator=D("1303.5"), unit="ha"), id="nhonhung-xuong-giong"),
    pytest.param("Giá bán", "6.800-7.400đ",
                 Target("range", value=D("6800"), value_max=D("7400"), unit="đồng"), id="nhonhung-gia-ban"),
    # 004 Lai Hưng
    pytest.param(None, "- Tổng thu ngân sách xã: đạt 100%",
                 Target("at_least", value=D("100"), unit="%"), id="laihung-thu-ngan-sach"),
    pytest.param(None, "- Tổng chi ngân sách xã: đạt 95%",
                 Target("at_least", value=D("95"), unit="%"), id="laihung-chi-ngan-sach"),
    pytest.param(None, "- Tỷ lệ hộ nghèo đa chiều theo chuẩn của tỉnh dưới 1%.",
                 Target("below", value=D("1"), unit="%"), id="laihung-ho-ngheo"),
    pytest.param(None, "- Duy trì các Trường đạt chuẩn Quốc gia. Thêm 01 trường công lập đạt chuẩn Quốc gia, nâng tổng số trường công lập đạt chuẩn 100%.",
                 Target("qualitative"), id="laihung-truong-chuan-together"),
    pytest.param(None, "Duy trì các Trường đạt chuẩn Quốc gia",
                 Target("qualitative"), id="laihung-truong-chuan-duy-tri"),
    pytest.param(None, "Thêm 01 trường công lập đạt chuẩn Quốc gia",
                 Target("increase_by", value=D("1"), unit="trường"), id="laihung-truong-chuan-them"),
    pytest.param(None, "nâng tổng số trường công lập đạt chuẩn 100%",
                 Target("exact", value=D("100"), unit="%"), id="laihung-truong-chuan-tong"),
    pytest.param(None, "- Duy trì tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng cân nặng dưới 2%.",
                 Target("below", value=D("2"), unit="%"), id="laihung-suy-dinh-duong"),
    pytest.param(None, "- Tỷ suất sinh thô tăng 0,3‰.",
                 Target("increase_by", value=D("0.3"), unit="‰"), id="laihung-sinh-tho"),
    pytest.param(None, "- Giảm tỷ lệ sinh con thứ ba trở lên vi phạm pháp luật dân số là 0,05% trở lên..",
                 Target("decrease_by", value=D("0.05"), unit="%"), id="laihung-con-thu-ba"),
    pytest.param("Giảm tỷ lệ sinh con thứ ba trở lên vi phạm pháp luật dân số", "là 0,05% trở lên..",
                 Target("decrease_by", value=D("0.05"), unit="%"), id="laihung-con-thu-ba-split"),
    pytest.param(None, "- Tỷ lệ người tham gia Bảo hiểm y tế đạt từ 93,45%",
                 Target("at_least", value=D("93.45"), unit="%"), id="laihung-bhyt"),
    pytest.param("Tỷ lệ người tham gia Bảo hiểm y tế", "đạt từ 93,45%",
                 Target("at_least", value=D("93.45"), unit="%"), id="laihung-bhyt-split"),
    pytest.param(None, "- Duy trì xã đạt chuẩn Quốc gia về Y tế theo Bộ tiêu chí mới.",
                 Target("qualitative"), id="laihung-chuan-y-te"),
    pytest.param(None, "- Duy trì 4 ấp đạt ấp văn hóa.",
                 Target("exact", value=D("4"), unit="ấp"), id="laihung-ap-van-hoa"),
    pytest.param(None, "Duy trì 04/4 ấp đạt ấp văn hóa",
                 Target("ratio", value=D("4"), denominator=D("4"), unit="ấp"), id="laihung-ap-van-hoa-ratio"),
    pytest.param(None, "- Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh đạt 100%.",
                 Target("at_least", value=D("100"), unit="%"), id="laihung-nuoc-hop-ve-sinh"),
    pytest.param(None, "- Tỷ lệ dân cư đô thị sử dụng nước sạch đạt từ 72%.",
                 Target("at_least", value=D("72"), unit="%"), id="laihung-nuoc-sach"),
    pytest.param(None, "- Tỷ lệ hộ dân sử dụng điện đạt 99,99%.",
                 Target("at_least", value=D("99.99"), unit="%"), id="laihung-dien"),
    pytest.param(None, "- Giao quân đạt 100% chỉ tiêu giao đảm bảo số lượng và chất lượng.",
                 Target("at_least", value=D("100"), unit="%"), id="laihung-giao-quan"),
    pytest.param(None, "- Đưa ra giải quyết đạt 100% đơn, phần đấu hòa giải thành đạt từ 90%.",
                 Target("qualitative"), id="laihung-don-together"),
    pytest.param(None, "Đưa ra giải quyết đạt 100% đơn",
                 Target("at_least", value=D("100"), unit="%"), id="laihung-giai-quyet-don"),
    pytest.param(None, "phần đấu hòa giải thành đạt từ 90%",
                 Target("at_least", value=D("90"), unit="%"), id="laihung-hoa-giai-thanh"),
    pytest.param(None, "tỷ lệ học sinh lên lớp đạt 98%",
                 Target("at_least", value=D("98"), unit="%"), id="laihung-len-lop"),
    pytest.param(None, "tốt nghiệp THCS đạt 98% trở lên",
                 Target("at_least", value=D("98"), unit="%"), id="laihung-tot-nghiep"),
    pytest.param(None, "trẻ em 5 tuổi vào mẫu giáo, trẻ 6 tuổi vào lớp 1 đạt 100%",
                 Target("at_least", value=D("100"), unit="%"), id="laihung-vao-lop-1"),
    pytest.param(None, "cuối năm tổ chức xét công nhận gia đình văn hoá đạt từ 90% trở lên",
                 Target("at_least", value=D("90"), unit="%"), id="laihung-gdvh-cong-nhan"),
    pytest.param(None, "Phân đấu cuối năm, UBND xã “Hoàn thành xuất sắc nhiệm vụ”.",
                 Target("qualitative"), id="laihung-chinh-quyen"),
    # design examples and robustness
    pytest.param(None, "130 triệu đồng",
                 Target("exact", value=D("130000000"), unit="đồng"), id="design-130-trieu"),
    pytest.param(None, "9,95 tỷ đồng",
                 Target("exact", value=D("9950000000"), unit="đồng"), id="design-9-95-ty"),
    pytest.param(None, "15-20%",
                 Target("range", value=D("15"), value_max=D("20"), unit="%"), id="design-15-20"),
    pytest.param(None, "giảm 0,1%/năm",
                 Target("decrease_by", value=D("0.1"), unit="%", per="năm"), id="design-giam-0-1-nam"),
    pytest.param(None, "đạt và vượt chỉ tiêu trên giao",
                 Target("qualitative"), id="design-dat-va-vuot"),
    pytest.param(None, "Giữ vững an ninh chính trị",
                 Target("qualitative"), id="design-giu-vung"),
    pytest.param(None, "ĐẠT\u00a0TỪ 93,45\u00a0%",
                 Target("at_least", value=D("93.45"), unit="%"), id="robust-nbsp-upper"),
    pytest.param(None, "90% trở lên..",
                 Target("at_least", value=D("90"), unit="%"), id="robust-double-dots"),
    pytest.param(None, "không quá 5%",
                 Target("at_most", value=D("5"), unit="%"), id="robust-khong-qua"),
    pytest.param(None, "tối đa 3 vụ",
                 Target("at_most", value=D("3"), unit="vụ"), id="robust-toi-da"),
    pytest.param(None, "≥ 90%",
                 Target("at_least", value=D("90"), unit="%"), id="robust-symbols"),
    pytest.param(None, "< 2%",
                 Target("below", value=D("2"), unit="%"), id="robust-less-than"),
    pytest.param(None, "theo kế hoạch của thành phố",
                 Target("qualitative"), id="robust-unreadable"),
    pytest.param("Tỷ lệ hộ nghèo dưới", "0,5%",
                 Target("below", value=D("0.5"), unit="%"), id="robust-name-duoi"),
    pytest.param("Tỷ lệ hộ nghèo", "0,5%",
                 Target("at_most", value=D("0.5"), unit="%"), id="robust-name-giam-percent"),
]


@pytest.mark.parametrize(("name", "text", "expected"), SEED_PHRASES)
def test_parse_seed_phrase(name, text, expected):
    assert parse(text, name) == expected


def test_parse_issue_example_lai_hung_health_insurance():
    target = parse("Tỷ lệ người tham gia Bảo hiểm y tế đạt từ 93,45%")
    assert target.to_json() == {"kind": "at_least", "value": "93.45", "value_max": None,
                                "denominator": None, "unit": "%", "per": None}


def test_parse_phrase_alone_without_name_reads_at_least():
    assert parse("là 0,05% trở lên..") == Target("at_least", value=D("0.05"), unit="%")


def test_parse_name_gives_direction_for_bare_percent():
    assert parse("11,44%").kind == "exact"
    assert parse("11,44%", "Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng dưới").kind == "below"


def test_parse_bare_count_of_households_without_name_is_exact():
    assert parse("03 hộ") == Target("exact", value=D("3"), unit="hộ")


@pytest.mark.parametrize("text", [None, "", "   ", "...", "%", "/", "12/", "-", "đồng", "1..2,,3%"])
def test_parse_odd_text_never_raises(text):
    assert isinstance(parse(text), Target)


@given(st.text(max_size=60))
def test_parse_any_text_never_raises(text):
    assert parse(text).kind


def test_to_json_normalises_decimals():
    target = Target("range", value=D("15.000"), value_max=D("2E+1"), unit="%", per="năm")
    assert target.to_json() == {"kind": "range", "value": "15", "value_max": "20", "denominator": None,
                                "unit": "%", "per": "năm"}
    assert parse("9.949.000.000đ").to_json()["value"] == "9949000000"
    assert Target.from_json(target.to_json()) == target


def test_target_rejects_unknown_kind():
    with pytest.raises(ValueError):
        Target("more_or_less")


@pytest.mark.parametrize(
    ("target", "text", "short"),
    [
        (Target("at_least", value=D("90"), unit="%"), "từ 90% trở lên", "≥ 90%"),
        (Target("above", value=D("95"), unit="%"), "trên 95%", "> 95%"),
        (Target("at_most", value=D("5"), unit="%"), "không quá 5%", "≤ 5%"),
        (Target("below", value=D("11.44"), unit="%"), "dưới 11,44%", "< 11,44%"),
        (Target("exact", value=D("266")), "từ 266 trở lên", "≥ 266"),
        (Target("exact", value=D("9949000000"), unit="đồng"), "từ 9.949.000.000 đồng trở lên",
         "≥ 9.949.000.000 đồng"),
        (Target("exact", value=D("3"), unit="hộ"), "từ 3 hộ trở lên", "≥ 3 hộ"),
        (Target("exact", value=D("64000000"), unit="đồng", per="người/năm"),
         "từ 64.000.000 đồng/người/năm trở lên", "≥ 64.000.000 đồng/người/năm"),
        (Target("range", value=D("15"), value_max=D("20"), unit="%"), "15-20%", "15–20%"),
        (Target("ratio", value=D("5"), denominator=D("5"), unit="khóm"), "5/5 khóm", "5/5 khóm"),
        (Target("increase_by", value=D("0.3"), unit="‰"), "tăng 0,3‰", "tăng 0,3‰"),
        (Target("decrease_by", value=D("3"), unit="hộ"), "giảm 3 hộ", "giảm 3 hộ"),
        (Target("decrease_by", value=D("0.1"), unit="%", per="năm"), "giảm 0,1%/năm", "giảm 0,1%/năm"),
        (QUALITATIVE, "", "định tính"),
    ],
)
def test_format_target_and_short_meaning(target, text, short):
    assert format_target(target) == text
    assert short_meaning(target) == short


def as_evaluated(target):
    """A bare figure ("266") is evaluated, and so displayed, as "at least": its text reads back so."""
    return replace(target, kind="at_least") if target.kind == "exact" else target


@pytest.mark.parametrize(("name", "text", "expected"), SEED_PHRASES)
def test_format_target_of_seed_phrase_reads_back(name, text, expected):
    if expected.kind != "qualitative":
        assert parse(format_target(expected)) == as_evaluated(expected)


amounts = st.builds(lambda n, e: D(n).scaleb(-e), st.integers(0, 10**13), st.integers(0, 4))
units = st.sampled_from([None, "%", "‰", "đồng", "hộ", "lao động", "khóm", "ha", "khu phố", "tấn", "người"])
pers = st.sampled_from([None, "năm", "ha", "người/năm", "năm học"])


@st.composite
def targets(draw):
    kind = draw(st.sampled_from(["at_least", "above", "at_most", "below", "exact", "range", "ratio",
                                 "increase_by", "decrease_by"]))
    value = draw(amounts)
    extra = {}
    if kind == "range":
        extra["value_max"] = value + draw(amounts) + 1
    if kind == "ratio":
        extra["denominator"] = draw(amounts)
    return Target(kind, value=value, unit=draw(units), per=draw(pers), **extra)


@given(targets())
def test_parse_inverts_format_target(target):
    assert parse(format_target(target)) == as_evaluated(target)



# --- invisible characters, spaces in digits, digits of other scripts ---------------------------------

@pytest.mark.parametrize("typed", ["9\u200b0%", "9\u00a00%", "90%"])
def test_invisible_characters_do_not_change_the_target(typed):
    target = parse(typed)

    assert (target.kind, target.value, target.unit) == ("exact", D("90"), "%")


@pytest.mark.parametrize("typed", ["12 3", "từ 9 0% trở lên", "１２%"])
def test_a_space_inside_digits_or_foreign_digits_leave_the_target_unread(typed):
    assert parse(typed).kind == "qualitative"


def test_digits_grouped_by_three_with_spaces():
    assert parse("từ 1 234 567 đồng trở lên").value == D("1234567")
