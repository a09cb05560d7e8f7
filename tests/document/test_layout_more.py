"""Layout repair, the finer points: Markdown marks, line breaks of every system, the reasons and
blank-line marks pieces carry, a place/date line with the header part glued after it, signatures
on one line, header parts a narrow cell broke, ký hiệu and "Số:" lines."""

import pytest

from broadcast.document import layout


def pieces(text: str):
    return layout.pieces(text)[1]


def texts(text: str) -> list[str]:
    return [p.text for p in pieces(text)]


# ---------------------------------------------------------------- whole text


@pytest.mark.parametrize(("given", "expected"), [
    # Windows and old Mac line breaks
    ("Số: 21/TB-UBND\r\nTân Lập, ngày 8 tháng 5 năm 2025\rTHÔNG BÁO",
     "Số: 21/TB-UBND\nTân Lập, ngày 8 tháng 5 năm 2025\nTHÔNG BÁO"),
    # marks a PDF gathered apart at the end of any line, not only the last
    ("thiêt hai ̀ ̣ ̣\ndo lũ ̀ ̣\nquét", "thiêt hai\ndo lũ\nquét"),
])
def test_normalize_more(given, expected):
    assert layout.normalize(given) == expected


# ---------------------------------------------------------------- Markdown


@pytest.mark.parametrize(("line", "text", "heading"), [
    ("## THÔNG BÁO", "THÔNG BÁO", True),
    ("### Về việc tổ chức tiêm phòng dại", "Về việc tổ chức tiêm phòng dại", True),
    ("* Các thôn lập danh sách hộ nuôi chó, mèo;", "• Các thôn lập danh sách hộ nuôi chó, mèo;",
     False),
    ("1\\. Thời gian tiêm phòng", "1. Thời gian tiêm phòng", False),
    ("\\- Trưởng các thôn;", "- Trưởng các thôn;", False),
    ("__Nơi nhận:__", "Nơi nhận:", False),
    ("_Kon Rẫy, ngày 28 tháng 6 năm 2024_", "Kon Rẫy, ngày 28 tháng 6 năm 2024", False),
    ("**TM. ỦY BAN NHÂN DÂN**", "TM. ỦY BAN NHÂN DÂN", False),
])
def test_markdown_marks_are_taken_off(line, text, heading):
    (piece,) = pieces(line)
    assert (piece.text, piece.heading) == (text, heading)


def test_a_bold_metadata_row_stays_one_piece_of_the_page():
    (piece,) = pieces("**Số hiệu:** 21/TB-UBND | **Loại văn bản:** Thông báo")
    assert piece.text == "Số hiệu: 21/TB-UBND | Loại văn bản: Thông báo"
    assert piece.why == "bảng thông tin của trang"


# ---------------------------------------------------------------- reasons and blank lines


