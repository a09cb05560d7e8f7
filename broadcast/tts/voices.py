"""piper voices on disk: where they live, which are installed, finding one, downloading one.

A voice is two files, ``NAME.onnx`` and ``NAME.onnx.json``, in the voices folder
($BROADCAST_VOICES, else the user data folder from platformdirs + /voices), or anywhere when
given by path. Downloads use piper's own downloader into a temporary folder beside the target
and are moved into place only when both files arrived whole.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from broadcast.errors import BroadcastError

log = logging.getLogger(__name__)

VIETNAMESE = {
    "vi_VN-vais1000-medium": "một người đọc, chất lượng vừa (khuyên dùng)",
    "vi_VN-25hours_single-low": "một người đọc, chất lượng thấp, tệp nhẹ",
    "vi_VN-vivos-x_low": "nhiều người đọc, chất lượng rất thấp, tệp rất nhẹ",
}
DEFAULT_VOICE = "vi_VN-vais1000-medium"
PIPER_MISSING = "thiếu gói piper-tts. Cài bằng lệnh: pip install piper-tts"


@dataclass(frozen=True)
class VoiceFile:
    name: str
    model: Path
    config: Path
    language: str
    sample_rate: int
    speakers: int
    size_bytes: int

    @property
    def vietnamese(self) -> bool:
        return self.language.lower().startswith("vi")


def voices_dir() -> Path:
    override = os.environ.get("BROADCAST_VOICES")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("broadcast", appauthor=False)) / "voices"


def read_voice(model: Path) -> VoiceFile:
    """The voice whose model is ``model`` (its config beside it); BroadcastError if unusable."""
    config = model.with_name(model.name + ".json")
    if not model.is_file():
        raise BroadcastError(f"Không thấy tệp giọng '{model}'.")
    if not config.is_file():
        raise BroadcastError(f"Giọng '{model.name}' thiếu tệp cấu hình '{config.name}' đặt "
                             "cạnh nó. Hãy tải lại giọng.")
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
        language = data.get("language", {}).get("code") or data.get("espeak", {}).get("voice", "")
        rate = int(data["audio"]["sample_rate"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BroadcastError(f"Tệp cấu hình giọng '{config}' hỏng ({exc}). Hãy tải lại giọng.") \
            from exc
    return VoiceFile(model.name.removesuffix(".onnx"), model, config, str(language), rate,
                     int(data.get("num_speakers", 1)), model.stat().st_size)


def installed(folder: Path | None = None) -> list[VoiceFile]:
    """Every readable voice in the folder, by name; broken ones are logged and skipped."""
    folder = folder or voices_dir()
    found = []
    for model in sorted(folder.glob("*.onnx")) if folder.is_dir() else []:
        try:
            found.append(read_voice(model))
        except BroadcastError as exc:
            log.warning("%s", exc)
    return found


def find(voice: str, folder: Path | None = None) -> VoiceFile:
    """A voice by path (…/NAME.onnx) or by name in the voices folder."""
    folder = folder or voices_dir()
    if voice.endswith(".onnx") or os.sep in voice or "/" in voice:
        return read_voice(Path(voice).expanduser())
    model = folder / f"{voice}.onnx"
    if not model.is_file():
        raise BroadcastError(
            f"Chưa cài giọng piper '{voice}' (tìm trong {folder}). Cài bằng lệnh: "
            f"broadcast voices download {voice}"
        )
    return read_voice(model)


def download(name: str, folder: Path | None = None, force: bool = False) -> VoiceFile:
    """Fetch a voice with piper's downloader; the files appear only when both arrived."""
    folder = folder or voices_dir()
    try:
        from piper import download_voices
    except ImportError as exc:
        raise BroadcastError(f"Không tải được giọng: {PIPER_MISSING}.") from exc
    if (folder / f"{name}.onnx").is_file() and not force:
        return read_voice(folder / f"{name}.onnx")
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder, prefix=".download-") as tmp:
        try:
            download_voices.download_voice(name, Path(tmp), force_redownload=True)
        except ValueError as exc:
            raise BroadcastError(f"Tên giọng '{name}' không đúng dạng NGÔN NGỮ-TÊN-CHẤT LƯỢNG, "
                                 f"ví dụ {DEFAULT_VOICE}.") from exc
        except OSError as exc:  # URLError, HTTPError and disk errors are all OSErrors
            raise BroadcastError(f"Không tải được giọng '{name}': {_reason(exc)}. Hãy kiểm tra "
                                 "mạng internet và tên giọng (xem: broadcast voices list).") \
                from exc
        fetched = read_voice(Path(tmp) / f"{name}.onnx")
        for path in (fetched.config, fetched.model):  # the model last: it marks "installed"
            shutil.move(str(path), folder / path.name)
    return read_voice(folder / f"{name}.onnx")


def _reason(exc: OSError) -> str:
    import socket

    code = getattr(exc, "code", None)
    if code:
        return f"máy chủ trả lời mã {code}"
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, socket.gaierror):
        return "không tìm thấy máy chủ (máy chưa có mạng internet?)"
    if isinstance(reason, TimeoutError | socket.timeout):
        return "máy chủ không trả lời kịp"
    if isinstance(reason, ConnectionError):
        return "không kết nối được tới máy chủ"
    return f"lỗi mạng hoặc ổ đĩa ({getattr(reason, 'strerror', None) or reason})"
