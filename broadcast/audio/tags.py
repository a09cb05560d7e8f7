"""ID3v2 tags of the finished MP3, written with mutagen: ffmpeg's muxer would store the comment
as a TXXX frame, which players do not show as the comment."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mutagen.id3 import COMM, ID3, TALB, TCON, TDRC, TIT2, TLAN, TPE1

from broadcast.errors import BroadcastError


@dataclass(frozen=True)
class Tags:
    title: str
    artist: str
    album: str
    date: str
    comment: str = ""
    genre: str = "Speech"
    language: str = "vie"


def write(path: str | Path, tags: Tags) -> None:
    """Replace the tags of the MP3 at ``path`` (ID3v2.3, which every player reads)."""
    id3 = ID3()
    id3.add(TIT2(encoding=3, text=tags.title))
    id3.add(TPE1(encoding=3, text=tags.artist))
    id3.add(TALB(encoding=3, text=tags.album))
    id3.add(TDRC(encoding=3, text=tags.date))
    id3.add(TCON(encoding=3, text=tags.genre))
    id3.add(TLAN(encoding=3, text=tags.language))
    if tags.comment:
        id3.add(COMM(encoding=3, lang=tags.language, desc="", text=tags.comment))
    try:
        id3.save(str(path), v2_version=3)
    except OSError as exc:
        raise BroadcastError(f"Không ghi được thẻ ID3 vào '{path}': {exc.strerror or exc}.") \
            from exc
