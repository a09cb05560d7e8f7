"""The approval seal: an HMAC over what a leader approved, with a key that lives only in this
user's config folder. A hand-written approval, an edit after approval, or a seal made on another
installation does not verify.

Besides the MAC the seal keeps a short digest of each sealed field, so a refusal can say what
changed (the digests decide nothing: only the MAC does).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from broadcast.errors import BroadcastError

KEY_NAME = "approval.key"
DIGEST_CHARS = 4  # per field, to name what changed
MAC_CHARS = 32


def config_dir() -> Path:
    """$BROADCAST_CONFIG, else the user's config folder (platformdirs)."""
    override = os.environ.get("BROADCAST_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("broadcast", appauthor=False)


def key_path() -> Path:
    return config_dir() / KEY_NAME


def key(create: bool = True) -> bytes | None:
    """This installation's secret, created on first use, readable only by the user."""
    path = key_path()
    try:
        _private(path)
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except FileNotFoundError:
        if not create:
            return None
    except (OSError, ValueError) as exc:
        raise BroadcastError(f"Không đọc được khóa phê duyệt '{path}' ({exc}). Đổi tên tệp đó "
                             "rồi duyệt lại các bài.") from exc
    return _create(path)


def _private(path: Path) -> None:
    """A key others can read is made readable only by the user again."""
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(0o600)


def _create(path: Path) -> bytes:
    secret = secrets.token_bytes(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process made it just now
        return key(create=False) or b""
    except OSError as exc:
        raise BroadcastError(f"Không tạo được khóa phê duyệt '{path}': "
                             f"{exc.strerror or exc}.") from exc
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(secret.hex() + "\n")
    return secret


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:DIGEST_CHARS]


def _mac(secret: bytes, fields: dict[str, str]) -> str:
    material = "\n".join(f"{name}={' '.join(value.split())}" for name, value in fields.items())
    return hmac.new(secret, material.encode("utf-8"), hashlib.sha256).hexdigest()[:MAC_CHARS]


def _normal(fields: dict[str, str]) -> dict[str, str]:
    return {name: " ".join(str(value).split()) for name, value in fields.items()}


def sign(fields: dict[str, str]) -> str:
    """'<digest of each field><MAC>': the seal recorded in the script's front matter."""
    fields = _normal(fields)
    return "".join(_digest(v) for v in fields.values()) + "." + _mac(key(), fields)


def changed(fields: dict[str, str], seal: str) -> list[str] | None:
    """None when ``seal`` verifies for ``fields``; else the names of the fields that differ from
    what was sealed ([] when none does: a seal from another installation or made by hand)."""
    fields = _normal(fields)
    digests, _, mac = seal.strip().partition(".")
    secret = key(create=False)
    if secret is not None and mac and hmac.compare_digest(mac, _mac(secret, fields)):
        return None
    size = DIGEST_CHARS
    if len(digests) != size * len(fields):
        return []
    return [name for n, (name, value) in enumerate(fields.items())
            if digests[n * size:(n + 1) * size] != _digest(value)]
