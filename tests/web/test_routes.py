"""Each route's answers: the month, adding (file, pasted text, address), the understood page,
saving, approving, building, the spoken form, jobs, settings and the feed. A failure is the one
line the CLI prints."""

from __future__ import annotations

import re

import pytest

from broadcast import script as scripts
from broadcast.web.workspace import Workspace
from tests.conftest import decode, run_cli
from tests.feed import portal
from tests.web.conftest import (
    SAMPLE_NOTICE,
    add,
    draft_link,
    drafted,
    field,
    text_of,
    textarea,
    token,
)


def bai_path(office, link: str):
    month, name = link.split("/")[2:]
    return office / "audio_out" / month / f"{name}.md"


def job_of(answer) -> str:
    assert answer.status_code == 303, answer.text
    return answer.headers["location"].split("viec=")[1]


# ---------------------------------------------------------------- the month


def test_home_opens_this_months_page(client):
    import datetime as dt

    answer = client.get("/")
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/thang/{dt.date.today():%Y-%m}"


def test_an_empty_month_says_so_and_offers_to_add(client):
    shown = text_of(client.get("/thang/2025-03"))
    assert "Bài tuyên truyền tháng 03/2025" in shown and "Tháng này chưa có bài nào" in shown


@pytest.mark.parametrize("month", ["2025-13", "2025-3", "tháng-ba", "2025-00"])
def test_a_month_not_written_year_month_is_one_line(client, month):
    answer = client.get(f"/thang/{month}")
    assert answer.status_code == 400
    assert f"Lỗi: Tháng '{month}' không đúng dạng NĂM-THÁNG, ví dụ 2024-07." in text_of(answer)


def test_the_months_that_have_bai_are_offered(client):
    drafted(client, day="2025-03-10")
    drafted(client, SAMPLE_NOTICE.replace("45/TB", "46/TB"), day="2025-04-02")
    page = client.get("/thang/2025-04")
    assert re.findall(r'<option value="([^"]+)"', page.text) == ["2025-04", "2025-03"]
    assert re.search(r'<option value="2025-04" selected>', page.text)


def test_the_month_lists_only_its_scripts(client, office):
    link = drafted(client)
    folder = bai_path(office, link).parent
    (folder / "ghi-chu.md").write_text("# Ghi chú của tôi\n", encoding="utf-8")
    (folder / "lich-phat-thang-03-2025.md").write_text("---\nstatus: x\n---\n", encoding="utf-8")
    page = client.get("/thang/2025-03")
    assert page.text.count('class="bai state-') == 1
    assert f'href="{link}"' in page.text


def test_a_broken_script_file_shows_the_clis_line(client, office):
    link = drafted(client)
    path = bai_path(office, link)
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft\n", ""),
                    encoding="utf-8")
    line = f"Lỗi: '{path}': phần đầu thiếu dòng 'status' (đã bị xóa?)."
    shown = text_of(client.get("/thang/2025-03"))
    assert "Tệp hỏng" in shown and line in shown
    page = client.get(link)
    assert page.status_code == 200 and line in text_of(page)


def test_an_unknown_bai_is_one_line(client):
    answer = client.get("/bai/2025-03/khong-co", headers={"Referer": "http://testserver/them"})
    assert 'href="http://testserver/them">← Quay lại' in answer.text
    assert answer.status_code == 400
    assert "Lỗi: Không có bài 'khong-co' trong tháng 2025-03." in text_of(answer)


# ---------------------------------------------------------------- adding


def test_an_empty_form_says_what_to_give(client):
    answer = client.post("/them", data={"csrf": token(client), "ngay": "2025-03-10"})
    assert answer.status_code == 400
    assert "Chưa có văn bản: chọn một tệp, dán nội dung văn bản" in text_of(answer)


def test_an_unreadable_format_is_the_readers_line_and_nothing_is_kept(client, office):
    answer = add(client, b"\x00\x01 binary", "bang-tinh.xlsx")
    assert answer.status_code == 400
    assert "Tệp 'bang-tinh.xlsx' có định dạng '.xlsx' chưa được hỗ trợ" in text_of(answer)
    assert not (office / "audio_out").exists()


