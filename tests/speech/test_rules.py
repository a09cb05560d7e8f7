"""One table per rule, phrases taken from real notices, plans and letters."""

import pytest

from broadcast.speech import SpeechOptions, codes, normalize, pipeline, rules
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
         "gửi về u bê en dê a còng phucloc chấm gờ o vê chấm vê en."),
        ("xem home.vn", "xem hát o em e chấm vê en"),
        ("tại https://dichvucong.gov.vn",
         "tại dichvucong chấm gờ o vê chấm vê en"),
        ("trang www.krongno.daknong.gov.vn/tin-tuc",
         "trang vê kép vê kép vê kép chấm krongno chấm daknong chấm gờ o vê chấm vê en"),
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
        ("X. Sơn Tây, H. Hương Sơn", "X. Sơn Tây, H. Hương Sơn"),  # the commune, not part ten
        ("X. Đắk Pxi", "X. Đắk Pxi"),
        ("X. Hòa, huyện Đức Thọ", "X. Hòa, huyện Đức Thọ"),
        ("X. Tổ chức thực hiện", "Phần thứ mười. Tổ chức thực hiện"),
        ("X. Kiến nghị", "Phần thứ mười. Kiến nghị"),
        ("X. Ban Chỉ đạo", "Phần thứ mười. Ban Chỉ đạo"),
        ("X. Sơn Tây tổ chức", "Phần thứ mười. Sơn Tây tổ chức"),
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
        ("Nghị định 30/2020/NĐ-CP", "Nghị định ba mươi năm hai nghìn không trăm hai mươi "
         "của Chính phủ"),
        ("Nghị định 30/2020/NĐ-CP của Chính phủ", "Nghị định ba mươi năm hai nghìn không trăm hai "
         "mươi của Chính phủ"),
        ("Luật số 55/2014/QH13", "Luật số năm mươi lăm năm hai nghìn không trăm mười bốn của Quốc "
         "hội khóa mười ba"),
        ("Quyết định 28/2018/QĐ-TTg", "Quyết định hai mươi tám năm hai nghìn không trăm mười tám "
         "của Thủ tướng Chính phủ"),
        ("Nghị quyết 1211/2016/UBTVQH13", "Nghị quyết một nghìn hai trăm mười một năm hai nghìn "
         "không trăm mười sáu của Ủy ban Thường vụ Quốc hội khóa mười ba"),
        ("Quyết định số 1218/QĐ-BCĐ", "Quyết định số một nghìn hai trăm mười tám"),
        ("đạt 14/14 điểm", "đạt 14/14 điểm"),
    ],
    rules.expand_abbreviations: [
        ("UBND huyện", "Ủy ban nhân dân huyện"),
        ("Văn phòng HĐND&UBND huyện", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện"),
        ("của CBCC, VC, NLĐ", "của cán bộ, công chức, viên chức, người lao động"),
        ("với UBMTTQVN huyện", "với Ủy ban Mặt trận Tổ quốc Việt Nam huyện"),
        ("Hệ thống QLCL theo", "Hệ thống quản lý chất lượng theo"),
        ("phát triển KT-XH", "phát triển kinh tế xã hội"),
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
        ("Quốc khánh 2/9", "Quốc khánh ngày hai tháng chín"),
        ("Sáng 10/8, đoàn", "Sáng ngày mười tháng tám, đoàn"),
        ("30/4 và 1/5", "ngày ba mươi tháng tư và ngày một tháng năm"),
        ("Hạn chót 5/11", "Hạn chót ngày năm tháng mười một"), ("trực 24/7", "trực 24/7"),
        ("1/3 số hộ", "1/3 số hộ"), ("xếp thứ 1/8", "xếp thứ 1/8"), ("lớp 10/2", "lớp 10/2"),
        ("ngày 8-3", "ngày tám tháng ba"), ("thiếu nhi 1-6", "thiếu nhi ngày một tháng sáu"),
        ("từ 5-7 ngày", "từ 5-7 ngày"), ("ngày 10 đến 15/8", "ngày mười đến ngày mười lăm "
                                         "tháng tám"),
        ("từ 01/7 đến 15/7", "từ ngày một tháng bảy đến ngày mười lăm tháng bảy"),
        ("đạt 9/10 tiêu chí", "đạt 9/10 tiêu chí"),
        ("1/5 số hộ", "1/5 số hộ"),
        ("đường 3/2", "đường ba tháng hai"),
        ("từ 15-22/5", "từ ngày mười lăm đến hai mươi hai tháng năm"),
        ("ngày 15-22/5", "ngày mười lăm đến hai mươi hai tháng năm"),
        ("từ 25-22/5", "từ 25-22/5"),
        ("ngày 5-7-2024", "ngày năm tháng bảy năm hai nghìn không trăm hai mươi tư"),
        ("sinh 17-11-2008", "sinh ngày mười bảy tháng mười một năm hai nghìn không trăm linh tám"),
        ("15.01.2025", "ngày mười lăm tháng một năm hai nghìn không trăm hai mươi lăm"),
        ("2025-05-15 09:16", "ngày mười lăm tháng năm năm hai nghìn không trăm hai mươi lăm 09:16"),
        ("2025-02-30", "2025-02-30"),
        ("5-7/2024", "5-7/2024"),
        ("(19/5/1890 - 19/5/2024)", "(ngày mười chín tháng năm năm một nghìn tám trăm chín mươi "
         "đến ngày mười chín tháng năm năm hai nghìn không trăm hai mươi tư)"),
        ("quý II/2024", "quý hai năm hai nghìn không trăm hai mươi tư"),
        ("Quý 3/2024", "Quý ba năm hai nghìn không trăm hai mươi tư"),
    ],
    rules.read_times: [
        ("lúc 7h30", "lúc bảy giờ ba mươi phút"),
        ("từ 11h00 đến 15h00", "từ mười một giờ đến mười lăm giờ"),
        ("lúc 14:30", "lúc mười bốn giờ ba mươi phút"),
        ("lúc 7h", "lúc bảy giờ"),
        ("từ 7h00-11h00", "từ bảy giờ đến mười một giờ"),
        ("lúc 7g30", "lúc bảy giờ ba mươi phút"), ("10g muối", "10g muối"),
        ("23:23:18", "hai mươi ba giờ hai mươi ba phút mười tám giây"),
        ("11:20:00 SA", "mười một giờ hai mươi phút sáng"),
        ("2:05 PM", "hai giờ năm phút chiều"), ("25:10", "25:10"), ("7h75", "7h75"),
        ("lúc 7 giờ 30 ngày", "lúc 7 giờ 30 phút ngày"), ("lúc 10 giờ 00", "lúc 10 giờ"),
        ("15 giờ 30 - 15 giờ 40", "15 giờ 30 phút đến 15 giờ 40 phút"), ("7 giờ 75", "7 giờ 75"),
        ("09:16:00.0", "chín giờ mười sáu phút"),
    ],
    rules.read_ranges: [
        ("giai đoạn 2021-2030", "giai đoạn 2021 đến 2030"),
        ("giai đoạn 2022-2025, định hướng", "giai đoạn 2022 đến 2025, định hướng"),
        ("từ 7 - 10 ngày", "từ 7 đến 10 ngày"),
        ("số 0912-345-678", "số 0912-345-678"),
        ("cao 2-3m", "cao 2 đến 3m"), ("lượng mưa 100-150 mm", "lượng mưa 100 đến 150 mm"),
        ("nhiệt độ 38-39°C", "nhiệt độ 38 đến 39°C"), ("từ 1,5-2 tấn", "từ 1,5 đến 2 tấn"),
        ("năm 2025-2024", "năm 2025-2024"), ("giai đoạn 20112020", "giai đoạn 2011 đến 2020"),
        ("mã 20112090", "mã 20112090"), ("Điều 5-7 của", "Điều 5 đến 7 của"),
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
        ("hơn 1/3 số hộ", "hơn một phần ba số hộ"), ("2/3 diện tích", "hai phần ba diện tích"),
        ("3/4", "ba phần tư"), ("1/4 dân số", "một phần tư dân số"),
        ("1/2 ngày", "một phần hai ngày"),
        ("11/3 số hộ", "11 trên 3 số hộ"), ("1/23", "1 trên 23"), ("21/30 quận", "21 trên 30 quận"),
        ("1/3/2024", "1 trên 3 trên 2024"), ("1/3,5", "1 trên 3,5"),
    ],
    rules.read_ordinals: [
        ("thứ 4", "thứ tư"), ("lần thứ 1", "lần thứ nhất"), ("Thứ 2", "Thứ hai"),
        ("Thứ 2, 4, 6", "Thứ hai, tư, sáu"), ("T2-T6", "thứ hai đến thứ sáu"),
        ("T7, CN", "thứ bảy, Chủ nhật"), ("vào T7", "vào thứ bảy"), ("Ngã 4", "Ngã tư"),
        ("cả T7, Chủ nhật", "cả thứ bảy, Chủ nhật"),
        ("mẫu T2", "mẫu T2"),
    ],
    rules.read_roman_numerals: [
        ("đợt I năm 2023", "đợt một năm 2023"), ("quý II", "quý hai"),
        ("khóa XV", "khóa mười lăm"), ("cấp IV trở lên", "cấp bốn trở lên"),
        ("Đội I", "Đội I"), ("khóa vi tính", "khóa vi tính"), ("mục vi phạm", "mục vi phạm"),
        ("Mục XL", "Mục bốn mươi"), ("lần thứ XIII", "lần thứ mười ba"), ("quý IIII", "quý IIII"),
    ],
    rules.read_units: [
        ("thiệt hại 4,5 ha rừng", "thiệt hại 4,5 héc ta rừng"),
        ("dài 12 km", "dài 12 ki lô mét"), ("500.000đ", "500.000 đồng"),
        ("nhiệt độ 38°C", "nhiệt độ 38 độ xê"), ("60 km/h", "60 ki lô mét mỗi giờ"),
        ("120 m2", "120 mét vuông"),
    ],
    codes.read_phone_numbers: [
        ("gọi ngay 114", "gọi ngay một một bốn"),
        ("báo cháy 114.", "báo cháy một một bốn."),
        ("có 113 hộ", "có 113 hộ"),
        ("Cảnh sát 113 khi", "Cảnh sát một một ba khi"),
        ("Tổng đài 1022", "Tổng đài một không hai hai"),
        ("đường dây nóng 1900 9095", "đường dây nóng một chín không không, chín không chín năm"),
        ("ĐT: 0239.3855.567", "ĐT: không hai ba chín, ba tám năm năm, năm sáu bảy"),
        ("số 0912 345 678 hoặc", "số không chín một hai, ba bốn năm, sáu bảy tám hoặc"),
        ("+84 912 345 678", "không chín một hai, ba bốn năm, sáu bảy tám"),
        ("gọi 2 lần", "gọi 2 lần"), ("liên hệ 1.500.000 đồng", "liên hệ 1.500.000 đồng"),
        ("ngày 01.02.2024", "ngày 01.02.2024"), ("có 1900 hộ", "có 1900 hộ"),
        ("hotline 19001234", "hotline một chín không không một hai ba bốn"),
    ],
    codes.read_identifiers: [
        ("mã số thuế 3000123456", "mã số thuế ba không không không một hai ba bốn năm sáu"),
        ("số tài khoản: 1234 5678 90", "số tài khoản: một hai ba bốn, năm sáu bảy tám, chín "
         "không"),
        ("mã số 12", "mã số 12"),
    ],
    codes.read_roads: [
        ("QL14 và QL1A", "quốc lộ mười bốn và quốc lộ một a"),
        ("tuyến ĐT 741", "tuyến đường tỉnh bảy trăm bốn mươi mốt"),
        ("ĐT.741", "đường tỉnh bảy trăm bốn mươi mốt"), ("ĐH 12B", "đường huyện mười hai bê"),
        ("ĐT 0912345678", "ĐT 0912345678"), ("QL14/2024", "QL14/2024"),
        ("giống lúa ĐT100", "giống lúa ĐT100"), ("TL8", "tỉnh lộ tám"),
        ("Km 12+500", "ki lô mét mười hai cộng năm trăm"), ("cầu Km5", "cầu ki lô mét năm"),
        ("800 người/km2", "800 người/km2"),
    ],
    codes.read_unit_rates: [
        ("1.500.000 đồng/hộ", "1.500.000 đồng mỗi hộ"),
        ("65 triệu đồng/người/năm", "65 triệu đồng mỗi người mỗi năm"),
        ("62,5 tạ/ha", "62,5 tạ mỗi héc ta"), ("2.500 m3/s", "2.500 m3 mỗi giây"),
        ("15 kg gạo/người/tháng", "15 kg gạo mỗi người mỗi tháng"),
        ("3 buổi/tuần", "3 buổi mỗi tuần"), ("lượt/người", "lượt mỗi người"),
        ("xã/phường", "xã/phường"), ("ngày/tháng/năm sinh", "ngày/tháng/năm sinh"),
        ("200.000 đồng/hộ gia đình", "200.000 đồng mỗi hộ gia đình"),
    ],
    codes.read_plates: [
        ("biển số 66A - 071.76", "biển số sáu mươi sáu a, không bảy một chấm bảy sáu"),
        ("BKS: 29C1-12345", "BKS: hai mươi chín xê một, một hai ba bốn năm"),
        ("biển số nhà 12", "biển số nhà 12"),
    ],
    codes.read_mixed_codes: [
        ("cúm A/H5N1", "cúm a hát năm en một"), ("virus H5N1", "virus hát năm en một"),
        ("ca F0", "ca ép không"), ("mạng 5G", "mạng năm gờ"),
        ("tại mục II.3 của", "tại mục hai chấm ba của"), ("II.3.1", "hai chấm ba chấm một"),
        ("mục 2.3 của", "mục hai chấm ba của"), ("theo 1.2.1", "theo một chấm hai chấm một"),
        ("Mẫu CT01", "Mẫu xê tê không một"), ("giá 2.5", "giá 2.5"),
        ("Điều 9a", "Điều chín a"), ("số 12b", "số mười hai bê"), ("10g muối", "10g muối"),
        ("năm 2024", "năm 2024"), ("UBND", "UBND"),
    ],
    codes.read_clause_letters: [
        ("điểm b khoản 2", "điểm bê khoản 2"),
        ("tại điểm a, b và c khoản 1", "tại điểm a, bê và xê khoản 1"),
        ("Phụ lục B kèm theo", "Phụ lục bê kèm theo"), ("mục đích", "mục đích"),
        ("điểm d.", "điểm dê."),
    ],
    rules.spell_unknown_acronyms: [
        ("đơn vị XYZ", "đơn vị ích i dét"), ("LƯU Ý", "LƯU Ý"),
        ("mã CSSKNX", "mã xê ét ét ca en ích"), ("bão NARI", "bão Na ri"),
        ("siêu bão MANGKHUT", "siêu bão Mang khut"), ("báo động III", "báo động ba"),
        ("vềQXKT", "về quy ích ca tê"), ("TRƯỜNG", "TRƯỜNG"),
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
        ("còn thấp , ; triển khai", "còn thấp; triển khai"),
        ("hiệu quả , : gồm", "hiệu quả: gồm"),
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
     "Quyết định số một trăm năm mươi mốt ngày mùng sáu tháng hai năm hai nghìn không trăm hai "
     "mươi tư của Ủy ban nhân dân tỉnh Đắk Nông"),
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
    assert normalize("ngày 05/4/2025").startswith("Ngày mùng năm tháng tư")
    steps = pipeline(SpeechOptions(mung=False))
    assert normalize("ngày 05/4/2025", steps).startswith("Ngày năm tháng tư")
    assert normalize("ngày 11/4/2025").startswith("Ngày mười một tháng tư")


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
    ("công chức Văn phòng – TK", "Công chức Văn phòng, Thống kê"),
    ("dịch bệnh MERS-CoV", "Dịch bệnh Mẹc cô vi"),
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


def test_explain_names_each_rule_and_every_spelled_token():
    from broadcast.speech import explain, spoken_segments, unknown_acronyms

    class Section:
        kind = "paragraph"

        def __init__(self, text):
            self.text = text

    result = explain("UBND xã nhận CSKH và XYZ ngày 5/6/2024, bão NARI")
    assert result.spoken == normalize("UBND xã nhận CSKH và XYZ ngày 5/6/2024, bão NARI")
    assert result.spelled == ("CSKH", "XYZ")
    names = [step.rule for step in result.steps]
    assert names.index("expand_abbreviations") < names.index("read_dates")
    assert "spell_unknown_acronyms" in names
    assert all(step.before != step.after for step in result.steps)
    segments = spoken_segments([Section("XYZ và ABQ"), Section("ABQ, UBND, III")])
    assert unknown_acronyms(segments) == ["XYZ", "ABQ"]