@pytest.mark.parametrize(("line", "expected"), [
    ("Lượt xem: 671", [("Lượt xem: 671", "bộ đếm")]),
    ("16/05/2025 | 08:21", [("16/05/2025 | 08:21", "ngày giờ đăng tin")]),
    ("tb-21-ubnd.pdf 12 tải về 245.3 KB",
     [("tb-21-ubnd.pdf 12 tải về 245.3 KB", "chữ của trang tải tài liệu")]),
    ("15/03/2020 21:24Cầu Giấy dừng kinh doanh karaoke",
     [("15/03/2020 21:24", "ngày giờ đăng tin"), ("Cầu Giấy dừng kinh doanh karaoke", "")]),
    ("straight connector 2Số: 1551 /UBND-VX",
     [("straight connector 2", "hình vẽ, số trang của trình xem"), ("Số: 1551/UBND-VX", "")]),
    ("1. ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
     [("1.", "hình vẽ, số trang của trình xem"), ("ỦY BAN NHÂN DÂN", ""),
      ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "")]),
    ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP | Lượt xem: 245 |",
     [("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", ""), ("Lượt xem: 245", "bộ đếm")]),
    # a row of the page's counters or posting time takes its short cells with it …
    ("Phòng Trồng trọt | 253 lần xem | 1 Đính kèm | 0 bình luận",
     [("Phòng Trồng trọt", "dòng thông tin của trang"), ("253 lần xem", "bộ đếm"),
      ("1 Đính kèm", "bộ đếm"), ("0 bình luận", "bộ đếm")]),
    ("17/11/2022 | Trồng trọt",
     [("17/11/2022", "ngày giờ đăng tin"), ("Trồng trọt", "dòng thông tin của trang")]),
    # … not a header's cell with a number, nor a sentence
    ("Số: 12/KH-UBND | 22/04/2021", [("Số: 12/KH-UBND", ""), ("22/04/2021", "ngày giờ đăng tin")]),
    # a posting time glued after a headline, a site's address as a lead's tag
    ("Thông báo treo cờ và nghỉ Tết năm 2021 Cập nhật05-02-2021 09:29",
     [("Thông báo treo cờ và nghỉ Tết năm 2021", ""),
      ("Cập nhật05-02-2021 09:29", "ngày giờ đăng tin")]),
    ("(hocmon.gov.vn) Theo Công văn số 3517/UBND ngày 18/7/2022, UBND huyện đề nghị các xã.",
     [("(hocmon.gov.vn)", "địa chỉ web"),
      ("Theo Công văn số 3517/UBND ngày 18/7/2022, UBND huyện đề nghị các xã.", "")]),
    ("HNP - Trong nội dung Công văn số 14/QPCTT, Quỹ Phòng, chống thiên tai đề nghị các quận.",
     [("HNP -", "địa chỉ web"),
      ("Trong nội dung Công văn số 14/QPCTT, Quỹ Phòng, chống thiên tai đề nghị các quận.", "")]),
    ("Còn 9 quận, huyện chưa nộp Quỹ Phòng chống thiên tai (09:36 13/12/2019)",
     [("Còn 9 quận, huyện chưa nộp Quỹ Phòng chống thiên tai", ""),
      ("(09:36 13/12/2019)", "ngày giờ đăng tin")]),
    ("(HNM) - UBND huyện Sóc Sơn vừa ban hành Kế hoạch số 32/KH-UBND về phòng cháy rừng.",
     [("(HNM) -", "địa chỉ web"),
      ("UBND huyện Sóc Sơn vừa ban hành Kế hoạch số 32/KH-UBND về phòng cháy rừng.", "")]),
    ("Phòng Văn hóa thông báo nội dung của Kế hoạch (Xem nội dung kế hoạch tại đây).",
     [("Phòng Văn hóa thông báo nội dung của Kế hoạch", ""),
      ("(Xem nội dung kế hoạch tại đây).", "chữ của trang xem tài liệu")]),
    ("22/04/2021 | Các thôn ra quân diệt lăng quăng",
     [("22/04/2021", "ngày giờ đăng tin"), ("Các thôn ra quân diệt lăng quăng", "")]),
])
def test_pieces_carry_the_reason_they_belong_to_the_page(line, expected):
    assert [(p.text, p.why) for p in pieces(line)] == expected


def test_only_the_first_piece_after_a_blank_line_has_a_gap():
    got = pieces("## THÔNG BÁO\nVề việc tổ chức tiêm phòng dại\n\n"
                 "Số: 21/TB-UBND Tân Lập, ngày 8 tháng 5 năm 2025\nLượt xem: 245\n\n"
                 "Chia sẻ")
    assert [(p.text, p.gap, p.heading) for p in got] == [
        ("THÔNG BÁO", False, True), ("Về việc tổ chức tiêm phòng dại", False, False),
        ("Số: 21/TB-UBND", True, False), ("Tân Lập, ngày 8 tháng 5 năm 2025", False, False),
        ("Lượt xem: 245", False, False), ("Chia sẻ", True, False)]
    assert all(p.gap is False or p.gap is True for p in got)


def test_a_line_joined_to_the_one_above_keeps_its_blank_line():
    got = pieces("Kính gửi:\n\n- Thủ\ntrưởng các cơ quan, đơn vị;")
    assert [(p.text, p.gap, p.lines) for p in got] == [
        ("Kính gửi:", False, (0,)), ("- Thủ trưởng các cơ quan, đơn vị;", True, (2, 3))]


# ---------------------------------------------------------------- place/date and what follows


