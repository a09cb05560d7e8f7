"""Stage 1, chrome: the page around a document. A line (or a glued piece of one) that belongs to
the portal, the legal-document site or the viewer (menus, counters, share and print links,
metadata tables, URLs, file names, posting times, separators) is named here with the reason, so
it is dropped, never silently deleted and never read aloud.

Each rule is a small function ``str -> str | None`` (the reason); ``RULES`` is the ordered list.
"""

from __future__ import annotations

import re

from broadcast.document.patterns import alternation, words

# Words of a portal's furniture: a line that is one of these (alone, or with a count) is chrome.
MENU_WORDS = (
    "lượt xem", "lượt truy cập", "lượt tải", "lượt đọc", "số lượt", "đang truy cập", "đang online",
    "trực tuyến", "hôm nay", "hôm qua", "tuần này", "tháng này", "tổng truy cập", "tổng số",
    "thống kê truy cập", "chia sẻ", "share", "tweet", "like", "thích", "in bài", "in trang",
    "bản in", "print", "gửi email", "gửi bài", "email", "đăng nhập", "đăng ký", "đăng xuất",
    "tải về", "tải xuống", "download", "xem thêm", "xem tiếp", "xem chi tiết", "quay lại",
    "trở về", "về đầu trang", "lên đầu trang", "trang chủ", "tin liên quan", "tin tức liên quan",
    "bài viết liên quan", "văn bản liên quan", "các tin khác", "tin khác", "bài viết khác",
    "tin mới", "tin mới nhất", "tin đọc nhiều", "đọc nhiều nhất", "đánh giá", "bình luận",
    "ý kiến bạn đọc", "gửi ý kiến", "gửi bình luận", "ban biên tập", "liên hệ", "giới thiệu",
    "sơ đồ cổng", "sơ đồ trang", "sitemap", "tìm kiếm", "tìm kiếm tin tức", "liên kết website",
    "liên kết", "bản đồ hành chính", "bản đồ", "facebook", "zalo", "youtube", "twitter",
    "image banner", "banner", "adsense", "quảng cáo", "lưu", "chủ đề", "từ khóa", "từ khoá",
    "tags", "tag", "cỡ chữ", "font size", "a+", "a-", "nghe bài", "nghe đọc bài",
    "đọc bài", "audio", "video", "hình ảnh", "thư viện ảnh", "tiện ích", "menu", "trang trước",
    "trang sau", "mục lục", "đầu trang", "cuối trang", "đường dây nóng", "hỏi đáp",
    "ảnh minh họa", "ảnh minh hoạ", "ảnh", "video clip", "mặc định", "cỡ chữ", "xem với cỡ chữ",
    "lớn", "nhỏ", "vừa", "bình thường", "in", "gửi",
    "đọc bài viết", "nghe", "dừng", "tiếp tục", "bài trước", "bài tiếp theo", "bài sau",
    "văn bản gốc", "thuộc tính", "lược đồ", "tiếng anh", "english", "tải văn bản", "in văn bản",
    "bản pdf", "bản word", "đóng",
    "close", "top", "home", "login", "search", "rss", "góp ý", "xem tin theo ngày",
    "xem theo ngày", "truy cập", "tin cùng chuyên mục", "tin cùng loại", "tin đã đưa",
    "return to top", "back to top", "về đầu trang", "lên trên", "e-mail", "captcha",
    "mã xác nhận", "mã bảo vệ", "thông tin phản hồi", "thông tin ý kiến", "những tin mới hơn",
    "những tin cũ hơn", "tin mới hơn", "tin cũ hơn", "bình chọn",
    "tin chỉ đạo điều hành", "chỉ đạo điều hành", "văn bản chỉ đạo điều hành", "tin tức - sự kiện",
    "tin tức sự kiện", "tin hoạt động", "tin địa phương", "tin trong nước", "thời sự",
)
# Headings of the page's list of other news: after the text, the rest of the page follows them.
ENDERS = re.compile(r"^(?:Các\s+|Những\s+)?(?:tin|bài(?:\s+viết)?|văn\s+bản)\s+(?:tức\s+)?"
                    r"(?:khác|mới\s+hơn|cũ\s+hơn|mới\s+đăng|đã\s+đăng|liên\s+quan|cùng\s+(?:chuyên\s+mục|loại|lĩnh\s+vực)|đã\s+đưa|mới(?:\s+nhất)?|"
                    r"đọc\s+nhiều(?:\s+nhất)?|xem\s+nhiều(?:\s+nhất)?)\s*:?$", re.I)
