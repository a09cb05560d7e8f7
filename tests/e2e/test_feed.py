"""`broadcast feed` for real: a local portal's feed → draft scripts and draft MP3s, once each
across runs; exit codes, JSON, the lock between two processes, and --watch surviving errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from werkzeug import Response

from broadcast import sources
from broadcast.script import from_markdown
from tests.conftest import DIRECTIVES, corpus_file, decode, run_cli
from tests.feed import portal

COMMUNE = ["--commune", "Phúc Lộc"]


def serve(httpserver, items, path="/rss"):
    httpserver.expect_request(path).respond_with_data(portal.Rss(items).xml(),
                                                      content_type="application/rss+xml")
    return httpserver.url_for(path)


def corpus_portal(httpserver, tmp_path) -> list[portal.Item]:
    """The three corpus directives, published three ways: whole in the description, only on
    the linked article page, and as a .docx attached to a short article."""
    from tests.sources.test_docx_reader import word_file_from

    cong_van, ke_hoach, thong_bao = (corpus_file(name) for name in DIRECTIVES)
    word = tmp_path / "cong-van.docx"
    word_file_from(cong_van, word)
    httpserver.expect_request("/files/cong-van.docx").respond_with_data(
        word.read_bytes(), content_type="application/octet-stream")
    httpserver.expect_request("/cong-van.html").respond_with_data(portal.article_page(
        "Công văn đôn đốc cải cách hành chính", "<p>Toàn văn xem tệp đính kèm.</p>",
        '<a href="/files/cong-van.docx">Tải về</a>'), content_type="text/html")
    plan = portal.paragraphs_html(ke_hoach.read_text(encoding="utf-8").replace("#", ""))
    httpserver.expect_request("/ke-hoach.html").respond_with_data(
        portal.article_page("Kế hoạch tuyên truyền", plan), content_type="text/html")
    notice = portal.paragraphs_html(thong_bao.read_text(encoding="utf-8").replace("#", ""))
    link = httpserver.url_for
    return [
        portal.Item("Thông báo kết luận về cải cách hành chính", link("/thong-bao.html"),
                    notice, guid="news_301", category="Thông báo"),
        portal.Item("Kế hoạch tuyên truyền", link("/ke-hoach.html"),
                    portal.TEASER.format(link=link("/ke-hoach.html"), words="Kế hoạch mới."),
                    guid="news_302"),
        portal.Item("Công văn đôn đốc cải cách hành chính", link("/cong-van.html"), "",
                    guid="news_303"),
        portal.Item("Hội thi văn nghệ chào mừng ngày hội đại đoàn kết", link("/vn.html"),
                    "Tin vui", guid="news_304"),
    ]


def test_a_portal_feed_builds_each_notice_once_across_runs(httpserver, tmp_path, monkeypatch,
                                                           capsys):
    monkeypatch.chdir(tmp_path)
    url = serve(httpserver, corpus_portal(httpserver, tmp_path))
    code, out, err = run_cli(["feed", url, *COMMUNE, "--out", "out"], capsys)
    assert code == 0, err
    assert "Tổng: 3 đã dựng, 1 bỏ qua." in out and "Hội thi văn nghệ" in out
    drafts = sorted((tmp_path / "out").glob("*/*.md"))
    assert len(drafts) == 3 and all(str(d.relative_to(tmp_path)) in out for d in drafts)
    scripts = [from_markdown(sources.read(d).text, str(d)) for d in drafts]
    assert sorted(s.kind for s in scripts) == ["cong_van", "ke_hoach", "thong_bao"]
    # the plan's own subject, not the portal page's title ("Kế hoạch tuyên truyền")
    assert any("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH HUYỆN KRÔNG NÔ" in s.title for s in scripts)
    assert any("duy trì, cải thiện" in s.printed() for s in scripts)
    for draft, script in zip(drafts, scripts, strict=True):
        assert script.approval.status == "draft" and script.source.startswith(url[:-4])
        mp3 = draft.with_name(draft.stem + "-DRAFT.mp3")
        assert len(decode(mp3, rate=8000)) / 8000 > 60  # a whole notice read, not a teaser
    stamps = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.mp3")}
    code, out, _ = run_cli(["feed", url, *COMMUNE, "--out", "out"], capsys)
    assert code == 0 and "Tổng: 1 bỏ qua, 3 đã có." in out
    assert "Hội thi văn nghệ" not in out  # told once, in the first run
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.mp3")} == stamps


def test_a_changed_notice_is_built_again_as_version_two(httpserver, tmp_path, monkeypatch,
                                                       capsys):
    monkeypatch.chdir(tmp_path)
    text = portal.paragraphs_html(portal.notice_text("tiem-phong"))
    url = serve(httpserver, [portal.Item("Công văn tiêm phòng", "http://p/cv", text, guid="1")])
    assert run_cli(["feed", url, *COMMUNE, "--out", "out"], capsys)[0] == 0
    httpserver.clear()
    serve(httpserver, [portal.Item("Công văn tiêm phòng", "http://p/cv",
                                   text.replace("15.000", "25.000"), guid="1")])
    code, out, _ = run_cli(["feed", url, *COMMUNE, "--out", "out", "--json"], capsys)
    report = json.loads(out)
    (entry,) = report["entries"]
    assert code == 0 and entry["outcome"] == "built" and entry["version"] == 2
    first, second = sorted((tmp_path / "out").glob("*/*-DRAFT.mp3"))
    assert second.name == first.name.replace("-DRAFT", "-v2-DRAFT")
    spoken = second.with_suffix(".spoken.txt").read_text(encoding="utf-8")
    assert "hai mươi lăm nghìn đồng" in spoken
    assert "mười lăm nghìn đồng" in first.with_suffix(".spoken.txt").read_text(encoding="utf-8")


def test_a_failed_entry_exits_one_and_json_says_why(httpserver, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    httpserver.expect_request("/tb.html").respond_with_data("", status=500)
    url = serve(httpserver, [portal.Item("Thông báo số 45", httpserver.url_for("/tb.html"), "",
                                         guid="45")])
    code, out, err = run_cli(["feed", url, *COMMUNE, "--out", "out", "--json"], capsys)
    report = json.loads(out)
    assert code == 1 and report["failed"] and report["counts"]["failed"] == 1
    assert "lỗi 500" in report["entries"][0]["reason"] and "Traceback" not in err
    assert not list((tmp_path / "out").glob("*/*.md"))  # nothing half-made


@pytest.mark.parametrize(("args", "says"), [
    (["--match", "thông báo("], "--match"),
    (["--interval", "nửa giờ", "--watch"], "--interval"),
    (["--since", "3/11/2025"], "NĂM-THÁNG-NGÀY"),
    (["--max-mb", "0"], "số dương"),
])
def test_bad_arguments_exit_two_with_one_line(tmp_path, monkeypatch, capsys, args, says):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["feed", "rss.xml", *COMMUNE, *args], capsys)
    assert code == 2 and says in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "audio_out").exists()


def broadcast_process(*args, cwd) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "broadcast", *map(str, args)], cwd=cwd,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            encoding="utf-8")


def test_two_concurrent_runs_never_overlap(httpserver, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    asked, released = threading.Event(), threading.Event()

    def held_page(_request):
        asked.set()
        released.wait(60)
        return Response(portal.article_page("Thông báo", portal.paragraphs_html(
            portal.notice_text("chay-rung"))), content_type="text/html")

    httpserver.expect_request("/tb.html").respond_with_handler(held_page)
    url = serve(httpserver, [portal.Item("Thông báo kết luận", httpserver.url_for("/tb.html"),
                                         "", guid="45")])
    args = ["feed", url, *COMMUNE, "--out", "out", "--timeout", "90"]
    first = broadcast_process(*args, cwd=tmp_path)
    try:
        assert asked.wait(60), first.stderr.read() if first.poll() is not None else "stuck"
        code, _, err = run_cli(args, capsys)
        assert code == 2 and "Một lần chạy khác (tiến trình" in err and "--wait" in err
        waiting = broadcast_process(*args, "--wait", cwd=tmp_path)
        time.sleep(1.5)
        assert waiting.poll() is None  # it waits its turn
    finally:
        released.set()
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert "Tổng: 1 đã dựng." in out
    out, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0 and "Đang chờ lần chạy khác" in err
    assert "Tổng: 1 đã có." in out  # it ran after, and found the work done


def test_watch_survives_a_failing_feed_and_builds_when_it_recovers(httpserver, tmp_path):
    answers = iter([Response("lỗi", status=500)])
    good = portal.Rss([portal.Item("Công văn tiêm phòng", "http://p/cv", portal.paragraphs_html(
        portal.notice_text("tiem-phong")), guid="1")]).xml()

    def feed(_request):
        return next(answers, None) or Response(good, content_type="application/rss+xml")

    httpserver.expect_request("/rss").respond_with_handler(feed)
    child = broadcast_process("feed", httpserver.url_for("/rss"), *COMMUNE, "--out", "out",
                              "--watch", "--interval", "1s", cwd=tmp_path)
    try:
        deadline = time.monotonic() + 120
        while not list((tmp_path / "out").glob("*/*-DRAFT.mp3")):
            assert time.monotonic() < deadline and child.poll() is None
            time.sleep(0.2)
        time.sleep(1.5)  # one more round: nothing new
    finally:
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    assert child.returncode == 130 and "Đã dừng." in err
    assert "lỗi 500" in out and "Tổng: 1 đã dựng." in out and "Tổng: 1 đã có." in out
    assert "Lần đọc tiếp theo lúc" in err
