"""`broadcast init`: the questions, the check of every answer, and the Answers they make.

Pure apart from the ``ask`` callback the CLI passes (a terminal prompt), so the same checks serve
the interactive questions and the command-line options.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from broadcast.audio.tempo import MAX_SPEED, MIN_SPEED
from broadcast.config import COMMUNE_KINDS, Answers, Commune, Signer
from broadcast.errors import BroadcastError

Ask = Callable[[str, str], str]  # (question, default) → answer


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    default: str | None  # None: must be answered


QUESTIONS = (
    Question("kind", "Loại đơn vị (xã, phường, thị trấn)", "xã"),
    Question("commune", "Tên xã, phường hoặc thị trấn (không kèm chữ 'xã')", None),
    Question("district", "Huyện (ví dụ: huyện Ba Bể)", ""),
    Question("province", "Tỉnh (ví dụ: tỉnh Bắc Kạn)", ""),
    Question("radio", "Tên đài truyền thanh", ""),
    Question("officer", "Cán bộ phụ trách đài", ""),
    Question("signer_authority", "Dòng thẩm quyền ký duyệt", "TM. ỦY BAN NHÂN DÂN"),
    Question("signer_title", "Chức vụ người ký duyệt", "CHỦ TỊCH"),
    Question("signer_name", "Họ tên lãnh đạo duyệt bài", ""),
    Question("engine", "Bộ đọc (auto: giọng tự nhiên nhất hiện có; korva, piper, gtts, espeak)",
             "auto"),
    Question("voice", "Giọng đọc (để trống: giọng mặc định của bộ đọc)", ""),
    Question("profile", "Hồ sơ âm thanh (dai-truyen-thanh, loa-keo)", "dai-truyen-thanh"),
    Question("speed", "Tốc độ đọc (0.8 … 1.3)", "1.0"),
    Question("intro", "Tệp nhạc hiệu mở đầu (để trống: nhạc có sẵn)", ""),
    Question("outro", "Tệp nhạc hiệu kết thúc (để trống: nhạc có sẵn)", ""),
    Question("bed", "Tệp nhạc nền (để trống: không có)", ""),
    Question("abbreviations", "Từ viết tắt riêng, dạng VIẾT TẮT=cách đọc, cách nhau bởi dấu ;", ""),
    Question("respellings", "Tên riêng khó đọc, dạng Tên=cách đọc, cách nhau bởi dấu ;", ""),
)


def collect(given: dict[str, str | None], ask: Ask | None, checks: dict[str, Callable],
            tell: Callable[[str], None] = lambda message: None) -> dict:
    """Every answer: given on the command line, else asked (when ``ask``), else the default.
    An answer that fails its check is told and asked again; a given one is an error."""
    answers: dict = {}
    given = _kind_from_name(given)
    for q in QUESTIONS:
        default = _default(q, answers)
        value = given.get(q.key)
        if value is None and ask is None:
            if default is None:
                raise BroadcastError(f"Thiếu --{q.key.replace('_', '-')}: {q.text.lower()}.")
            value = default
        answers[q.key] = _checked(q, value, default, ask, checks.get(q.key, _text), tell)
    return answers


def _kind_from_name(given: dict) -> dict:
    """--commune "phường Tân An" without --kind: the kind is in the name."""
    text = given.get("commune")
    if not text or given.get("kind") is not None:
        return given
    commune = Commune.from_text(text)
    if commune.name == " ".join(text.split()):
        return given
    return {**given, "kind": commune.kind, "commune": commune.name}


def _default(q: Question, answers: dict) -> str | None:
    if q.key == "radio" and "commune" in answers:
        return Commune(answers["commune"], answers["kind"]).radio
    return q.default


def _checked(q: Question, value: str | None, default: str | None, ask: Ask | None,
             check: Callable, tell: Callable[[str], None]):
    while True:
        if value is None:
            value = ask(q.text, default or "")  # type: ignore[misc]
        try:
            return check(value.strip())
        except BroadcastError as exc:
            if ask is None:
                raise
            tell(exc.message)
            value = None


def _text(value: str) -> str:
    if len(value) > 120:
        raise BroadcastError("Câu trả lời quá dài (tối đa 120 ký tự).")
    return " ".join(value.split())


def check_kind(value: str) -> str:
    if value.lower() not in COMMUNE_KINDS:
        raise BroadcastError(f"Loại đơn vị '{value}' không hợp lệ: chọn xã, phường hoặc thị trấn.")
    return value.lower()


def check_commune(value: str) -> str:
    return Commune.from_text(value).name


def check_speed(value: str) -> float:
    try:
        speed = float(value.replace(",", "."))
    except ValueError:
        speed = 0.0
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise BroadcastError(f"Tốc độ '{value}' không hợp lệ: ghi một số từ {MIN_SPEED:g} đến "
                             f"{MAX_SPEED:g}, ví dụ 1.0.")
    return speed


def pairs(value: str) -> dict[str, str]:
    """'HTX=hợp tác xã; ANTT=an ninh trật tự' → {'HTX': 'hợp tác xã', 'ANTT': …}."""
    table = {}
    for part in filter(str.strip, value.split(";")):
        word, equals, said = part.partition("=")
        if not equals or not word.strip() or not said.strip():
            raise BroadcastError(f"'{part.strip()}' sai dạng: cần CHỮ=cách đọc, ví dụ "
                                 "HTX=hợp tác xã; nhiều mục cách nhau bởi dấu ;.")
        table[" ".join(word.split())] = " ".join(said.split())
    return table


def answers_from(values: dict, config_dir: Path) -> Answers:
    """The checked answers as Answers; music files are written relative to the config's folder."""
    commune = Commune(name=values["commune"], kind=values["kind"], district=values["district"],
                      province=values["province"], radio_name=values["radio"],
                      officer=values["officer"])
    signer = Signer(values["signer_authority"], values["signer_title"], values["signer_name"])
    music = {k: _relative(values[k], config_dir) for k in ("intro", "outro", "bed")}
    return Answers(commune=commune, signer=signer, engine=values["engine"],
                   voice=values["voice"], profile=values["profile"], speed=values["speed"],
                   abbreviations=values["abbreviations"], respellings=values["respellings"],
                   **music)


def _relative(path: str, folder: Path) -> str:
    if not path:
        return ""
    try:
        return Path(os.path.relpath(Path(path).resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()
