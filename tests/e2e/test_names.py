"""Output names identify their document and are never taken by another: five documents with
the same title built into one folder keep five sets of files, and each rebuild replaces only
its own."""

import json
from pathlib import Path

from tests.conftest import SAMPLE, run_cli

DAY = "2025-04-07"


def documents(folder: Path, count: int = 5) -> list[Path]:
    """``count`` different notices that all have the same generic title."""
    paths = []
    for n in range(1, count + 1):
        path = folder / f"van-ban-{n}.txt"
        path.write_text(f"THÔNG BÁO\n\nĐề nghị bà con thôn {n} dọn vệ sinh đường làng vào sáng "
                        f"chủ nhật tuần thứ {n} của tháng.\n", encoding="utf-8")
        paths.append(path)
    return paths


def build(path: Path, out: Path, capsys, *extra: str) -> Path:
    code, stdout, err = run_cli(["build", str(path), "-c", "Phúc Lộc", "--out", str(out),
                                 "--date", DAY, *extra], capsys)
    assert code == 0, err
    return Path(next(line for line in stdout.splitlines() if "Tệp âm thanh" in line)
                .split(": ", 1)[1].split(" (")[0])


def sources_of(folder: Path) -> dict[str, str]:
    """Each manifest's name → the source file it was built from."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8"))["source"]["file"]
            for p in folder.glob("*.json")}


def test_five_documents_with_the_same_title_keep_their_own_files(tmp_path, capsys):
    out = tmp_path / "out"
    paths = documents(tmp_path)
    mp3s = [build(path, out, capsys) for path in paths]
    assert len(set(mp3s)) == 5
    folder = out / DAY[:7]
    assert sorted(p.name for p in folder.glob("*.mp3")) == sorted(p.name for p in mp3s)
    owners = sources_of(folder)
    assert sorted(owners.values()) == sorted(str(p) for p in paths)
    stamps = {p: p.read_bytes() for p in folder.iterdir()}

    again = build(paths[2], out, capsys, "--speed", "1.2")  # the third, rebuilt
    assert again == mp3s[2] and sources_of(folder) == owners
    changed = {p for p in folder.iterdir() if p.read_bytes() != stamps.get(p)}
    assert changed and {p.name.split(".")[0] for p in changed} == {mp3s[2].stem}
    assert [build(path, out, capsys) for path in reversed(paths)] == list(reversed(mp3s))
    assert len(list(folder.glob("*.mp3"))) == 5


def test_a_name_says_which_document_it_is(tmp_path, capsys):
    code, stdout, err = run_cli(["draft", str(SAMPLE), "-c", "Phúc Lộc", "--out",
                                 str(tmp_path), "--date", DAY], capsys)
    assert code == 0, err
    (script,) = (tmp_path / DAY[:7]).glob("*.md")
    assert script.name.startswith("45-tb-ubnd-") and "phong-chay-chua-chay-rung" in script.name


def test_drafting_a_second_same_titled_document_keeps_the_first(tmp_path, capsys):
    first, second = documents(tmp_path, 2)
    out = tmp_path / "out"
    drafts = []
    for path in (first, second):
        code, _, err = run_cli(["draft", str(path), "-c", "Phúc Lộc", "--out", str(out),
                                "--date", DAY], capsys)
        assert code == 0, err
        drafts.append(set((out / DAY[:7]).glob("*.md")))
    (mine,) = drafts[0]
    mine.write_text(mine.read_text(encoding="utf-8") + "\nĐoạn đã sửa.\n", encoding="utf-8")
    assert len(drafts[1]) == 2
    code, _, err = run_cli(["draft", str(first), "-c", "Phúc Lộc", "--out", str(out),
                            "--date", DAY], capsys)
    assert code == 2 and "Đã có bài" in err  # its own draft, edited: not replaced silently
    assert mine.read_text(encoding="utf-8").endswith("Đoạn đã sửa.\n")
