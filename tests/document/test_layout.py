"""Layout repair: the text normalized, each line cut into pieces, pieces split over lines
joined back."""

import pytest

from broadcast.document import layout


@pytest.mark.parametrize(("given", "expected"), [
    ("a\\r\\nb\\r\\nc", "a\nb\nc"),  # an export wrote its line breaks as text
    ("Số: 1669/QÐ-UBND", "Số: 1669/QĐ-UBND"),  # U+00D0 looks like Đ
    ("ngƣời dân", "người dân"),  # a PDF font's ư
    ("Thơ ̀i gian", "Thời gian"),  # a tone mark a PDF set apart
    ("thiêt hai ̀ ̣ ̣ do lũ", "thiêt hai do lũ"),  # marks gathered apart belong to no letter
    ("Độc\u00a0lập", "Độc lập"), ("Hạnh\u200bphúc", "Hạnhphúc"),
])
def test_normalize(given, expected):
    assert layout.normalize(given) == expected


@pytest.mark.parametrize(("given", "symbol", "used"), [
    ("KH-UBND", "KH-UBND", 7), ("KH – UBND Ninh Quang, ngày", "KH-UBND", 9),
    ("KH UBND Hoằng Thắng, ngày", "KH-UBND", 7), ("QĐUBND Hà Tĩnh", "QĐ-UBND", 6),
    ("UBND-NCTH Vị Thanh", "UBND-NCTH", 9), ("QĐ-TTg ngày", "QĐ-TTg", 6),
    ("NQ/TU", "NQ/TU", 5), ("SGDĐT-VP Phan Rang", "SGDĐT-VP", 8), ("KL/TƯ", "KL/TƯ", 5),
    ("Ký hiệu", "", 0),
])
def test_read_symbol(given, symbol, used):
    assert layout.read_symbol(given) == (symbol, used)


def texts(line):
    return [p.text for p in layout.pieces(line)[1]]


@pytest.mark.parametrize(("line", "expected"), [
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ("HUYỆN CHÂU THÀNH Độc lập - Tự do - Hạnh phúc",
     ["HUYỆN CHÂU THÀNH", "Độc lập - Tự do - Hạnh phúc"]),
    ("Số: 476/UBND Châu Thành, ngày 14 tháng 6 năm 2017",
     ["Số: 476/UBND", "Châu Thành, ngày 14 tháng 6 năm 2017"]),
    ("Số: 07 /KH UBND Hoằng Thắng, ngày 14 tháng 01 năm 2022",
     ["Số: 07/KH UBND", "Hoằng Thắng, ngày 14 tháng 01 năm 2022"]),
    ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |",
     ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ("straight connector 2Số: 1551 /UBND-VX", ["straight connector 2", "Số: 1551/UBND-VX"]),
    ("Kỳ Anh, ngày 13tháng 9 năm 2018", ["Kỳ Anh, ngày 13 tháng 9 năm 2018"]),
    ("PHÓ CHỦ TỊCHNguyễn Thị Thu", ["PHÓ CHỦ TỊCH", "Nguyễn Thị Thu"]),
    ("TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Nguyễn Thị Thu Hà",
     ["TL. CHỦ TỊCH CHÁNH VĂN PHÒNG", "Nguyễn Thị Thu Hà"]),
    ("15/03/2020 21:24Cầu Giấy dừng kinh doanh karaoke",
     ["15/03/2020 21:24", "Cầu Giấy dừng kinh doanh karaoke"]),
    # a sentence that merely names a date or a number stays whole
    ("Tổ chức tại Hà Nội, ngày 5 tháng 3 năm 2024 với 200 đại biểu.",
     ["Tổ chức tại Hà Nội, ngày 5 tháng 3 năm 2024 với 200 đại biểu."]),
    ("Văn bản Số: 2115 /UBND-NV ngày 03/8/2023 của UBND huyện.",
     ["Văn bản Số: 2115/UBND-NV ngày 03/8/2023 của UBND huyện."]),
])
def test_a_line_cuts_into_its_parts(line, expected):
    assert texts(line) == expected


