"""Safe by default: host names, password, cross-site POSTs, the size cap, traversal."""

from __future__ import annotations

import base64

import pytest
from starlette.routing import Route

from broadcast.sources import limits
from broadcast.web import routes, security
from tests.web.conftest import TOML, add, client_for, drafted, text_of, token

POSTS = [r.path.replace("{month}", "2025-03").replace("{name}", "bai").replace("{job}", "x")
         for r in routes.ROUTES if isinstance(r, Route) and "POST" in r.methods]


def test_every_post_route_is_listed():
    assert len(POSTS) == 9
    assert "/them" in POSTS and "/cai-dat" in POSTS and "/api/loi-doc" in POSTS


@pytest.mark.parametrize("path", POSTS)
def test_a_post_without_the_token_is_refused(client, office, path):
    before = sorted(p.name for p in office.rglob("*"))
    answer = client.post(path, data={"body": "x", "van_ban": "Văn bản", "nguon": "x"})
    assert answer.status_code == 403
    assert "thiếu mã bảo vệ" in answer.text and "www-authenticate" not in answer.headers
    assert sorted(p.name for p in office.rglob("*")) == before


@pytest.mark.parametrize("path", POSTS)
def test_a_post_with_another_sessions_token_is_refused(office, path):
    with client_for(office) as one, client_for(office) as other:
        answer = other.post(path, data={"csrf": token(one), "van_ban": "Văn bản"})
    assert answer.status_code == 403


def test_the_token_may_come_in_a_header(client):
    answer = client.post("/api/loi-doc", data={"body": "# Tiêu đề\n\nNgày 3/4/2025."},
                         headers={"X-CSRF-Token": token(client)})
    assert answer.status_code == 200 and "mùng ba tháng tư" in answer.text


@pytest.mark.parametrize("headers", [
    {"Origin": "http://evil.example"},
    {"Origin": "http://testserver:9999"},
    {"Sec-Fetch-Site": "cross-site"},
])
def test_a_cross_site_post_is_refused_even_with_the_token(client, office, headers):
    answer = client.post("/them", data={"csrf": token(client), "van_ban": "Văn bản"},
                         headers=headers)
    assert answer.status_code == 403 and "trang khác" in answer.text
    assert "www-authenticate" not in answer.headers
    assert answer.headers["content-type"] == "text/plain; charset=utf-8"
    assert not (office / "audio_out").exists()


