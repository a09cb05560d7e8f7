"""Audio profiles: how a broadcast is paced, mixed, mastered and encoded for where it is played.

A profile is a TOML file. The built-ins live beside this module; a user's file of the same name
in a profile folder overrides only the keys it sets, and ``base = "NAME"`` starts from another
profile. Every value is checked against its type and range with a Vietnamese error naming the key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path

from broadcast.audio.bed import BedSettings
from broadcast.audio.ffmpeg import Encoding
from broadcast.audio.mastering import Mastering
from broadcast.audio.program import Layout
from broadcast.audio.tempo import MAX_SPEED, MIN_SPEED, check_speed
from broadcast.config import names_a_file, read_toml
from broadcast.errors import BroadcastError
from broadcast.speech.segments import Pauses

BUILTIN_DIR = Path(__file__).parent
DEFAULT_PROFILE = "dai-truyen-thanh"
ENV_DIR = "BROADCAST_PROFILES"

# Allowed range of every number, by dotted key.
RANGES: dict[str, tuple[float, float]] = {
    "speed": (MIN_SPEED, MAX_SPEED),
    "pauses": (0, 10_000),
    "program": (0, 60_000),
    "program.repeat": (1, 20),
    "bed.level": (-40, 0),
    "bed.duck": (15, 60),
    "bed": (0, 30_000),
    "mastering.loudness": (-30, -6),
    "mastering.true_peak": (-9, 0),
    "mastering.highpass": (0, 1000),
    "mastering.lowpass": (0, 20_000),
    "mastering.compressor.threshold": (-30, 0),
    "mastering.compressor.ratio": (1, 20),
    "mastering.compressor": (0.1, 2000),
    "encoding.bitrate": (32, 320),
    "encoding.sample_rate": (16_000, 48_000),
}
BITRATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
SAMPLE_RATES = (16_000, 22_050, 24_000, 32_000, 44_100, 48_000)


@dataclass(frozen=True)
class Profile:
    name: str = DEFAULT_PROFILE
    description: str = ""
    speed: float = 1.0
    pauses: Pauses = field(default_factory=Pauses)
    program: Layout = field(default_factory=Layout)
    bed: BedSettings = field(default_factory=BedSettings)
    mastering: Mastering = field(default_factory=Mastering)
    encoding: Encoding = field(default_factory=Encoding)
    path: str = ""

    def with_speed(self, speed: float | None) -> Profile:
        if speed is None:
            return self
        return replace(self, speed=check_speed(float(speed)))

    def with_repeat(self, repeat: int | None) -> Profile:
        if repeat is None:
            return self
        low, high = RANGES["program.repeat"]
        if not low <= repeat <= high:
            raise BroadcastError(f"Số lần phát {repeat} không hợp lệ: chọn từ {low:g} "
                                 f"đến {high:g}.")
        return replace(self, program=replace(self.program, repeat=repeat))


def profile_dirs() -> list[Path]:
    """User profile folders, searched before the built-ins: $BROADCAST_PROFILES, then the
    user's config folder."""
    dirs = [Path(os.environ[ENV_DIR])] if os.environ.get(ENV_DIR) else []
    try:
        from platformdirs import user_config_path

        dirs.append(user_config_path("broadcast") / "profiles")
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        pass
    return dirs


def _user_file(name: str) -> Path | None:
    for folder in profile_dirs():
        if (folder / f"{name}.toml").is_file():
            return folder / f"{name}.toml"
    return None


def _builtin_file(name: str) -> Path | None:
    path = BUILTIN_DIR / f"{name}.toml"
    return path if path.is_file() else None


def available() -> dict[str, Path]:
    """Every profile name with the file that defines it (a user's file hides the built-in)."""
    found = {p.stem: p for p in sorted(BUILTIN_DIR.glob("*.toml"))}
    for folder in reversed(profile_dirs()):
        found.update({p.stem: p for p in sorted(folder.glob("*.toml"))})
    return found


def load(name_or_path: str | None = None) -> Profile:
    """A profile by name (user folder first, then built-in) or by the path of a .toml file."""
    text = name_or_path or DEFAULT_PROFILE
    if names_a_file(text):
        path = Path(text)
        if not path.is_file():
            raise BroadcastError(f"Không tìm thấy tệp hồ sơ âm thanh '{path}'.")
        return _profile(path, path.stem, ())
    return _named(text, ())


def _named(name: str, seen: tuple[str, ...]) -> Profile:
    if name in seen:
        raise BroadcastError(f"Hồ sơ '{seen[-1]}': 'base' tạo thành vòng lặp qua '{name}'.")
    path = _user_file(name) or _builtin_file(name)
    if path is None:
        names = ", ".join(available())
        raise BroadcastError(f"Không có hồ sơ âm thanh '{name}'. Các hồ sơ có: {names}.")
    return _profile(path, name, seen)


