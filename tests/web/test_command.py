"""`broadcast web`: the command's options, the address it serves, its refusals."""

from __future__ import annotations

import base64
import socket
import threading
import urllib.request

import pytest
import typer
from typer.testing import CliRunner

from broadcast.errors import BroadcastError
from broadcast.web import command
from tests.web.conftest import TOML


def app_with_web() -> typer.Typer:
    app = typer.Typer(rich_markup_mode=None)
    app.command("web")(command.web)

    @app.command("khac")
    def _other() -> None:  # a second command: typer then expects the command's name
        pass
    return app


def test_the_command_is_described_in_vietnamese():
    result = CliRunner().invoke(app_with_web(), ["web", "--help"])
    assert result.exit_code == 0
    assert "Mở trang web trên máy này" in result.output
    for option in ("--host", "--port", "--no-browser"):
        assert option in result.output
    assert "mật khẩu" in result.output


def test_another_host_needs_a_password(office):
    with pytest.raises(BroadcastError, match=r"--host 0\.0\.0\.0\) cần mật khẩu"):
        command.make_server(office, "0.0.0.0", 0)


def test_a_port_in_use_is_one_line(office):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    port = taken.getsockname()[1]
    try:
        with pytest.raises(BroadcastError, match=rf"Không mở được cổng {port} trên 127\.0\.0\.1"):
            command.make_server(office, "127.0.0.1", port)
    finally:
        taken.close()


def serve(server):
    thread = threading.Thread(target=server.run, kwargs={"sockets": [server.config.socket]},
                              daemon=True)
    thread.start()
    return thread


def test_the_address_printed_answers_and_only_by_its_names(office):
    server, url = command.make_server(office, "127.0.0.1", 0)
    port = server.config.socket.getsockname()[1]
    assert url == f"http://127.0.0.1:{port}/"
    thread = serve(server)
    try:
        with urllib.request.urlopen(url + "them", timeout=30) as answer:
            assert answer.status == 200 and "Thêm bài" in answer.read().decode()
        with urllib.request.urlopen(url.replace("127.0.0.1", "localhost") + "them",
                                    timeout=30) as answer:
            assert answer.status == 200
        request = urllib.request.Request(url + "them", headers={"Host": f"evil.example:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=30)
        assert refused.value.code == 400
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_another_host_with_a_password_asks_for_it(office):
    (office / "broadcast.toml").write_text(TOML + '\n[web]\npassword = "bi-mat"\n',
                                           encoding="utf-8")
    server, url = command.make_server(office, "127.0.0.2", 0)
    assert url.startswith("http://127.0.0.2:")
    thread = serve(server)
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url + "them", timeout=30)
        assert refused.value.code == 401
        port = server.config.socket.getsockname()[1]
        auth = {"Authorization": "Basic " + base64.b64encode(b"x:bi-mat").decode()}
        with urllib.request.urlopen(urllib.request.Request(url + "them", headers=auth),
                                    timeout=30) as answer:
            assert answer.status == 200
        local = urllib.request.Request(url + "them", headers={**auth,
                                                               "Host": f"localhost:{port}"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(local, timeout=30)
        assert refused.value.code == 400
    finally:
        server.should_exit = True
        thread.join(timeout=30)


def test_the_command_prints_the_address_and_opens_no_browser_when_asked(office, monkeypatch):
    opened, ran = [], []
    monkeypatch.setattr(command.webbrowser, "open", opened.append)

    class Server:
        def __init__(self) -> None:
            self.config = type("C", (), {"socket": None})()

        def run(self, sockets):
            ran.append(sockets)

    monkeypatch.setattr(command, "make_server", lambda folder, host, port: (
        Server(), f"http://{host}:{port}/"))
    result = CliRunner().invoke(app_with_web(), ["web", "--no-browser", "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert "Trang broadcast đang chạy tại: http://127.0.0.1:8765/" in result.output
    assert ran == [[None]] and opened == []


def test_the_command_opens_the_browser_at_the_address(office, monkeypatch):
    opened = []
    monkeypatch.setattr(command.webbrowser, "open", opened.append)

    class Server:
        config = type("C", (), {"socket": None})()

        def run(self, sockets):
            pass

    monkeypatch.setattr(command, "make_server", lambda folder, host, port: (
        Server(), f"http://{host}:{port}/"))
    result = CliRunner().invoke(app_with_web(), ["web", "--port", "8766"])
    assert result.exit_code == 0 and opened == ["http://127.0.0.1:8766/"]
