"""`broadcast web`: the local page for officers who never open a terminal."""

from __future__ import annotations

import socket
import webbrowser
from pathlib import Path

import typer

from broadcast.errors import BroadcastError
from broadcast.web.security import LOCAL_NAMES

HOST_HELP = ("Địa chỉ mạng để mở trang (mặc định 127.0.0.1: chỉ máy này). Địa chỉ khác cần "
             "mật khẩu: [web] password trong broadcast.toml.")


def web(
    host: str = typer.Option("127.0.0.1", "--host", help=HOST_HELP),
    port: int = typer.Option(0, "--port", help="Cổng (mặc định: một cổng còn trống)."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Không tự mở trình duyệt "
                                    "(chạy như một dịch vụ)."),
) -> None:
    """Mở trang web trên máy này: thêm bài, sửa, duyệt, dựng, nghe và tải về."""
    server, url = make_server(Path.cwd(), host, port)
    typer.echo(f"Trang broadcast đang chạy tại: {url}")
    typer.echo("Mở địa chỉ trên bằng trình duyệt. Nhấn Ctrl+C để dừng.")
    if not no_browser:  # the socket listens already: the browser's request waits for us
        webbrowser.open(url)
    server.run(sockets=[server.config.socket])


def make_server(folder: Path, host: str, port: int):
    """A uvicorn server for the page of ``folder`` on a socket already bound (so the address
    printed is the one that answers), and its address."""
    import uvicorn

    from broadcast.web.app import create_app
    from broadcast.web.workspace import Workspace

    local = host in LOCAL_NAMES
    if not local and not Workspace(folder).password():
        raise BroadcastError(f"Mở trang cho máy khác (--host {host}) cần mật khẩu: ghi vào "
                             "broadcast.toml mục [web] với password = \"…\" rồi chạy lại.")
    sock = bind(host, port)
    bound = sock.getsockname()[1]
    names = {*LOCAL_NAMES, host} if local else {host}
    app = create_app(folder, hosts=names, required=not local)
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    server.config.socket = sock
    shown = f"[{host}]" if ":" in host else host
    return server, f"http://{shown}:{bound}/"


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise BroadcastError(f"Không mở được cổng {port} trên {host}: {exc.strerror or exc}. "
                             "Chọn cổng khác bằng --port, hoặc bỏ --port để dùng cổng trống."
                             ) from exc
    sock.listen(128)
    sock.set_inheritable(True)
    return sock
