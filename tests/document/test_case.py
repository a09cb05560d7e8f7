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


@pytest.mark.parametrize(("text", "expected"), [
    ("TẾT NGUYÊN ĐÁN GIÁP THÌN NĂM 2024", "Tết Nguyên đán Giáp Thìn năm 2024"),
    ("MỪNG ĐẢNG, MỪNG XUÂN ẤT TỴ 2025", "Mừng Đảng, mừng Xuân Ất Tỵ 2025"),
    ("DỊP LỄ GIÁNG SINH, TẾT DƯƠNG LỊCH", "Dịp lễ Giáng sinh, Tết Dương lịch"),
    # a year name only after Tết, Xuân, năm: 'quý mão' elsewhere is left to the words
    ("CHĂM SÓC CÂY GIỐNG QUÝ MÃO", "Chăm sóc cây giống quý mão"),
])
def test_feasts_and_years_of_the_cycle_keep_their_capitals(text, expected):
    assert normal_case(text) == expected


def test_a_name_is_not_restored_inside_a_longer_one():
    assert restore_names("thành lập chi cục chăn nuôi và cục chăn nuôi", ["Cục Chăn nuôi"]) == (
        "thành lập chi cục chăn nuôi và Cục Chăn nuôi")


def test_a_run_with_a_unit_word_is_not_a_name():
    """'huyện' and 'phường' put the name after them in capitals already."""
    assert proper_names("Tại Phường Ba Đình, Đội Thanh niên xung kích ra quân.") == [
        "Đội Thanh"]
