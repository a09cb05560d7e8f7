"""The shapes of an administrative document's parts (Nghị định 30/2020/NĐ-CP), as plain data and
regexes. Stages (chrome, layout, zones, fields) share these; none of them holds rules of its own
about what a Quốc hiệu or a "Số:" line looks like."""

from __future__ import annotations

import calendar
import re

# Letters in a character class: the range "À-Ỹ" holds lower-case letters too, so it is never
# used to tell the cases apart.
UP = "A-ZĐ" + "".join(c for c in map(chr, range(0xC0, 0x1EFA)) if c.isupper())
LO = "a-zđ" + "".join(c for c in map(chr, range(0xDF, 0x1EFA)) if c.islower())

# ---------------------------------------------------------------- the header's fixed lines

# Quốc hiệu: always in capitals in a header ("CỘNG HOÀ" is the old spelling; PDFs lose the C or
# glue "XÃHỘI"). Inside a sentence the mixed-case name is content, so this one is case-sensitive.
QUOC_HIEU = re.compile(r"C?ỘNG\s*H(?:ÒA|OÀ)\s*X(?:Ã|à|Ã)\s*HỘI\s*CHỦ\s*NGHĨA\s*VIỆT\s*NAM")
QUOC_HIEU_LINE = re.compile(r"C?ộng\s+h(?:òa|oà)\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam", re.I)
# A party document's header has the Party's name where a state document has the Quốc hiệu.
PARTY = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
# Urgency and security marks printed in a header ("KHẨN", "HỎA TỐC", "MẬT").
MARK = re.compile(r"^(?:THƯỢNG\s+KHẨN|HỎA\s+TỐC|HOẢ\s+TỐC|KHẨN(?:\s+CẤP)?|TỐI\s+MẬT|"
                  r"TUYỆT\s+MẬT|MẬT)"
                  r"[.!]?$")
# Tiêu ngữ, with or without its dashes, any case, "Hạnh phuc" without its mark.
TIEU_NGU = re.compile(r"Độc\s*lập\s*[-–—−,]?\s*Tự\s*do\s*[-–—−,]?\s*Hạnh\s*ph[úu]c", re.I)

# "Số: 12/UBND-VP", "Số :  /KH – UBND", "Số: 41/2019/QĐ-UBND", "Số 12-NQ/TU", "Số: 168a/QĐ-UBND".
NUMBER = re.compile(
    r"^Số\s*(?::\s*|(?=\s*\d)|(?=\s*/))(?P<number>\d+[a-zđ]?)?"
    r"(?:\s*/\s*(?P<year>(?:19|20)\d\d)(?=\s*/))?\s*(?P<sep>[/-])\s*(?P<rest>.*)$",
    re.S,
)
NUMBER_ALONE = re.compile(r"^Số\s*:?$")  # "Số:" with its number on the next line
# A bare number and ký hiệu on a line of its own above a reposted document ("1911/BVHTTDL-VHCS").
_CODE_REST = r"(?P<rest>[A-ZĐ][A-ZĐa-z0-9&.]*(?:-[A-ZĐa-z0-9&.]+)+)"  # "BVHTTDL-VHCS"
CODE_LINE = re.compile(r"^(?P<number>\d{1,5}[a-zđ]?)(?:/(?:19|20)\d\d)?/" + _CODE_REST + r"\.?$")
# A number, ký hiệu and date a page's link leaves after the text ("37/UBND-VP ngày 10/1/2022").
CODE_DATED = re.compile(r"^(?P<number>\d{1,5}[a-zđ]?)/" + _CODE_REST
                        + r"\s+ngày\s+(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$")
