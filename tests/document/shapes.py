"""Small documents of our own, one for each shape real page copies come in (menus before the
header, flattened two-column headers, one table cell a line, glued words, a document on one
line, reposts…), with the fields a careful reader finds in them."""

from __future__ import annotations

HEADER = """ỦY BAN NHÂN DÂN
XÃ TÂN LẬP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 21/TB-UBND
Tân Lập, ngày 8 tháng 5 năm 2025
THÔNG BÁO
Về việc tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025
"""
BODY = """Thực hiện Kế hoạch số 45/KH-UBND ngày 2/4/2025 của UBND huyện về phòng, chống bệnh \
dại, UBND xã thông báo như sau:
1. Thời gian tiêm: từ ngày 15/5/2025 đến ngày 20/5/2025, buổi sáng từ 7 giờ đến 10 giờ.
2. Địa điểm: nhà văn hóa các thôn; mỗi liều vắc xin 15.000 đồng.
UBND xã thông báo để nhân dân biết, thực hiện./.
"""
FOOTER = """Nơi nhận:
- Các thôn;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Hải
"""
CLEAN = {"kind": "thong_bao", "number": "21", "symbol": "TB-UBND",
         "issuer": "ỦY BAN NHÂN DÂN XÃ TÂN LẬP", "place": "Tân Lập", "date": "2025-05-08",
         "subject_has": "tiêm phòng dại cho chó, mèo", "items": ["1", "2"],
         "signer": ("KT.", "PHÓ CHỦ TỊCH", "Lê Văn Hải")}
HEAD = {k: CLEAN[k] for k in ("kind", "number", "symbol", "issuer", "place", "date",
                              "subject_has")}

