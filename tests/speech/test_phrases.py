"""Whole-pipeline readings of phrases of the kinds found in notices, plans and letters.

Expected readings are written by hand, as an announcer would say them."""

import pytest

from broadcast.speech import normalize

PHRASES = [
    # dates and times
    ("Sáng ngày 02/4/2025, UBND huyện tổ chức họp.",
     "Sáng ngày mùng hai tháng tư năm hai nghìn không trăm hai mươi lăm, Ủy ban nhân dân huyện tổ "
     "chức họp."),
    ("Thời gian: từ 7h30 ngày 15/01/2025.",
     "Thời gian: từ bảy giờ ba mươi phút ngày mười lăm tháng một năm hai nghìn không trăm hai "
     "mươi lăm."),
    ("hoàn thành trước ngày 31/12/2024",
     "Hoàn thành trước ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi tư"),
    ("Hà Nội, ngày 28 tháng 5 năm 2018",
     "Hà Nội, ngày hai mươi tám tháng năm năm hai nghìn không trăm mười tám"),
    ("trong tháng 11/2024", "Trong tháng mười một năm hai nghìn không trăm hai mươi tư"),
    ("từ 14:00 đến 16:30", "Từ mười bốn giờ đến mười sáu giờ ba mươi phút"),
    ("ngày 29/02/2023", "Ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi ba"),
    ("ngày 32/13/2023", "Ngày ba mươi hai trên mười ba trên hai nghìn không trăm hai mươi ba"),
    ("Quý I năm 2025", "Quý một năm hai nghìn không trăm hai mươi lăm"),
    # numbers, money, units
    ("hỗ trợ 1.500.000 đồng/hộ", "Hỗ trợ một triệu năm trăm nghìn đồng mỗi hộ"),
    ("tổng kinh phí 2.350.000.000 đồng",
     "Tổng kinh phí hai tỷ ba trăm năm mươi triệu đồng"),
    ("mức phạt 500.000đ", "Mức phạt năm trăm nghìn đồng"),
    ("diện tích 125,5 ha", "Diện tích một trăm hai mươi lăm phẩy năm héc ta"),
    ("quãng đường 3,2 km", "Quãng đường ba phẩy hai ki lô mét"),
    ("nhiệt độ có nơi trên 39°C", "Nhiệt độ có nơi trên ba mươi chín độ xê"),
    ("có 1.205 hộ, 4.811 nhân khẩu", "Có một nghìn hai trăm linh năm hộ, bốn nghìn tám trăm "
     "mười một nhân khẩu"),
    ("thu gom 15 tấn rác", "Thu gom mười lăm tấn rác"),
    ("gọi đường dây nóng 0912345678",
     "Gọi đường dây nóng không chín một hai ba bốn năm sáu bảy tám"),
    ("báo cháy gọi 114", "Báo cháy gọi một một bốn"),
    # scores, percents, ranks, ranges
    ("đạt 92,15/100 điểm, xếp thứ 3/15",
     "Đạt chín mươi hai phẩy mười lăm trên một trăm điểm, xếp thứ ba trên mười lăm"),
    ("tỷ lệ tham gia BHYT đạt 95,5%",
     "Tỷ lệ tham gia bảo hiểm y tế đạt chín mươi lăm phẩy năm phần trăm"),
    ("giảm 2,3 % so với cùng kỳ", "Giảm hai phẩy ba phần trăm so với cùng kỳ"),
    ("Lĩnh vực 5: đạt 7,787/11 điểm",
     "Lĩnh vực năm: đạt bảy phẩy bảy trăm tám mươi bảy trên mười một điểm"),
    ("nhiệm kỳ 2021-2026", "Nhiệm kỳ hai nghìn không trăm hai mươi mốt đến hai nghìn không "
     "trăm hai mươi sáu"),
    ("trẻ em từ 6 - 14 tuổi", "Trẻ em từ sáu đến mười bốn tuổi"),
    ("lần thứ 2", "Lần thứ hai"),
    ("xếp hạng thứ 21 toàn tỉnh", "Xếp hạng thứ hai mươi mốt toàn tỉnh"),
    # legal documents
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày mười chín tháng sáu năm hai nghìn không "
     "trăm mười lăm;"),
    ("Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ",
     "Nghị định số ba mươi năm hai nghìn không trăm hai mươi ngày mùng năm tháng ba năm hai nghìn "
     "không trăm hai mươi của Chính phủ"),
    ("Quyết định số 1218/QĐ-BCĐ ngày 13/5/2024",
     "Quyết định số một nghìn hai trăm mười tám ngày mười ba tháng năm năm hai nghìn không "
     "trăm hai mươi tư"),
    ("Kế hoạch số 179/KH-UBND ngày 29/12/2023",
     "Kế hoạch số một trăm bảy mươi chín ngày hai mươi chín tháng mười hai năm hai nghìn không "
     "trăm hai mươi ba"),
    ("Chỉ thị số 20-CT/TW của Bộ Chính trị",
     "Chỉ thị số hai mươi của Bộ Chính trị"),
    ("Thông báo số 45/TB-UBND", "Thông báo số bốn mươi lăm"),
    # abbreviations and acronyms
    ("Ban Chỉ đạo CCHC huyện", "Ban Chỉ đạo cải cách hành chính huyện"),
    ("Bộ phận TN&TKQ cấp xã", "Bộ phận tiếp nhận và trả kết quả cấp xã"),
    ("giải quyết TTHC cho người dân", "Giải quyết thủ tục hành chính cho người dân"),
    ("các trường THCS, THPT", "Các trường trung học cơ sở, trung học phổ thông"),
    ("công tác PCCC và CNCH", "Công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ"),
    ("đảm bảo ATGT, ANTT", "Đảm bảo an toàn giao thông, an ninh trật tự"),
    ("xây dựng NTM nâng cao", "Xây dựng nông thôn mới nâng cao"),
    ("ứng dụng CNTT, CĐS", "Ứng dụng công nghệ thông tin, chuyển đổi số"),
    ("UBMTTQVN xã và các đoàn thể", "Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể"),
    ("kê khai BHXH, BHYT", "Kê khai bảo hiểm xã hội, bảo hiểm y tế"),
    ("thực hiện VBQPPL", "Thực hiện văn bản quy phạm pháp luật"),
    ("V/v triển khai tiêm chủng", "Về việc triển khai tiêm chủng"),
    ("sản phẩm OCOP 3 sao", "Sản phẩm Ô cốp ba sao"),
    ("phòng chống dịch COVID-19", "Phòng chống dịch cô vít mười chín"),
    ("Chỉ số Hiệu quả quản trị và hành chính công (PAPI)",
     "Chỉ số Hiệu quả quản trị và hành chính công"),
    ("mã số ABX", "Mã số a bê ích"),
    # symbols, structure
    ("Ngày hội “Toàn dân đoàn kết”", "Ngày hội Toàn dân đoàn kết"),
    ("nam & nữ", "Nam và nữ"),
    ("2 + 3 hộ", "Hai cộng ba hộ"),
    ("I. MỤC ĐÍCH, YÊU CẦU", "Phần thứ nhất. Mục đích, yêu cầu"),
    ("- Đảm bảo an toàn tuyệt đối;", "Đảm bảo an toàn tuyệt đối;"),
    ("b) Thời gian thực hiện", "Thời gian thực hiện"),
    ("triển khai thực hiện./.", "Triển khai thực hiện."),
]


@pytest.mark.parametrize(("given", "expected"), PHRASES, ids=[p[0][:30] for p in PHRASES])
def test_phrase_reads_as_an_announcer_would(given, expected):
    assert normalize(given) == expected
