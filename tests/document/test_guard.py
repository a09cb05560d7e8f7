"""The guard before synthesis: a header part or a line of the page in what would be read
aloud stops draft and build with one line quoting it (exit 2), unless --force."""

import pytest

from broadcast.document import Directive, Dropped
from broadcast.document.guard import damaged, find_leak
from tests.conftest import run_cli

LEAKS = [
    ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quốc hiệu"),
    ("CONG HOA XA HOI CHU NGHIA VIET NAM", "Quốc hiệu"),  # typed without its accents
    ("Độc lập - Tự do - Hạnh phúc", "Tiêu ngữ"),
    ("Số: 45/TB-UBND", "số, ký hiệu văn bản"), ("So: 45/TB-UBND", "số, ký hiệu văn bản"),
    ("Kính gửi: Trưởng các thôn.", "dòng Kính gửi"),
    ("Việc tiêm phòng xong. Kính gửi: các thôn.", "dòng Kính gửi"),
    ("Nơi nhận: - Như trên; - Lưu: VT.", "dòng Nơi nhận"),
    ("TM. ỦY BAN NHÂN DÂN", "khối chữ ký"), ("KT. CHỦ TỊCH", "khối chữ ký"),
    ("Lượt xem: 671", "bộ đếm của trang"),
    ("Chia sẻ", "của trang web (nút, mục của trang)"),
    ("16/11/2008 - 21:24 Tin liên quan", None),  # not whole: checked as a sentence, no marker
]
CLEAN = [
    "Nhân dịp Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam, bà con treo cờ Tổ quốc.",
    "Ban vận động đã có thư ngỏ kính gửi các cơ quan, doanh nghiệp trong huyện.",
    "Các cơ sở dữ liệu được kết nối, chia sẻ trên toàn tỉnh.",
    "Số lượng người tham gia đạt 120 người.",
    "Bà con ở xa có thể gửi ý kiến về Ủy ban nhân dân xã.",
]


@pytest.mark.parametrize(("text", "what"), LEAKS)
def test_header_and_page_lines_are_leaks(text, what):
    leak = find_leak(["Kính thưa bà con và các bạn.", text])
    assert (leak.what if leak else None) == what
    if leak:
        assert leak.line.split()[0] in text


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_sentences_are_not(text):
    assert find_leak([text]) is None


def test_a_dropped_page_line_read_aloud_is_a_leak():
    doc = Directive(subject="Tổ chức tiêm phòng dại", dropped=[
        Dropped(2, "Năm 2023 đẩy mạnh chỉnh trang đô thị", "trang web trước văn bản"),
        Dropped(1, "Thông báo tổ chức tiêm phòng dại", "trang web trước văn bản")])
    doc.kind = "thong_bao"
    assert find_leak(["BÀI TUYÊN TRUYỀN VỀ TỔ CHỨC TIÊM PHÒNG DẠI",
                      "Thông báo tổ chức tiêm phòng dại cho chó, mèo."], doc) is None
    leak = find_leak(["Năm 2023 đẩy mạnh chỉnh trang đô thị và xây dựng nông thôn mới."], doc)
    assert leak and leak.what == "dòng của trang web quanh văn bản"


@pytest.mark.parametrize(("text", "broken"), [
    ("1. U BAN DÂN T C C NG HOÀ XÃ H I CH NGHĨA VI T NAM Đ c l p – T do – H nh phúc S 291 "
     "Hà N i ngày 08 tháng 11 năm 2006 QUY T Đ NH B TRƯ NG CH NHI M U BAN DÂN T C", True),
    ("KẾT LỦẬN 127-KL/TW CỦÀ BỘ CHÍNH TRỊ, BẠN BÍ THƯ VỀ TRỈỂN KHÀÌ NGHĨÊN CỨƯ, ĐỀ XỦẤT TÌẾP "
     "TỤC SẮP XẾP TỔ CHỨC BỘ MÁỲ CỦÃ HỆ THỐNG CHÍNH TRỊ Tạĩ phĩên họp ngàỷ 28/2/2025, sãù khỉ "
     "nghé Bàn Tổ chức Trũng ương báỏ cáọ về các nộĩ đụng, nhíệm vụ", True),
    ("Ở xã ta, ý thức của bà con đã khá hơn; ừ thì còn chậm, nhưng ai cũng ở nhà đúng hẹn. "
     * 5, False),
])
def test_text_whose_accented_letters_a_pdf_lost(text, broken):
    assert bool(damaged(text)) is broken


UNREAD = ("CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n\n"
          "Ba con luu y giu gin ve sinh chung, khong xa rac ra duong lang.\n\n"
          "Moi nguoi cung thuc hien tot viec nay de lang xom sach dep.\n")


def test_draft_of_a_document_not_understood_stops_with_one_line(tmp_path, capsys):
    notice = tmp_path / "khong-dau.txt"
    notice.write_text(UNREAD, encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run_cli(["draft", str(notice), "-c", "Phúc Lộc", "--out", str(out)], capsys)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Traceback" not in err
    assert "--force" in lines[0] and ("(Tiêu ngữ)" in lines[0] or "(Quốc hiệu)" in lines[0])
    assert "HANH PHUC" in lines[0].upper() or "CONG HOA" in lines[0]
    assert not out.exists()
    code, stdout, _ = run_cli(["draft", str(notice), "-c", "Phúc Lộc", "--out", str(out),
                               "--force"], capsys)
    assert code == 0 and list(out.rglob("*.md"))


def test_build_of_a_document_not_understood_stops_before_any_synthesis(tmp_path, capsys):
    notice = tmp_path / "khong-dau.txt"
    notice.write_text(UNREAD, encoding="utf-8")
    out = tmp_path / "out"
    code, stdout, err = run_cli(["build", str(notice), "-c", "Phúc Lộc", "--out", str(out)],
                                capsys)
    assert code == 2 and "chưa được hiểu đúng" in err and "Đã dựng" not in stdout
    assert not out.exists()