MENU = re.compile(r"^" + alternation(MENU_WORDS) + r"\s*:?\s*[\d.,]*$", re.I)
MENU_WORD = re.compile(r"(?<!\w)" + alternation(MENU_WORDS) + r"(?!\w)", re.I)
COUNTER = re.compile(r"^(?:Views?(?:\s+count)?|Lượt\s+(?:xem|truy\s+cập|tải|đọc)|"
                     r"Hôm\s+(?:nay|qua)|Tuần\s+này|Tháng\s+này|Tổng(?:\s+số)?(?:\s+lượt)?(?:\s+truy\s+cập)?|"
                     r"Truy\s+cập(?:\s+(?:tổng|hiện\s+tại|trong\s+ngày|hôm\s+nay|trong\s+tháng))?|"
                     r"Đang\s+(?:online|truy\s+cập)|Trực\s+tuyến|Số\s+lượt\s+\w+)\s*:?\s*[\d.,]+\b",
                     re.I)
# "253 lần xem", "1 Đính kèm", "0 bình luận": a count before its word
COUNT_FIRST = re.compile(r"^[\d.,]+\s+(?:lần\s+xem|lượt\s+(?:xem|truy\s+cập|thích|chia\s+sẻ|tải)|"
                         r"bình\s+luận|ý\s+kiến|đính\s+kèm|tệp\s+đính\s+kèm|views?|comments?|"
                         r"likes?|liên\s+quan\s*(?:Gốc)?)$", re.I)
# Keys of a legal site's attribute table ("Số hiệu: 155/KH-UBND Loại văn bản: Văn bản khác").
METADATA_KEYS = (
    "Số hiệu", "Ký hiệu", "Loại văn bản", "Ngày ban hành", "Ngày có hiệu lực", "Ngày hiệu lực",
    "Ngày hết hiệu lực", "Cơ quan ban hành", "Nơi ban hành", "Người ký", "Lĩnh vực",
    "Tình trạng", "Tình trạng hiệu lực", "Ngày công báo", "Số công báo", "Cấp ban hành",
    "Ngày đăng", "Ngày cập nhật", "Trích yếu", "Người ký duyệt", "Ngày đăng tải", "Tệp đính kèm",
    "File đính kèm", "Đính kèm", "Chức vụ", "Phạm vi", "Thông tin", "Tải file", "Loại File",
    "Số trang", "Dung lượng", "Nguồn thu thập", "Văn bản gốc", "Tập tin đính kèm",
    "Tài liệu đính kèm",
)
METADATA = re.compile(r"(?:^|\|)\s*" + alternation(METADATA_KEYS) + r"\s*(?::|\|)", re.I)
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
FILE_NAME = re.compile(r"^(?:[A-Za-z]:\\|\\\\|/)?(?:[\w.\- ]+[\\/])*[\w.\- ()]+\."
                       r"(?:docx?|pdf|xlsx?|pptx?|rar|zip|jpe?g|png|gif|html?|aspx?|php)$", re.I)