# A ký hiệu alone as a page's title over the document ("UBND-KTHT"): a symbol without number.
SYMBOL_LINE = re.compile(r"^(?P<number>)(?P<rest>[A-ZĐ]{2,8}-[A-ZĐ]{2,10}(?:-[A-ZĐ]{2,10})?)$")
# Known mixed-case tokens of a ký hiệu ("QĐ-TTg", "TTr-UBND"); the rest are capitals and digits.
MIXED_CODES = ("TTg", "TTr", "QyĐ", "CTr", "Ttg")
# Kind codes that open a ký hiệu (Phụ lục III, Nghị định 30/2020/NĐ-CP) and the kind they name.
SYMBOL_KINDS = {
    "TB": "thong_bao", "KH": "ke_hoach", "QĐ": "quyet_dinh", "CT": "chi_thi", "BC": "bao_cao",
    "CĐ": "other", "TTr": "other", "HD": "other", "NQ": "other", "CTr": "other", "PA": "other",
    "ĐA": "other", "QC": "other", "QyĐ": "other", "GM": "other", "BB": "other", "TC": "other",
    "GUQ": "other", "GGT": "other", "PC": "other", "HĐ": "other", "DA": "other", "KL": "other",
}

# "<place>, ngày 14 tháng 6 năm 2017"; day and month may be blank or dotted ("ngày ….. tháng").
_BLANK = r"[\s.…_]*"
PLACE_DATE = re.compile(
    r"(?P<place>[^\W\d_][^\n,;|:()]{0,45}?)\s*,\s*ngày" + _BLANK + r"(?P<day>\d{1,2})?" + _BLANK
    + r"tháng" + _BLANK + r"(?P<month>\d{1,2})?" + _BLANK + r"năm\s*(?P<year>(?:19|20)\d\d)"
    r"|(?P<place2>[^\W\d_][^\n,;|:()]{0,45}?)\s*,\s*ngày\s*(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})"
    r"\s*/\s*(?P<y2>(?:19|20)\d\d)",
    re.I,
)
# "Hà Nội ngày 15 tháng 8 năm 2018": a place/date line that lost its comma (a whole line only).
PLACE_DATE_NO_COMMA = re.compile(
    r"(?P<place>[" + UP + r"][^\W\d_]*(?:[\s\-][" + UP + r"][^\W\d_]*){0,4})\s+ngày" + _BLANK
    + r"(?P<day>\d{1,2})?" + _BLANK + r"tháng" + _BLANK + r"(?P<month>\d{1,2})?" + _BLANK
    + r"năm\s*(?P<year>(?:19|20)\d\d)")
# A date line without a place, as under a signature: "Ngày 04/7/2024", "ngày 5 tháng 7 năm 2024".
DATE_ONLY = re.compile(r"^[Nn]gày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}\s*(?:/|năm)\s*\d{4}\.?$")

# ---------------------------------------------------------------- issuer, kind, subject

# The first words of an issuing body's name in a header (capitals).
BODY_HEADS = (
    "ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "UBND", "ỦY BAN", "UỶ BAN", "UB", "HỘI ĐỒNG NHÂN DÂN",
    "HĐND", "VĂN PHÒNG",
    "SỞ", "PHÒNG", "BAN", "BỘ", "TRUNG TÂM", "CHI CỤC", "CỤC", "TỔNG CỤC", "CÔNG AN",
    "BỘ CHỈ HUY", "BAN CHỈ HUY", "ĐẢNG ỦY", "ĐẢNG ỦY", "ĐẢNG BỘ", "HUYỆN ỦY", "HUYỆN UỶ",
    "TỈNH ỦY", "TỈNH UỶ", "THÀNH ỦY", "THỊ ỦY", "MẶT TRẬN", "ỦY BAN MẶT TRẬN", "UỶ BAN MẶT TRẬN",
    "ĐOÀN", "HỘI", "TRƯỜNG", "BỆNH VIỆN", "TRẠM", "THANH TRA", "KHO BẠC", "CHI NHÁNH",
    "HẠT KIỂM LÂM", "BCH", "BCĐ", "TỔ", "ĐÀI", "CHÍNH PHỦ", "THỦ TƯỚNG", "HỢP TÁC XÃ", "UBMTTQ",
)
# Administrative units: the second line of "ỦY BAN NHÂN DÂN / HUYỆN ĐỨC THỌ".
UNITS = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN", "ĐẶC KHU")
UNIT_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn",
              "đặc khu")


def alternation(words) -> str:
    """'(?:a|b|c)' of the words, longest first, escaped."""
    return "(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


