"""The web room's small parts, each on its own: marking spelled words, editing the file's
text, patching broadcast.toml, tokens, host names, passwords, jobs, the workspace's paths."""

from __future__ import annotations

import base64
import threading

import pytest

from broadcast import script as scripts
from broadcast.errors import BroadcastError
from broadcast.web import editing, security, settings_form
from broadcast.web.jobs import Jobs
from broadcast.web.workspace import Workspace, length_of, newer, read_script_text

# ---------------------------------------------------------------- spelled words


@pytest.mark.parametrize(("spoken", "spelled", "parts"), [
    ("Ban ích i dét họp", ("XYZ",), [("Ban ", ""), ("ích i dét", "XYZ"), (" họp", "")]),
    ("Ích i dét họp", ("XYZ",), [("Ích i dét", "XYZ"), (" họp", "")]),
    ("Không có gì", (), [("Không có gì", "")]),
    ("ích i dét và ích i dét", ("XYZ",), [("ích i dét", "XYZ"), (" và ", ""),
                                           ("ích i dét", "XYZ")]),
])
def test_the_stretches_spelled_letter_by_letter_are_marked(spoken, spelled, parts):
    assert [(p.text, p.spelled) for p in editing.marked(spoken, spelled)] == parts


def test_the_longest_spelled_form_wins():
    from broadcast.speech.rules import spell_unknown_acronyms

    long, short = spell_unknown_acronyms("QXZ").strip(), spell_unknown_acronyms("QX").strip()
    assert long.startswith(short)
    parts = editing.marked(f"a {long} b", ("QX", "QXZ"))
    assert [(p.text, p.spelled) for p in parts] == [("a ", ""), (long, "QXZ"), (" b", "")]


# ---------------------------------------------------------------- the script file


SCRIPT = ("---\n# Bài tuyên truyền để sửa.\ntitle: BÀI A\nshort_title: A\ncommune: xã Phúc Lộc\n"
          "date: 2025-03-10\nstatus: draft\n---\n\n# BÀI A\n\nKính thưa bà con.\n")


def test_an_edit_replaces_the_short_title_and_the_body_only():
    text = editing.edited_text(SCRIPT, " B  mới ", "# BÀI A\r\n\r\nThưa bà con.\r\n\r\n")
    assert text == SCRIPT.replace("short_title: A", "short_title: B mới").replace(
        "Kính thưa bà con.", "Thưa bà con.")


def test_a_short_title_line_is_added_when_the_file_has_none():
    text = editing.edited_text(SCRIPT.replace("short_title: A\n", ""), "C", "# BÀI A\n\nX.")
    assert "status: draft\nshort_title: C\n---\n\n# BÀI A\n\nX.\n" in text


def test_a_broken_front_matter_cannot_be_edited():
    with pytest.raises(BroadcastError, match="Phần đầu của bài"):
        editing.edited_text("# BÀI A\n\nKhông có phần đầu.\n", "A", "# BÀI A")


def test_the_version_is_the_texts(tmp_path):
    assert editing.version(SCRIPT) == editing.version(SCRIPT)
    assert editing.version(SCRIPT) != editing.version(SCRIPT + " ")
    assert len(editing.version(SCRIPT)) == 20


def test_a_save_checks_the_version_then_replaces_the_file(tmp_path):
    path = tmp_path / "bai.md"
    path.write_text(SCRIPT, encoding="utf-8")
    with pytest.raises(editing.Conflict):
        editing.save(path, editing.version(SCRIPT + "x"), "A", "# BÀI A\n\nMới.")
    assert path.read_text(encoding="utf-8") == SCRIPT
    new = editing.save(path, editing.version(SCRIPT), "A", "# BÀI A\n\nMới.")
    assert path.read_text(encoding="utf-8") == new and new.endswith("# BÀI A\n\nMới.\n")
    assert scripts.from_markdown(new, str(path)).sections[1].text == "Mới."


def test_the_spoken_form_leaves_the_printed_only_part_out():
    from broadcast.speech import SpeechOptions

    said = editing.spoken_form("# TÊN\n\nNgày 2/9.\n\n---\n\nGhi chú 3/4.", SpeechOptions())
    assert [s.printed for s in said] == ["TÊN", "Ngày 2/9."]
    assert said[1].spoken == "Ngày mùng hai tháng chín." and said[1].spelled == ()


# ---------------------------------------------------------------- broadcast.toml


LINES = ["[commune]", 'name = "A"  # tên xã', "", "[respellings]", '"X" = "ích"',
         "[respellings.espeak]", '"Y" = "i"']


def test_a_key_is_replaced_with_its_comment_kept():
    lines = settings_form.set_key(LINES, "commune", "name", '"B # C"')
    assert lines[1] == 'name = "B # C"  # tên xã' and len(lines) == len(LINES)