PATH = re.compile(r"^[A-Za-z]:\\\S")  # "d:\2011\CV\SVH\T4\Bau cho Vinh Ha Long"
SEPARATOR = re.compile(r"^[\s\-–—_=*~·•.,;:|/\\#+<>“”\"]*$")
# A posting time ("16/11/2008 - 21:24", "10:21 14/09/2018", "22/04/2021", "Thứ hai, 12/3/2024").
_DMY = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?"
POSTED = re.compile(
    r"^(?:Print\s+|In\s+bài\s+)?(?:(?:Thứ\s+\w+|Chủ\s+nhật|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"\s*[,\-–]?\s*(?:ngày\s+)?)?(?:(?:Ngày\s+)?(?:đăng|cập\s+nhật|đăng\s+tải|xuất\s+bản|viết)"
    r"\s*:?\s*)?(?:\(?(?:" + _DMY + "|" + _TIME + r")\)?[\s,\-|–]*)+(?:\(?GMT\s*[+\-]?\s*\d*\)?)?"
    r"(?:\s+\d+){0,3}(?:\s+Gốc)?$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"
    r"|^Ngày\s+" + _DMY + r"\s+" + _TIME + "$",
    re.I,
)
UPDATED = re.compile(r"^(?:Ngày\s+|Thời\s+gian\s+)?(?:cập\s+nhật|đăng|đăng\s+tải|đăng\s+lúc|"
                     r"cập\s+nhật\s+lúc|xuất\s+bản|ngày\s+đăng)\s*[:,]?\s*(?:lúc\s*|ngày\s*)?\d",
                     re.I)
AGO = re.compile(r"^\d+\s+(?:giây|phút|giờ|ngày|tuần|tháng|năm)\s+trước$", re.I)
MARKUP = re.compile(r"^(?:</?\w+[^>]*>?|<!--.*|-->|\{.*\}|intTypePromotion=\d+|!\[[^\]]*\]\([^)]*\)"
                    r"|!\[\]\(\)|\[\d+\])\s*\|?$", re.I)
VIEWER = re.compile(r"^(?:Nội\s+dung\s+(?:Text|văn\s+bản|chi\s+tiết)\s*:|Bạn\s+đang\s+xem|"
                    r"Vui\s+lòng\s+tải|"
                    r"Download\s+Vui|Xem\s+và\s+tải|Tải\s+bản\s+đầy\s+đủ|Để\s+sử\s+dụng\s+toàn\s+bộ|"
                    r"Nếu\s+bạn\s+là\s+thành\s+viên|Cơ\s+sở\s+dữ\s+liệu\s+được\s+bảo\s+vệ|"
                    r"được\s+sử\s+dụng\s+cho\s+việc\s+quản\s+lý|Bản\s+quyền|Copyright|©|"
                    r"Chia\s+sẻ\s*:|Loại\s+File\s*:|Kích\s*\d|Chuyển\s+đổi\s+dữ\s+liệu\s*\d|"
                    r"[\d.,]+\s*[KM]b\.?$|Mời\s+bạn\s+đọc|Theo\s+dõi\s+chúng\s+tôi|"
                    r"Ghi\s+rõ\s+nguồn|Bài\s+viết\s+cùng\s+chuyên\s+mục|Skip\s+(?:to|Ribbon|"
                    r"navigation)|Bạn\s+đã\s+không\s+sử\s+dụng|Bấm\s+vào\s+đây|Nhấn\s+vào\s+đây|"
                    r"Thời\s+gian\s+chờ\s*:|Đang\s+tải|Chào\s+mừng\s+(?:quý\s+)?(?:bạn|độc\s+giả|"
                    r"quý\s+vị|quý\s+khách)|Tác\s+giả\s*:|Chi\s+tiết\s+(?:văn\s+bản\s+)?xem\s+tại\s+đây|"
                    r"Bình\s+luận\s+của\s+bạn|Ý\s+kiến\s+của\s+bạn|Viết\s+bình\s+luận)", re.I)
# A portal's footer, its comment form, its widgets: the page again after the text.
PORTAL = re.compile(
    r"^(?:(?:Trụ\s+sở|Chỉ\s+đạo\s+trực\s+tiếp|Chịu\s+trách\s+nhiệm(?:\s+chính|\s+nội\s+dung)?|"
    r"Cơ\s+quan\s+chủ\s+quản|Giấy\s+phép(?:\s+số)?|Trưởng\s+ban\s+biên\s+tập)\s*:|"
    r"(?:Họ\s+(?:và\s+)?tên|Tiêu\s+đề|Nội\s+dung)\s*:?\s*(?:\(\)|\*)\s*$|"
    r"(?:Số\s+điện\s+thoại|Họ\s+(?:và\s+)?tên)\s*:?\s*$|Mã\s+(?:xác\s+nhận|bảo\s+mật)|"
    r"QR\s*Code|Mã\s+QR|Chúng\s+tôi\s+trên\s+mạng\s+xã\s+hội|Tiện\s+ích\s+thông\s+tin$|"
    r"Nguồn\s+tin$|Các\s+bài\s+(?:mới|đã)\s+đăng|Bài\s+viết\s+xem$|Viết\s+bình\s+luận|"
    r"image\s+advertisement|Chọn\s+ngày\s*:?$|Cổng\s+thông\s+tin(?:\s+\S+){0,9}$)", re.I)
