"""korva: KorvaTTS's natural Vietnamese voices, offline through onnxruntime (korvatts package).

The assets are downloaded once (``tts.korva_assets``); the package's own ``TTS`` loads them and
synthesizes. A loaded model is kept for the life of the process. Every call is seeded, so the
same sentence with the same settings always sounds the same (the segment cache relies on it).
A segment longer than the model takes at once is cut first at sentence and clause marks by
``tts.chunks`` (never inside a two-syllable word), each piece synthesized, and the pieces
joined with a short pause.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from broadcast.errors import BroadcastError
from broadcast.tts import Audio, Availability
from broadcast.tts import korva_assets as assets
from broadcast.tts.chunks import split_requests

log = logging.getLogger(__name__)

MAX_CHARS = 300  # korvatts cuts Vietnamese text longer than this itself, between any two words
PIECE_PAUSE_S = 0.3  # between the pieces of a long segment, as korvatts joins its own chunks
DEFAULT_SPEED = 1.05  # korvatts.tts.DEFAULT_SPEED
DEFAULT_STEPS = 32  # korvatts.tts.DEFAULT_TOTAL_STEPS: best quality
DEFAULT_SEED = 0
# Never fetch from the hub behind the officer's back (that is `voices download korva`'s job);
# the CPU: the same sound on every machine, and GPU packages are not part of the install.
LOAD_OPTIONS = {"device": "cpu", "auto_download": False}

_loaded: dict[Path, object] = {}
_load_lock = threading.Lock()


class KorvaEngine:
    name = "korva"
    description = "KorvaTTS, giọng tiếng Việt tự nhiên, không cần mạng (tải giọng một lần)"
    default_voice = assets.DEFAULT_VOICE
    concurrency = 1  # onnxruntime already uses every core for one sentence
    settings_ranges = {"speed": (0.5, 2.0), "steps": (1, 32), "seed": (0, 2**31 - 1)}

    def __init__(self, voices_dir: str | Path | None = None, speed: float = DEFAULT_SPEED,
                 steps: int = DEFAULT_STEPS, seed: int = DEFAULT_SEED) -> None:
        self.folder = assets.assets_dir(Path(voices_dir) if voices_dir else None)
        self.speed = float(speed)
        self.steps = _whole("steps", steps)
        self.seed = _whole("seed", seed)
        self._styles: dict[str, object] = {}
        self._prints: dict[str, dict] = {}

    def available(self) -> Availability:
        problem = assets.package_missing()
        if problem:
            return Availability(False, problem + ".")
        found = assets.installed_voices(self.folder)
        if not found:
            return Availability(False, "chưa tải giọng KorvaTTS (broadcast voices download "
                                       "korva)")
        return Availability(True, f"giọng đã cài: {', '.join(found)}")

    def fingerprint(self, voice: str) -> dict:
        """Looked up once per voice and engine (the batch asks for every segment)."""
        if voice not in self._prints:
            import korvatts

            model = [_stamp(self.folder / "onnx" / name) for name in assets.ONNX_FILES]
            self._prints[voice] = {
                "model": model, "style": _stamp(self._style_file(voice)),
                "korvatts": korvatts.__version__, "speed": self.speed,
                "steps": self.steps, "seed": self.seed}
        return self._prints[voice]

    def load(self, voice: str | None = None):
        """The loaded model (once per process) with the voice checked; BroadcastError if not."""
        voice = voice or self.default_voice
        model = _model(self.folder)
        if voice not in self._styles:
            self._style_file(voice)
            self._styles[voice] = _style(model, voice)
        return model

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        import numpy as np

        voice = voice or self.default_voice
        model = self.load(voice)
        gap = np.zeros(int(model.sample_rate * PIECE_PAUSE_S))
        pieces = []
        for piece in split_requests(text, MAX_CHARS):
            wav, _ = model.synthesize(piece, voice=self._styles[voice], lang="vi",
                                      total_steps=self.steps, speed=self.speed, seed=self.seed)
            pieces += [gap, wav] if pieces else [wav]
        if not pieces:
            raise BroadcastError("KorvaTTS không đọc được một đoạn không có chữ nào.")
        log.debug("korva: %d pieces for %r", (len(pieces) + 1) // 2, text[:40])
        samples = np.clip(np.concatenate(pieces), -1.0, 1.0) * 32767
        return Audio(samples.astype("<i2").tobytes(), "pcm_s16le", model.sample_rate)

    def _style_file(self, voice: str) -> Path:
        path = self.folder / "voice_styles" / f"{voice}.json"
        if voice not in assets.installed_voices(self.folder):
            known = ", ".join(assets.installed_voices(self.folder)) or "chưa có giọng nào"
            raise BroadcastError(f"KorvaTTS không có giọng '{voice}' (trong {self.folder}: "
                                 f"{known}). Tải giọng: broadcast voices download korva")
        return path


def _whole(key: str, value) -> int:
    if isinstance(value, bool) or not float(value).is_integer():
        raise BroadcastError(f"Thiết lập '{key}' của bộ đọc korva phải là số nguyên, không phải "
                             f"'{value}'.")
    return int(value)


def _stamp(path: Path) -> list:
    stat = path.stat()
    return [path.name, stat.st_size, stat.st_mtime_ns]


def _model(folder: Path):
    with _load_lock:
        if folder not in _loaded:
            _loaded[folder] = _load(folder)
        return _loaded[folder]


def _load(folder: Path):
    if assets.package_missing():
        raise BroadcastError(f"Không dùng được KorvaTTS: {assets.KORVA_MISSING}.")
    if not assets.installed_voices(folder):
        raise BroadcastError(f"Chưa tải giọng KorvaTTS (tìm trong {folder}). Tải bằng lệnh: "
                             "broadcast voices download korva")
    from korvatts import TTS

    try:
        log.info("korva: loading %s", folder)
        return TTS(assets_dir=folder, **LOAD_OPTIONS)
    except Exception as exc:  # onnxruntime and json raise their own types for damaged files
        raise BroadcastError(f"Không nạp được KorvaTTS từ {folder}: {exc}. Hãy tải lại: "
                             "broadcast voices download korva --force") from exc


def _style(model, voice: str):
    try:
        return model.get_voice(voice)
    except (OSError, ValueError) as exc:
        raise BroadcastError(f"Tệp giọng KorvaTTS '{voice}' hỏng ({exc}). Hãy tải lại: "
                             "broadcast voices download korva --force") from exc