@pytest.mark.parametrize(("line", "expected"), [
    ("Tân Lập, ngày 8 tháng 5 năm 2025 THÔNG BÁO",
     ["Tân Lập, ngày 8 tháng 5 năm 2025", "THÔNG BÁO"]),
    ("Tân Lập, ngày 8 tháng 5 năm 2025. THÔNG BÁO",
     ["Tân Lập, ngày 8 tháng 5 năm 2025.", "THÔNG BÁO"]),
    ("Hà Nội, ngày 05/3/2024 KẾ HOẠCH", ["Hà Nội, ngày 05/3/2024", "KẾ HOẠCH"]),
    ("Krông Nô, ngày 20 tháng 3 năm 2024 KẾ HOẠCH Duy trì, cải thiện Chỉ số cải cách hành chính",
     ["Krông Nô, ngày 20 tháng 3 năm 2024",
      "KẾ HOẠCH Duy trì, cải thiện Chỉ số cải cách hành chính"]),
    ("Châu Thành, ngày 14 tháng 6 năm 2017 V/v phòng, chống sốt xuất huyết",
     ["Châu Thành, ngày 14 tháng 6 năm 2017", "V/v phòng, chống sốt xuất huyết"]),
    ("Châu Thành, ngày 14 tháng 6 năm 2017 Kính gửi: Trạm Y tế các xã",
     ["Châu Thành, ngày 14 tháng 6 năm 2017", "Kính gửi: Trạm Y tế các xã"]),
    # a place of seven words ("Phan Rang - Tháp Chàm") is still a place
    ("Thành phố Phan Rang - Tháp Chàm, ngày 5 tháng 3 năm 2024 KẾ HOẠCH",
     ["Thành phố Phan Rang - Tháp Chàm, ngày 5 tháng 3 năm 2024", "KẾ HOẠCH"]),
    # capitals of the issuer's column glued before the place/date
    ("HUYỆN CHÂU THÀNH Châu Thành, ngày 14 tháng 6 năm 2017",
     ["HUYỆN CHÂU THÀNH", "Châu Thành, ngày 14 tháng 6 năm 2017"]),
    # glued day, month and year
    ("Tân Lập, ngày8 tháng5 năm2025", ["Tân Lập, ngày 8 tháng 5 năm 2025"]),
])
def test_a_place_date_line_splits_from_the_header_part_after_it(line, expected):
    assert texts(line) == expected


# ---------------------------------------------------------------- signatures, glued words


@pytest.mark.parametrize(("line", "expected"), [
    ("CHỦ TỊCH Lê Hải", ["CHỦ TỊCH", "Lê Hải"]),  # a name of two words
    ("CHỦ TỊCH Tôn Nữ Thị Ngọc Hà", ["CHỦ TỊCH", "Tôn Nữ Thị Ngọc Hà"]),  # of five
    ("PHÓ CHỦ TỊCH Nguyễn Thị Thu", ["PHÓ CHỦ TỊCH", "Nguyễn Thị Thu"]),
    ("GIÁM ĐỐC Nguyễn Văn An", ["GIÁM ĐỐC", "Nguyễn Văn An"]),
    # an acronym before a capitalized word is not a glued signature
    ("UBND Tân Lập thông báo lịch tiêm phòng dại đợt 1.",
     ["UBND Tân Lập thông báo lịch tiêm phòng dại đợt 1."]),
])
def test_a_signature_on_one_line(line, expected):
    assert texts(line) == expected


# ---------------------------------------------------------------- a flattened header and text


def test_a_header_flattened_with_its_text_splits_at_its_parts_and_labels():
    line = ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh "
            "phúc Số: 12/KH-UBND Tân Lập, ngày 3 tháng 3 năm 2025 KẾ HOẠCH TUYÊN TRUYỀN PHÒNG, "
            "CHỐNG DỊCH BỆNH NĂM 2025 I. Mục đích, yêu cầu: nâng cao nhận thức của người dân. "
            "Thực hiện Kế hoạch số 45/KH-UBND của UBND huyện về phòng, chống dịch bệnh, UBND xã "
            "xây dựng kế hoạch như sau: 1. Tuyên truyền trên loa truyền thanh của xã.")
    assert texts(line) == [
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND", "Tân Lập, ngày 3 tháng 3 năm 2025",
        "KẾ HOẠCH TUYÊN TRUYỀN PHÒNG, CHỐNG DỊCH BỆNH NĂM 2025",
        "I. Mục đích, yêu cầu: nâng cao nhận thức của người dân.",
        "Thực hiện Kế hoạch số 45/KH-UBND của UBND huyện về phòng, chống dịch bệnh, UBND xã xây "
        "dựng kế hoạch như sau:",
        "1. Tuyên truyền trên loa truyền thanh của xã."]