def test_a_same_origin_post_is_accepted(client):
    answer = client.post("/api/loi-doc", data={"csrf": token(client), "body": "Chào"},
                         headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"})
    assert answer.status_code == 200


def test_the_session_cookie_is_http_only_and_same_site(office):
    with client_for(office) as fresh:
        answer = fresh.get("/them")
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{security.COOKIE}=") and "HttpOnly" in cookie
    attributes = [part.strip() for part in cookie.split(";")[1:]]
    assert sorted(attributes) == ["HttpOnly", "Path=/", "SameSite=Strict"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in answer.headers["content-security-policy"]
    with client_for(office) as known:
        known.get("/them")
        assert "set-cookie" not in known.get("/them").headers  # the session is kept


def test_another_host_name_is_refused(client):
    answer = client.get("/them", headers={"Host": "rebind.example:8000"})
    assert answer.status_code == 400 and "Địa chỉ máy chủ" in answer.text


def test_the_local_names_are_accepted(office):
    with client_for(office, hosts=security.LOCAL_NAMES) as local:
        assert local.get("/them", headers={"Host": "127.0.0.1:8765"}).status_code == 200
        assert local.get("/them", headers={"Host": "localhost:8765"}).status_code == 200
        assert local.get("/them").status_code == 400  # 'testserver'


def basic(password: str, user: str = "canbo") -> dict:
    return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}


def test_a_password_in_broadcast_toml_is_asked_for(office):
    (office / "broadcast.toml").write_text(TOML + '\n[web]\npassword = "mật-khẩu"\n',
                                           encoding="utf-8")
    with client_for(office) as c:
        refused = c.get("/them")
        assert refused.status_code == 401 and "Basic" in refused.headers["www-authenticate"]
        assert c.get("/them", headers=basic("sai")).status_code == 401
        assert c.get("/them", headers={"Authorization": "Basic !!!"}).status_code == 401
        assert c.get("/them", headers={"Authorization": "Bearer mat-khau"}).status_code == 401
        assert c.get("/them", headers=basic("mật-khẩu")).status_code == 200
        assert c.get("/cai-dat", headers=basic("mật-khẩu")).status_code == 200


def test_a_server_for_other_computers_without_a_password_refuses_everything(office):
    with client_for(office, required=True) as c:
        answer = c.get("/them")
    assert answer.status_code == 401 and "[web] password" in answer.text


def test_a_password_that_is_not_text_is_one_line(office):
    (office / "broadcast.toml").write_text(TOML + "\n[web]\npassword = 1234\n", encoding="utf-8")
    with client_for(office) as c:
        answer = c.get("/them")
    assert answer.status_code == 500 and "web.password" in answer.text


def test_an_upload_over_the_readers_limit_is_refused_before_it_is_read(client, office,
                                                                       monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    csrf = token(client)
    big = b"a" * (security.body_limit() + 10)
    answer = add(client, big, "to.txt", csrf=csrf)
    assert answer.status_code == 413
    assert "quá giới hạn 0.000953674 MB" in answer.text
    assert not (office / "audio_out").exists()


def test_a_body_without_a_length_is_counted(client, office, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    csrf = token(client)

    def chunks():
        for _ in range(40):
            yield b"x" * 65536
    answer = client.post("/them", content=chunks(), headers={
        "Content-Type": "multipart/form-data; boundary=b", "X-CSRF-Token": csrf})
    assert answer.status_code == 413
    assert not (office / "audio_out").exists()


def test_the_cap_adds_up_the_pieces_a_server_hands_over(monkeypatch):
    """The test client hands a body over whole; a real server hands it in pieces."""
    import asyncio

    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    piece = security.body_limit() // 3
    pieces = iter([{"type": "http.request", "body": b"x" * piece, "more_body": True}] * 4)

    async def receive():
        return next(pieces)

    capped = security._capped(receive)

    async def read_all() -> int:
        got = 0
        for _ in range(4):
            got += len((await capped())["body"])
        return got
    with pytest.raises(security.TooLarge):
        asyncio.run(read_all())


def test_a_body_of_exactly_the_cap_is_read(client, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    exact = b"x" * security.body_limit()
    answer = client.post("/them", content=exact, headers={
        "Content-Type": "multipart/form-data; boundary=b", "X-CSRF-Token": token(client)})
    assert answer.status_code != 413
    over = client.post("/them", content=exact + b"x", headers={
        "Content-Type": "multipart/form-data; boundary=b", "X-CSRF-Token": token(client)})
    assert over.status_code == 413


def test_a_token_needs_a_session():
    tokens = security.Tokens(b"k" * 32)
    assert tokens.valid("phien", tokens.token("phien"))
    assert not tokens.valid("", tokens.token(""))
    assert not tokens.valid("phien", "")
    assert len(tokens.token("phien")) == 40 and tokens.token("a") != tokens.token("b")


def test_a_file_over_the_input_limit_gets_the_clis_line(client, office, monkeypatch):
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 1000)
    answer = add(client, b"a" * 5000, "to.txt")
    assert answer.status_code == 400
    assert "Lỗi: Tệp 'to.txt' lớn" in text_of(answer) and "quá giới hạn" in text_of(answer)
    assert not (office / "audio_out" / "van-ban").exists() or \
        not list((office / "audio_out" / "van-ban").iterdir())


@pytest.mark.parametrize("path", [
    "/tep/2025-03/..%2F..%2Fbroadcast.toml",
    "/tep/2025-03/%2E%2E%2F%2E%2E%2Fbroadcast.toml",
    "/tep/..%2F..%2F/broadcast.toml",
    "/tep/2025-03/..",
    "/tep/2025-03/%2Fetc%2Fpasswd",
    "/tep/2025-13/a.mp3",
    "/tep/2025-03/ngoai.txt",
    "/tep/2025-03/.an.mp3",
    "/tep/2025-03/chay.py",
    "/bai/2025-03/..%2F..%2Fbroadcast",
    "/bai/..%2F2025-03/bai",
    "/thang/..%2F..",
])
def test_files_are_served_only_from_the_output_folder(client, office, tmp_path, path):
    folder = office / "audio_out" / "2025-03"
    folder.mkdir(parents=True)
    outside = tmp_path / "bi-mat.txt"
    outside.write_text("bí mật", encoding="utf-8")
    (folder / "ngoai.txt").symlink_to(outside)
    (folder / ".an.mp3").write_bytes(b"x")
    (folder / "chay.py").write_text("print()", encoding="utf-8")
    answer = client.get(path)
    assert answer.status_code in (400, 404)
    assert "bí mật" not in answer.text and "[commune]" not in answer.text


def test_a_file_of_the_output_folder_is_served(client, office):
    folder = office / "audio_out" / "2025-03"
    folder.mkdir(parents=True)
    (folder / "bai.txt").write_text("Bài in", encoding="utf-8")
    assert client.get("/tep/2025-03/bai.txt").text == "Bài in"
    attached = client.get("/tep/2025-03/bai.txt?tai=1")
    assert attached.headers["content-disposition"].startswith("attachment")


def test_one_build_at_a_time_per_bai(client, office):
    link = drafted(client)
    path = office / "audio_out" / "2025-03" / (link.split("/")[-1] + ".md")
    jobs = client.app.app.state.ctx.jobs
    jobs.running[f"bai:{path}"] = "x"  # a build of this bài is running
    answer = client.post(f"{link}/dung", data={"csrf": token(client)})
    assert answer.status_code == 400
    assert "Bài này đang được dựng" in text_of(answer)
    assert not list(path.parent.glob("*.mp3"))