SHAPES: dict[str, tuple[str, dict]] = {
    "clean, a part a line": (HEADER + BODY + FOOTER, CLEAN),
    "menu, breadcrumb, page title and posting time before the header": (
        "Trang chủ\nGiới thiệu\nTin tức - Sự kiện › Văn bản chỉ đạo\n"
        "Thông báo tổ chức tiêm phòng dại đợt 1 năm 2025\n16/05/2025 - 08:21\n"
        "Lượt xem: 245\n\n" + HEADER + BODY + FOOTER + "\nChia sẻ\nIn trang\nTin liên quan\n"
        "Hôm nay: 65\nTổng truy cập: 120.345\n", CLEAN),
    "Word's '</xml' and a flattened table's pipes and rules before the header": (
        "</xml\n| |\n-------\n" + HEADER + BODY + FOOTER, CLEAN),
    "two-column header flattened into lines": (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "XÃ TÂN LẬP Độc lập - Tự do - Hạnh phúc\n"
        "Số: 21/TB-UBND Tân Lập, ngày 8 tháng 5 năm 2025\n"
        "THÔNG BÁO\nVề việc tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025\n"
        + BODY + FOOTER, CLEAN),
    "one table cell a line, words split over lines": (
        "ỦY\nBAN NHÂN DÂN\nXÃ TÂN LẬP\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố:\n21/TB-UBND\n|\nTân\n"
        "Lập, ngày 8 tháng 5\nnăm 2025\n|\nTHÔNG BÁO\nVề việc tổ chức tiêm phòng dại cho chó,\n"
        "mèo đợt 1 năm 2025\n" + BODY + FOOTER, CLEAN),
    "table rows with pipes": (
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
        "Hạnh phúc |\nSố: 21/TB-UBND | Tân Lập, ngày 8 tháng 5 năm 2025 |\n"
        "THÔNG BÁO\nVề việc tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm 2025\n"
        + BODY + FOOTER, CLEAN),
    "glued words and the old spelling": (
        HEADER.replace("CỘNG HÒA", "CỘNG HOÀ").replace("ngày 8 tháng 5", "ngày 8tháng5")
        + BODY + FOOTER.replace("PHÓ CHỦ TỊCH\nLê Văn Hải", "PHÓ CHỦ TỊCHLê Văn Hải"), CLEAN),
    "look-alike Ð and a lost first letter": (
        HEADER.replace("ỦY BAN NHÂN DÂN\n", "Y BAN NHÂN DÂN\n").replace("THÔNG BÁO", "QUYẾT "
        "ĐỊNH").replace("21/TB-UBND", "21/QÐ-UBND").replace("Về việc tổ chức", "Về việc giao tổ "
        "chức") + BODY + FOOTER,
        {**HEAD, "kind": "quyet_dinh", "symbol": "QĐ-UBND"}),
    "literal \\r\\n from an export": (
        "\\r\\n ỦY BAN NHÂN DÂN | \\r\\n CỘNG\\r\\n HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\\r\\n\n"
        "\\r\\n XÃ TÂN LẬP | Độc lập - Tự do - Hạnh phúc |\n"
        "\\r\\n Số: 21/TB-UBND | Tân Lập, ngày 8 tháng 5 năm 2025 |\n"
        "\\r\\nTHÔNG BÁO\\r\\nVề việc tổ chức tiêm phòng dại cho chó,\\r\\nmèo đợt 1 năm 2025\n"
        + BODY.replace("huyện về", "huyện\\r\\nvề") + FOOTER, CLEAN),
    "tone marks a PDF set apart": (
        HEADER + BODY.replace("Thời gian tiêm", "Thơ ̀i gian tiêm") + FOOTER, CLEAN),
    "the whole document on one line": (
        " ".join((HEADER + BODY).split("\n")) + "\n" + FOOTER, HEAD),
    "no blank lines, items numbered 1-": (
        HEADER + BODY.replace("1. ", "1- ").replace("2. ", "2- ") + FOOTER,
        {**CLEAN, "items": ["1", "2"]}),
    "blank lines between every line": (
        "\n\n".join((HEADER + BODY + FOOTER).split("\n")), CLEAN),
    "issuer on two lines: an office under its parent": (
        "UBND HUYỆN HÒN ĐẤT\nVĂN PHÒNG HĐND VÀ UBND\n"
        + HEADER.split("\n", 2)[2].replace("TB-UBND", "TB-VP").replace("Tân Lập,", "Hòn Đất,")
        + BODY + "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nTrần Thị Mai\n",
        {**HEAD, "symbol": "TB-VP", "issuer": "VĂN PHÒNG HĐND VÀ UBND", "place": "Hòn Đất",
         "issuer_parent": "UBND HUYỆN HÒN ĐẤT",
         "signer": ("TL.", "CHÁNH VĂN PHÒNG", "Trần Thị Mai")}),
    "a công văn: V/v and Kính gửi, no kind word": (
        "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 476/UBND-VP\nV/v tăng cường phòng, chống "
        "sốt xuất huyết\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Châu Thành, ngày 14 tháng 6 năm 2017\nKính gửi:\n- Trạm Y tế các xã;\n"
        "- Ủy ban nhân dân các xã, thị trấn.\n"
        "Trước tình hình sốt xuất huyết tăng cao, Chủ tịch UBND huyện yêu cầu các đơn vị diệt "
        "lăng quăng, phát quang bụi rậm mỗi tuần một lần./.\n" + FOOTER,
        {"kind": "cong_van", "number": "476", "symbol": "UBND-VP",
         "issuer": "ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", "place": "Châu Thành",
         "date": "2017-06-14", "subject_has": "phòng, chống sốt xuất huyết",
         "addressees": 2}),
    "a công điện": (
        "ỦY BAN NHÂN DÂN\nHUYỆN KỲ ANH\nSố: 13/CĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nKỳ Anh, ngày 13tháng 9 năm 2018\nCÔNG ĐIỆN\n"
        "Về việc chủ động ứng phó với bão số 5\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN, điện:\n"
        "- Chủ tịch Ủy ban nhân dân các xã;\n- Trưởng các phòng, ban huyện.\n"
        "Theo dự báo, bão số 5 sẽ đổ bộ vào đất liền đêm nay, các xã khẩn trương kêu gọi tàu "
        "thuyền vào nơi tránh trú an toàn./.\n",
        {"kind": "other", "number": "13", "symbol": "CĐ-UBND", "date": "2018-09-13",
         "issuer": "ỦY BAN NHÂN DÂN HUYỆN KỲ ANH", "subject_has": "ứng phó với bão số 5",
         "kind_name": "Công điện", "addressees": 2}),
    "a thư ngỏ whose signer has no TM., KT.": (
        "UỶ BAN NHÂN DÂN HUYỆN MAI CHÂU\nMai Châu, ngày 19 tháng 12 năm 2019\nTHƯ NGỎ\n"
        "Vận động hỗ trợ kinh phí tổ chức Tết cho hộ nghèo\n"
        "Trong những năm qua, việc chăm lo Tết cho hộ nghèo đã được nhân dân đồng tình ủng hộ.\n"
        "Xin trân trọng cảm ơn!\nKÍNH THƯ\nPHÓ CHỦ TỊCH UBND HUYỆN\nPhạm Văn Hoàn\n",
        {"kind": "other", "issuer": "ỦY BAN NHÂN DÂN HUYỆN MAI CHÂU", "place": "Mai Châu",
         "date": "2019-12-19", "subject_has": "kinh phí tổ chức Tết",
         "signer": ("", "PHÓ CHỦ TỊCH UBND HUYỆN", "Phạm Văn Hoàn")}),
    "a decision: who decides, Căn cứ, Điều": (
        "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nSố: 2862/QĐ-UBND\nSơn La, ngày 16 tháng 11 năm 2018\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH QUY CHẾ TIẾP NHẬN PHẢN ÁNH, KIẾN NGHỊ\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa\n"
        "phương năm 2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế tiếp "
        "nhận phản ánh, kiến nghị.\nĐiều 2.\nQuyết định này có hiệu lực từ ngày ký./.\n",
        {"kind": "quyet_dinh", "number": "2862", "symbol": "QĐ-UBND",
         "issuer": "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "place": "Sơn La", "date": "2018-11-16",
         "subject_has": "quy chế tiếp nhận phản ánh",
         "items": ["Điều 1", "Điều 2"]}),
    "a metadata table of a legal site before the document": (
        "Kế hoạch 155/KH-UBND năm 2025 tổ chức tiêm phòng\n"
        "Số hiệu: 999/KH-UBND Loại văn bản: Văn bản khác\nNơi ban hành: Tỉnh Khác "
        "Người ký: Ai Đó\nNgày ban hành: 01/01/2020 Ngày hiệu lực: Đang cập nhật\n"
        "| Cơ quan ban hành | Tỉnh Khác |\n\n" + HEADER + BODY + FOOTER, CLEAN),
    "a repost identified by its lead": (
        "Trang chủ\nTin tức\nTân Lập tổ chức tiêm phòng dại cho chó, mèo\n08/05/2025 10:21\n"
        "Ngày 08/5/2025, UBND xã Tân Lập ban hành Thông báo số 21/TB-UBND về việc tổ chức tiêm "
        "phòng dại cho chó, mèo đợt 1 năm 2025.\n" + BODY.split("\n", 1)[1]
        + "Đánh giá\nTin tức liên quan\n",
        {"kind": "thong_bao", "number": "21", "symbol": "TB-UBND", "date": "2025-05-08",
         "issuer": "UBND xã Tân Lập", "subject_has": "tiêm phòng dại", "items": ["1", "2"]}),
    "a repost identified by its source line": (
        "Tin chỉ đạo điều hành\n22/04/2021\nTriển khai tuyên truyền kỷ niệm ngày thành lập "
        "tỉnh\nThực hiện Hướng dẫn số 06-HD/HU của Huyện ủy, Ủy ban nhân dân huyện Côn Đảo có ý "
        "kiến như sau:\n1. Phòng Văn hóa và Thông tin chủ trì tuyên truyền.\n"
        "2. Trung tâm Văn hóa tăng cường tin, bài trên sóng truyền thanh.\n"
        "(Nguồn: Từ Công văn số 1150/UBND-VP ngày 22/04/2021)\nĐánh giá\nTin tức liên quan\n",
        {"kind": "cong_van", "number": "1150", "symbol": "UBND-VP", "date": "2021-04-22",
         "issuer": "Ủy ban nhân dân huyện Côn Đảo", "subject_has": "kỷ niệm ngày thành lập",
         "items": ["1", "2"]}),
    "a conclusion told another way": (
        "THÔNG BÁO\nÝ kiến kết luận của Phó Chủ tịch UBND huyện Đỗ Văn Tân tại Hội nghị tổng kết "
        "công tác cải cách hành chính năm 2017\n"
        "Ngày 28 tháng 5 năm 2018, UBND huyện tổ chức Hội nghị tổng kết công tác cải cách hành "
        "chính. Sau khi nghe ý kiến các đại biểu, Phó Chủ tịch kết luận như sau:\n"
        "1. Các xã tiếp tục rà soát thủ tục hành chính.\n",
        {"kind": "thong_bao", "subject_has": "cải cách hành chính năm 2017",
         "meeting_date": "2018-05-28", "meeting_chair": "Phó Chủ tịch UBND huyện Đỗ Văn Tân"}),
    "a finished bài in mixed case": (
        "Bài tuyên truyền hưởng ứng Ngày Môi trường thế giới 5/6\n"
        "Kính thưa bà con và các bạn! Ngày 5 tháng 6 hằng năm là Ngày Môi trường thế giới.\n"
        "Mỗi người hãy cùng thu gom rác thải, trồng thêm cây xanh quanh nhà.\n",
        {"kind": "bai_tuyen_truyen", "subject_has": "Ngày Môi trường thế giới"}),
    "a bare number and ký hiệu above a reposted công văn": (
        "Tin văn bản\n315/UBND-VHTT\nCông văn V/v tổ chức tiêm phòng dại cho chó, mèo đợt 1\n"
        "Kính gửi: Trưởng các thôn\n" + BODY,
        {"kind": "cong_van", "number": "315", "symbol": "UBND-VHTT",
         "subject_has": "tiêm phòng dại", "addressees": 1, "items": ["1", "2"]}),
    "a lead in the paragraph after a clause ending with a comma, then the page's other news": (
        "Tìm kiếm\nĐôn đốc tiêm phòng dại cho chó, mèo\nNgày cập nhật 09/05/2025\n\n"
        "Để bảo đảm tiến độ theo Kế hoạch số 45/KH-UBND ngày 2/4/2025 của Ủy ban nhân dân "
        "huyện,\n\nPhòng Kinh tế huyện đã ban hành công văn về việc đôn đốc tiêm phòng dại cho "
        "chó, mèo.\n\nCác thôn lập danh sách hộ nuôi chó, mèo gửi về xã trước ngày 20/5/2025.\n"
        "\nTrần Văn Bình\nCác tin khác\nUBND xã ra quân làm sạch đường làng ngõ xóm dịp đầu "
        "năm\nXem tin theo ngày\nTruy cập tổng 5.005\nTruy cập hiện tại 28\n",
        {"kind": "cong_van", "issuer": "Phòng Kinh tế huyện",
         "subject_has": "đôn đốc tiêm phòng dại"}),
    "a trích yếu of two sentences right above Căn cứ": (
        HEADER.replace("THÔNG BÁO\nVề việc tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm "
                       "2025", "KẾ HOẠCH\n" + "Tổ chức tiêm phòng dại cho chó, mèo đợt 1 năm "
                       "2025 trên địa bàn các thôn Đông, Đoài, Nam, Bắc và khu dân cư mới. Chuẩn "
                       "bị vắc xin, nhân lực và kinh phí cho đợt 2 năm 2025 theo hướng dẫn của "
                       "ngành thú y huyện.")
        + "Căn cứ Kế hoạch số 45/KH-UBND ngày 2/4/2025 của UBND huyện;\n"
        + "Ủy ban nhân dân xã xây dựng kế hoạch như sau:\n" + BODY.split("\n", 1)[1],
        {"kind": "ke_hoach", "subject_has": "Chuẩn bị vắc xin, nhân lực"}),
    "a one-paragraph repost whose second sentence names it": (
        "Kế hoạch tiêm phòng dại cho chó, mèo năm 2025\n\n"
        "Căn cứ Kế hoạch số 45/KH-UBND ngày 2/4/2025 của UBND huyện; Công văn số 12/CV-TY "
        "ngày 5/4/2025 của Trạm Thú y. Ngày 08/5/2025, Sở Văn hóa, Thể thao và Du lịch đã ban "
        "hành Kế hoạch số 67/KH-SVHTTDL tổ chức tiêm phòng dại cho chó, mèo năm 2025./.\n",
        {"kind": "ke_hoach", "number": "67", "symbol": "KH-SVHTTDL", "date": "2025-05-08",
         "issuer": "Sở Văn hóa, Thể thao và Du lịch", "subject_has": "tiêm phòng dại"}),
    "a lead citing 'thông báo (số …)' under a posting time with commas": (
        "Điều chỉnh lịch tiêm phòng dại cho chó, mèo\nCập nhật, 05:22, Thứ Sáu, 09/05/2025 "
        "(GMT+7)\nTheo thông báo (số 34/TB-UBND ngày 8/5/2025), Chủ tịch UBND xã đã điều chỉnh "
        "lịch tiêm như sau: tiêm từ ngày 16/5/2025 đến hết ngày 21/5/2025.\n\nPV\n",
        {"kind": "thong_bao", "number": "34", "symbol": "TB-UBND", "date": "2025-05-08",
         "subject_has": "lịch tiêm phòng dại"}),
    "a letter of the Mặt trận on one line, 'Kính gữi', a stray quote, a day that does not exist": (
        "UỶ BAN MTTQ VIỆT NAM XÃ TÂN LẬP BAN THƯỜNG TRỰC Số: 07 /MTTQ “ V/v hưởng ứng lời kêu gọi "
        "“ Toàn dân tiêm phòng dại cho chó, mèo” CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập -Tự do "
        "- Hạnh phúc Tân Lập, ngày 31 tháng 04 năm 2025 Kính gữi : - Trưởng Ban công tác Mặt trận "
        "các thôn. Trước tình hình bệnh dại trên đàn chó của xã DIỄN BIẾN PHỨC TẠP . Ban Thường "
        "trực Mặt trận Tổ quốc xã đề nghị các hộ gia đình đưa chó, mèo đi tiêm phòng đầy đủ, "
        "không thả rông chó ra đường, đeo rọ mõm khi dắt chó ra nơi công cộng. Ban công tác Mặt "
        "trận các thôn nắm danh sách các hộ nuôi chó, mèo để vận động tiêm phòng cho kịp thời. "
        "Các hộ có chó, mèo chết bất thường báo ngay cho trưởng thôn và Trạm Thú y để xử lý.\n",
        {"kind": "cong_van", "number": "07", "symbol": "MTTQ", "place": "Tân Lập",
         "date": "2025-04", "addressees": 1, "subject_has": "hưởng ứng lời kêu gọi"}),
    "a lead whose trích yếu follows ', thông báo kết luận'": (
        "(TTX)- Văn phòng UBND huyện đã có Thông báo số 110/TB-VP ngày 20/3, thông báo kết "
        "luận của Phó Chủ tịch UBND huyện Lê Văn Hải tại cuộc họp về phòng, chống bệnh dại.\n",
        {"kind": "thong_bao", "number": "110", "symbol": "TB-VP",
         "subject_has": "kết luận của Phó Chủ tịch UBND huyện Lê Văn Hải"}),
}
