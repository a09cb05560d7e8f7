"""Fuzzing the paths a user's files take: hypothesis-generated documents (header lines, items,
numbers, codes, symbols, any Unicode, control characters) through read → parse → script →
speech, and generated manifests through preview's loader and screen. A user's input may be
refused (BroadcastError, one line); no other exception may escape."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadcast import document, pipeline, sources
from broadcast.config import Commune
from broadcast.errors import BroadcastError
from broadcast.player.model import Player, Track, manifest_beside
from broadcast.player.screen import render as render_frame
from broadcast.speech import spoken_segments

FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

HEADER = ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC THỌ", "UBND XÃ PHÚC LỘC",
          "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/TB-UBND",
          "Số: /UBND-NV", "THÔNG BÁO",
          "KẾ HOẠCH", "CÔNG VĂN", "QUYẾT ĐỊNH", "CHỈ THỊ", "Kết luận của Chủ tịch UBND huyện",
          "V/v tổ chức tiêm phòng dại", "Kính gửi:", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
          "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "Trần Hoài Đức",
          "Đức Thọ, ngày 10 tháng 10 năm 2023", "ngày   tháng 10 năm 2023", "PHẦN II.",
          "II. NHIỆM VỤ", "I.", "Điều 1.", "Mục 3", "STT", "(Đã ký)", "Xem thêm", "Chia sẻ"]
WORDS = ["UBND", "HĐND", "BCĐ", "TTHC", "CCHC", "xã", "thôn", "bà con", "tiêm phòng", "rừng",
         "đề nghị", "thực hiện", "Ủy ban", "nhân dân", "ngày", "tháng", "năm", "đồng/liều",
         "km²", "m³", "ha", "%", "COVID-19", "ISO 9001:2015", "https://duc-tho.gov.vn/a?b=1",
         "email@xa.gov.vn", "090.123.4567", "XVII", "Nghị định 100/2019/NĐ-CP", "…", "“”"]
NUMBERS = st.one_of(
    st.integers(-10**30, 10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.builds(lambda a, b: f"{a}.{b:03d}", st.integers(0, 999_999), st.integers(0, 999)),
    st.builds(lambda a, b: f"{a},{b}", st.integers(0, 10**9), st.integers(0, 99)),
    st.builds(lambda d, m, y: f"{d}/{m}/{y}", st.integers(0, 40), st.integers(0, 14),
              st.integers(0, 3000)),
    st.builds(lambda n, c: f"{n}/{c}-UBND", st.integers(0, 99999), st.sampled_from(
        ["TB", "KH", "QĐ", "CV", "CT", "", "X"])),
)
SYMBOLS = st.text(alphabet="%/:;()[]{}*#_~`$€&@!?.,-–—+=<>|\\^\"'§°…•·", max_size=12)
ANY_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60)
CONTROL = st.text(alphabet=[chr(c) for c in [*range(32), 127, *range(0x80, 0xA0)]]
                  + ["\u200b", "\u2028", "\ufeff", "\u0301", "\u202e"], max_size=6)
PIECE = st.one_of(st.sampled_from(WORDS), NUMBERS, SYMBOLS, ANY_TEXT, CONTROL)
SENTENCE = st.lists(PIECE, min_size=1, max_size=12).map(" ".join)
ITEM = st.builds(lambda label, text: f"{label} {text}",
                 st.sampled_from(["1.", "2.", "10.", "a)", "b)", "-", "+", "*", "I.", "IV.",
                                  "1.1.", "Thứ nhất,", "#", "##", "**", "|"]), SENTENCE)
LINE = st.one_of(st.sampled_from(HEADER), ITEM, SENTENCE, st.just(""))
DOCUMENT = st.builds(lambda lines, end: end.join(lines), st.lists(LINE, min_size=1, max_size=40),
                     st.sampled_from(["\n", "\r\n", "\n\n", "\r"]))

OPTIONS = pipeline.BuildOptions(commune=Commune.from_text("Phúc Lộc"),
                                broadcast_date=dt.date(2025, 9, 5), force=True)


def through_speech(text: str) -> None:
    """read → parse → script → speech: any BroadcastError is a refusal, anything else a bug."""
    try:
        source = sources.read_data(text.encode("utf-8", "surrogatepass"), "fuzz.md", ".md")
        document.parse(source)
        script = pipeline.draft_script(source, OPTIONS)
        segments = spoken_segments(script.spoken_sections(), OPTIONS.speech,
                                   OPTIONS.profile.pauses)
    except BroadcastError as exc:
        assert "\n" not in str(exc)
        return
    for seg in segments:
        assert isinstance(seg.text, str)


@FUZZ
@given(DOCUMENT)
def test_generated_documents_never_raise_anything_but_a_user_error(text):
    through_speech(text)


@FUZZ
@given(st.binary(max_size=400))
def test_arbitrary_bytes_as_a_text_file_are_read_or_refused(data):
    try:
        sources.read_data(data, "fuzz.txt", ".txt")
    except BroadcastError as exc:
        assert "\n" not in str(exc)


# ---------------------------------------------------------------- manifests

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                    st.floats(allow_nan=False, allow_infinity=False), ANY_TEXT)
JSONISH = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(
        ["start", "end", "text", "spoken", "name", "integrated", "true_peak", "x"]), inner,
        max_size=4)), max_leaves=12)
SEGMENT = st.fixed_dictionaries({"start": st.one_of(st.floats(0, 3600), JSONISH),
                                 "end": st.one_of(st.floats(0, 3600), JSONISH)},
                                optional={"text": st.one_of(ANY_TEXT, CONTROL, JSONISH),
                                          "spoken": st.one_of(ANY_TEXT, JSONISH)})
MANIFEST = st.fixed_dictionaries(
    {"segments": st.one_of(st.lists(SEGMENT, max_size=6), JSONISH)},
    optional={"title": st.one_of(ANY_TEXT, CONTROL, JSONISH),
              "commune": st.one_of(ANY_TEXT, JSONISH), "engine": JSONISH,
              "repeats": st.one_of(st.lists(st.floats(0, 600), max_size=3), JSONISH),
              "profile": st.one_of(st.fixed_dictionaries({"name": ANY_TEXT}), JSONISH),
              "loudness": st.one_of(st.fixed_dictionaries(
                  {"integrated": st.floats(-70, 0), "true_peak": st.floats(-10, 3)}), JSONISH)})


@FUZZ
@given(manifest=MANIFEST, width=st.integers(1, 120), height=st.integers(1, 50),
       position=st.floats(0, 4_000_000))
def test_generated_manifests_load_or_are_refused_and_always_draw(tmp_path, manifest, width,
                                                                   height, position):
    mp3 = tmp_path / "bai.mp3"
    mp3.with_suffix(".json").write_text(json.dumps(manifest), encoding="utf-8")
    try:
        track = Track.from_manifest(mp3, 3_600_000, manifest_beside(mp3) or {"segments": []})
    except BroadcastError as exc:
        assert "\n" not in str(exc)
        return
    player = Player(track, position_ms=position)
    lines = render_frame(player, width, height, "Không có âm thanh.")
    assert len(lines) <= max(0, height)
    for key in (" ", "n", "p", "left", "right", "+", "-", "r"):
        player.handle(key)
    assert math.isfinite(player.position_ms)


@pytest.mark.parametrize("text", ["PHẦN II.", "II.\nPHẦN II.\n1. a", "\x00\x01\x02",
                                  "Số: 10**9/UBND", "1." * 2000])
def test_known_odd_documents(text):
    through_speech(text)