UNITS_RE, UNIT_WORDS_RE = alternation(UNITS), alternation(UNIT_WORDS)
BODY_HEAD = re.compile(r"^" + alternation(BODY_HEADS) + r"\b")
UNIT_HEAD = re.compile(r"^" + UNITS_RE + r"\s+\S")
# A lost first letter ("Y BAN NHÂN DÂN", "ỶY BAN") or the old "UỶ BAN": the same body.
UY_BAN = re.compile(r"^(?:[ỦUỶ]\s?[YỶ]|Ủy|Uỷ|Y)\s+BAN\s+NHÂN\s+DÂN", re.I)

# Kind words of a document's title line (capitals), longest first. Other kinds keep their word.
KIND_WORDS = {
    "BÀI TUYÊN TRUYỀN": "bai_tuyen_truyen", "THÔNG BÁO": "thong_bao", "KẾ HOẠCH": "ke_hoach",
    "CÔNG VĂN": "cong_van", "QUYẾT ĐỊNH": "quyet_dinh", "CHỈ THỊ": "chi_thi",
    "BÁO CÁO": "bao_cao", "CÔNG ĐIỆN": "other", "THƯ NGỎ": "other", "THƯ KÊU GỌI": "other",
    "LỜI KÊU GỌI": "other", "GIẤY MỜI": "other", "TỜ TRÌNH": "other", "HƯỚNG DẪN": "other",
    "NGHỊ QUYẾT": "other", "CHƯƠNG TRÌNH": "other", "PHƯƠNG ÁN": "other", "ĐỀ ÁN": "other",
    "QUY CHẾ": "other", "QUY ĐỊNH": "other", "BIÊN BẢN": "other", "THÔNG CÁO": "other",
    "ĐỀ CƯƠNG": "other", "KẾT LUẬN": "other", "ĐỀ CƯƠNG TUYÊN TRUYỀN": "other",
    "ĐỀ CƯƠNG GIỚI THIỆU": "other",
}
KIND_NAMES = {
    "thong_bao": "Thông báo", "ke_hoach": "Kế hoạch", "cong_van": "Công văn",
    "quyet_dinh": "Quyết định", "chi_thi": "Chỉ thị", "bao_cao": "Báo cáo",
    "bai_tuyen_truyen": "Bài tuyên truyền", "other": "Văn bản",
}
SUBJECT_VV = re.compile(r"^(?:V/v|V/V|Về\s+việc|VỀ\s+VIỆC)\s*:?\.?\s*(?P<subject>.*)$", re.S)
KINH_GUI = re.compile(r"^Kính\s+g[ửữở]i\s*:?\s*(?P<rest>.*)$", re.I | re.S)  # "gữi" typo, "gởi"
# A công điện's addressee line: "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN, điện:".
DIEN = re.compile(r"^(?P<who>.{0,80}?),?\s*điện\s*:\s*(?P<rest>.*)$", re.I | re.S)
# Who decides, between a decision's subject and its "Căn cứ": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH".
AUTHORITY_LINE = re.compile(
    r"^(?:(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|BỘ\s+TRƯỞNG|CỤC\s+TRƯỞNG)\b|"
    r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|"
    r"BAN\s+(?:THƯỜNG\s+VỤ|CHẤP\s+HÀNH|CHỈ\s+ĐẠO|CHỈ\s+HUY))"
)
# Lines that start the text of a document (not a title).
OPENER = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Theo\s+(?!dõi\b)|Để\s|Nhằm\s|Xét\s|Trên\s+cơ\s+sở|Vừa\s+qua|"
    r"(?:Sáng|Chiều|Tối|Trưa)\s+(?:ngày|nay|hôm)|Ngày\s+\d|Hôm\s+nay|Nay\s|Hiện\s+nay|"
    r"Được\s+sự|Kính\s+thưa|Thưa\s|Tiếp\s+theo|Chào\s+mừng|Hưởng\s+ứng|"
    r"Trước\s+(?:tình\s+hình|diễn\s+biến))"
)

# ---------------------------------------------------------------- footer

