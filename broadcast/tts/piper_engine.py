"""piper: neural voices run offline through onnxruntime, once a voice has been downloaded.

Voices are found by name in the voices folder or by path (``tts.voices``). A loaded voice is
kept for the life of the process: loading takes a second or two, synthesis of a sentence a
fraction of that. piper returns one chunk per sentence it finds; they are joined with a short
silence (``sentence_silence``).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from broadcast.errors import BroadcastError
from broadcast.tts import Audio, Availability
from broadcast.tts import voices as voice_files

log = logging.getLogger(__name__)

_loaded: dict[Path, object] = {}
_load_lock = threading.Lock()


class PiperEngine:
    name = "piper"
    description = "piper, giọng nơ-ron, không cần mạng (tải giọng một lần)"
    default_voice = voice_files.DEFAULT_VOICE
    concurrency = 1  # onnxruntime already uses every core for one sentence
    settings_ranges = {"speaker": (0, 10_000), "length_scale": (0.5, 2.0),
                       "noise_scale": (0.0, 1.5), "noise_w": (0.0, 1.5),
                       "sentence_silence": (0.0, 2.0)}

    def __init__(self, voices_dir: str | Path | None = None, speaker: int | str | None = None,
                 length_scale: float | None = None, noise_scale: float | None = None,
                 noise_w: float | None = None, sentence_silence: float = 0.2) -> None:
        self.folder = Path(voices_dir) if voices_dir else voice_files.voices_dir()
        self.speaker = speaker
        self.length_scale = length_scale
        self.noise_scale = noise_scale
        self.noise_w = noise_w
        self.sentence_silence = sentence_silence
        self._files: dict[str, voice_files.VoiceFile] = {}  # voice asked for → its files

    def available(self) -> Availability:
        try:
            import piper  # noqa: F401
        except ImportError:
            return Availability(False, voice_files.PIPER_MISSING + ".")
        names = [v.name for v in voice_files.installed(self.folder) if v.vietnamese]
        if names:
            return Availability(True, f"giọng tiếng Việt đã cài: {', '.join(names)}")
        return Availability(True, "chưa cài giọng tiếng Việt nào (broadcast voices download "
                                  f"{voice_files.DEFAULT_VOICE})")

    def _file(self, voice: str) -> voice_files.VoiceFile:
        """The voice's files, looked up once per engine (not for every segment)."""
        if voice not in self._files:
            self._files[voice] = voice_files.find(voice, self.folder)
        return self._files[voice]

    def fingerprint(self, voice: str) -> dict:
        found = self._file(voice)
        stat = found.model.stat()
        return {"model": found.name, "size": stat.st_size, "mtime": stat.st_mtime_ns,
                "speaker": self.speaker, "length_scale": self.length_scale,
                "noise_scale": self.noise_scale, "noise_w": self.noise_w,
                "sentence_silence": self.sentence_silence}

    def load(self, voice: str | None = None):
        """The loaded piper voice (loaded once per process); BroadcastError if unusable."""
        found = self._file(voice or self.default_voice)
        with _load_lock:
            if found.model not in _loaded:
                _loaded[found.model] = _load(found)
            return _loaded[found.model]

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        import numpy as np

        loaded = self.load(voice)
        rate = loaded.config.sample_rate
        gap = np.zeros(int(rate * self.sentence_silence), dtype=np.int16)
        pieces = []
        for chunk in loaded.synthesize(text, self._config(loaded)):
            if pieces:
                pieces.append(gap)
            pieces.append(chunk.audio_int16_array)
        if not pieces:
            raise BroadcastError(f"piper không đọc được đoạn '{text[:50]}…' (không ra âm nào).")
        log.debug("piper: %d sentence chunks for %r", (len(pieces) + 1) // 2, text[:40])
        return Audio(np.concatenate(pieces).astype("<i2").tobytes(), "pcm_s16le", rate, 1)

    def _config(self, loaded):
        from piper import SynthesisConfig

        return SynthesisConfig(speaker_id=self._speaker_id(loaded),
                               length_scale=self.length_scale, noise_scale=self.noise_scale,
                               noise_w_scale=self.noise_w)

    def _speaker_id(self, loaded) -> int | None:
        if self.speaker is None or loaded.config.num_speakers <= 1:
            return None
        if isinstance(self.speaker, int) or str(self.speaker).isdigit():
            speaker = int(self.speaker)
            if speaker < loaded.config.num_speakers:
                return speaker
        elif self.speaker in loaded.config.speaker_id_map:
            return loaded.config.speaker_id_map[self.speaker]
        raise BroadcastError(f"Giọng piper không có người đọc '{self.speaker}' (có "
                             f"{loaded.config.num_speakers} người, số từ 0).")


def _load(found: voice_files.VoiceFile):
    try:
        from piper import PiperVoice
    except ImportError as exc:
        raise BroadcastError(f"Không dùng được piper: {voice_files.PIPER_MISSING}.") from exc
    try:
        log.info("piper: loading %s", found.model)
        return PiperVoice.load(found.model, config_path=found.config,
                               download_dir=found.model.parent)
    except Exception as exc:  # onnxruntime raises its own types for a damaged model
        raise BroadcastError(f"Không nạp được giọng piper '{found.name}': {exc}. Hãy tải lại "
                             f"giọng: broadcast voices download {found.name}") from exc
