"""Letter case: a trích yếu or an issuer in capitals read as a sentence, acronyms kept, the
name after an administrative unit capitalized, text already in mixed case left alone."""

import pytest

from broadcast.document.case import is_acronym, normal_case, proper_names, restore_names


@pytest.mark.parametrize(("word", "acronym"), [
    ("UBND", True), ("HĐND", True), ("CCHC", True), ("TX.", True),  # thị xã, as in "TX. Kỳ Anh"
    ("UBND,", True), ("(PCCC)", True), ("“CCHC”", True),  # punctuation around it
    ("BAN", False), ("AN", False), ("QUY", False), ("KHAI", False), ("NGHI", False),  # syllables
    ("A", False), ("Ban", False),
])
def test_acronyms_and_plain_syllables(word, acronym):
    assert is_acronym(word) is acronym


@pytest.mark.parametrize(("text", "expected"), [
    ("ỦY BAN NHÂN DÂN HUYỆN ĐỨC THỌ", "Ủy ban nhân dân huyện Đức Thọ"),
    ("UBND XÃ AN PHÚ", "UBND xã An Phú"),
    ("HUYỆN KRÔNG NÔ THUỘC TỈNH ĐẮK NÔNG", "Huyện Krông Nô thuộc tỉnh Đắk Nông"),
    ("VỀ VIỆC TỔ CHỨC TIÊM PHÒNG TẠI THÀNH PHỐ HÀ TĨNH NĂM 2025",
     "Về việc tổ chức tiêm phòng tại thành phố Hà Tĩnh năm 2025"),
    ("RA QUÂN TẠI THỊ TRẤN PHỐ CHÂU VÀ CÁC XÃ", "Ra quân tại thị trấn Phố Châu và các xã"),
    ("PHÒNG CHỐNG BÃO Ở ĐẶC KHU CÔN ĐẢO, THỊ XÃ KỲ ANH",
     "Phòng chống bão ở đặc khu Côn Đảo, thị xã Kỳ Anh"),
    ("KẾ HOẠCH CỦA UBND, HĐND PHƯỜNG BA ĐÌNH VỀ CCHC",
     "Kế hoạch của UBND, HĐND phường Ba Đình về CCHC"),
    ("TUYÊN TRUYỀN (PCCC) TẠI QUẬN HOÀN KIẾM", "Tuyên truyền (PCCC) tại quận Hoàn Kiếm"),
    # already in mixed case: kept as typed, even a name in small letters
    ("Tổ chức tiêm phòng tại xã an phú", "Tổ chức tiêm phòng tại xã an phú"),
])
def test_normal_case(text, expected):
    assert normal_case(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # codes keep their capitals
    ("THỰC HIỆN NGHỊ QUYẾT SỐ 41/2022/NQ-HĐND CỦA HĐND TỈNH",
     "Thực hiện nghị quyết số 41/2022/NQ-HĐND của HĐND tỉnh"),
    # four words of five in capitals is a heading in capitals; fewer is mixed case, kept
    ("KẾ HOẠCH TUYÊN TRUYỀN Luật", "Kế hoạch tuyên truyền Luật"),
    ("KẾ HOẠCH TUYÊN TRUYỀN Luật Đất", "KẾ HOẠCH TUYÊN TRUYỀN Luật Đất"),
    ("Kế hoạch tuyên truyền LUẬT", "Kế hoạch tuyên truyền LUẬT"),
])
def test_normal_case_of_codes_and_mostly_capitals(text, expected):
    assert normal_case(text) == expected


def test_known_names_keep_their_capitals():
    assert normal_case("HỘI NGHỊ TẠI TỈNH ĐẮK LẮK", ["Đắk Lắk"]) == "Hội nghị tại tỉnh Đắk Lắk"
    assert restore_names("ubnd tỉnh đắk lắk và hà tĩnh, hàng xóm", ["Đắk Lắk", "Hà"]) == (
        "ubnd tỉnh Đắk Lắk và Hà tĩnh, hàng xóm")


def test_proper_names_are_runs_of_capitalized_words_longest_first():
    assert proper_names("Dự họp có đồng chí Lê   Văn Thành, bà Vũ Hải và đại biểu huyện Krông "
                        "Nô.") == ["Lê Văn Thành", "Krông Nô", "Vũ Hải"]