# A link's words: "Xem chi tiết trong file đính kèm", "(Xem nội dung kế hoạch tại đây)".
LINK_TEXT = re.compile(r"^\(?\s*(?:Xem|Tải)\s+(?:chi\s+tiết|toàn\s+văn|nội\s+dung|văn\s+bản|thêm|"
                       r"về)(?:\s+[^\s()]+){0,3}?\s+(?:trong|tại|ở)\s+(?:file|tệp|tập\s+tin|"
                       r"văn\s+bản)?\s*(?:đính\s+kèm|dưới|đây|bên\s+dưới|link|đường\s+link)"
                       r"\W*$|^(?:Nội\s+dung\s+)?(?:chi\s+tiết|toàn\s+văn)\s+(?:văn\s+bản\s+)?xem\s+"
                       r"(?:tại\s+đây|(?:trong\s+|tại\s+)?(?:tệp|file|tập\s+tin)\s+đính\s+kèm)\W*$",
                       re.I)
# Word's drawing shapes left in the text: "straight connector 2Số: 1551 /UBND-VX".
SHAPE = re.compile(r"^(?:straight\s+(?:arrow\s+)?connector|text\s*box|picture|rectangle|"
                   r"line|group|canvas|oval|shape)\s*\d+\s*", re.I)


DOMAIN = re.compile(r"^\(?(?:[\w\-]+\.)+(?:vn|com|net|org|info)\)?$", re.I)


def _url(text: str) -> str | None:
    if DOMAIN.match(text):  # "baotuyenquang.com.vn" under a repost
        return "địa chỉ web"
    match = URL.search(text)
    if match and len(text) - len(match[0]) <= 20 and words(text) <= 5:
        return "địa chỉ web"
    return None


def _file_name(text: str) -> str | None:
    copy = re.fullmatch(r"\w[^()]{2,80}\(\d{1,2}\)", text) and text.isupper()  # "TB … DẠI (1)"
    return "tên tệp" if FILE_NAME.match(text) or PATH.match(text) or copy else None


def _separator(text: str) -> str | None:
    if re.fullmatch(r"S?TT\.?", text, re.I):  # "STT": a flattened table's first column head
        return "đầu cột của bảng"
    return "đường kẻ" if SEPARATOR.match(text) else None


def _metadata(text: str) -> str | None:
    return "bảng thông tin của trang" if METADATA.search(text) else None


def _counter(text: str) -> str | None:
    if COUNTER.match(text) or AGO.match(text) or COUNT_FIRST.match(text) or re.fullmatch(
            r"\d{2,7}", text):  # "16", "281": a share or view count alone on its line
        return "bộ đếm"
    text = text.strip(" |")
    menu = MENU.match(text) or (MENU_WORD.search(text) and not re.search(
        r"[^\W\d_]{2,}", MENU_WORD.sub(" ", text)) and len(MENU_WORD.findall(text)) >= 2)
    return "nút, mục của trang" if menu else None


def _posted(text: str) -> str | None:
    return "ngày giờ đăng tin" if POSTED.match(text) or UPDATED.match(text) else None


def _markup(text: str) -> str | None:
    return "mã trang" if MARKUP.match(text) else None


def _viewer(text: str) -> str | None:
    if PORTAL.match(text) and words(text) <= 30:
        return "chân trang, ô bình luận của trang"
    return "chữ của trang xem tài liệu" if VIEWER.match(text) or LINK_TEXT.match(text) else None


RULES = (_separator, _markup, _url, _file_name, _metadata, _counter, _posted, _viewer)


def reason(text: str) -> str | None:
    """Why this line belongs to the page around the document, or None."""
    text = text.strip()
    for rule in RULES:
        why = rule(text)
        if why:
            return why
    return None