def test_a_missing_key_goes_under_its_header_and_a_missing_section_at_the_end():
    assert settings_form.set_key(LINES, "commune", "kind", '"xã"')[:2] == ["[commune]",
                                                                          'kind = "xã"']
    assert settings_form.set_key(LINES, "build", "speed", "1.1")[-3:] == ["", "[build]",
                                                                          "speed = 1.1"]


def test_a_key_of_another_section_is_not_touched():
    lines = settings_form.set_key(["[a]", "name = 1", "[b]", "name = 2"], "b", "name", "3")
    assert lines == ["[a]", "name = 1", "[b]", "name = 3"]


def test_a_table_is_replaced_and_its_sub_tables_stay():
    lines = settings_form.set_table(LINES, "respellings", {"Z": "dét"})
    assert lines[3:] == ["[respellings]", '"Z" = "dét"', "[respellings.espeak]", '"Y" = "i"']
    assert settings_form.set_table(LINES, "abbreviations", {}) == LINES
    assert settings_form.set_table(LINES, "abbreviations", {"A": "b"})[-2:] == [
        "[abbreviations]", '"A" = "b"']


def test_the_bounds_of_a_section():
    assert settings_form.bounds(LINES, "commune") == (0, 3)
    assert settings_form.bounds(LINES, "respellings") == (3, 5)
    assert settings_form.bounds(LINES, "respellings.espeak") == (5, 7)
    assert settings_form.bounds(LINES, "build") is None


# ---------------------------------------------------------------- security


def test_tokens_belong_to_their_session_and_server():
    tokens = security.Tokens(b"k" * 32)
    assert tokens.valid("s1", tokens.token("s1"))
    assert not tokens.valid("s2", tokens.token("s1"))
    assert not tokens.valid("", tokens.token(""))
    assert not tokens.valid("s1", "")
    assert not security.Tokens(b"j" * 32).valid("s1", tokens.token("s1"))
    assert tokens.new_session() != tokens.new_session()


@pytest.mark.parametrize(("value", "name"), [
    ("127.0.0.1:8000", "127.0.0.1"), ("LOCALHOST", "localhost"), ("[::1]:80", "::1"),
    ("", ""), ("evil.example:1", "evil.example"),
])
def test_host_names(value, name):
    assert security.host_name(value) == name


def scope(**headers) -> dict:
    return {"headers": [(k.replace("_", "-").encode(), v.encode()) for k, v in headers.items()],
            "method": "POST"}


@pytest.mark.parametrize(("header", "ok"), [
    ("Basic " + base64.b64encode(b"ai:mk").decode(), True),
    ("basic " + base64.b64encode(b":mk").decode(), True),
    ("Basic " + base64.b64encode(b"ai:mk2").decode(), False),
    ("Basic " + base64.b64encode(b"mk").decode(), False),
    ("Basic %%%", False), ("Bearer mk", False), ("", False),
])
def test_passwords(header, ok):
    assert security.password_ok(scope(authorization=header), "mk") is ok


@pytest.mark.parametrize(("headers", "refused"), [
    ({"host": "a:1", "origin": "http://a:1"}, False),
    ({"host": "a:1"}, False),
    ({"host": "a:1", "origin": "http://b:1"}, True),
    ({"host": "a:1", "origin": "http://a:2"}, True),
    ({"host": "a:1", "sec_fetch_site": "cross-site"}, True),
    ({"host": "a:1", "sec_fetch_site": "same-site"}, False),
])
def test_cross_site_requests(headers, refused):
    if refused:
        with pytest.raises(security.Refused) as exc:
            security.cross_site(scope(**headers))
        assert exc.value.status == 403
    else:
        security.cross_site(scope(**headers))


def test_the_session_comes_from_its_cookie():
    assert security.session_of(scope(cookie=f"a=1; {security.COOKIE}=abc")) == "abc"
    assert security.session_of(scope(cookie="a=1")) == ""
    assert security.session_of(scope()) == ""


def test_the_body_limit_is_the_readers_plus_the_form(monkeypatch):
    from broadcast.sources import limits

    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 5000)
    assert security.body_limit() == 5000 + security.FORM_OVERHEAD
    assert "quá giới hạn" in security.TooLarge(security.body_limit() + 1).message
    assert security.TooLarge(7).status == 413


# ---------------------------------------------------------------- jobs


def test_a_job_reports_its_progress_and_result():
    job = Jobs().start("a", "A", lambda progress: (progress(2, 5), {"mp3": "a.mp3"})[1],
                       background=False)
    assert job.to_dict() == {"id": job.id, "label": "A", "done": 2, "total": 5,
                             "state": "done", "error": "", "result": {"mp3": "a.mp3"}}


def test_a_failed_job_keeps_the_one_line():
    def work(progress):
        raise BroadcastError("Bộ đọc   không có.")
    job = Jobs().start("a", "A", work, background=False)
    assert (job.state, job.error) == ("failed", "Bộ đọc không có.")


def test_a_bug_in_a_job_is_one_line_too():
    def work(progress):
        raise ZeroDivisionError("chia cho 0")
    job = Jobs().start("a", "A", work, background=False)
    assert job.state == "failed"
    assert job.error.startswith("Lỗi ngoài dự kiến (ZeroDivisionError: chia cho 0).")


