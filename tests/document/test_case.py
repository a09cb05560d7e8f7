"""Letter case: a trích yếu or an issuer in capitals read as a sentence, acronyms kept, the
name after an administrative unit capitalized, text already in mixed case left alone."""

import pytest

from broadcast.document.case import is_acronym, normal_case


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
