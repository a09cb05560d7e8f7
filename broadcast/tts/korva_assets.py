"""KorvaTTS's files on disk: where they live, whether they are whole, fetching them once.

The assets are the four ONNX graphs with ``tts.json`` and ``unicode_indexer.json`` under
``onnx/``, and one ``voice_styles/<name>.json`` per voice, in ``<voices folder>/korvatts/`` (the
voices folder of piper: $BROADCAST_VOICES, else the user data folder). They come from the model
hub (``dogenthq/KorvaTTS``, or $KORVATTS_HF_REPO) through huggingface_hub's
``snapshot_download``, the client korvatts itself uses, into a temporary folder beside the
target; they are moved into place only when every expected file arrived. The client's own
cache is kept in that temporary folder too: nothing is left in ~/.cache/huggingface, and an
earlier download is never taken from there instead of the hub.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from broadcast.errors import BroadcastError
from broadcast.tts import voices as voice_files

log = logging.getLogger(__name__)

FOLDER = "korvatts"
REPO = "dogenthq/KorvaTTS"
REPO_ENV = "KORVATTS_HF_REPO"
HUB = "https://huggingface.co"
PATTERNS = ["onnx/*", "voice_styles/*"]
# korvatts.assets.ONNX_FILES (a test keeps the two equal); here so that listing voices does not
# need the package.
ONNX_FILES = ("duration_predictor.onnx", "text_encoder.onnx", "vector_estimator.onnx",
              "vocoder.onnx", "tts.json", "unicode_indexer.json")
KORVA_MISSING = 'thiếu gói korvatts. Cài bằng lệnh: pip install ".[korva]"'
HUB_TIMEOUT = 3.0  # seconds init waits for the hub before offering the download
DOWNLOAD_MB = 400  # estimated from the model's 99M parameters; the package does not state it


@dataclass(frozen=True)
class KorvaVoice:
    name: str
    label: str  # its Vietnamese name
    gender: str  # "nữ" or "nam"


VOICES = {v.name: v for v in (
    KorvaVoice("bao_kim", "Bảo Kim", "nữ"), KorvaVoice("khanh_vy", "Khánh Vy", "nữ"),
    KorvaVoice("ngoc_huyen", "Ngọc Huyền", "nữ"), KorvaVoice("phuong_linh", "Phương Linh", "nữ"),
    KorvaVoice("quynh_nhu", "Quỳnh Như", "nữ"), KorvaVoice("gia_bao", "Gia Bảo", "nam"),
    KorvaVoice("hoang_nam", "Hoàng Nam", "nam"), KorvaVoice("huu_dat", "Hữu Đạt", "nam"),
    KorvaVoice("quang_huy", "Quang Huy", "nam"), KorvaVoice("thanh_phong", "Thanh Phong", "nam"),
)}
DEFAULT_VOICE = "khanh_vy"


def assets_dir(voices_folder: Path | None = None) -> Path:
    return (voices_folder or voice_files.voices_dir()) / FOLDER


def expected_files() -> list[str]:
    """Every file a whole download has, relative to the assets folder."""
    return [f"onnx/{name}" for name in ONNX_FILES] + \
        [f"voice_styles/{name}.json" for name in VOICES]


def missing(folder: Path) -> list[str]:
    return [path for path in expected_files() if not (folder / path).is_file()]


def installed_voices(folder: Path) -> list[str]:
    """The voices usable in ``folder``: none unless all of the model's files are there."""
    if any(not (folder / "onnx" / name).is_file() for name in ONNX_FILES):
        return []
    return sorted(p.stem for p in (folder / "voice_styles").glob("*.json"))


def package_missing() -> str:
    """Why korvatts cannot be imported ('' when it can)."""
    try:
        import korvatts  # noqa: F401
    except ImportError:
        return KORVA_MISSING
    return ""


def repo() -> str:
    return os.environ.get(REPO_ENV) or REPO


def endpoint() -> str:
    """The hub's address; HF_ENDPOINT is read at each call (huggingface_hub reads it once)."""
    return (os.environ.get("HF_ENDPOINT") or HUB).rstrip("/")


def hub_reachable(timeout: float = HUB_TIMEOUT) -> bool:
    """Whether the model hub answers about the repository within ``timeout`` seconds (urlopen
    raises for an error status)."""
    url = f"{endpoint()}/api/models/{repo()}"
    try:
        urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=timeout).close()
    except (OSError, ValueError) as exc:
        log.info("hub %s not reachable: %s", url, exc)
        return False
    return True


def download(voices_folder: Path | None = None, force: bool = False) -> Path:
    """Fetch the assets with the hub client; the folder appears only when whole."""
    target = assets_dir(voices_folder)
    if not missing(target) and not force:
        return target
    if package_missing():  # korvatts brings the hub client; without it the files are useless
        raise BroadcastError(f"Không tải được giọng KorvaTTS: {KORVA_MISSING}.")
    created = not target.parent.exists()
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        _fetch(target)
    except BaseException:
        if created and not any(target.parent.iterdir()):
            target.parent.rmdir()  # a failed first download leaves no empty voices folder
        raise
    return target


def _fetch(target: Path) -> None:
    from huggingface_hub import snapshot_download

    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".download-korva-") as tmp:
        fetched = Path(tmp) / FOLDER
        try:
            snapshot_download(repo_id=repo(), allow_patterns=PATTERNS, local_dir=fetched,
                              endpoint=endpoint(), cache_dir=Path(tmp) / "hub-cache")
        except Exception as exc:  # the hub client raises HTTP, network and disk errors alike
            raise BroadcastError(f"Không tải được giọng KorvaTTS từ {repo()}: {reason(exc)}; "
                                 "chưa cài gì.") from exc
        _check_whole(fetched)
        shutil.rmtree(fetched / ".cache", ignore_errors=True)  # the client's own bookkeeping
        _swap(fetched, target, Path(tmp) / "old")


def _check_whole(folder: Path) -> None:
    lost = missing(folder)
    if lost:
        shown = ", ".join(lost[:3]) + (f" và {len(lost) - 3} tệp nữa" if len(lost) > 3 else "")
        raise BroadcastError(f"Bản tải về từ {repo()} thiếu {shown}; chưa cài gì. Thử lại sau "
                             "(broadcast voices download korva).")


def _swap(fetched: Path, target: Path, old: Path) -> None:
    """Put ``fetched`` in the place of ``target``; an earlier copy is put back on failure."""
    if target.exists():
        target.rename(old)
    try:
        fetched.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise


def reason(exc: BaseException) -> str:
    """What went wrong, in a few Vietnamese words, from the exception or what caused it."""
    for cause in _chain(exc):
        kind = type(cause).__name__
        status = getattr(getattr(cause, "response", None), "status_code", None)
        if kind in ("RepositoryNotFoundError", "RevisionNotFoundError"):
            return "máy chủ không có kho giọng này"
        if kind == "OfflineModeIsEnabled":
            return "huggingface_hub đang ở chế độ không mạng (HF_HUB_OFFLINE)"
        if isinstance(status, int):
            return f"máy chủ trả lời mã {status}"
        if "Timeout" in kind:
            return "máy chủ không trả lời kịp"
        if "Connect" in kind or isinstance(cause, ConnectionError):
            return "không kết nối được tới máy chủ (máy chưa có mạng internet?)"
    if isinstance(exc, OSError) and exc.strerror:
        return f"lỗi ổ đĩa ({exc.strerror})"
    return f"lỗi khi tải ({type(exc).__name__})"


def _chain(exc: BaseException | None):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__
