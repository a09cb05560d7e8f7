"""Writing outputs safely: every file goes to a temporary name in its folder and is renamed into
place only when all of them are written, so a reader never sees a half-written MP3 and a failed
build leaves nothing behind."""

from __future__ import annotations

import contextlib
import re
import textwrap
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from broadcast.errors import BroadcastError


def slugify(text: str, max_len: int = 60) -> str:
    """'Kế hoạch Duy trì CCHC năm 2024' → 'ke-hoach-duy-tri-cchc-nam-2024' (ASCII, safe)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0]
    return slug or "bai-tuyen-truyen"


def _missing_parents(folder: Path) -> list[Path]:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    return missing


@contextlib.contextmanager
def staged(folder: Path) -> Iterator[Callable[[str], Path]]:
    """Yield ``stage(name) -> temporary path``; on success rename all into place, else clean up."""
    created = _missing_parents(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BroadcastError(f"Không tạo được thư mục '{folder}': {exc.strerror or exc}.") from exc
    temps: dict[Path, Path] = {}

    def stage(name: str) -> Path:
        temp = folder / f".{name}.{uuid.uuid4().hex[:8]}.tmp"
        temps[folder / name] = temp
        return temp

    try:
        yield stage
        for final, temp in temps.items():
            temp.replace(final)
    except BaseException:
        for temp in temps.values():
            with contextlib.suppress(OSError):
                temp.unlink()
        for path in created:
            with contextlib.suppress(OSError):
                path.rmdir()
        raise


CAPTION_WIDTH = 60


def srt(cues: list[tuple[int, int, str]]) -> str:
    """SubRip captions from (start ms, end ms, text), numbered from 1."""
    blocks = []
    for number, (start, end, text) in enumerate(cues, 1):
        lines = textwrap.wrap(" ".join(text.split()), CAPTION_WIDTH) or [""]
        blocks.append(f"{number}\n{_srt_time(start)} --> {_srt_time(end)}\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _srt_time(ms: int) -> str:
    hours, rest = divmod(int(ms), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"
