"""The whole way of a bài through the page's routes (the framework's test client): a real
document as .docx → what was understood → edit → approve → build → listen data → download;
the month's program; and the page and the CLI seeing the same files."""

from __future__ import annotations

import json
import os
import re

import docx
import pytest

from broadcast import script as scripts
from broadcast.speech.rules import strip_markdown
from tests.conftest import decode, run_cli
from tests.web.conftest import (
    add,
    as_docx,
    draft_link,
    drafted,
    field,
    real_document,
    text_of,
    textarea,
    token,
)


def script_of(path):
    return scripts.from_markdown(path.read_text(encoding="utf-8"), str(path))


def test_a_real_document_from_word_to_the_months_program(client, office, tmp_path):
    source = as_docx(real_document(), tmp_path / "thong-bao.docx")
    page = add(client, source.read_bytes(), "thong-bao.docx")
    assert page.status_code == 200
    shown = text_of(page)
    assert "Văn bản đã được hiểu" in shown
    assert "Loại văn bản Thông báo" in shown
    assert "Trích yếu Tổ chức ra quân tổng vệ sinh môi trường" in shown
    assert "Bỏ qua, không đọc: 1 dòng" in shown and "bộ đếm" in shown
    kept = list((office / "audio_out" / "van-ban").iterdir())
    assert [p.suffix for p in kept] == [".docx"]

    link = draft_link(page)
    month, name = link.split("/")[2:]
    assert month == "2025-03"
    path = office / "audio_out" / month / f"{name}.md"
    editor = client.get(link)
    assert editor.status_code == 200
    assert textarea(editor, "body") == re.split(r"^---\n", path.read_text(encoding="utf-8"),
                                                flags=re.M)[2].strip()
    assert "Nháp" in text_of(editor)

    body = textarea(editor, "body").replace("Kính thưa", "Kính thưa toàn thể", 1)
    saved = client.post(f"{link}/luu", data={"csrf": token(client), "version":
                                             field(editor, "version"), "short_title":
                                             "RA QUÂN VỆ SINH", "body": body})
    assert saved.status_code == 303 and saved.headers["location"] == f"{link}?xong=luu"
    script = script_of(path)
    assert script.short_title == "RA QUÂN VỆ SINH"
    assert any(s.text.startswith("Kính thưa toàn thể") for s in script.sections)
    assert "Đã lưu bài" in text_of(client.get(f"{link}?xong=luu"))

    editor = client.get(link)
    approved = client.post(f"{link}/duyet", data={"csrf": token(client), "by": "",
                                                  "version": field(editor, "version")})
    assert approved.status_code == 303
    script = script_of(path)
    assert (script.approval.status, script.approval.by) == ("approved", "Nông Văn Nhượng")
    assert scripts.seal_holds(script) and path.with_suffix(".docx").is_file()
    assert re.search(r'id="state">Đã duyệt<', client.get(link).text)

    started = client.post(f"{link}/dung", data={"csrf": token(client)})
    assert started.status_code == 303
    job = started.headers["location"].split("viec=")[1]
    report = client.get(f"/api/viec/{job}").json()
    assert report["state"] == "done", report
    assert report["done"] == report["total"] > 3
    mp3 = path.parent / report["result"]["mp3"]
    assert mp3.name == "ra-quan-ve-sinh.mp3" and report["result"]["engine"] == "espeak"

    page = client.get(f"{link}?xong=dung")
    assert f"Đã dựng xong: {mp3.name}." in text_of(page)
    assert f"{mp3.name} — " in text_of(page) and ", bộ đọc espeak" in text_of(page)
    assert re.search(r'id="state">Đã dựng<', page.text)
    assert f'src="/tep/{month}/{mp3.name}"' in page.text
    manifest = json.loads(mp3.with_suffix(".json").read_text(encoding="utf-8"))
    cues = re.findall(r'<li data-start="([^"]+)" data-end="([^"]+)">([^<]*)</li>', page.text)
    assert [(float(a), float(b)) for a, b, _ in cues] == [
        (s["start"], s["end"]) for s in manifest["segments"]]
    assert [t for _, _, t in cues][1].startswith("Kính thưa toàn thể")

    audio = client.get(f"/tep/{month}/{mp3.name}")
    assert audio.status_code == 200 and audio.headers["content-type"] == "audio/mpeg"
    samples = decode(audio.content)
    assert len(samples) / 44100 == pytest.approx(manifest["durations"]["total"], abs=0.5)
    assert abs(samples).max() > 0.1
    for label in ("MP3", "DOCX", "TXT", "SRT"):
        assert f"Tải {label}" in page.text
    printed = client.get(f"/tep/{month}/{mp3.stem}.docx?tai=1")
    assert printed.headers["content-disposition"].startswith("attachment")
    (tmp_path / "got.docx").write_bytes(printed.content)
    words = [p.text for p in docx.Document(str(tmp_path / "got.docx")).paragraphs]
    assert any("Kính thưa toàn thể" in w for w in words)
    captions = client.get(f"/tep/{month}/{mp3.stem}.srt?tai=1").text
    assert strip_markdown(manifest["segments"][1]["text"])[:30] in " ".join(captions.split())
    assert client.get(f"/tep/{month}/{mp3.stem}.txt").text == \
        mp3.with_suffix(".txt").read_text(encoding="utf-8")

    listed = client.get(f"/thang/{month}")
    shown = text_of(listed)
    assert "RA QUÂN VỆ SINH Đã dựng" in shown
    minutes, seconds = divmod(round(manifest["durations"]["total"]), 60)
    assert f"{minutes}:{seconds:02d}" in shown

    made = client.post(f"/thang/{month}/chuong-trinh", data={"csrf": token(client)})
    job = made.headers["location"].split("viec=")[1]
    assert client.get(f"/api/viec/{job}").json()["state"] == "done"
    program = path.parent / "chuong-trinh-thang-03-2025.mp3"
    schedule = path.parent / "lich-phat-thang-03-2025.md"
    assert program.is_file() and schedule.is_file()
    shown = text_of(client.get(f"/thang/{month}"))
    assert "CHƯƠNG TRÌNH PHÁT THANH THÁNG 3/2025" in shown and "1 bài" in shown
    assert "1 BÀI TUYÊN TRUYỀN VỀ" in shown
    got = client.get(f"/tep/{month}/{schedule.name}?tai=1")
    assert got.text == schedule.read_text(encoding="utf-8")

    later = mp3.stat().st_mtime + 60  # approved again after the build: build again to air it
    os.utime(path, (later, later))
    assert re.search(r'id="state">Đã duyệt<', client.get(link).text)
    assert "RA QUÂN VỆ SINH Đã duyệt" in text_of(client.get(f"/thang/{month}"))