NOI_NHAN = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.I | re.S)
# "TM.", "KT.", "TL.", "TUQ.", "Q." (also written "T/M", "K/T", "T.M.").
AUTHORITY = re.compile(r"^(?P<auth>T\.?/?M|K\.?/?T|T\.?/?L|TUQ|Q)(?:\s*\.|(?<=/M|/T|/L)(?=\s))"
                       r"\s*(?P<rest>.*)$", re.S)
SIGNER_TITLES = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+(?:BAN|PHÒNG|ĐOÀN|TRẠM|CÔNG\s+AN)|"
    r"BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG|CHÁNH\s+THANH\s+TRA|CHỈ\s+HUY\s+TRƯỞNG|THỦ\s+TRƯỞNG|"
    r"HIỆU\s+TRƯỞNG|TỔ\s+TRƯỞNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|CỤC\s+TRƯỞNG|VIỆN\s+TRƯỞNG|"
    r"TRƯỞNG\s+THÔN|CHỦ\s+NHIỆM)\b"
)
SALUTATION = re.compile(r"^(?:KÍNH\s+THƯ|THAY\s+MẶT)\b")  # a letter's "KÍNH THƯ" over its signer
END_MARK = re.compile(r"\s*\.?/\.?\s*$")
FORMULA = re.compile(r"\bbáo\s+(?:để|cho|tới|đến)\b.{0,80}\bbiết\b", re.I)
SOURCE_LINE = re.compile(r"^(?:\(?\s*(?:Nguồn|Trích\s+nguồn)\s*:\s*|\(\s*Theo\s+(?=\w+\s+\w+\s+số))"
                         r"(?P<rest>.+?)\)?\.?$", re.I | re.S)
# "Thông báo số 217/TB-UBND ngày 08/5/2019 của UBND thị xã Điện Bàn": a repost's identification.
CITATION = re.compile(
    r"(?:Từ\s+)?(?P<kind>(?i:Thông\s+báo|Kế\s+hoạch|Công\s+văn|Quyết\s+định|Chỉ\s+thị|"
    r"Báo\s+cáo|Công\s+điện|Văn\s+bản|Thư\s+ngỏ|Hướng\s+dẫn|Kết\s+luận|Nghị\s+quyết)|CV)\s+"
    r"(?:(?i:khẩn|hỏa\s+tốc|hoả\s+tốc)\s+)?"
    r"(?:(?:\(?(?i:số)\s*:?\s*)?(?P<code>\d+[a-zđ]?"  # "35-HD/BTG": a Party body's number, kind
    r"(?:/(?:19|20)\d\d)?\s*(?:/|-\s*(?=[A-ZĐ]{1,6}/))\s*[A-ZĐ](?:[\w\-–/&]|\.(?=[A-ZĐ]))*)"
    r"(?=[\s,;.:)]|$)|(?i:số)\s+(?P<bare>\d+)(?=\s+(?:về\s+việc|V/v|ngày)\s))"  # "số 468 về …"
    r"(?:,?\s*ngày\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/+\s*(?P<y>\d{4})|"
    r",?\s*ngày\s+(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4})|"
    r",?\s*ngày\s+\d{1,3}\s*/\s*\d{1,2}(?:\s*/+\s*\d{4})?(?![/\d]))?"  # "ngày 20/3", "129/8/2019"
    r"(?:\s+của\s+(?P<issuer>(?:Chủ\s+tịch\s+)?(?:Ủy|Uỷ|UBND|Văn\s+phòng|Sở|Ban|HĐND|Hội\s+đồng)"
    r"[^,;.()]{3,80}?)(?=\s+(?:về|V/v|như|đã|ban|có|với|nhằm|yêu|tổ|triển)\b|[,;.:)]|$))?"
    r"(?:,?\s+gửi\s+[^.;]{3,100}?(?=,?\s+(?:V/v|về\s+việc)\s))?"  # "… gửi các Sở … V/v …"
    r"(?:(?:,?\s+(?:về\s+việc|V/v|về)\s+|,?\s+(?:thông\s+báo\s+)?(?=[Kk]ết\s+luận\b)|"
    r",?\s+(?=(?:tổ\s+chức|triển\s+khai|tăng\s+cường|thực\s+hiện|"
    r"hướng\s+dẫn|phòng|đảm\s+bảo|bảo\s+đảm|tạm|điều\s+chỉnh|công\s+bố|phê\s+duyệt|thành\s+lập|"
    r"kiện\s+toàn|dừng|treo)\b))"
    r"(?P<subject>[^;]{5,400}?)(?=\.\s|\.?$|;|\s+với\s+nội\s+dung))?",
)
# What makes a citation the document itself, not another one it refers to: the lead says this
# body issued it ("… đã ban hành Công văn số 3314/UBND-XDCB …", "… đã có Công điện số …").
ISSUED = re.compile(r"(?:ban\s+hành|có|đã\s+ký|ký\s+ban\s+hành|ra|ký|gửi|đăng\s+tải|"
                    r"triển\s+khai)\s*$",
                    re.I)