def test_pasted_text_becomes_a_draft(client, office):
    answer = client.post("/them", data={"csrf": token(client), "ngay": "2025-03-10",
                                        "van_ban": SAMPLE_NOTICE})
    shown = text_of(answer)
    assert "Loại văn bản Thông báo" in shown and "Số, ký hiệu 45/TB-UBND" in shown
    assert "Người ký TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH — Hoàng Văn An" in shown
    script = scripts.from_markdown(bai_path(office, draft_link(answer)).read_text(
        encoding="utf-8"), "x")
    assert script.date == "2025-03-10" and script.commune == "xã Phúc Lộc"
    (kept,) = (office / "audio_out" / "van-ban").iterdir()
    assert kept.name.endswith("-van-ban-dan.txt") and kept.read_text(encoding="utf-8") == \
        SAMPLE_NOTICE


def test_a_page_address_is_read(client, httpserver):
    page = portal.article_page("Thông báo phòng cháy rừng",
                               portal.paragraphs_html(SAMPLE_NOTICE))
    httpserver.expect_request("/tin/thong-bao.html").respond_with_data(
        page, content_type="text/html; charset=utf-8")
    answer = client.post("/them", data={"csrf": token(client), "ngay": "2025-03-10",
                                        "dia_chi": httpserver.url_for("/tin/thong-bao.html")})
    assert answer.status_code == 200, text_of(answer)
    assert "Số, ký hiệu 45/TB-UBND" in text_of(answer)
    assert draft_link(answer).startswith("/bai/2025-03/45-tb-ubnd")


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://huyen.gov.vn/a.docx"])
def test_an_address_that_is_not_on_the_web_is_refused(client, office, address):
    answer = client.post("/them", data={"csrf": token(client), "dia_chi": address})
    assert answer.status_code == 400 and "Lỗi:" in text_of(answer)
    assert not (office / "audio_out").exists()


NOT_UNDERSTOOD = ("CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\n\n"
                  "Ba con luu y giu gin ve sinh chung, khong xa rac ra duong lang.\n\n"
                  "Moi nguoi cung thuc hien tot viec nay de lang xom sach dep.\n")


def test_a_document_not_understood_stops_with_the_line_and_can_be_forced(client, office):
    answer = client.post("/them", data={"csrf": token(client), "ngay": "2025-03-10",
                                        "van_ban": NOT_UNDERSTOOD})
    assert answer.status_code == 422
    line = re.search(r'class="error" role="alert">([^<]+)<', answer.text)[1]
    assert "chưa được hiểu đúng" in line and "--force" in line
    assert "Vẫn soạn bài (như --force)" in text_of(answer)
    assert not list((office / "audio_out").glob("2025-03/*.md"))
    again = client.post("/them/van-soan", data={"csrf": token(client), "ngay": "2025-03-10",
                                                "nguon": field(answer, "nguon")})
    assert again.status_code == 200
    assert again.text.count('id="to-draft"') == 1
    assert len(list((office / "audio_out").glob("2025-03/*.md"))) == 1


@pytest.mark.parametrize("name", ["../../broadcast.toml", "ghi-chu.txt", "20250101-000000-a.txt"])
def test_forcing_names_only_a_kept_document(client, office, name):
    kept = office / "audio_out" / "van-ban"
    kept.mkdir(parents=True)
    (kept / "ghi-chu.txt").write_text(SAMPLE_NOTICE, encoding="utf-8")
    answer = client.post("/them/van-soan", data={"csrf": token(client), "nguon": name})
    assert answer.status_code == 400
    assert f"Không có văn bản '{name}' đã tải lên." in text_of(answer)


def test_a_draft_already_there_is_never_overwritten(client, office):
    link = drafted(client)
    path = bai_path(office, link)
    path.write_text(path.read_text(encoding="utf-8") + "\nĐoạn tôi thêm.\n", encoding="utf-8")
    answer = client.post("/them", data={"csrf": token(client), "ngay": "2025-03-10",
                                        "van_ban": SAMPLE_NOTICE})
    assert answer.status_code == 422
    assert f"Đã có bài '{path}' (có thể đã được sửa)" in text_of(answer)
    assert path.read_text(encoding="utf-8").endswith("Đoạn tôi thêm.\n")


# ---------------------------------------------------------------- editing


def test_the_editor_shows_the_spoken_form_with_spelled_words_marked(client):
    link = drafted(client)
    page = client.get(link)
    assert "Ủy ban nhân dân" in text_of(page)
    answer = client.post("/api/loi-doc", data={"csrf": token(client),
                                               "body": "# Tên\n\nBan XYZ họp ngày 3/4/2025.\n"
                                                       "\n---\n\nGhi chú XYZ không đọc."})
    said = re.findall(r'<p class="said">(.*?)</p>', answer.text)
    assert said == ['Tên', 'Ban <mark title="XYZ: đọc từng chữ">ích i dét</mark> họp ngày '
                           'mùng ba tháng tư năm hai nghìn không trăm hai mươi lăm.']
    assert "Đọc từng chữ: XYZ" in text_of(answer)


