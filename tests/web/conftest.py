"""A working folder with broadcast.toml (espeak, always: the default engine may change) and
the page's test client; helpers that read what the page shows."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.conftest import CORPUS

REAL = CORPUS / "real"
SHORT_REAL = "15_tb-ra-quan-vsmt-2025-phuong-ba-dinh-hanoi.txt"
TOML = """[commune]
name = "Phúc Lộc"
district = "huyện Ba Bể"   # giữ chú thích

[signer]
name = "Nông Văn Nhượng"

[voice]
engine = "espeak"

[voice.espeak]
rate = 170
"""


@pytest.fixture
def office(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "dai-xa"
    folder.mkdir()
    (folder / "broadcast.toml").write_text(TOML, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def client_for(folder: Path, **given):
    from starlette.testclient import TestClient

    from broadcast.web.app import create_app

    given.setdefault("hosts", ("testserver",))
    given.setdefault("background", False)
    return TestClient(create_app(folder, **given), follow_redirects=False)


@pytest.fixture
def client(office):
    with client_for(office) as c:
        yield c


def token(client) -> str:
    page = client.get("/them")
    assert page.status_code == 200
    return re.search(r'name="csrf" value="([^"]+)"', page.text)[1]


def text_of(page) -> str:
    """The page's words, without tags."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.text)).split())


def field(page, name: str) -> str:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', page.text)
    return html.unescape(found[1]) if found else ""


def textarea(page, name: str) -> str:
    found = re.search(rf'<textarea name="{name}"[^>]*>(.*?)</textarea>', page.text, re.S)
    return html.unescape(found[1])


def real_document(name: str = SHORT_REAL) -> Path:
    path = REAL / name
    if not path.exists():
        pytest.skip(f"corpus not available: {path}")
    return path


def as_docx(text_file: Path, target: Path) -> Path:
    """The document as an officer gets it from Word: one paragraph a line."""
    import docx

    document = docx.Document()
    for line in text_file.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(target))
    return target


def add(client, data: bytes, name: str, day: str = "2025-03-10", csrf: str | None = None):
    return client.post("/them", data={"csrf": csrf or token(client), "ngay": day},
                       files={"tep": (name, data, "application/octet-stream")})


def draft_link(page) -> str:
    return re.search(r'id="to-draft" href="([^"]+)"', page.text)[1]


SAMPLE_NOTICE = """ỦY BAN NHÂN DÂN HUYỆN BA BỂ
Số: 45/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Ba Bể, ngày 05 tháng 3 năm 2025

THÔNG BÁO
Về việc phòng cháy, chữa cháy rừng mùa khô

Ủy ban nhân dân huyện thông báo như sau:

1. Các xã tổ chức tuyên truyền để nhân dân không đốt nương rẫy trong những ngày nắng nóng.
2. Các thôn bố trí người canh lửa, báo ngay khi có cháy.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hoàng Văn An
"""


def drafted(client, text: str = SAMPLE_NOTICE, day: str = "2025-03-10") -> str:
    """A bài drafted from pasted text; its page's address."""
    page = client.post("/them", data={"csrf": token(client), "ngay": day, "van_ban": text})
    assert page.status_code == 200, text_of(page)
    return draft_link(page)
