"""Mastering: band limits and compression for the loudspeaker, then integrated loudness to a
target with a true-peak ceiling. Loudness is measured by ffmpeg's ebur128 (ITU-R BS.1770).

The chain runs in float inside one ffmpeg process: reference gain, high-pass, low-pass,
compressor, gain to target, 4x oversampled look-ahead limiter (so the ceiling holds between
samples too). A residual error after limiting is corrected by one more pass.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from broadcast.audio import AudioSegment, ffmpeg

log = logging.getLogger(__name__)

REFERENCE_LUFS = -20.0  # level the compressor's threshold is relative to
LIMIT_MARGIN_DB = 0.6  # headroom under the ceiling for MP3 encoding overshoot
# ebur128 prints the true peak to 0.1 dB and true-peak meters disagree by about that much
# (a 4× polyphase meter read 0.1–0.2 dB higher on some programs): stay this far under.
METER_MARGIN_DB = 0.2
ENCODE_LOSS_LU = 0.4  # MP3 encoding typically takes this much loudness away (measured)
TOLERANCE_LU = 0.4
OVERSAMPLE = 2
ATTEMPTS = 3
RENDERS = 4
MEASURE = ["-af", "ebur128=peak=true:framelog=quiet", "-f", "null", "-"]
# A written file is also read by a second true-peak meter: 4x oversampled (as BS.1770) with a
# long resampling filter. ebur128's own meter read up to 0.5 dB lower than it on some 64 kbps
# programs, enough to put a file over the ceiling.
PEAK_RATE = 4 * 44100
MEASURE_FILE = ["-filter_complex", "[0:a]asplit[a][b];"
                f"[b]aresample={PEAK_RATE}:filter_size=64,astats=metadata=0:"
                "measure_perchannel=none:measure_overall=Peak_level,anullsink;"
                "[a]ebur128=peak=true:framelog=quiet[out]", "-map", "[out]", "-f", "null", "-"]
SILENT = -70.0


@dataclass(frozen=True)
class Compressor:
    """Downward compressor: threshold in dB relative to the reference level, times in ms."""

    threshold: float = -8.0
    ratio: float = 3.0
    attack: float = 10.0
    release: float = 150.0


@dataclass(frozen=True)
class Mastering:
    """Target loudness (LUFS) and true-peak ceiling (dBTP); band limits in Hz (0 = off)."""

    loudness: float = -16.0
    true_peak: float = -1.0
    highpass: float = 0.0
    lowpass: float = 0.0
    compress: bool = False
    compressor: Compressor = Compressor()


@dataclass(frozen=True)
class Loudness:
    """A measurement: integrated loudness (LUFS), true peak (dBTP), loudness range (LU)."""

    integrated: float
    true_peak: float
    lra: float


def _number(label: str, text: str) -> float:
    match = re.search(rf"{label}:\s+(-?[\d.]+|-inf|nan)", text)
    if not match or match[1] in ("-inf", "nan"):
        return SILENT
    return float(match[1])


def measure(audio: AudioSegment) -> Loudness:
    """Integrated loudness, true peak and loudness range of ``audio``."""
    return _summary(ffmpeg.report(ffmpeg.pcm_input(audio) + MEASURE, audio.raw_data))


def measure_file(path: str | Path) -> Loudness:
    """The same measurement, of an audio file as ffmpeg decodes it; its true peak is the higher
    of the two meters' readings."""
    report = ffmpeg.report(["-i", str(path), *MEASURE_FILE], what=f"tệp '{path}'")
    found = _summary(report)
    oversampled = re.search(r"Peak level dB:\s+(-?[\d.]+)", report)
    if oversampled and found.true_peak > SILENT:
        return Loudness(found.integrated, max(found.true_peak, float(oversampled[1])), found.lra)
    return found


def _summary(report: str) -> Loudness:
    """The last ebur128 summary in ffmpeg's log (values it did not print count as silence)."""
    summary = report[report.rfind("Summary:"):]
    return Loudness(_number("I", summary), _number("Peak", summary), _number("LRA", summary))


def _shaping(settings: Mastering, pre_gain: float) -> list[str]:
    """Reference gain, band limits and compression, in that order."""
    chain = ["aformat=sample_fmts=flt", f"volume={pre_gain:.2f}dB"]
    # Two 2-pole sections each: 24 dB per octave, steep enough for a horn's band.
    if settings.highpass:
        chain += [f"highpass=f={settings.highpass:g}:poles=2"] * 2
    if settings.lowpass:
        chain += [f"lowpass=f={settings.lowpass:g}:poles=2"] * 2
    if settings.compress:
        c = settings.compressor
        threshold = 10 ** ((REFERENCE_LUFS + c.threshold) / 20)
        chain.append(f"acompressor=threshold={threshold:.5f}:ratio={c.ratio:g}"
                     f":attack={c.attack:g}:release={c.release:g}:detection=rms")
    return chain