def test_saving_writes_the_clis_markdown(client, office):
    link = drafted(client)
    path = bai_path(office, link)
    before = path.read_text(encoding="utf-8")
    editor = client.get(link)
    body = textarea(editor, "body") + "\r\n\r\nĐoạn mới thêm."
    answer = client.post(f"{link}/luu", data={"csrf": token(client), "version":
                                              field(editor, "version"), "short_title":
                                              "  PHÒNG   CHÁY RỪNG ", "body": body})
    assert answer.status_code == 303
    text = path.read_text(encoding="utf-8")
    assert "short_title: PHÒNG CHÁY RỪNG\n" in text and text.endswith("Đoạn mới thêm.\n")
    assert "\r" not in text
    front = lambda t: [ln for ln in t.split("---")[1].splitlines()  # noqa: E731
                       if not ln.startswith("short_title")]
    assert front(text) == front(before)
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


def test_a_file_changed_since_the_page_loaded_is_never_overwritten(client, office):
    link = drafted(client)
    path = bai_path(office, link)
    editor = client.get(link)
    path.write_text(path.read_text(encoding="utf-8") + "\nSửa bằng Notepad.\n", encoding="utf-8")
    mine = textarea(editor, "body") + "\n\nPhần tôi vừa gõ."
    answer = client.post(f"{link}/luu", data={"csrf": token(client), "version": field(
        editor, "version"), "short_title": "TÊN CỦA TÔI", "body": mine})
    assert answer.status_code == 409
    assert "đã được sửa ở nơi khác" in text_of(answer)
    assert textarea(answer, "body") == mine
    assert field(answer, "short_title") == "TÊN CỦA TÔI"
    assert path.read_text(encoding="utf-8").endswith("Sửa bằng Notepad.\n")


def test_a_text_that_would_not_read_back_is_refused_and_kept_in_the_form(client, office):
    link = drafted(client)
    path = bai_path(office, link)
    before = path.read_text(encoding="utf-8")
    editor = client.get(link)
    answer = client.post(f"{link}/luu", data={"csrf": token(client), "version": field(
        editor, "version"), "short_title": "X", "body": "Không có dòng tiêu đề."})
    assert answer.status_code == 400
    assert "không có dòng tiêu đề (dòng bắt đầu bằng '# ')" in text_of(answer)
    assert textarea(answer, "body") == "Không có dòng tiêu đề."
    assert path.read_text(encoding="utf-8") == before


# ---------------------------------------------------------------- approving


def test_approving_what_the_page_did_not_show_is_refused(client, office):
    link = drafted(client)
    path = bai_path(office, link)
    editor = client.get(link)
    path.write_text(path.read_text(encoding="utf-8") + "\nThêm sau.\n", encoding="utf-8")
    answer = client.post(f"{link}/duyet", data={"csrf": token(client), "by": "A",
                                                "version": field(editor, "version")})
    assert answer.status_code == 400 and "tải lại trang, đọc lại bài" in text_of(answer)
    assert "status: draft" in path.read_text(encoding="utf-8")


def test_approving_without_a_name_is_the_clis_line(client, office):
    toml = office / "broadcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('name = "Nông Văn Nhượng"\n', ""),
                    encoding="utf-8")
    link = drafted(client)
    editor = client.get(link)
    answer = client.post(f"{link}/duyet", data={"csrf": token(client), "by": " ",
                                                "version": field(editor, "version")})
    assert answer.status_code == 400
    assert "Cần tên người phê duyệt" in text_of(answer)


def test_the_approver_given_wins_over_the_config(client, office):
    link = drafted(client)
    editor = client.get(link)
    assert field(editor, "by") == "Nông Văn Nhượng"
    client.post(f"{link}/duyet", data={"csrf": token(client), "by": "  Lê   Văn Tâm ",
                                       "version": field(editor, "version")})
    text = bai_path(office, link).read_text(encoding="utf-8")
    assert "approved_by: Lê Văn Tâm\n" in text


# ---------------------------------------------------------------- building and jobs