@pytest.mark.parametrize(("lines", "expected"), [
    ("ỦY\nBAN NHÂN DÂN", ["ỦY BAN NHÂN DÂN"]),
    ("CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    ("Độc lập - Tự do -\nHạnh phúc", ["Độc lập - Tự do - Hạnh phúc"]),
    ("Số:\n06/CT-UBND", ["Số: 06/CT-UBND"]),
    ("Tiền\nGiang, ngày 3 tháng 2 năm 2020", ["Tiền Giang, ngày 3 tháng 2 năm 2020"]),
    ("Sơn\nLa, ngày 16 tháng 11\nnăm 2018", ["Sơn La, ngày 16 tháng 11 năm 2018"]),
    ("CÔNG\nĐIỆN KHẨN", ["CÔNG ĐIỆN KHẨN"]),
    ("- Thủ\ntrưởng các cơ quan;", ["- Thủ trưởng các cơ quan;"]),
    # two whole parts stay two
    ("ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC THỌ", ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC THỌ"]),
    ("Kết luận\nHà Nội, ngày 5 tháng 3 năm 2024", ["Kết luận", "Hà Nội, ngày 5 tháng 3 năm 2024"]),
])
def test_parts_split_over_lines_are_joined(lines, expected):
    assert texts(lines) == expected


def test_a_document_on_one_line_splits_at_its_structure():
    line = ("1. ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TỈNH HÀ TĨNH Độc lập Tự do "
            "Hạnh phúc Số: 1669/QĐUBND Hà Tĩnh, ngày 04 tháng 06 năm 2019 QUYẾT ĐỊNH VỀ VIỆC PHÊ "
            "DUYỆT PHƯƠNG ÁN ỨNG PHÓ VỚI BÃO MẠNH ỦY BAN NHÂN DÂN TỈNH Căn cứ Luật Tổ chức chính "
            "quyền địa phương ngày 19/6/2015; Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013; "
            "QUYẾT ĐỊNH: Điều 1. Phê duyệt Phương án phòng ngừa, ứng phó bão mạnh. Điều 2. Quyết "
            "định này có hiệu lực kể từ ngày ký.")
    assert texts(line) == [
        "1.", "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH HÀ TĨNH",
        "Độc lập Tự do Hạnh phúc", "Số: 1669/QĐUBND", "Hà Tĩnh, ngày 04 tháng 06 năm 2019",
        "QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT PHƯƠNG ÁN ỨNG PHÓ VỚI BÃO MẠNH", "ỦY BAN NHÂN DÂN TỈNH",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        "Căn cứ Luật Phòng, chống thiên tai ngày 19/6/2013;", "QUYẾT ĐỊNH:",
        "Điều 1. Phê duyệt Phương án phòng ngừa, ứng phó bão mạnh.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."]


def test_a_long_paragraph_of_a_normal_document_stays_whole():
    sentence = ("Thực hiện Kế hoạch cải cách hành chính năm 2023; triển khai áp dụng Hệ thống "
                "QLCL theo TCVN ISO 9001:2015 tại các cơ quan, đơn vị được giao theo kế hoạch. ")
    paragraph = sentence * 4
    assert texts(paragraph.strip()) == [paragraph.strip()]


def test_the_work_on_a_long_line_grows_with_its_length(monkeypatch):
    """A paragraph without punctuation (a pasted PDF line) costs in proportion to its length:
    counted as the characters the caps test reads while the signer's name is looked for."""
    from broadcast import document
    from tests.conftest import count_text_read

    seen = count_text_read(monkeypatch, layout, "is_caps")

    def work(words):
        seen.clear()
        line = " ".join(["các hộ gia đình chủ động vệ sinh chuồng trại"] * words)
        document.parse("KẾ HOẠCH\nTuyên truyền phòng dịch\n" + line + "\nCHỦ TỊCH\nNguyễn Văn An\n")
        return sum(seen)

    small, large = work(300), work(600)
    assert large <= 2.2 * max(small, 1)