def test_the_page_and_the_command_line_see_the_same_bai(client, office, capsys):
    link = drafted(client)
    month, name = link.split("/")[2:]
    path = office / "audio_out" / month / f"{name}.md"
    code, out, err = run_cli(["approve", str(path)], capsys)
    assert code == 0, err
    assert re.search(r'id="state">Đã duyệt<', client.get(link).text)
    code, _, err = run_cli(["draft", str(path.parent.parent / "van-ban" / next(
        (path.parent.parent / "van-ban").iterdir()).name), "--date", "2025-03-10"], capsys)
    assert code == 2 and "Đã có bài" in err  # the CLI finds the page's draft by its name


def test_an_edit_after_approval_must_be_approved_again(client, office):
    link = drafted(client)
    month, name = link.split("/")[2:]
    editor = client.get(link)
    client.post(f"{link}/duyet", data={"csrf": token(client), "by": "Lê Văn Tâm",
                                       "version": field(editor, "version")})
    editor = client.get(link)
    assert "Đã duyệt: Lê Văn Tâm" in text_of(editor)
    body = textarea(editor, "body").replace("Kính thưa", "Thưa", 1)
    client.post(f"{link}/luu", data={"csrf": token(client), "version": field(editor, "version"),
                                     "short_title": field(editor, "short_title"), "body": body})
    page = client.get(link)
    shown = text_of(page)
    assert re.search(r'id="state">Bị sửa sau khi duyệt<', page.text)
    assert "phải duyệt lại" in shown and "Duyệt lại" in shown
    assert "Bị sửa sau khi duyệt — cần duyệt lại" in text_of(client.get(f"/thang/{month}"))
    assert "Dựng bản nghe thử (nháp)" in shown
