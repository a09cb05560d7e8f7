"""The working folder the page serves: the same broadcast.toml, the same month folders and
the same script files the command line uses, so the page and the CLI always see the same bài.

Nothing here decides anything about a bài: its state comes from script.py (the seal), its file
names from pipeline.output_names, its options from the CLI's own option builder."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from broadcast import script as scripts
from broadcast import writers
from broadcast.config import CONFIG_NAME, Settings, read_toml, settings_from
from broadcast.errors import BroadcastError

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,120}$")  # what writers.slugify makes
SCHEDULE = re.compile(r"^lich-phat-thang-")
MAX_SCRIPT_BYTES = 2 * 1024 * 1024
WEB_SECTION = "web"  # [web] password = "…" (config.settings_from checks it as a string too)

# (state, label) of a bài as the officer reads it.
STATES = {"nhap": "Nháp", "da-duyet": "Đã duyệt", "da-dung": "Đã dựng",
          "bi-sua": "Bị sửa sau khi duyệt", "loi": "Tệp hỏng"}


@dataclass
class Bai:
    """One script file of a month and what the page shows of it."""

    month: str
    name: str  # the file's stem: out/<month>/<name>.md
    path: Path
    title: str = ""
    short_title: str = ""
    state: str = "nhap"
    problem: str = ""  # why it cannot be built as it is (the CLI's line)
    script: scripts.Script | None = None
    mp3: Path | None = None  # the newest build heard in the page (approved, else draft)
    seconds: float = 0.0

    @property
    def label(self) -> str:
        return STATES[self.state]


class Workspace:
    """The folder `broadcast web` was started in (the CLI's working folder)."""

    def __init__(self, folder: Path, config: Path | None = None) -> None:
        self.folder = Path(folder).resolve()
        self.config = Path(config).resolve() if config else self.folder / CONFIG_NAME

    # ------------------------------------------------------------ settings and options

    def table(self) -> dict:
        """broadcast.toml as parsed TOML ({} when there is none)."""
        return read_toml(self.config, "tệp cấu hình") if self.config.is_file() else {}

    def settings(self) -> Settings:
        """The CLI's settings of broadcast.toml."""
        return settings_from(self.table(), self.config) if self.config.is_file() else Settings()

    def password(self) -> str:
        web = self.table().get(WEB_SECTION, {})
        value = web.get("password", "") if isinstance(web, dict) else ""
        if not isinstance(value, str):
            raise BroadcastError(f"{self.config}: khóa 'web.password' phải là chữ trong ngoặc "
                                 "kép.")
        return value

    def options(self, **given):
        """BuildOptions exactly as the CLI makes them from broadcast.toml and its options."""
        from broadcast import cli

        options = cli._options(self.settings(), **given)
        return replace(options, out_dir=self.folder / options.out_dir)

    @property
    def out_dir(self) -> Path:
        return self.options().out_dir

    # ------------------------------------------------------------ paths, never outside

    def month_dir(self, month: str) -> Path:
        if not MONTH.match(month or ""):
            raise BroadcastError(f"Tháng '{month}' không đúng dạng NĂM-THÁNG, ví dụ 2024-07.")
        return self.out_dir / month

    def script_path(self, month: str, name: str) -> Path:
        if not NAME.match(name or ""):
            raise BroadcastError(f"Không có bài '{name}'.")
        path = self.month_dir(month) / f"{name}.md"
        if not path.is_file():
            raise BroadcastError(f"Không có bài '{name}' trong tháng {month}.")
        return path

    def output_file(self, month: str, filename: str) -> Path:
        """A file of the output folder, and only of it (no '..', no link out of it)."""
        folder = self.month_dir(month).resolve()
        path = (folder / filename).resolve()
        if path.parent != folder or not path.is_file() or filename.startswith("."):
            raise BroadcastError(f"Không có tệp '{filename}' trong tháng {month}.")
        return path

    # ------------------------------------------------------------ the month

    def months(self) -> list[str]:
        out = self.out_dir
        return sorted((p.name for p in out.iterdir() if p.is_dir() and MONTH.match(p.name)),
                       reverse=True) if out.is_dir() else []

    def default_month(self) -> str:
        return f"{dt.date.today():%Y-%m}"

    def month(self, month: str) -> list[Bai]:
        folder = self.month_dir(month)
        if not folder.is_dir():
            return []
        paths = sorted(p for p in folder.glob("*.md")
                       if NAME.match(p.stem) and not SCHEDULE.match(p.stem))
        found = [self.bai(month, p) for p in paths]
        return [b for b in found if b is not None]

    def bai(self, month: str, path: Path) -> Bai | None:
        """The bài of a script file (None: a Markdown file that is not a script)."""
        text = read_script_text(path)
        if not scripts.is_script_file(text):
            return None
        bai = Bai(month, path.stem, path)
        try:
            script = scripts.from_markdown(text, str(path), self.settings().build.templates)
        except BroadcastError as exc:
            return replace(bai, state="loi", problem=exc.message, title=path.name)
        bai.script, bai.title = script, script.title
        bai.short_title = script.short_title or script.topic
        bai.state, bai.problem = state_of(script)
        return self._heard(bai, script)

    def _heard(self, bai: Bai, script: scripts.Script) -> Bai:
        """The build to listen to: the approved one, else the draft's; an approved bài is
        "đã dựng" when its build is newer than the script."""
        from broadcast.pipeline import output_names

        approved = output_names(self.options(), script)[".mp3"]
        draft = output_names(self.options(draft=True), replace(
            script, approval=replace(script.approval, status=scripts.DRAFT)))[".mp3"]
        if bai.state == "da-duyet" and newer(approved, bai.path):
            bai.state = "da-dung"
        mp3 = next((m for m in (approved, draft) if m.is_file()), None)
        if mp3 is not None:
            bai.mp3, bai.seconds = mp3, length_of(mp3)
        return bai

    def program(self, month: str) -> dict | None:
        """The month's program (approved, else draft) as its manifest says, with its files."""
        from broadcast.month import names, parse_month

        first = parse_month(month)
        for draft in (False, True):
            files = names(self.out_dir, first, draft)
            data = writers.read_json(files[".json"])
            if data is not None and files[".mp3"].is_file():
                return {"manifest": data, "mp3": files[".mp3"], "schedule": files[".md"],
                        "draft": draft}
        return None


def state_of(script: scripts.Script) -> tuple[str, str]:
    """nháp, đã duyệt, bị sửa sau khi duyệt; with the line `build` would print."""
    try:
        scripts.check_approved(script)
    except BroadcastError as exc:
        edited = script.approval.approved
        return ("bi-sua" if edited else "nhap"), exc.message
    return "da-duyet", ""


def newer(output: Path, than: Path) -> bool:
    try:
        return output.stat().st_mtime >= than.stat().st_mtime
    except OSError:
        return False


def length_of(mp3: Path) -> float:
    data = writers.read_json(mp3.with_suffix(".json")) or {}
    total = (data.get("durations") or {}).get("total", 0.0)
    return float(total) if isinstance(total, int | float) else 0.0


def read_script_text(path: Path) -> str:
    """A script file's text (never more than a script can be)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_SCRIPT_BYTES + 1)
    except OSError as exc:
        raise BroadcastError(f"Không đọc được tệp '{path}': {exc.strerror or exc}.") from exc
    if len(data) > MAX_SCRIPT_BYTES:
        raise BroadcastError(f"Tệp '{path}' quá lớn để là một bài tuyên truyền.")
    return data.decode("utf-8", errors="replace")
