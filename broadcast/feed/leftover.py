"""What a feed run stopped in the middle of a build left behind: the draft script of the
version it was building, and perhaps some of its outputs. A complete set is kept (the version
is finished); a half one is removed, so the version is built again under the same name and
number, never as a v2 of unchanged content."""

from __future__ import annotations

import contextlib
import glob
import logging
from pathlib import Path

from broadcast import script as scripts
from broadcast import writers
from broadcast.sources import SourceText

log = logging.getLogger(__name__)


def drafts_of(out_dir: Path, text: SourceText, version: int) -> list[Path]:
    """The draft script files of ``text``'s ``version`` under the output folder."""
    owner = scripts.source_hash(text.text)
    found = []
    for path in Path(out_dir).glob("*/*.md"):
        front = _front(path)
        if front.get("source_hash") == owner and front.get("status") == scripts.DRAFT \
                and int(front.get("version") or 1) == version:
            found.append(path)
    return found


def _front(path: Path) -> dict[str, str]:
    try:
        head = path.read_text(encoding="utf-8")[:4000]
    except (OSError, UnicodeDecodeError):
        return {}
    match = scripts.FRONT.match(head + "\n")
    if not match:
        return {}
    pairs = (line.partition(":") for line in match["front"].splitlines())
    return {k.strip(): v.strip() for k, colon, v in pairs if colon and not k.startswith("#")}


def outputs_of(script: Path) -> dict[str, str] | None:
    """The draft broadcast built from ``script``, when all of it is in place and agrees with
    its manifest."""
    for manifest in script.parent.glob(f"{glob_escape(script.stem)}*-DRAFT.json"):
        data = writers.read_json(manifest)
        if not data or data.get("name") != script.stem:
            continue
        if writers.mismatch(manifest) or not data.get("files"):
            return None
        mp3 = manifest.with_suffix(".mp3")
        return {"script": str(script), "mp3": str(mp3), "docx": str(mp3.with_suffix(".docx")),
                "manifest": str(manifest)}
    return None


def settle(out_dir: Path, text: SourceText, version: int) -> dict[str, str] | None:
    """The outputs of a version finished before the run stopped, else None after removing
    what it half wrote."""
    for script in drafts_of(out_dir, text, version):
        done = outputs_of(script)
        if done is not None:
            return done
        remove_half(script)
    return None


def remove_half(script: Path) -> None:
    """A half-built draft's script (outputs it left under its name are replaced by the
    rebuild, which takes the same name once the script is gone)."""
    with contextlib.suppress(OSError):
        script.unlink()
        log.info("removed %s, left by a stopped feed run", script)


def glob_escape(text: str) -> str:
    return glob.escape(text)