def test_a_draft_is_built_as_a_draft_and_heard_in_the_month(client, office):
    link = drafted(client)
    path = bai_path(office, link)
    assert "Dựng bản nghe thử (nháp)" in text_of(client.get(link))
    job = job_of(client.post(f"{link}/dung", data={"csrf": token(client)}))
    result = client.get(f"/api/viec/{job}").json()
    assert result["state"] == "done" and result["result"]["mp3"].endswith("-DRAFT.mp3")
    mp3 = path.parent / result["result"]["mp3"]
    assert len(decode(mp3)) > 44100
    page = client.get("/thang/2025-03")
    assert f'src="/tep/2025-03/{mp3.name}"' in page.text
    assert "Nháp" in text_of(page)
    assert not path.with_suffix(".mp3").exists()
    editor = client.get(link)
    client.post(f"{link}/duyet", data={"csrf": token(client), "by": "A",
                                       "version": field(editor, "version")})
    job = job_of(client.post(f"{link}/dung", data={"csrf": token(client)}))
    assert client.get(f"/api/viec/{job}").json()["result"]["mp3"] == path.stem + ".mp3"
    page = client.get("/thang/2025-03")
    assert f'src="/tep/2025-03/{path.stem}.mp3"' in page.text and mp3.is_file()


def test_a_months_program_without_approved_bai_fails_with_the_clis_line(client):
    drafted(client)
    job = job_of(client.post("/thang/2025-03/chuong-trinh", data={"csrf": token(client)}))
    result = client.get(f"/api/viec/{job}").json()
    assert result["state"] == "failed"
    assert result["error"] == "Chương trình tháng cần ít nhất một văn bản hoặc bài."


def test_an_unknown_job_is_a_json_error(client):
    answer = client.get("/api/viec/khong-co")
    assert answer.status_code == 400
    assert answer.json() == {"error": "Không có lần dựng này (máy chủ đã khởi động lại?)."}


def test_a_json_caller_gets_errors_as_json(client):
    answer = client.get("/bai/2025-03/khong", headers={"Accept": "application/json"})
    assert answer.json() == {"error": "Không có bài 'khong' trong tháng 2025-03."}


# ---------------------------------------------------------------- settings


def test_settings_show_broadcast_toml(client):
    page = client.get("/cai-dat")
    assert field(page, "commune") == "Phúc Lộc" and field(page, "district") == "huyện Ba Bể"
    assert field(page, "signer_name") == "Nông Văn Nhượng" and field(page, "engine") == "espeak"


def settings_form(page) -> dict:
    names = re.findall(r'<(?:input|textarea)[^>]*name="([a-z_]+)"', page.text)
    values = {n: field(page, n) for n in names if n != "csrf"}
    values.update({n: textarea(page, n) for n in ("abbreviations", "respellings")})
    return values


@pytest.mark.parametrize(("key", "value", "line"), [
    ("speed", "3", "Tốc độ '3' không hợp lệ: ghi một số từ 0.8 đến 1.3, ví dụ 1.0."),
    ("kind", "làng", "Loại đơn vị 'làng' không hợp lệ: chọn xã, phường hoặc thị trấn."),
    ("engine", "festival", "Bộ đọc 'festival' không có"),
    ("abbreviations", "HTX", "'HTX' sai dạng: cần CHỮ=cách đọc"),
    ("intro", "khong-co.mp3", "nhạc hiệu mở đầu"),
])
def test_a_bad_setting_is_the_clis_line_and_nothing_is_written(client, office, key, value,
                                                               line):
    before = (office / "broadcast.toml").read_text(encoding="utf-8")
    form = settings_form(client.get("/cai-dat")) | {key: value, "csrf": token(client)}
    answer = client.post("/cai-dat", data=form)
    assert answer.status_code == 400
    assert line in text_of(answer)
    assert field(answer, key) == value or textarea(answer, key) == value
    assert (office / "broadcast.toml").read_text(encoding="utf-8") == before


