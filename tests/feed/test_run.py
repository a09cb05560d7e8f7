"""One feed run against a local portal, decisions and state (a recording builder stands in for
the pipeline here; tests/e2e/test_feed.py builds for real)."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from broadcast.errors import BroadcastError
from broadcast.feed import FeedOptions, FetchSettings, run
from broadcast.feed.lock import Busy, RunLock
from tests.feed import portal

NOW = dt.datetime(2025, 11, 3, 9, 0)
FAST = FetchSettings(connect_timeout=2, read_timeout=1, max_bytes=200_000)


class Recorder:
    """Builds nothing: remembers what it was asked to build; can fail on a word."""

    def __init__(self, fail_on: str = "") -> None:
        self.built: list[tuple[str, int]] = []
        self.fail_on = fail_on

    def __call__(self, text, version):
        if self.fail_on and self.fail_on in text.text:
            raise RuntimeError("a bug in the pipeline")
        self.built.append((text.path, version))
        return version, {"script": f"{text.path}-v{version}.md", "mp3": f"v{version}.mp3"}


def whole(name: str) -> str:
    return portal.paragraphs_html(portal.notice_text(name))


def serve_rss(httpserver, *items, path="/rss", **headers):
    httpserver.expect_request(path).respond_with_data(
        portal.Rss(list(items)).xml(), content_type="application/rss+xml", headers=headers)
    return httpserver.url_for(path)


def opts(tmp_path, **kw) -> FeedOptions:
    return FeedOptions(out_dir=tmp_path / "out", fetch=FAST, **kw)


def item(name: str, guid: str, url: str = "http://portal.test/x", title: str = "") -> portal.Item:
    return portal.Item(title or f"Thông báo {name}", f"{url}/{guid}.html", whole(name), guid=guid)


def outcomes(report) -> list[tuple[str, str]]:
    return [(e.key, e.outcome) for e in report.entries]


def test_running_twice_builds_nothing_new_and_asks_conditionally(httpserver, tmp_path):
    url = serve_rss(httpserver, item("tiem-phong", "a"), item("chay-rung", "b"), ETag='"v1"')
    builder = Recorder()
    first = run([url], opts(tmp_path), builder, NOW)
    assert outcomes(first) == [("a", "built"), ("b", "built")] and not first.failed
    httpserver.clear()
    httpserver.expect_request("/rss", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304)
    second = run([url], opts(tmp_path), builder, NOW)
    assert second.feeds[0].outcome == "unchanged"
    assert outcomes(second) == [("a", "unchanged"), ("b", "unchanged")]
    assert len(builder.built) == 2


def test_a_changed_entry_builds_a_new_version_beside_the_old(httpserver, tmp_path):
    url = serve_rss(httpserver, item("tiem-phong", "a"))
    builder = Recorder()
    run([url], opts(tmp_path), builder, NOW)
    httpserver.clear()
    edited = item("tiem-phong", "a")
    edited.description = edited.description.replace("15.000 đồng", "20.000 đồng")
    serve_rss(httpserver, edited)
    report = run([url], opts(tmp_path), builder, NOW)
    assert outcomes(report) == [("a", "built")] and report.entries[0].version == 2
    assert [v for _, v in builder.built] == [1, 2]
    with sqlite3.connect(tmp_path / "out" / "feed.sqlite3") as db:
        rows = db.execute("SELECT version, outputs FROM builds ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [1, 2] and "v1.mp3" in rows[0][1]  # the old one is kept


def test_an_edit_that_leaves_the_notice_alone_builds_nothing(httpserver, tmp_path):
    url = serve_rss(httpserver, item("tiem-phong", "a"))
    builder = Recorder()
    run([url], opts(tmp_path), builder, NOW)
    httpserver.clear()
    new_picture = item("tiem-phong", "a")
    new_picture.description = '<img src="/uploads/anh-moi.jpg">' + new_picture.description
    serve_rss(httpserver, new_picture)
    report = run([url], opts(tmp_path), builder, NOW)
    assert outcomes(report) == [("a", "unchanged")] and len(builder.built) == 1


def test_a_duplicate_guid_is_built_once(httpserver, tmp_path):
    url = serve_rss(httpserver, item("tiem-phong", "a"), item("chay-rung", "a"))
    builder = Recorder()
    report = run([url], opts(tmp_path), builder, NOW)
    assert outcomes(report) == [("a", "built"), ("a", "skipped")]
    assert "trùng mã" in report.entries[1].reason and len(builder.built) == 1


def test_the_same_notice_in_two_feeds_is_built_once(httpserver, tmp_path):
    one = serve_rss(httpserver, item("tiem-phong", "a"), path="/huyen")
    two = serve_rss(httpserver, item("tiem-phong", "z"), path="/tinh")
    builder = Recorder()
    report = run([one, two], opts(tmp_path), builder, NOW)
    assert outcomes(report) == [("a", "built"), ("z", "skipped")]
    assert "trùng nội dung" in report.entries[1].reason
    again = run([one, two], opts(tmp_path), builder, NOW)
    assert outcomes(again) == [("a", "unchanged"), ("z", "unchanged")] and len(builder.built) == 1


def test_a_failing_entry_waits_its_backoff_and_is_never_marked_built(httpserver, tmp_path):
    page = httpserver.url_for("/tb.html")
    teaser = portal.Item("Thông báo kết luận", page, portal.TEASER.format(link=page, words="Họp."),
                         guid="t")
    url = serve_rss(httpserver, teaser, item("tiem-phong", "a"))
    httpserver.expect_request("/tb.html").respond_with_data("lỗi", status=500)
    builder = Recorder()
    first = run([url], opts(tmp_path), builder, NOW)
    assert outcomes(first) == [("t", "failed"), ("a", "built")] and first.failed
    assert "lỗi 500" in first.entries[0].reason and first.entries[0].attempts == 1
    soon = run([url], opts(tmp_path), builder, NOW + dt.timedelta(minutes=5))
    assert outcomes(soon) == [("t", "waiting"), ("a", "unchanged")] and not soon.failed
    later = run([url], opts(tmp_path), builder, NOW + dt.timedelta(minutes=20))
    assert later.entries[0].outcome == "failed" and later.entries[0].attempts == 2
    waits = run([url], opts(tmp_path), builder, NOW + dt.timedelta(minutes=40))
    assert waits.entries[0].outcome == "waiting"  # the second wait is twice as long
    with sqlite3.connect(tmp_path / "out" / "feed.sqlite3") as db:
        (status,) = db.execute("SELECT status FROM entries WHERE key = 't'").fetchone()
    assert status == "failed"
    httpserver.clear()
    serve_rss(httpserver, teaser, item("tiem-phong", "a"))
    httpserver.expect_request("/tb.html").respond_with_data(
        portal.article_page("Thông báo kết luận", whole("chay-rung")), content_type="text/html")
    fixed = run([url], opts(tmp_path, retry_now=True), builder, NOW + dt.timedelta(minutes=41))
    assert fixed.entries[0].outcome == "built" and not fixed.failed


def test_one_entry_that_breaks_the_pipeline_stops_no_other(httpserver, tmp_path):
    url = serve_rss(httpserver, item("quyet-dinh", "q"), item("tiem-phong", "a"))
    report = run([url], opts(tmp_path), Recorder(fail_on="Hòa Bình"), NOW)
    assert outcomes(report) == [("q", "failed"), ("a", "built")]
    assert "lỗi ngoài dự kiến (RuntimeError" in report.entries[0].reason


def test_a_file_link_in_a_remote_feed_is_refused(httpserver, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Thông báo mật " * 100, encoding="utf-8")
    local = portal.Item("Thông báo nội bộ", secret.as_uri(), "", guid="f")
    url = serve_rss(httpserver, local, item("tiem-phong", "a"))
    builder = Recorder()
    report = run([url], opts(tmp_path), builder, NOW)
    assert outcomes(report) == [("f", "failed"), ("a", "built")]
    assert "Từ chối tải 'file:" in report.entries[0].reason
    assert all("secret" not in path for path, _ in builder.built)


@pytest.mark.parametrize(("answer", "says"), [
    ({"response_data": "lỗi máy chủ", "status": 500}, "lỗi 500"),
    ({"response_data": portal.Rss([item("tiem-phong", "a")]).xml()[:-60]}, "cú pháp XML"),
    ({"response_data": "<!DOCTYPE html><html><body>Trang chủ</body></html>"}, "trang web"),
    ({"response_data": "x" * 300_000}, "lớn hơn giới hạn"),
])
def test_a_bad_feed_is_reported_and_the_next_feed_still_runs(httpserver, tmp_path, answer, says):
    httpserver.expect_request("/bad").respond_with_data(**answer)
    good = serve_rss(httpserver, item("tiem-phong", "a"))
    report = run([httpserver.url_for("/bad"), good], opts(tmp_path), Recorder(), NOW)
    assert [f.outcome for f in report.feeds] == ["failed", "read"] and report.failed
    assert says in report.feeds[0].message and outcomes(report) == [("a", "built")]


def test_a_redirect_loop_and_a_timeout_are_reported(httpserver, tmp_path):
    httpserver.expect_request("/loop").respond_with_data("", status=302,
                                                         headers={"Location": "/loop"})
    report = run([httpserver.url_for("/loop")], opts(tmp_path), Recorder(), NOW)
    assert "chuyển hướng quá" in report.feeds[0].message
    closed = run(["http://127.0.0.1:9/rss"], opts(tmp_path), Recorder(), NOW)
    assert closed.feeds[0].outcome == "failed" and "Không tải được" in closed.feeds[0].message


def test_an_empty_channel_is_reported_not_failed(httpserver, tmp_path):
    url = serve_rss(httpserver)
    report = run([url], opts(tmp_path), Recorder(), NOW)
    assert report.feeds[0].outcome == "empty" and not report.failed


def test_match_and_since_choose_the_entries(httpserver, tmp_path):
    old = item("quyet-dinh", "q", title="Quyết định số 25")
    old.pub_date = "Mon, 01 Sep 2025 08:00:00 +0700"
    festival = item("chay-rung", "v", title="Hội thi văn nghệ quần chúng")
    url = serve_rss(httpserver, old, festival, item("tiem-phong", "a", title="CÔNG VĂN số 12"))
    report = run([url], opts(tmp_path, since=dt.date(2025, 10, 1)), Recorder(), NOW)
    assert outcomes(report) == [("q", "skipped"), ("v", "skipped"), ("a", "built")]
    assert "trước --since" in report.entries[0].reason and not report.entries[0].seen_before
    again = run([url], opts(tmp_path, since=dt.date(2025, 10, 1)), Recorder(), NOW)
    assert [e.seen_before for e in again.entries] == [True, True, False]
    only = run([url], opts(tmp_path / "2", match="văn nghệ"), Recorder(), NOW)
    assert outcomes(only) == [("q", "skipped"), ("v", "built"), ("a", "skipped")]


def test_a_bad_match_is_a_user_error(tmp_path):
    with pytest.raises(BroadcastError, match="--match"):
        run(["x.xml"], opts(tmp_path, match="thông báo("), Recorder(), NOW)


def test_a_dry_run_reads_but_writes_nothing(httpserver, tmp_path):
    url = serve_rss(httpserver, item("tiem-phong", "a"))
    builder = Recorder()
    report = run([url], opts(tmp_path, dry_run=True), builder, NOW)
    assert outcomes(report) == [("a", "would-build")] and builder.built == []
    assert not (tmp_path / "out").exists()


def test_a_local_feed_file_with_an_atom_entry_and_a_linked_file(tmp_path):
    (tmp_path / "cv.html").write_text(portal.article_page("Công văn", whole("tiem-phong")),
                                      encoding="utf-8")
    feed = tmp_path / "atom.xml"
    feed.write_text(portal.atom([("urn:1", "Công văn số 12", "cv.html", "<p>Xem.</p>")]),
                    encoding="utf-8")
    builder = Recorder()
    report = run([str(feed)], opts(tmp_path), builder, NOW)
    assert outcomes(report) == [("urn:1", "built")]
    assert builder.built[0][0] == (tmp_path / "cv.html").as_uri()


def test_a_second_run_stops_while_the_first_holds_the_lock(tmp_path):
    options = opts(tmp_path)
    with RunLock(options.state_path), pytest.raises(Busy, match="--wait"):
        run([str(tmp_path / "none.xml")], options, Recorder(), NOW)