def _limit(limit: float, attack: float, release: float) -> str:
    return (f"alimiter=limit={limit:.4f}:attack={attack:g}:release={release:g}"
            ":level=false:latency=true")


def _limiting(settings: Mastering, rate: int, gain: float, ceiling: float) -> list[str]:
    """Gain to target, a smooth limiter, the band limits again (limiting distorts: it puts back
    bass the horn cannot play and treble that low-bitrate MP3 turns into overshoot), then a
    fast oversampled limiter for the true peak."""
    limit = 10 ** (ceiling / 20)
    chain = [f"volume={gain:.2f}dB", _limit(limit, 5, 100)]
    if settings.highpass:
        chain.append(f"highpass=f={settings.highpass:g}:poles=2")
    if settings.lowpass:
        chain.append(f"lowpass=f={settings.lowpass * 1.15:g}:poles=2")
    return chain + [f"aresample={rate * OVERSAMPLE}", _limit(limit, 1, 50), f"aresample={rate}"]


def _render(audio: AudioSegment, chain: list[str]) -> tuple[AudioSegment, float]:
    """Run ``chain`` over ``audio``; the result and its integrated loudness, in one pass."""
    out, report = ffmpeg.filtered(audio, [*chain, "ebur128=framelog=quiet"], "bản phối")
    return out, _summary(report).integrated


def loudness(audio: AudioSegment) -> float:
    """Integrated loudness (LUFS) of ``audio`` alone, without the true peak."""
    return _integrated(audio, ["aformat=sample_fmts=flt"])


def _integrated(audio: AudioSegment, chain: list[str]) -> float:
    report = ffmpeg.report(ffmpeg.pcm_input(audio) + [
        "-af", ",".join([*chain, "ebur128=framelog=quiet"]), "-f", "null", "-"], audio.raw_data)
    return _summary(report).integrated


def _to_target(audio: AudioSegment, settings: Mastering, shaping: list[str], gain: float,
               ceiling: float, target: float) -> tuple[AudioSegment, float]:
    """Render with the limiter, searching the gain (secant steps) whose output hits ``target``:
    the limiter takes back part of every added decibel, so one correction is rarely enough."""
    slope, last = 1.0, None
    for _ in range(RENDERS):
        out, got = _render(audio, shaping + _limiting(settings, audio.frame_rate, gain, ceiling))
        if abs(target - got) <= TOLERANCE_LU / 2 or got <= SILENT:
            break
        if last is not None and gain != last[0]:
            slope = min(1.0, max(0.25, (got - last[1]) / (gain - last[0])))
        last = (gain, got)
        gain += (target - got) / slope
    return out, gain


def master(audio: AudioSegment, settings: Mastering,
           write: Callable[[AudioSegment], Path]) -> Loudness:
    """Shape ``audio``, bring it to the target loudness under the true-peak ceiling, and hand it
    to ``write`` (which encodes it). The written file is measured: when encoding moved it off
    target or over the ceiling, the aim is corrected by that much and the file written again."""
    raw = loudness(audio)
    if raw <= SILENT:
        return measure_file(write(audio))
    shaping = _shaping(settings, REFERENCE_LUFS - raw)
    gain = settings.loudness - _integrated(audio, shaping)
    ceiling = settings.true_peak - LIMIT_MARGIN_DB
    aim = settings.loudness + ENCODE_LOSS_LU
    for attempt in range(1, ATTEMPTS + 1):
        out, gain = _to_target(audio, settings, shaping, gain, ceiling, aim)
        result = measure_file(write(out))
        over = result.true_peak - (settings.true_peak - METER_MARGIN_DB)
        error = settings.loudness - result.integrated
        if over <= 0 and abs(error) <= TOLERANCE_LU:
            return result
        log.debug("mastering attempt %d: %s; correcting", attempt, result)
        ceiling -= max(0.0, over + 0.1)
        if abs(error) > TOLERANCE_LU and (over <= 0 or error < 0):
            aim += error  # never louder while over the ceiling: louder is what pushed it over
    if over > 0:  # the ceiling wins over loudness: the same mix, that much quieter
        log.info("mastering: %s over the ceiling after %d attempts; lowering it %.1f dB", result,
                 ATTEMPTS, over + 0.1)
        result = measure_file(write(out.apply_gain(-(over + 0.1))))
    return result