def test_an_urgent_kind_line_of_three_words_is_its_own_piece():
    line = ("ỦY BAN NHÂN DÂN HUYỆN KỲ ANH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
            "Hạnh phúc Số: 13/TB-UBND Kỳ Anh, ngày 13 tháng 9 năm 2018 THÔNG BÁO KHẨN Về việc chủ "
            "động ứng phó với bão số 5 Theo dự báo, bão số 5 sẽ đổ bộ vào đất liền đêm nay.")
    assert texts(line)[-3:] == ["THÔNG BÁO KHẨN", "Về việc chủ động ứng phó với bão số 5",
                                "Theo dự báo, bão số 5 sẽ đổ bộ vào đất liền đêm nay."]


@pytest.mark.parametrize(("who", "then"), [
    ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Xét đề nghị của công chức Văn phòng - Thống kê,"),
    ("ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "Căn cứ Luật Tổ chức chính quyền địa phương năm 2015;"),
])
def test_who_decides_comes_off_the_subject_in_capitals(who, then):
    line = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc QUYẾT ĐỊNH VỀ VIỆC "
            f"THÀNH LẬP TỔ CÔNG TÁC {who} {then} QUYẾT ĐỊNH: Điều 1. Thành lập Tổ công tác.")
    assert texts(line)[2:] == ["QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC", who, then,
                               "QUYẾT ĐỊNH:", "Điều 1. Thành lập Tổ công tác."]


def test_a_subject_in_capitals_without_an_authority_line_still_parts_from_the_text():
    line = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc QUYẾT ĐỊNH VỀ VIỆC "
            "THÀNH LẬP ĐỘI KIỂM TRA GIÁM ĐỐC SỞ Y TẾ Căn cứ Luật Khám bệnh, chữa bệnh năm 2023; "
            "QUYẾT ĐỊNH: Điều 1. Thành lập Đội kiểm tra.")
    got = texts(line)
    assert got[2].startswith("QUYẾT ĐỊNH VỀ VIỆC THÀNH LẬP ĐỘI KIỂM TRA")
    assert got[-3:] == ["Căn cứ Luật Khám bệnh, chữa bệnh năm 2023;", "QUYẾT ĐỊNH:",
                        "Điều 1. Thành lập Đội kiểm tra."]


# ---------------------------------------------------------------- parts a narrow cell broke


@pytest.mark.parametrize(("lines", "expected"), [
    ("Thường xuyên\nkiểm tra, đôn đốc các thôn;", ["Thường xuyên kiểm tra, đôn đốc các thôn;"]),
    ("Buôn Ma\nThuột, ngày 20 tháng 3 năm 2024", ["Buôn Ma Thuột, ngày 20 tháng 3 năm 2024"]),
    ("Mỹ\nTho, ngày 20 tháng 3 năm 2024", ["Mỹ Tho, ngày 20 tháng 3 năm 2024"]),
    ("TP. Phan Rang - Tháp Chàm,\nngày 5 tháng 3 năm 2024",
     ["TP. Phan Rang - Tháp Chàm, ngày 5 tháng 3 năm 2024"]),
    # a colon, a label: what follows is not the rest of the same words
    ("Kính gửi:\ncác thôn, tổ dân phố.", ["Kính gửi:", "các thôn, tổ dân phố."]),
    ("1.\ncác thôn lập danh sách hộ nuôi chó;", ["1.", "các thôn lập danh sách hộ nuôi chó;"]),
    ("a)\ncác thôn lập danh sách hộ nuôi chó;", ["a)", "các thôn lập danh sách hộ nuôi chó;"]),
    ("II.\nnội dung tuyên truyền", ["II.", "nội dung tuyên truyền"]),
])
def test_parts_a_narrow_cell_broke(lines, expected):
    assert texts(lines) == expected


# ---------------------------------------------------------------- ký hiệu, "Số:", issuer


@pytest.mark.parametrize(("given", "symbol", "used"), [
    ("TB-UBND.", "TB-UBND", 7),  # the full stop of a sentence is not the code's
    ("BC-SNNPTNT Hà Tĩnh", "BC-SNNPTNT", 10),  # a long code after a dash
    ("KH UBMTTQ Tân Lập", "KH-UBMTTQ", 9),  # a six-letter code after a space
])
def test_read_symbol_more(given, symbol, used):
    assert layout.read_symbol(given) == (symbol, used)