def test_saving_settings_changes_only_those_keys(client, office):
    toml = office / "broadcast.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[web]\npassword = ""\n',
                    encoding="utf-8")
    form = settings_form(client.get("/cai-dat")) | {
        "csrf": token(client), "province": "tỉnh Bắc Kạn", "speed": "1,1",
        "abbreviations": "HTX=hợp tác xã; ANTT=an ninh trật tự", "district": 'huyện "Ba Bể"'}
    answer = client.post("/cai-dat", data=form)
    assert answer.status_code == 303 and answer.headers["location"] == "/cai-dat?xong=luu"
    text = toml.read_text(encoding="utf-8")
    assert 'district = "huyện \\"Ba Bể\\""   # giữ chú thích' in text
    assert "[voice.espeak]\nrate = 170" in text and '[web]\npassword = ""' in text
    settings = Workspace(office).settings()  # broadcast.toml's [web] is the page's own
    assert settings.commune.province == "tỉnh Bắc Kạn" and settings.build.speed == 1.1
    assert settings.abbreviations == {"HTX": "hợp tác xã", "ANTT": "an ninh trật tự"}
    assert "Đã lưu cài đặt" in text_of(client.get("/cai-dat?xong=luu"))
    again = settings_form(client.get("/cai-dat")) | {"csrf": token(client),
                                                     "abbreviations": "UBMT=ủy ban mặt trận"}
    client.post("/cai-dat", data=again)
    assert Workspace(office).settings().abbreviations == {"UBMT": "ủy ban mặt trận"}


def test_settings_without_a_file_write_what_init_writes(office, capsys):
    from tests.web.conftest import client_for

    (office / "broadcast.toml").unlink()
    with client_for(office) as c:
        assert "chưa có: lưu sẽ tạo tệp" in text_of(c.get("/cai-dat"))
        answer = c.post("/cai-dat", data={"csrf": token(c), "commune": "Tân An",
                                          "kind": "phường", "signer_name": "Y Bli"})
    assert answer.status_code == 303
    written = (office / "broadcast.toml").read_text(encoding="utf-8")
    code, _, _ = run_cli(["init", "--commune", "phường Tân An", "--signer-name", "Y Bli",
                          "--yes", "--config", str(office / "init.toml")], capsys)
    assert code == 0
    assert written == (office / "init.toml").read_text(encoding="utf-8")


# ---------------------------------------------------------------- feed


def test_the_feed_read_now_drafts_and_reports(client, office, httpserver):
    item = portal.Item("Thông báo phòng cháy rừng", httpserver.url_for("/tb.html"),
                       portal.paragraphs_html(SAMPLE_NOTICE), guid="tb-45",
                       category="Thông báo")
    httpserver.expect_request("/rss").respond_with_data(
        portal.Rss([item]).xml(), content_type="application/rss+xml")
    assert "Chưa đọc nguồn tin nào" in text_of(client.get("/nguon-tin"))
    job = job_of(client.post("/nguon-tin", data={"csrf": token(client),
                                                 "nguon": httpserver.url_for("/rss") + "\n"}))
    page = client.get(f"/nguon-tin?viec={job}")
    shown = text_of(page)
    report = shown.split("Kết quả lần đọc vừa rồi")[1].split("Nguồn tin (RSS)")[0]
    assert "Đã dựng Thông báo phòng cháy rừng" in report
    assert 'data-job=' not in page.text  # done: the page does not poll again
    assert httpserver.url_for("/rss") in textarea(page, "nguon")
    assert "Đã dựng Thông báo phòng cháy rừng" in text_of(client.get("/nguon-tin"))
    drafts = list((office / "audio_out").glob("*/*.md"))
    assert len(drafts) == 1 and drafts[0].with_name(drafts[0].stem + "-DRAFT.mp3").is_file()


def test_the_feed_needs_a_source(client):
    answer = client.post("/nguon-tin", data={"csrf": token(client), "nguon": "  \n"})
    assert answer.status_code == 400 and "Chưa có nguồn tin" in text_of(answer)


def test_a_bad_date_is_the_clis_line(client):
    answer = client.post("/them", data={"csrf": token(client), "ngay": "10/3/2025",
                                        "van_ban": SAMPLE_NOTICE})
    assert answer.status_code == 400
    assert ("Lỗi: Ngày '10/3/2025' không đúng dạng NĂM-THÁNG-NGÀY, ví dụ 2024-07-04."
            in text_of(answer))


def test_the_way_back_never_leads_to_another_site(client):
    answer = client.get("/bai/2025-03/khong-co", headers={"Referer": "http://evil.example/"})
    assert 'href="/">← Quay lại' in answer.text


def test_a_word_file_with_a_wrong_name_is_kept_as_what_it_is(client, office, tmp_path):
    from tests.web.conftest import as_docx

    notice = tmp_path / "tb.txt"
    notice.write_text(SAMPLE_NOTICE, encoding="utf-8")
    answer = add(client, as_docx(notice, tmp_path / "tb.docx").read_bytes(), "tai-ve")
    assert answer.status_code == 200
    (kept,) = (office / "audio_out" / "van-ban").iterdir()
    assert kept.name.endswith("-tai-ve.docx")