LEAD_DATE = re.compile(r"^(?:\w{1,6}\s*[-–]\s*)?Ngày\s+(?:(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*"
                       r"(?P<m>\d{1,2})\s*(?P=sep)+\s*(?P<y>\d{4})|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+"
                       r"(?P<y2>\d{4}))")
# A công điện's sending time: "Vào hồi 10 giờ 00 / ngày 11/10/2013".
TIME_LINE = re.compile(r"^(?:Vào\s+)?[Hh]ồi\s+\d")

# ---------------------------------------------------------------- body

ROMAN = re.compile(r"^(?P<label>[IVXL]{1,5})\s*[.\-–)]\s*(?P<text>.+)$", re.S)
CHAPTER = re.compile(r"^(?P<label>(?:Chương|Phần|CHƯƠNG|PHẦN|Mục|MỤC)\s+[IVXL\d]{1,5})\.?"
                     r"\s*[:.\-–]?"
                     r"\s+(?P<text>.+)$", re.S)
ARTICLE = re.compile(r"^(?P<label>Điều\s+\d{1,3})\s*[.:]?\s+(?P<text>.+)$", re.S)
NUMBERED = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})*)(?:\.(?!\d)|\s*[-–)](?!\d))\s*"
                      r"(?P<text>\S.*)$", re.S)
LETTERED = re.compile(r"^(?P<label>[a-zđ])\s*[).]\s+(?P<text>.+)$", re.S)
BULLET = re.compile(r"^[-+*•–—●▪○◦➢➤✓]\s*(?P<text>\S.*)$", re.S)
MARKER = re.compile(r"^(?:[-+*•–—●▪○◦➢➤✓]\s*\S|\d{1,2}(?:\.\d{1,2})*(?:\.(?!\d)|\s*[-–)](?!\d))"
                    r"|[IVXL]{1,5}\s*[.\-–)]\s|[a-zđ]\s*[).]\s|Điều\s+\d|(?:Chương|Phần|CHƯƠNG|"
                    r"PHẦN)\s+[IVXL\d])")
DEADLINE = re.compile(
    r"(?:trước|chậm nhất|hạn chót|hạn)\s+(?:là\s+)?ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
    re.I,
)
CODE_SPACES = re.compile(r"(?<=[\dA-ZĐ])\s+/\s*(?=[A-ZĐ])|(?<=[\dA-ZĐ])\s*/\s+(?=[A-ZĐ])")
TERMINAL = re.compile(r"[.;:!?…]['\"”’)\]]*$")


def is_caps(text: str) -> bool:
    """True when every letter is a capital (and there is at least one)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def words(text: str) -> int:
    return len(text.split())


def folded(text: str) -> str:
    """The words of ``text`` in small letters, one space apart: for comparing two texts."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def iso_date(year: str | None, month: str | None, day: str | None) -> str | None:
    """'2024', '3', '5' → '2024-03-05'; a blank day or month gives '2024-03' or '2024'."""
    if not year:
        return None
    if not month or not 1 <= int(month) <= 12:
        return year
    if not day or not 1 <= int(day) <= calendar.monthrange(int(year), int(month))[1]:
        return f"{year}-{int(month):02d}"  # "ngày 31 tháng 04": no such day
    return f"{year}-{int(month):02d}-{int(day):02d}"
