"""A named test set of target phrases as Vietnamese ward and commune plans write them, beyond the
five seeds, with the reading each should get. ``python -m tests.core.phrase_corpus`` prints the
parser's share right on it (and the misses); tests/core/test_phrase_corpus.py holds it to a floor.

Each entry: (id, indicator name or None, target text, expected Target). Written after the
phrasing of published Báo cáo / Kế hoạch phát triển kinh tế - xã hội of xã and phường (health
insurance, poverty, budget, malnutrition, jobs, military call-up, new countryside, national
standard schools, cultural families, population, food output, area, income, vaccination, clean
water, waste collection, public order, administrative reform)."""

from decimal import Decimal as D

from core.phrases import Target, parse


def T(kind, value, unit=None, per=None, **extra):
    return Target(kind, value=D(value), unit=unit, per=per, **extra)


CORPUS = [
    # health insurance (BHYT, BHXH)
    ("bhyt-dat-tro-len", "Tỷ lệ người dân tham gia bảo hiểm y tế", "đạt 95% trở lên",
     T("at_least", "95", "%")),
    ("bhyt-dan-so", None, "Tỷ lệ bao phủ bảo hiểm y tế đạt 93,5% dân số", T("at_least", "93.5", "%")),
    ("bhyt-khong-thap-hon", None, "Tỷ lệ người dân tham gia BHYT không thấp hơn 95%",
     T("at_least", "95", "%")),
    ("bhyt-name-khong-duoi", "Tỷ lệ tham gia BHYT không dưới", "95%", T("at_least", "95", "%")),
    ("bhyt-tre-em", "Tỷ lệ trẻ em dưới 6 tuổi được cấp thẻ BHYT", "100%", T("exact", "100", "%")),
    ("bhxh-tang-them", "Số người tham gia bảo hiểm xã hội tự nguyện", "tăng thêm 30 người",
     T("increase_by", "30", "người")),
    ("bhxh-ty-le", None, "Tỷ lệ lao động tham gia bảo hiểm xã hội đạt 25% lực lượng lao động trong độ tuổi",
     T("at_least", "25", "%")),
    # poverty
    ("ngheo-giam-con", None, "Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm còn 1,2%", T("at_most", "1.2", "%")),
    ("ngheo-giam-ty-le-cut", "Giảm tỷ lệ hộ nghèo", "0,5%", T("decrease_by", "0.5", "%")),
    ("ngheo-giam-ty-le-sentence", None, "Giảm tỷ lệ hộ nghèo 0,5% so với năm 2024",
     T("decrease_by", "0.5", "%")),
    ("ngheo-ty-le-giam", None, "Tỷ lệ hộ nghèo giảm 0,3%", T("decrease_by", "0.3", "%")),
    ("ngheo-name-giam", "Tỷ lệ hộ nghèo giảm", "0,3%", T("decrease_by", "0.3", "%")),
    ("ngheo-name-giam-con", "Tỷ lệ hộ nghèo giảm còn", "0,8%", T("at_most", "0.8", "%")),
    ("ngheo-phan-dau-giam", "Phấn đấu giảm tỷ lệ hộ cận nghèo", "1%", T("decrease_by", "1", "%")),
    ("ngheo-binh-quan-nam", None, "Giảm tỷ lệ hộ nghèo bình quân 1,5%/năm",
     T("decrease_by", "1.5", "%", "năm")),
    ("ngheo-tu-xuong-con", None, "Tỷ lệ hộ nghèo giảm từ 1,8% xuống còn 1,2%", T("at_most", "1.2", "%")),
    ("ngheo-giam-ho", None, "Giảm 05 hộ nghèo theo chuẩn nghèo đa chiều", T("decrease_by", "5", "hộ")),
    ("ngheo-khong-qua", None, "Tỷ lệ hộ nghèo cuối năm không quá 1%", T("at_most", "1", "%")),
    ("ngheo-khong-cao-hon", "Tỷ lệ hộ nghèo", "không cao hơn 1,5%", T("at_most", "1.5", "%")),
    ("can-ngheo-duoi", None, "Tỷ lệ hộ cận nghèo dưới 2%", T("below", "2", "%")),
    ("ngheo-phat-sinh", "Số hộ nghèo phát sinh mới", "không quá 3 hộ", T("at_most", "3", "hộ")),
    ("nha-dai-doan-ket", None, "Xây dựng mới 03 căn nhà Đại đoàn kết cho hộ nghèo", T("exact", "3", "căn")),
    # budget and income
    ("ngan-sach-dat", None, "Tổng thu ngân sách nhà nước trên địa bàn đạt 12.500.000.000 đồng",
     T("at_least", "12500000000", "đồng")),
    ("ngan-sach-ty", "Thu ngân sách xã", "3,2 tỷ đồng", T("exact", "3200000000", "đồng")),
    ("ngan-sach-khong-duoi", None, "Thu ngân sách trên địa bàn không dưới 2.150 triệu đồng",
     T("at_least", "2150000000", "đồng")),
    ("thu-nhap-dat", None, "Thu nhập bình quân đầu người đạt 68 triệu đồng/người/năm",
     T("at_least", "68000000", "đồng", "người/năm")),
    ("thu-nhap-bare", "Thu nhập bình quân đầu người", "75 triệu đồng/người/năm",
     T("exact", "75000000", "đồng", "người/năm")),
    ("von-dau-tu-tang", None, "Tổng vốn đầu tư phát triển toàn xã hội tăng 10% so với năm trước",
     T("increase_by", "10", "%")),
    ("quy-vi-nguoi-ngheo", None, "Vận động Quỹ Vì người nghèo 50 triệu đồng", T("exact", "50000000", "đồng")),
    ("quy-den-on", None, "Vận động Quỹ Đền ơn đáp nghĩa đạt 30.000.000 đồng trở lên",
     T("at_least", "30000000", "đồng")),
    ("tang-truong", None, "Tỷ lệ tăng trưởng kinh tế đạt 7,5% trở lên", T("at_least", "7.5", "%")),
    # malnutrition
    ("sdd-thap-coi-duoi", None, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 12%",
     T("below", "12", "%")),
    ("sdd-nhe-can-giam-con", None, "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân giảm còn 6,5%",
     T("at_most", "6.5", "%")),
    ("sdd-khong-vuot-qua", "Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng", "không vượt quá 8%",
     T("at_most", "8", "%")),
    ("sdd-giam-nam", None, "Giảm tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi 0,2%/năm",
     T("decrease_by", "0.2", "%", "năm")),
    ("sdd-giam-level", "Giảm tỷ lệ suy dinh dưỡng thể thấp còi", "14%", T("at_most", "14", "%")),
    # jobs
    ("viec-lam-moi", None, "Giải quyết việc làm mới cho 250 lao động", T("exact", "250", "lao động")),
    ("viec-lam-it-nhat", None, "Giải quyết việc làm cho ít nhất 120 lao động",
     T("at_least", "120", "lao động")),
    ("xuat-khau-lao-dong", None, "Đưa 15 lao động đi làm việc ở nước ngoài theo hợp đồng",
     T("exact", "15", "lao động")),
    ("dao-tao-together", None, "Tỷ lệ lao động qua đào tạo đạt 72%, trong đó có bằng cấp, chứng chỉ đạt 30%",
     Target("qualitative")),
    ("dao-tao-khong-duoi", "Tỷ lệ lao động qua đào tạo", "không dưới 70%", T("at_least", "70", "%")),
    ("dao-tao-tang", "Tăng tỷ lệ lao động qua đào tạo", "2%", T("increase_by", "2", "%")),
    # military call-up
    ("giao-quan-hoan-thanh", None, "Hoàn thành 100% chỉ tiêu giao quân", T("exact", "100", "%")),
    ("giao-quan-dat", None, "Giao quân đạt 100% chỉ tiêu trên giao", T("at_least", "100", "%")),
    ("giao-quan-thanh-nien", "Tuyển chọn và gọi công dân nhập ngũ", "18 thanh niên",
     T("exact", "18", "thanh niên")),
    # new countryside, schools, culture
    ("ntm-nang-cao", None, "Xây dựng xã đạt chuẩn nông thôn mới nâng cao", Target("qualitative")),
    ("ntm-them-tieu-chi", None, "Phấn đấu đạt thêm 02 tiêu chí nông thôn mới nâng cao",
     T("increase_by", "2", "tiêu chí")),
    ("ntm-tieu-chi-ratio", "Số tiêu chí nông thôn mới đạt được", "19/19 tiêu chí",
     T("ratio", "19", "tiêu chí", denominator=D("19"))),
    ("truong-chuan-them", None, "Có thêm 01 trường đạt chuẩn quốc gia mức độ 1",
     T("increase_by", "1", "trường")),
    ("truong-chuan-ratio", "Số trường đạt chuẩn quốc gia", "4/5 trường",
     T("ratio", "4", "trường", denominator=D("5"))),
    ("truong-chuan-ty-le", None, "Tỷ lệ trường đạt chuẩn quốc gia đạt 80%", T("at_least", "80", "%")),
    ("gdvh-tu-tro-len", None, "Tỷ lệ hộ gia đình được công nhận gia đình văn hóa đạt từ 92% trở lên",
     T("at_least", "92", "%")),
    ("gdvh-symbol", "Tỷ lệ gia đình đạt danh hiệu gia đình văn hóa", "≥ 90%", T("at_least", "90", "%")),
    ("ap-van-hoa", None, "Có 8/8 ấp được công nhận ấp văn hóa", T("ratio", "8", "ấp", denominator=D("8"))),
    ("kdc-duy-tri", None, "Duy trì 100% khu dân cư đạt chuẩn văn hóa", T("exact", "100", "%")),
    # population
    ("dan-so-duoi", None, "Tỷ lệ tăng dân số tự nhiên dưới 1%", T("below", "1", "%")),
    ("dan-so-bare", "Tỷ lệ tăng dân số tự nhiên", "0,9%", T("at_most", "0.9", "%")),
    ("dan-so-khong-qua", None, "Tỷ lệ tăng dân số tự nhiên không quá 0,95%", T("at_most", "0.95", "%")),
    ("sinh-tho-giam", "Tỷ suất sinh thô giảm", "0,2‰", T("decrease_by", "0.2", "‰")),
    ("sinh-tho-tang", "Tỷ suất sinh thô tăng", "0,3‰", T("increase_by", "0.3", "‰")),
    ("con-thu-ba-giam", None, "Tỷ lệ sinh con thứ 3 trở lên giảm 0,1%", T("decrease_by", "0.1", "%")),
    # agriculture
    ("luong-thuc-dat", None, "Sản lượng lương thực đạt 12.500 tấn", T("at_least", "12500", "tấn")),
    ("luong-thuc-tren", "Tổng sản lượng lương thực có hạt", "trên 9.800 tấn", T("above", "9800", "tấn")),
    ("lua-dien-tich", "Diện tích gieo trồng lúa cả năm", "1.850 ha", T("exact", "1850", "ha")),
    ("cay-hang-nam", None, "Diện tích gieo trồng cây hằng năm đạt 2.300 ha", T("at_least", "2300", "ha")),
    ("nang-suat-lua", None, "Năng suất lúa bình quân 6,5 tấn/ha", T("exact", "6.5", "tấn", "ha")),
    ("gia-tri-tren-ha", None, "Giá trị sản xuất trên 01 ha đất nông nghiệp đạt 150 triệu đồng",
     T("at_least", "150000000", "đồng")),
    ("gia-tri-nong-nghiep-tang", None, "Giá trị sản xuất nông nghiệp tăng 3,5%/năm",
     T("increase_by", "3.5", "%", "năm")),
    ("dan-gia-suc", None, "Tổng đàn gia súc, gia cầm đạt 85.000 con", T("at_least", "85000", "con")),
    ("che-phu-rung", None, "Tỷ lệ che phủ rừng đạt 45%", T("at_least", "45", "%")),
    # water, waste, sanitation
    ("nuoc-sach", None, "Tỷ lệ hộ dân sử dụng nước sạch đạt 98%", T("at_least", "98", "%")),
    ("nuoc-hop-ve-sinh", None, "Tỷ lệ dân cư nông thôn sử dụng nước hợp vệ sinh đạt 100%",
     T("at_least", "100", "%")),
    ("nuoc-qcvn", "Tỷ lệ hộ sử dụng nước sạch theo QCVN", "từ 65% trở lên", T("at_least", "65", "%")),
    ("rac-tren", None, "Tỷ lệ thu gom, xử lý rác thải sinh hoạt đạt trên 95%", T("above", "95", "%")),
    ("rac-khong-thap-hon", None,
     "Tỷ lệ chất thải rắn sinh hoạt được thu gom và xử lý theo quy định không thấp hơn 90%",
     T("at_least", "90", "%")),
    ("nha-tieu", None, "Tỷ lệ hộ gia đình có nhà tiêu hợp vệ sinh đạt 95%", T("at_least", "95", "%")),
    # health and education
    ("tiem-chung-tren", None,
     "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ các loại vắc xin đạt trên 95%", T("above", "95", "%")),
    ("tiem-chung-symbol", "Tỷ lệ tiêm chủng mở rộng cho trẻ dưới 1 tuổi", "≥ 95%", T("at_least", "95", "%")),
    ("nguoi-cao-tuoi", None, "Tỷ lệ người cao tuổi được chăm sóc sức khỏe ban đầu không ít hơn 90%",
     T("at_least", "90", "%")),
    ("quan-ly-suc-khoe", "Tỷ lệ dân số được quản lý sức khỏe", "đạt 90%", T("at_least", "90", "%")),
    ("tot-nghiep-thcs", None, "Tỷ lệ học sinh tốt nghiệp trung học cơ sở đạt 99% trở lên",
     T("at_least", "99", "%")),
    ("bo-hoc", None, "Tỷ lệ học sinh bỏ học không quá 0,5%", T("at_most", "0.5", "%")),
    ("vao-lop-1", None, "Huy động trẻ 6 tuổi vào lớp 1 đạt 100%", T("at_least", "100", "%")),
    # public order, administration
    ("hoa-giai", None, "Tỷ lệ hòa giải thành đạt từ 85% trở lên", T("at_least", "85", "%")),
    ("tai-nan-qualitative", None, "Kéo giảm số vụ tai nạn giao thông so với năm trước",
     Target("qualitative")),
    ("pham-phap-keo-giam", None, "Kéo giảm 5% số vụ phạm pháp hình sự so với năm 2024",
     T("decrease_by", "5", "%")),
    ("kham-pha-an", None, "Tỷ lệ điều tra khám phá án hình sự đạt trên 80%", T("above", "80", "%")),
    ("ho-so-dung-han", None, "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 100%",
     T("at_least", "100", "%")),
    ("ho-so-tre-han", None, "Tỷ lệ hồ sơ trễ hạn không vượt quá 2%", T("at_most", "2", "%")),
    ("giay-chung-nhan", None, "Cấp mới 30 giấy chứng nhận quyền sử dụng đất",
     T("exact", "30", "giấy chứng nhận")),
    # --- written after the parser changes and measured before any further fix (held out): 20/24
    # right as first measured (19/24 on the parser before issue 12); "tỷ lệ" before the number,
    # the unit "khu dân cư", "cả 3 tiêu chí" and "Duy trì <name> 520 ha" were then fixed.
    ("ho-ngheo-con-duoi", None, "Phấn đấu đến cuối năm tỷ lệ hộ nghèo còn dưới 0,8%", T("below","0.8","%")),
    ("bhyt-tren-tro-len", "Tỷ lệ dân số tham gia BHYT", "trên 92%", T("above","92","%")),
    ("tre-tiem-vac-xin", None, "Tiêm chủng đầy đủ cho trẻ em dưới 1 tuổi đạt tỷ lệ 98%",
     T("at_least","98","%")),
    ("rac-thai-do-thi", "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom", "100%", T("exact","100","%")),
    ("nong-thon-moi-kieu-mau", None, "Xây dựng thêm 01 thôn đạt chuẩn nông thôn mới kiểu mẫu",
     T("increase_by","1","thôn")),
    ("thu-ngan-sach-tang-pct", None, "Thu ngân sách nhà nước trên địa bàn tăng 8% so với dự toán",
     T("increase_by","8","%")),
    ("thu-nhap-binh-quan-dat", "Thu nhập bình quân đầu người", "đạt trên 70 triệu đồng/người/năm",
     T("above","70000000","đồng","người/năm")),
    ("lua-san-luong", "Sản lượng lúa", "không dưới 7.200 tấn", T("at_least","7200","tấn")),
    ("san-luong-thuy-san", None, "Sản lượng nuôi trồng thủy sản đạt 1.150 tấn", T("at_least","1150","tấn")),
    ("dien-tich-lua", None, "Duy trì diện tích trồng lúa 520 ha", T("exact","520","ha")),
    ("gia-dinh-van-hoa", None, "Có 95% hộ gia đình đạt danh hiệu Gia đình văn hóa", T("exact","95","%")),
    ("khu-dan-cu-van-hoa", None, "12/12 khu dân cư đạt danh hiệu Khu dân cư văn hóa",
     T("ratio","12","khu dân cư",denominator=D("12"))),
    ("sdd-can-nang-giam", "Tỷ lệ suy dinh dưỡng trẻ em dưới 5 tuổi (cân nặng/tuổi)", "giảm còn 5,8%",
     T("at_most","5.8","%")),
    ("dan-so-tang-tu-nhien", "Tỷ lệ tăng dân số tự nhiên", "dưới 0,85%", T("below","0.85","%")),
    ("giao-quan-chi-tieu", None, "Giao quân đạt 100% chỉ tiêu huyện giao", T("at_least","100","%")),
    ("lao-dong-viec-lam-tang", None, "Tạo việc làm mới cho từ 150 lao động trở lên",
     T("at_least","150","lao động")),
    ("lao-dong-nuoc-ngoai", "Đưa lao động đi làm việc ở nước ngoài", "10 người", T("exact","10","người")),
    ("truong-chuan-muc-2", None, "Đề nghị công nhận lại 02 trường đạt chuẩn quốc gia",
     T("exact","2","trường")),
    ("nuoc-sach-hop-chuan", None, "Tỷ lệ hộ dân được sử dụng nước sạch đạt chuẩn QCVN 01-1:2018/BYT đạt 60%",
     T("at_least","60","%")),
    ("tai-nan-giam-ca-3", None, "Kéo giảm tai nạn giao thông trên cả 3 tiêu chí", Target("qualitative")),
    ("ho-ngheo-giam-ty-le-nam", "Giảm tỷ lệ hộ nghèo hằng năm", "1-1,5%",
     T("range","1","%",value_max=D("1.5"))),
    ("an-hinh-su", None, "Tỷ lệ điều tra, khám phá các vụ án hình sự đạt trên 75%, án rất nghiêm trọng "
     "và đặc biệt nghiêm trọng đạt 95%",
     Target("qualitative")),
    ("chuyen-doi-so", None,
     "Tỷ lệ hồ sơ giải quyết thủ tục hành chính trực tuyến toàn trình đạt từ 50% trở lên",
     T("at_least","50","%")),
    ("nguoi-co-cong", None,
     "100% gia đình chính sách có mức sống bằng hoặc cao hơn mức sống trung bình của dân cư",
     T("exact","100","%")),
    # --- a second batch written after every fix above, measured before any change: 18/18 right
    # (17/18 on the parser before issue 12).
    ("b3-bhyt-bat-buoc", None, "Tỷ lệ bao phủ BHYT trên địa bàn xã đạt tối thiểu 95,2% dân số",
     T("at_least","95.2","%")),
    ("b3-ho-ngheo-giam-binh-quan", "Tỷ lệ hộ nghèo đa chiều giảm bình quân", "1%/năm",
     T("decrease_by","1","%","năm")),
    ("b3-ho-ngheo-so-ho", None, "Số hộ nghèo giảm còn 12 hộ", T("at_most","12","hộ")),
    ("b3-ngan-sach-dat-vuot", None, "Thu ngân sách đạt 105% dự toán huyện giao", T("at_least","105","%")),
    ("b3-ngan-sach-tong", "Tổng thu ngân sách trên địa bàn", "4.850 triệu đồng",
     T("exact","4850000000","đồng")),
    ("b3-sdd-duoi-5-tuoi", "Tỷ lệ trẻ dưới 5 tuổi suy dinh dưỡng thể thấp còi", "< 15%", T("below","15","%")),
    ("b3-lao-dong-moi", None, "Giải quyết việc làm mới cho khoảng 180 lao động", T("exact","180","lao động")),
    ("b3-giao-quan", "Giao quân", "100% chỉ tiêu", T("exact","100","%")),
    ("b3-ntm-tieu-chi", None, "Duy trì và nâng chất 19/19 tiêu chí xã nông thôn mới",
     T("ratio","19","tiêu chí",denominator=D("19"))),
    ("b3-truong-chuan", None, "Có 3/4 trường đạt chuẩn quốc gia", T("ratio","3","trường",denominator=D("4"))),
    ("b3-gdvh-toi-thieu", "Tỷ lệ hộ đạt gia đình văn hóa", "tối thiểu 90%", T("at_least","90","%")),
    ("b3-dan-so-tu-nhien", None, "Giữ mức tăng dân số tự nhiên không quá 1%", T("at_most","1","%")),
    ("b3-luong-thuc", "Tổng sản lượng lương thực có hạt", "ước đạt 10.500 tấn", T("at_least","10500","tấn")),
    ("b3-thu-nhap", None, "Thu nhập bình quân đầu người năm 2025 đạt 72 triệu đồng",
     T("at_least","72000000","đồng")),
    ("b3-tiem-chung", None, "Tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ từ 95% trở lên",
     T("at_least","95","%")),
    ("b3-nuoc-sach", "Tỷ lệ hộ dân nông thôn sử dụng nước sạch", "đạt 70% trở lên", T("at_least","70","%")),
    ("b3-rac-thai", None, "100% rác thải sinh hoạt được thu gom, xử lý", T("exact","100","%")),
    ("b3-an-toan-thuc-pham", None, "Không để xảy ra ngộ độc thực phẩm đông người", Target("qualitative")),
]


def misses():
    """(id, name, text, expected, got) for every phrase the parser reads differently."""
    found = []
    for key, name, text, expected in CORPUS:
        got = parse(text, name)
        if got != expected:
            found.append((key, name, text, expected, got))
    return found


def share():
    """The share of the set the parser reads right, from 0 to 1."""
    return 1 - len(misses()) / len(CORPUS)


if __name__ == "__main__":
    for key, name, text, expected, got in misses():
        print(f"MISS {key}: {name!r} | {text!r}")
        print(f"   expected {expected.to_json()}\n   got      {got.to_json()}")
    print(f"{len(CORPUS) - len(misses())}/{len(CORPUS)} right: {share():.1%}")