@pytest.mark.parametrize(("line", "is_number"), [
    ("Số: 21/TB-UBND", True),
    ("Số: 25/tb-ubnd", True),  # a symbol typed in small letters: the number still counts
    ("Số: 168/", True),  # the symbol lost in the copy
    ("Số/Ký hiệu: 21/TB-UBND", False),  # a metadata table's key
    ("Số lượng: 120", False),
])
def test_is_number_line(line, is_number):
    assert layout.is_number_line(line) is is_number


@pytest.mark.parametrize(("text", "expected"), [
    ("Y BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
    ("UỶ BAN NHÂN DÂN XÃ TÂN LẬP", "ỦY BAN NHÂN DÂN XÃ TÂN LẬP"),
    ("Uỷ ban nhân dân xã Tân Lập", "Uỷ ban nhân dân xã Tân Lập"),  # a sentence is left alone
])
def test_fix_uy_ban(text, expected):
    assert layout.fix_uy_ban(text) == expected


DECISION = ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Căn cứ Luật "
            "Phòng, chống thiên tai ngày 19 tháng 6 năm 2013 và các văn bản hướng dẫn thi hành; "
            "{reason} của Trưởng Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn xã tại "
            "Tờ trình số 12/TTr-BCH; QUYẾT ĐỊNH: Điều 1. Phê duyệt Phương án ứng phó với bão mạnh, "
            "siêu bão trên địa bàn xã Tân Lập, huyện Kỳ Anh năm 2025 và 2026.")


@pytest.mark.parametrize(("reason", "length", "count"), [
    ("Theo báo cáo", 400, 5),  # 400 characters, four places where a part starts: split
    ("theo báo cáo", 400, 1),  # only three: a long paragraph, kept whole
    ("Xét đề nghị", 399, 1),  # four, but under 400 characters
])
def test_a_long_line_splits_at_its_structure_only_when_it_is_a_whole_document(reason, length,
                                                                              count):
    line = DECISION.format(reason=reason)
    assert len(line) == length
    got = texts(line)
    assert len(got) == count and " ".join(got) == line


def test_a_flattened_header_line_ending_with_a_label():
    assert texts("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc QUYẾT ĐỊNH: "
                 "Điều 1.") == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                "QUYẾT ĐỊNH:", "Điều 1."]


def test_a_header_part_joined_over_lines_keeps_the_blank_line_before_it():
    got = pieces("THÔNG BÁO\n\nSơn\nLa, ngày 16 tháng 11 năm 2018")
    assert [(p.text, p.gap, p.lines) for p in got] == [
        ("THÔNG BÁO", False, (0,)), ("Sơn La, ngày 16 tháng 11 năm 2018", True, (2, 3))]


def test_words_in_capitals_inside_a_sentence_stay_in_it():
    """'… của xã DIỄN BIẾN PHỨC TẠP .' is emphasis and 'COVID -19 .' a name: neither is a
    heading of a document flattened on one line."""
    line = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Tân Lập, ngày 3 tháng "
            "4 năm 2025 Kính gửi: Trưởng các thôn. Trước tình hình bệnh dại trên đàn chó của xã "
            "DIỄN BIẾN PHỨC TẠP . Ban Thường trực đề nghị các hộ đưa chó đi tiêm phòng. Phòng "
            "chống dịch bệnh COVID -19 . Các hộ chấp hành nghiêm các quy định của xã về tiêm "
            "phòng, không thả rông chó, mèo ra đường. Các thôn báo cáo kết quả trước ngày "
            "30/4/2025 để tổng hợp.")
    got = texts(line)
    assert ("Trước tình hình bệnh dại trên đàn chó của xã DIỄN BIẾN PHỨC TẠP . Ban Thường trực "
            "đề nghị các hộ đưa chó đi tiêm phòng. Phòng chống dịch bệnh COVID -19 . Các hộ "
            "chấp hành nghiêm các quy định của xã về tiêm phòng, không thả rông chó, mèo ra "
            "đường. Các thôn báo cáo kết quả trước ngày 30/4/2025 để tổng hợp.") in got
    assert "DIỄN BIẾN PHỨC TẠP ." not in got


def test_a_heading_in_capitals_after_a_finished_sentence_is_its_own_piece():
    line = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Tân Lập, ngày 3 tháng "
            "4 năm 2025 THÔNG BÁO LỊCH TIÊM PHÒNG DẠI NĂM 2025. Các thôn tổ chức tiêm phòng cho "
            "chó, mèo vào sáng thứ Hai.")
    assert "THÔNG BÁO LỊCH TIÊM PHÒNG DẠI NĂM 2025." in texts(line)
