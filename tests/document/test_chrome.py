"""Lines of the page around a document, each named with its reason; lines of documents that
look like them are not."""

import pytest

from broadcast.document import chrome

PAGE = [
    ("Lượt xem: 671", "bộ đếm"), ("Hôm nay: 65", "bộ đếm"), ("Tổng truy cập: 120.345", "bộ đếm"),
    ("17 giờ trước", "bộ đếm"), ("lượt xem", "nút, mục của trang"),
    ("Chia sẻ", "nút, mục của trang"),
    ("In trang", "nút, mục của trang"), ("Đăng nhập", "nút, mục của trang"),
    ("Tải về", "nút, mục của trang"), ("Tin tức liên quan", "nút, mục của trang"),
    ("Ý kiến bạn đọc", "nút, mục của trang"), ("Ban biên tập", "nút, mục của trang"),
    ("Mặc định Cỡ chữ", "nút, mục của trang"), ("Ảnh minh họa", "nút, mục của trang"),
    ("Số hiệu: 155/KH-UBND Loại văn bản: Văn bản khác", "bảng thông tin của trang"),
    ("| Ngày ban hành | 24/12/2025 |", "bảng thông tin của trang"),
    ("Nơi ban hành: Tỉnh Bắc Ninh Người ký: Nguyễn Tiến Nhường", "bảng thông tin của trang"),
    ("16/11/2008 - 21:24", "ngày giờ đăng tin"), ("10:21 14/09/2018", "ngày giờ đăng tin"),
    ("22/04/2021", "ngày giờ đăng tin"), ("Thứ tư - 25/03/2020 00:00 111 0", "ngày giờ đăng tin"),
    ("Thứ 3, Ngày 25/06/2024 -", "ngày giờ đăng tin"),
    ("Thursday, 18/07/2024", "ngày giờ đăng tin"),
    ("Thứ hai, ngày 01/06/2020 | 10:22 AM (GMT +7)", "ngày giờ đăng tin"),
    ("2025-07-28T11:07:49+07:00", "ngày giờ đăng tin"),
    ("Ngày cập nhật 04/05/2022", "ngày giờ đăng tin"), ("Đăng lúc: 16:02:24 06/10/2021 (GMT+7)",
                                                        "ngày giờ đăng tin"),
    ("https://minhduc.dongnai.gov.vn/uploads/logo_1.png", "địa chỉ web"),
    ("d:\\2011\\CV\\SVH\\T4\\Bau cho Vinh Ha Long", "tên tệp"), ("Ke-hoach-so-12.docx", "tên tệp"),
    ("-------", "đường kẻ"), ("|", "đường kẻ"), ("––––––––", "đường kẻ"), (";", "đường kẻ"),
    ("</xml", "mã trang"), ("intTypePromotion=1", "mã trang"), ("![]() |", "mã trang"),
    ("Nội dung Text: Quyết định số 1669/2019/QĐ-UBND tỉnh Hà Tĩnh", "chữ của trang xem tài liệu"),
    ("Download Vui lòng tải xuống để xem tài liệu đầy đủ", "chữ của trang xem tài liệu"),
    ("Cơ sở dữ liệu được bảo vệ bởi bản quyền ©hocday.com 2016", "chữ của trang xem tài liệu"),
    ("Skip to main content", "chữ của trang xem tài liệu"),
    ("Truy cập tổng 5.005", "bộ đếm"), ("Truy cập hiện tại: 28", "bộ đếm"),
    ("Xem tin theo ngày", "nút, mục của trang"), ("Tin cùng chuyên mục", "nút, mục của trang"),
    ("Cập nhật, 05:22, Thứ Sáu, 21/04/2017 (GMT+7)", "ngày giờ đăng tin"),
    ("Thời gian đăng: 11/04/2025 03:18:08 PM", "ngày giờ đăng tin"),
    ("Chào mừng quý bạn đọc đến với Chuyên trang Giảm nghèo", "chữ của trang xem tài liệu"),
    ("Tác giả: Lò Mạnh - UBND phường", "chữ của trang xem tài liệu"),
    ("return to top", "nút, mục của trang"),
    ("Xem chi tiết trong file đính kèm", "chữ của trang xem tài liệu"),
    ("Xem toàn văn tại đây.", "chữ của trang xem tài liệu"),
    ("Chi tiết văn bản xem tại đây", "chữ của trang xem tài liệu"),
    ("253 lần xem", "bộ đếm"), ("1 Đính kèm", "bộ đếm"), ("0 bình luận", "bộ đếm"),
    ("16", "bộ đếm"), ("Đăng ngày 06/04/2017", "ngày giờ đăng tin"),
    ("11:08 | 10/02/2018 Print   E-mail", "nút, mục của trang"),
    ("Tập tin đính kèm: chithi BBT 13.2.pdf", "bảng thông tin của trang"),
    ("Những tin cũ hơn", "nút, mục của trang"), ("THÔNG TIN PHẢN HỒI", "nút, mục của trang"),
    ("(Xem nội dung kế hoạch tại đây)", "chữ của trang xem tài liệu"),
    ("Bình luận của bạn về bài viết...", "chữ của trang xem tài liệu"),
    ("Nội dung chi tiết xem tệp đính kèm.", "chữ của trang xem tài liệu"),
    ("Trụ sở: 12 Lê Lai, Hoàn Kiếm, Hà Nội", "chân trang, ô bình luận của trang"),
    ("Chỉ đạo trực tiếp: TRƯƠNG VIỆT DŨNG, Chánh Văn phòng", "chân trang, ô bình luận của trang"),
    ("Họ tên:()", "chân trang, ô bình luận của trang"),
    ("Mã xác nhận:         Lấy lại mã bảo mật", "chân trang, ô bình luận của trang"),
    ("QR Code image advertisement", "chân trang, ô bình luận của trang"),
    ("CỔNG THÔNG TIN ĐIỀU HÀNH UBND THÀNH PHỐ HÀ NỘI", "chân trang, ô bình luận của trang"),
    ("baotuyenquang.com.vn", "địa chỉ web"), ("1 liên quanGốc", "bộ đếm"),
    ("Print Thứ bảy, 08/02/2020 17:16 Gốc", "ngày giờ đăng tin"), ("STT", "đầu cột của bảng"),
    ("TB RÀ SOÁT TIÊM NGỪA BỆNH DẠI (1)", "tên tệp"),
]
DOCUMENT = [
    "- Lưu: VT, NV.", "Nơi nhận:", "Ngày 04/7/2024", "Hòn Đất, ngày 12 tháng 3 năm 2025",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp nhận phản ánh.",
    "Số: 21/TB-UBND", "I. NỘI DUNG", "Nội dung", "Thời gian: 7h00 ngày 02/8/2025 (Thứ 7).",
    "tại địa chỉ: http://sonla.gov.vn/hoi-dap để người dân gửi phản ánh, kiến nghị.",
    "Các cơ sở dữ liệu được kết nối, chia sẻ trên toàn tỉnh.", "Trần Hoài Đức", "Quê hương",
    "Liên hệ số điện thoại 0212.3850.123 khi có cháy rừng.",
    "Truy cập cổng dịch vụ công để nộp hồ sơ trực tuyến.", "Cập nhật danh sách hộ nghèo năm 2025.",
    "Thời gian tiêm phòng: từ ngày 15/5/2025.", "Chào mừng kỷ niệm 80 năm Cách mạng tháng Tám.",
    "Xem chi tiết trong kế hoạch của xã và thực hiện đúng lịch.",
    "30 ý kiến của cử tri đã được tổng hợp.", "5", "Đăng ký tạm trú tại Công an xã.",
    "Xem xét, giải quyết các kiến nghị tại đây theo quy định.",
    "Nội dung:", "KẾT QUẢ (TIẾP THEO)", "Tiêu đề của hội thi là “Chung tay phòng chống dịch”.",
    "Cổng thông tin điện tử của xã đăng tải đầy đủ lịch tiếp công dân để nhân dân theo dõi.",
]


@pytest.mark.parametrize(("line", "why"), PAGE)
def test_page_lines_are_named(line, why):
    assert chrome.reason(line) == why


@pytest.mark.parametrize("line", DOCUMENT)
def test_document_lines_are_not_chrome(line):
    assert chrome.reason(line) is None


@pytest.mark.parametrize("line", ["Các tin khác", "Tin khác:", "Bài viết liên quan",
                                  "Tin cùng chuyên mục", "Văn bản mới", "Tin đọc nhiều nhất"])
def test_a_list_of_other_news_is_named(line):
    assert chrome.ENDERS.match(line)


@pytest.mark.parametrize("line", ["Tin khác nhau về lịch tiêm", "Các văn bản khác của huyện",
                                  "Bình luận"])
def test_other_lines_do_not_open_the_list_of_other_news(line):
    assert not chrome.ENDERS.match(line)
