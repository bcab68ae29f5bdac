"""The starting sectors and catalogue indicators. Pure data: loaded by a migration."""

SECTORS = [
    ("kinh-te", "Kinh tế", 1),
    ("van-hoa-xa-hoi", "Văn hóa - Xã hội", 2),
    ("moi-truong", "Tài nguyên - Môi trường", 3),
    ("quoc-phong-an-ninh", "Quốc phòng - An ninh", 4),
    ("xay-dung-chinh-quyen", "Xây dựng chính quyền", 5),
    ("khac", "Lĩnh vực khác", 9),
]

# code, name, sector, unit of measure, aggregation, direction
CATALOG = [
    ("thu-ngan-sach", "Thu ngân sách nhà nước trên địa bàn", "kinh-te", "đồng", "sum", "higher"),
    ("chi-ngan-sach", "Chi ngân sách", "kinh-te", "đồng", "sum", "none"),
    ("ty-le-tham-gia-bhyt", "Tỷ lệ người dân tham gia bảo hiểm y tế", "van-hoa-xa-hoi", "%", "rate", "higher"),
    ("ty-le-tham-gia-bhxh", "Tỷ lệ lao động tham gia bảo hiểm xã hội", "van-hoa-xa-hoi", "%", "rate", "higher"),
    ("giam-ho-ngheo", "Số hộ nghèo giảm trong năm", "van-hoa-xa-hoi", "hộ", "sum", "higher"),
    ("ty-le-ho-ngheo", "Tỷ lệ hộ nghèo", "van-hoa-xa-hoi", "%", "rate", "lower"),
    ("giam-ho-can-ngheo", "Số hộ cận nghèo giảm trong năm", "van-hoa-xa-hoi", "hộ", "sum", "higher"),
    ("suy-dinh-duong", "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng", "van-hoa-xa-hoi", "%", "rate", "lower"),
    ("tang-dan-so-tu-nhien", "Tỷ lệ tăng dân số tự nhiên", "van-hoa-xa-hoi", "%", "rate", "lower"),
    ("gia-dinh-van-hoa", "Tỷ lệ hộ gia đình đạt danh hiệu gia đình văn hóa", "van-hoa-xa-hoi", "%", "rate", "higher"),
    ("khu-dan-cu-van-hoa", "Khu dân cư (khóm, ấp, khu phố) đạt danh hiệu văn hóa", "van-hoa-xa-hoi", "", "sum", "higher"),
    ("giai-quyet-viec-lam", "Giới thiệu, giải quyết việc làm", "van-hoa-xa-hoi", "lao động", "sum", "higher"),
    ("lao-dong-qua-dao-tao", "Tỷ lệ lao động qua đào tạo", "van-hoa-xa-hoi", "%", "rate", "higher"),
    ("xuat-khau-lao-dong", "Lao động đi làm việc có thời hạn ở nước ngoài", "van-hoa-xa-hoi", "lao động", "sum", "higher"),
    ("thu-gom-rac", "Tỷ lệ thu gom rác thải sinh hoạt", "moi-truong", "%", "rate", "higher"),
    ("nuoc-sach", "Tỷ lệ hộ dân sử dụng nước sạch", "moi-truong", "%", "rate", "higher"),
    ("giao-quan", "Giao quân đạt chỉ tiêu trên giao", "quoc-phong-an-ninh", "%", "count_met", "higher"),
    ("hoa-giai-thanh", "Tỷ lệ hòa giải thành ở cơ sở", "xay-dung-chinh-quyen", "%", "rate", "higher"),
]