def _profile(path: Path, name: str, seen: tuple[str, ...]) -> Profile:
    """The profile in ``path``, over its base: the profile named by its 'base' key; for a user's
    file without one, the built-in of the same name; else the defaults."""
    table = _read(path)
    base_name = table.pop("base", None)
    builtin = _builtin_file(name)
    overrides_builtin = builtin is not None and builtin.resolve() != path.resolve()
    if base_name is not None and not isinstance(base_name, str):
        raise BroadcastError(f"Hồ sơ '{name}': khóa 'base' phải là tên một hồ sơ, ví dụ "
                             f'base = "{DEFAULT_PROFILE}".')
    if overrides_builtin and base_name in (None, name):
        base = _profile(builtin, name, (*seen, name))
    elif base_name:
        base = _named(base_name, (*seen, name))
    else:
        base = Profile()
    return _from_table(table, name, path, base)


def _read(path: Path) -> dict:
    return read_toml(path, "tệp hồ sơ âm thanh")


def _from_table(table: dict, name: str, path: Path, base: Profile) -> Profile:
    description = table.pop("description", base.description if base.name == name else "")
    if not isinstance(description, str):
        raise BroadcastError(f"Hồ sơ '{name}': khóa 'description' phải là một dòng chữ.")
    profile = _section(Profile, table, "", replace(base, name=name, path=str(path)), name)
    profile = replace(profile, description=description)
    _check_choices(profile)
    return profile


def _section(cls: type, table: dict, where: str, base, profile: str):
    if not isinstance(table, dict):
        raise BroadcastError(f"Hồ sơ '{profile}': '{where}' phải là một bảng [{where}].")
    names = {f.name for f in fields(cls)} - {"name", "path", "description"}
    unknown = sorted(set(table) - names)
    if unknown:
        key = f"{where}.{unknown[0]}".strip(".")
        raise BroadcastError(f"Hồ sơ '{profile}': không có khóa '{key}'. Các khóa trong "
                             f"{where or 'phần đầu'}: {', '.join(sorted(names))}.")
    values = {}
    for f in fields(cls):
        if f.name not in table:
            continue
        key = f"{where}.{f.name}".strip(".")
        default = getattr(base, f.name)
        if is_dataclass(default):
            values[f.name] = _section(type(default), table[f.name], key, default, profile)
        else:
            values[f.name] = _number(table[f.name], default, key, profile)
    return replace(base, **values)


def _number(value, default, key: str, profile: str):
    """``value`` checked against the type of ``default`` and the range of ``key``."""
    low, high = _range(key)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise BroadcastError(f"Hồ sơ '{profile}': khóa '{key}' phải là true hoặc false.")
        return value
    kind = "số nguyên" if isinstance(default, int) else "số"
    wrong_type = isinstance(value, bool) or not isinstance(value, int | float)
    if wrong_type or isinstance(default, int) and isinstance(value, float):
        raise BroadcastError(f"Hồ sơ '{profile}': khóa '{key}' phải là {kind} từ {low:g} đến "
                             f"{high:g}, không phải {value!r}.")
    if not low <= value <= high:
        raise BroadcastError(f"Hồ sơ '{profile}': khóa '{key}' = {value:g} nằm ngoài khoảng "
                             f"{low:g} đến {high:g}.")
    return type(default)(value)


def _range(key: str) -> tuple[float, float]:
    while key:
        if key in RANGES:
            return RANGES[key]
        key = key.rpartition(".")[0]
    return (float("-inf"), float("inf"))


def _check_choices(profile: Profile) -> None:
    enc, m = profile.encoding, profile.mastering
    if enc.bitrate not in BITRATES:
        raise BroadcastError(f"Hồ sơ '{profile.name}': 'encoding.bitrate' phải là một trong "
                             f"{', '.join(map(str, BITRATES))} (kbps).")
    if enc.sample_rate not in SAMPLE_RATES:
        raise BroadcastError(f"Hồ sơ '{profile.name}': 'encoding.sample_rate' phải là một trong "
                             f"{', '.join(map(str, SAMPLE_RATES))} (Hz).")
    if m.lowpass and m.lowpass <= m.highpass:
        raise BroadcastError(f"Hồ sơ '{profile.name}': 'mastering.lowpass' phải lớn hơn "
                             "'mastering.highpass'.")
    if m.lowpass and m.lowpass >= enc.sample_rate / 2:
        raise BroadcastError(f"Hồ sơ '{profile.name}': 'mastering.lowpass' phải nhỏ hơn nửa "
                             "'encoding.sample_rate'.")
