"""One table per rule, phrases taken from real notices, plans and letters."""

import pytest

from broadcast.speech import SpeechOptions, normalize, pipeline, rules
from broadcast.speech.lexicon import Lexicon, default_lexicon, parse_table

CASES = {
    rules.strip_markdown: [
        ("- **Lĩnh vực 1:** Công tác", "- Lĩnh vực 1: Công tác"),
        ("(*qua Phòng Nội vụ huyện*) **trước ngày 10/7/2024**",
         "(qua Phòng Nội vụ huyện) trước ngày 10/7/2024"),
        ("#### I. Chỉ tiêu phấn đấu", "I. Chỉ tiêu phấn đấu"),
        ("xem [Cổng thông tin](https://example.vn)", "xem Cổng thông tin"),
    ],
    rules.tidy_spacing: [
        ("đạt 14,591 /17 điểm", "đạt 14,591/17 điểm"),
        ("Kế hoạch số: 137 /KH-UBND", "Kế hoạch số 137/KH-UBND"),
        ("Văn bản Số: 2115 /UBND-NV", "Văn bản Số 2115/UBND-NV"),
        ("đạt 10,766/15.5 điểm ,đạt", "đạt 10,766/15.5 điểm,đạt"),
    ],
    rules.read_web_addresses: [
        ("gửi về ubnd@phucloc.gov.vn.",
         "gửi về u bê en nờ dê a còng phucloc chấm gờ o vê chấm vê en."),
        ("xem home.vn", "xem hát o em mờ e chấm vê en"),
        ("tại https://dichvucong.gov.vn",
         "tại dichvucong chấm gờ o vê chấm vê en"),
        ("trang www.krongno.daknong.gov.vn/tin-tuc",
         "trang vê kép vê kép vê kép chấm krongno chấm daknong chấm gờ o vê chấm vê en gạch "
         "chéo tin gạch ngang tuc"),
        ("ngày 10.5.2024 và 1.500 hộ", "ngày 10.5.2024 và 1.500 hộ"),
    ],
    rules.drop_end_marks: [
        ("để chỉ đạo hướng dẫn./.", "để chỉ đạo hướng dẫn."),
        ("triển khai thực hiện./", "triển khai thực hiện."),
        ("bộ ngành/địa phương", "bộ ngành/địa phương"),
    ],
    rules.drop_acronym_after_expansion: [
        ("nâng cao Chỉ số Cải cách hành chính (PAR INDEX), Chỉ số",
         "nâng cao Chỉ số Cải cách hành chính, Chỉ số"),
        ("thủ tục hành chính (TTHC) để", "thủ tục hành chính để"),
        ("báo cáo về UBND huyện (qua Phòng Nội vụ)", "báo cáo về UBND huyện (qua Phòng Nội vụ)"),
    ],
    rules.read_item_labels: [
        ("II. Giải pháp thực hiện:", "Phần thứ hai. Giải pháp thực hiện:"),
        ("3. Khắc phục triệt để", "Thứ ba, khắc phục triệt để"),
        ("2. Phòng Nội vụ tham mưu", "Thứ hai, Phòng Nội vụ tham mưu"),
        ("5. Ủy ban nhân dân các xã", "Thứ năm, Ủy ban nhân dân các xã"),
        ("1. UBND các xã", "Thứ nhất, UBND các xã"),
        ("4. Tổ chức thực hiện", "Thứ tư, tổ chức thực hiện"),
        ("a) Mục đích", "Mục đích"),
        ("- Tiếp tục quán triệt", "Tiếp tục quán triệt"),
        ("1.2. Nội dung", "Mục một chấm hai. Nội dung"),
        ("2023. Tiếp theo", "2023. Tiếp theo"),
    ],
    rules.read_standard_codes: [
        ("theo TCVN ISO 9001:2015 tại",
         "theo TCVN ISO chín nghìn không trăm linh một năm hai nghìn không trăm mười lăm tại"),
    ],
    rules.read_legal_codes: [
        ("Quyết định số 151/QĐ-UBND ngày", "Quyết định số một trăm năm mươi mốt ngày"),
        ("Kế hoạch số 179/KH-UBND", "Kế hoạch số một trăm bảy mươi chín"),
        ("Nghị quyết số 12-NQ/TU", "Nghị quyết số mười hai"),
        ("Chỉ thị 05/CT-UBND", "Chỉ thị năm"),
        ("Nghị định 30/2020/NĐ-CP", "Nghị định ba mươi năm hai nghìn không trăm hai mươi"),
        ("Quyết định số 1218/QĐ-BCĐ", "Quyết định số một nghìn hai trăm mười tám"),
        ("đạt 14/14 điểm", "đạt 14/14 điểm"),
    ],
    rules.expand_abbreviations: [
        ("UBND huyện", "Ủy ban nhân dân huyện"),
        ("Văn phòng HĐND&UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"),
        ("của CBCC, VC, NLĐ", "của cán bộ, công chức, viên chức, người lao động"),
        ("với UBMTTQVN huyện", "với Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
        ("Hệ thống QLCL theo", "Hệ thống quản lý chất lượng theo"),
        ("phát triển KT-XH", "phát triển kinh tế - xã hội"),
        ("các trường THCS", "các trường trung học cơ sở"),
        ("UBND-NV", "UBND-NV"),
    ],
    rules.lowercase_caps_runs: [
        ("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH HUYỆN KRÔNG NÔ NĂM 2023",
         "chỉ số cải cách hành chính huyện krông nô năm 2023"),
        ("Chỉ số SIPAS năm 2024", "Chỉ số SIPAS năm 2024"),
        ("KẾ HOẠCH CẢI THIỆN, NÂNG CAO", "kế hoạch cải thiện, nâng cao"),
    ],
    rules.read_dates: [
        ("26/6/2024", "ngày hai mươi sáu tháng sáu năm hai nghìn không trăm hai mươi tư"),
        ("Chiều ngày 26/6/2024,",
         "Chiều ngày hai mươi sáu tháng sáu năm hai nghìn không trăm hai mươi tư,"),
        ("ngày 06/02/2024", "ngày sáu tháng hai năm hai nghìn không trăm hai mươi tư"),
        ("trước ngày 10/7", "trước ngày mười tháng bảy"),
        ("ngày 28 tháng 5 năm 2018", "ngày hai mươi tám tháng năm năm 2018"),
        ("tháng 7/2024", "tháng bảy năm hai nghìn không trăm hai mươi tư"),
        ("trong tháng 4", "trong tháng tư"),
        ("tháng 12", "tháng mười hai"),
        ("đạt 14/14 điểm", "đạt 14/14 điểm"),
        ("ngày 32/1/2024", "ngày 32/1/2024"),
        ("ngày 30/2", "ngày 30/2"),
        ("6 tháng đầu năm", "6 tháng đầu năm"),
    ],
    rules.read_times: [
        ("lúc 7h30", "lúc bảy giờ ba mươi phút"),
        ("từ 11h00 đến 15h00", "từ mười một giờ đến mười lăm giờ"),
        ("lúc 14:30", "lúc mười bốn giờ ba mươi phút"),
        ("lúc 7h", "lúc bảy giờ"),
    ],
    rules.read_ranges: [
        ("giai đoạn 2021-2030", "giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn "
         "không trăm ba mươi"),
        ("giai đoạn 2022-2025, định hướng", "giai đoạn hai nghìn không trăm hai mươi hai đến "
         "hai nghìn không trăm hai mươi lăm, định hướng"),
        ("từ 7 - 10 ngày", "từ bảy đến mười ngày"),
        ("số 0912-345-678", "số 0912-345-678"),
    ],
    rules.read_percent: [
        ("đạt chỉ số 69,46%.", "đạt chỉ số 69,46 phần trăm."),
        ("đạt 100 %", "đạt 100 phần trăm"),
    ],
    rules.read_fractions: [
        ("đạt 85,96/100 điểm", "đạt 85,96 trên 100 điểm"),
        ("vị trí thứ 1/8 huyện", "vị trí thứ nhất trên 8 huyện"),
        ("đạt 14/14 điểm", "đạt 14 trên 14 điểm"),
        ("đạt 10,766/15.5 điểm", "đạt 10,766 trên 15.5 điểm"),
    ],
    rules.read_ordinals: [
        ("thứ 4", "thứ tư"), ("lần thứ 1", "lần thứ nhất"), ("Thứ 2", "Thứ hai"),
    ],
    rules.read_roman_numerals: [
        ("đợt I năm 2023", "đợt một năm 2023"), ("quý II", "quý hai"),
        ("khóa XV", "khóa mười lăm"), ("cấp IV trở lên", "cấp bốn trở lên"),
        ("Đội I", "Đội I"),
    ],
    rules.read_units: [
        ("thiệt hại 4,5 ha rừng", "thiệt hại 4,5 héc ta rừng"),
        ("dài 12 km", "dài 12 ki lô mét"), ("500.000đ", "500.000 đồng"),
        ("nhiệt độ 38°C", "nhiệt độ 38 độ C"), ("120 m2", "120 mét vuông"),
    ],
    rules.spell_unknown_acronyms: [
        ("đơn vị XYZ", "đơn vị ích xì i dài dét"), ("LƯU Ý", "LƯU Ý"),
    ],
    rules.read_numbers: [
        ("1.500.000 đồng", "một triệu năm trăm nghìn đồng"),
        ("85,96", "tám mươi lăm phẩy chín mươi sáu"),
        ("15.5 điểm", "mười lăm phẩy năm điểm"),
        ("trong 09 tháng", "trong chín tháng"),
        ("nhiệt độ -5 độ", "nhiệt độ âm năm độ"),
        ("gọi 0912345678", "gọi không chín một hai ba bốn năm sáu bảy tám"),
        ("cách mạng 4.0", "cách mạng bốn chấm không"),
        ("Lĩnh vực 8:", "Lĩnh vực tám:"),
    ],
    rules.read_symbols: [
        ("Văn hóa -Thể thao -Du lịch", "Văn hóa, Thể thao, Du lịch"),
        ("kinh tế - xã hội", "kinh tế, xã hội"),
        ("Nam/Nữ", "Nam hoặc Nữ"),
        ("chưa đạt...", "chưa đạt."),
        ("“Ngày hội”", "Ngày hội"),
    ],
    rules.tidy_punctuation: [
        ("còn thấp , ; triển khai", "còn thấp, triển khai"),
        ("hiệu quả, .", "hiệu quả."),
    ],
}

ROWS = [(rule, given, expected) for rule, table in CASES.items() for given, expected in table]


@pytest.mark.parametrize(("rule", "given", "expected"), ROWS,
                         ids=[f"{r.__name__}-{i}" for i, (r, _, _) in enumerate(ROWS)])
def test_rule_table(rule, given, expected):
    assert rule(given) == expected


def test_every_rule_has_a_docstring_and_a_table():
    named = {getattr(step, "func", step) for step in pipeline()}
    assert all(rule.__doc__ for rule in named)
    assert named <= set(CASES)


PIPELINE = [
    ("26/6/2024", "Ngày hai mươi sáu tháng sáu năm hai nghìn không trăm hai mươi tư"),
    ("Quyết định số 151/QĐ-UBND ngày 06/02/2024 của UBND tỉnh Đắk Nông",
     "Quyết định số một trăm năm mươi mốt ngày sáu tháng hai năm hai nghìn không trăm hai mươi "
     "tư của Ủy ban nhân dân tỉnh Đắk Nông"),
    ("đạt 85,96/100 điểm, chỉ số CCHC đạt 85,69 %",
     "Đạt tám mươi lăm phẩy chín mươi sáu trên một trăm điểm, chỉ số cải cách hành chính đạt "
     "tám mươi lăm phẩy sáu mươi chín phần trăm"),
    ("duy trì ở vị trí thứ 1/8 huyện", "Duy trì ở vị trí thứ nhất trên tám huyện"),
    ("I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH HUYỆN KRÔNG NÔ NĂM 2023",
     "Phần thứ nhất. Chỉ số cải cách hành chính huyện krông nô năm hai nghìn không trăm hai "
     "mươi ba"),
    ("Chỉ số Cải cách hành chính (PAR INDEX), Chỉ số SIPAS",
     "Chỉ số Cải cách hành chính, Chỉ số xi pát"),
    ("thực hiện./.", "Thực hiện."),
    ("HĐND – UBND huyện", "Hội đồng nhân dân, Ủy ban nhân dân huyện"),
]


@pytest.mark.parametrize(("given", "expected"), PIPELINE)
def test_default_pipeline(given, expected):
    assert normalize(given) == expected


def test_south_dialect_option():
    steps = pipeline(SpeechOptions(dialect="nam"))
    assert normalize("năm 2024", steps) == "Năm hai ngàn không trăm hai mươi bốn"


def test_drop_labels_option():
    steps = pipeline(SpeechOptions(drop_labels=True))
    assert normalize("II. Giải pháp thực hiện", steps) == "Giải pháp thực hiện"
    assert normalize("3. Khắc phục triệt để", steps) == "Khắc phục triệt để"
    assert normalize("a) Mục đích", steps) == "Mục đích"
    assert normalize("2024 là năm", steps) == "Hai nghìn không trăm hai mươi tư là năm"


def test_bad_dialect_is_a_user_error():
    from broadcast.errors import BroadcastError

    with pytest.raises(BroadcastError, match="bac, nam"):
        SpeechOptions(dialect="trung")


def test_mung_option():
    steps = pipeline(SpeechOptions(mung=True))
    assert normalize("ngày 05/4/2025", steps).startswith("Ngày mùng năm tháng tư")


def test_extra_abbreviations_extend_the_lexicon():
    steps = pipeline(SpeechOptions(extra_abbreviations={"HTXNN": "hợp tác xã nông nghiệp"}))
    assert normalize("HTXNN Phúc Lộc", steps) == "Hợp tác xã nông nghiệp Phúc Lộc"


def test_lexicon_data_file_is_large_and_well_formed():
    lexicon = default_lexicon()
    assert len(lexicon.entries) >= 150
    for key in ("UBND", "HĐND", "CCHC", "TTHC", "CBCC", "VC", "NLĐ", "MTTQVN", "BCĐ", "QLCL",
                "VBQPPL", "CNTT", "KT-XH", "TN&TKQ", "THCS", "BHYT", "PCCC", "ATGT"):
        assert key in lexicon


def test_lexicon_rejects_malformed_lines():
    from broadcast.errors import BroadcastError

    with pytest.raises(BroadcastError, match="Dòng 2"):
        parse_table("UBND\tỦy ban nhân dân\nHĐND không có tab\n", "x.tsv")


@pytest.mark.parametrize(("given", "expected"), [
    ("Thực hiện CT 05 của tỉnh", "Thực hiện Chỉ thị năm của tỉnh"),
    ("CT UBND xã chủ trì", "Chủ tịch Ủy ban nhân dân xã chủ trì"),
    ("Theo TT 01/2024/TT-BNV", "Theo Thông tư một năm hai nghìn không trăm hai mươi tư"),
    ("TT Văn hóa huyện", "Trung tâm Văn hóa huyện"),
    ("các xã, TT trên địa bàn", "Các xã, thị trấn trên địa bàn"),
    ("chế độ TB, LS", "Chế độ thương binh, liệt sĩ"),
    ("ban hành TB số 3", "Ban hành Thông báo số ba"),
    ("Nghị định của CP", "Nghị định của Chính phủ"),
    ("công ty CP Bình Minh", "Công ty cổ phần Bình Minh"),
    ("An toàn TP trong dịp Tết", "An toàn thực phẩm trong dịp Tết"),
    ("về TP Hồ Chí Minh", "Về thành phố Hồ Chí Minh"),
])
def test_abbreviations_with_two_meanings_follow_context(given, expected):
    assert normalize(given) == expected


def test_lexicon_context_column_is_validated():
    from broadcast.errors import BroadcastError

    with pytest.raises(BroadcastError, match="ngữ cảnh"):
        parse_table("TT\tThông tư\t▮(\n", "x.tsv")


def test_lexicon_longest_entry_wins():
    lexicon = Lexicon({"HĐND": "A", "HĐND&UBND": "B"})
    assert lexicon.expand("HĐND&UBND và HĐND") == "B và A"