def test_one_job_at_a_time_per_key_and_the_key_is_free_again_after():
    jobs, release, started = Jobs(), threading.Event(), threading.Event()

    def work(progress):
        started.set()
        release.wait(60)
        return {}
    first = jobs.start("bai", "A", work)
    started.wait(60)
    with pytest.raises(BroadcastError, match="đang được dựng"):
        jobs.start("bai", "A", work)
    other = jobs.start("khac", "B", lambda progress: {}, background=False)
    assert other.state == "done"
    release.set()
    assert first.ended.wait(60) and jobs.get(first.id).state == "done"
    assert jobs.start("bai", "A", lambda progress: {}, background=False).state == "done"


def test_an_unknown_job():
    with pytest.raises(BroadcastError, match="Không có lần dựng này"):
        Jobs().get("x")


# ---------------------------------------------------------------- the workspace


def test_outputs_are_found_only_in_the_month_folder(tmp_path):
    ws = Workspace(tmp_path)
    folder = tmp_path / "audio_out" / "2025-03"
    folder.mkdir(parents=True)
    (folder / "a.mp3").write_bytes(b"x")
    assert ws.output_file("2025-03", "a.mp3") == (folder / "a.mp3").resolve()
    for name in ("../a.mp3", "b.mp3", ".a.mp3", "", "."):
        with pytest.raises(BroadcastError):
            ws.output_file("2025-03", name)
    with pytest.raises(BroadcastError, match="NĂM-THÁNG"):
        ws.output_file("../2025-03", "a.mp3")


def test_script_names_are_slugs(tmp_path):
    ws = Workspace(tmp_path)
    for name in ("../x", "A", "-a", "a/b", "a.md", ""):
        with pytest.raises(BroadcastError, match="Không có bài"):
            ws.script_path("2025-03", name)


def test_the_config_folder_and_defaults(tmp_path):
    ws = Workspace(tmp_path)
    assert ws.config == tmp_path.resolve() / "broadcast.toml"
    assert ws.table() == {} and ws.password() == ""
    assert ws.out_dir == tmp_path.resolve() / "audio_out"
    assert ws.months() == [] and ws.month("2025-03") == [] and ws.program("2025-03") is None
    (tmp_path / "audio_out" / "2025-02").mkdir(parents=True)
    (tmp_path / "audio_out" / "2025-04").mkdir()
    (tmp_path / "audio_out" / "van-ban").mkdir()
    assert ws.months() == ["2025-04", "2025-02"]


def test_the_length_comes_from_the_manifest(tmp_path):
    mp3 = tmp_path / "a.mp3"
    assert length_of(mp3) == 0.0
    mp3.with_suffix(".json").write_text('{"durations": {"total": 61.5}}', encoding="utf-8")
    assert length_of(mp3) == 61.5
    mp3.with_suffix(".json").write_text('{"durations": {"total": "x"}}', encoding="utf-8")
    assert length_of(mp3) == 0.0


def test_newer(tmp_path):
    import os

    a, b = tmp_path / "a", tmp_path / "b"
    a.write_text("a")
    b.write_text("b")
    os.utime(a, (100, 100))
    os.utime(b, (200, 200))
    assert newer(b, a) and not newer(a, b) and newer(a, a)
    assert not newer(tmp_path / "c", a)


def test_a_script_file_is_read_up_to_its_cap(tmp_path, monkeypatch):
    from broadcast.web import workspace

    path = tmp_path / "a.md"
    path.write_bytes("Chữ".encode() * 10)
    assert read_script_text(path) == "Chữ" * 10
    monkeypatch.setattr(workspace, "MAX_SCRIPT_BYTES", 10)
    with pytest.raises(BroadcastError, match="quá lớn"):
        read_script_text(path)
    with pytest.raises(BroadcastError, match="Không đọc được"):
        read_script_text(tmp_path / "khong-co.md")


def test_the_approved_program_is_shown_before_a_draft_one(tmp_path):
    ws = Workspace(tmp_path)
    folder = tmp_path / "audio_out" / "2025-03"
    folder.mkdir(parents=True)
    draft, approved = "chuong-trinh-thang-03-2025-DRAFT", "chuong-trinh-thang-03-2025"
    for stem, title in ((draft, "NHÁP"), (approved, "DUYỆT")):
        (folder / f"{stem}.json").write_text(f'{{"title": "{title}"}}', encoding="utf-8")
    assert ws.program("2025-03") is None  # a manifest without its MP3 is no program
    (folder / f"{draft}.mp3").write_bytes(b"x")
    assert ws.program("2025-03")["manifest"]["title"] == "NHÁP"
    (folder / f"{approved}.mp3").write_bytes(b"x")
    program = ws.program("2025-03")
    assert program["manifest"]["title"] == "DUYỆT" and program["draft"] is False
    assert program["schedule"] == folder / "lich-phat-thang-03-2025.md"
