"""espeak-ng through the library that espeakng-loader ships: offline, always there, robotic."""

from __future__ import annotations

import ctypes
import logging
import threading
from array import array

from broadcast.errors import BroadcastError
from broadcast.tts import Audio, Availability

log = logging.getLogger(__name__)

AUDIO_OUTPUT_SYNCHRONOUS = 2
ESPEAK_CHARS_UTF8 = 1
ESPEAK_RATE = 1
ESPEAK_PITCH = 3
POS_CHARACTER = 1

_SYNTH_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


VOICES = {
    "vi": "miền Bắc (Hà Nội)",
    "vi-VN-x-central": "miền Trung (Huế)",
    "vi-VN-x-south": "miền Nam (Sài Gòn)",
}


class _Library:
    """The loaded libespeak-ng, initialized once. It keeps global state: one caller at a time."""

    _instance: _Library | None = None
    _create_lock = threading.Lock()

    def __init__(self) -> None:
        import espeakng_loader

        self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
        self.lib.espeak_Initialize.restype = ctypes.c_int
        self.lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p,
                                               ctypes.c_int]
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.lib.espeak_Synth.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint,
                                          ctypes.c_int, ctypes.c_uint, ctypes.c_uint,
                                          ctypes.c_void_p, ctypes.c_void_p]
        data = espeakng_loader.get_data_path().encode()
        self.sample_rate = self.lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, data, 0)
        if self.sample_rate <= 0:
            raise OSError(f"espeak_Initialize failed ({self.sample_rate})")
        self._samples = array("h")
        self._callback = _SYNTH_CALLBACK(self._collect)
        self.lib.espeak_SetSynthCallback(self._callback)
        self.lock = threading.Lock()

    @classmethod
    def get(cls) -> _Library:
        with cls._create_lock:
            if cls._instance is None:
                cls._instance = cls()
            return cls._instance

    def _collect(self, wav, count: int, events) -> int:
        if wav and count > 0:
            self._samples.extend(wav[:count])
        return 0

    def set_voice(self, voice: str) -> None:
        """Select ``voice``; the caller holds the lock."""
        if self.lib.espeak_SetVoiceByName(voice.encode()) != 0:
            raise BroadcastError(
                f"espeak-ng không có giọng '{voice}'. Hãy dùng {', '.join(VOICES)}."
            )

    def synth(self, text: str, voice: str, rate: int, pitch: int) -> bytes:
        with self.lock:
            self.set_voice(voice)
            self.lib.espeak_SetParameter(ESPEAK_RATE, rate, 0)
            self.lib.espeak_SetParameter(ESPEAK_PITCH, pitch, 0)
            self._samples = array("h")
            data = text.encode("utf-8")
            status = self.lib.espeak_Synth(data, len(data) + 1, 0, POS_CHARACTER, 0,
                                           ESPEAK_CHARS_UTF8, None, None)
            self.lib.espeak_Synchronize()
            if status != 0:
                raise BroadcastError(f"espeak-ng không đọc được đoạn: '{text[:60]}…'.")
            return self._samples.tobytes()


class EspeakEngine:
    name = "espeak"
    description = "espeak-ng nhúng sẵn, không cần mạng (giọng máy)"
    default_voice = "vi"
    concurrency = 1  # the library keeps global state: one synthesis at a time
    settings_ranges = {"rate": (80, 450), "pitch": (0, 99)}

    def __init__(self, rate: int = 150, pitch: int = 50) -> None:
        self.rate = int(rate)
        self.pitch = int(pitch)

    def fingerprint(self, voice: str) -> dict:
        return {"rate": self.rate, "pitch": self.pitch}

    def voices(self) -> dict[str, str]:
        """The Vietnamese variants espeak-ng ships: name → region."""
        return dict(VOICES)

    def available(self) -> Availability:
        try:
            _Library.get()
        except ImportError:
            return Availability(False, "thiếu gói espeakng-loader (pip install espeakng-loader).")
        except OSError as exc:
            return Availability(False, f"không nạp được thư viện espeak-ng: {exc}")
        return Availability(True, "có sẵn, không cần mạng")

    def load(self, voice: str | None = None) -> None:
        if voice and voice not in VOICES:  # espeak-ng knows 'klingon' too: never a Vietnamese voice
            raise BroadcastError(
                f"espeak-ng không có giọng tiếng Việt '{voice}'. Hãy dùng {', '.join(VOICES)}."
            )
        lib = _Library.get()
        with lib.lock:
            lib.set_voice(voice or self.default_voice)

    def synthesize(self, text: str, voice: str | None = None) -> Audio:
        lib = _Library.get()
        pcm = lib.synth(text, voice or self.default_voice, self.rate, self.pitch)
        log.debug("espeak: %d samples for %r", len(pcm) // 2, text[:40])
        return Audio(pcm, "pcm_s16le", lib.sample_rate, 1)
