"""Benchmark: huge documents through everything before synthesis (read, parse, script, speech
segments), to show the work grows with the length of the text and no faster.

Not a test: it measures this machine. Run from the repository root:

    python bench/large.py              # table on stdout
    python bench/large.py --json bench/large.json

Cases: a plan with N numbered items (1,000 … 10,000) and one paragraph of sentences or one
without any punctuation (250 KB … 1 MB). Each runs in its own process, so the peak memory is
that run's alone. Reported: seconds, seconds per 1,000 words, peak memory, and the ratio of
time per word between the largest and the smallest size of each case (≈1 when linear).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEAD = ("ỦY BAN NHÂN DÂN\nXÃ PHÚC LỘC\nSố: 12/KH-UBND\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Phúc Lộc, ngày 5 tháng 6 năm 2024\nKẾ HOẠCH\nTuyên truyền phòng, chống dịch bệnh\n")
TAIL = "\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn An\n"
SENTENCE = "Các hộ gia đình chủ động vệ sinh chuồng trại, tiêm phòng đủ cho đàn gia súc. "
RUN_ON = "các hộ gia đình chủ động vệ sinh chuồng trại tiêm phòng đủ cho đàn gia súc "
CASES = {
    "items": (1000, 2500, 5000, 10000),
    "sentences": (250_000, 500_000, 1_000_000),
    "run-on": (250_000, 500_000, 1_000_000),
}


def document(case: str, size: int) -> str:
    if case == "items":
        item = ("{}. Các thôn tổ chức tuyên truyền vận động nhân dân vệ sinh chuồng trại, hoàn "
                "thành trước ngày 5/6/2024.")
        body = "\n".join(item.format(i) for i in range(1, size + 1))
    else:
        unit = SENTENCE if case == "sentences" else RUN_ON
        body = unit * (size // len(unit.encode("utf-8")))
    return HEAD + body + TAIL


def child(case: str, size: int) -> None:
    import resource

    from broadcast.config import Commune
    from broadcast.pipeline import BuildOptions, prepare

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "van-ban.txt"
        path.write_text(document(case, size), encoding="utf-8")
        words = len(path.read_text(encoding="utf-8").split())
        options = BuildOptions(commune=Commune.from_text("Phúc Lộc"), out_dir=Path(tmp) / "out",
                               broadcast_date=dt.date(2024, 7, 4), force=True)
        start = time.perf_counter()
        _, segments = prepare(path, options)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"case": case, "size": size, "words": words, "segments": len(segments),
                      "seconds": seconds, "per_1000_words": seconds / words * 1000,
                      "peak_mb": peak}))


def run(case: str, size: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", case, str(size)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", nargs=2, metavar=("CASE", "SIZE"))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    rows = []
    for case, sizes in CASES.items():
        for size in sizes:
            row = run(case, size)
            rows.append(row)
            print(f"{case:9} {size:>9} {row['words']:>8} words {row['segments']:>6} segments "
                  f"{row['seconds']:7.1f} s {row['per_1000_words']:6.3f} s/1000 words "
                  f"{row['peak_mb']:7.0f} MB", flush=True)
        first, last = rows[-len(sizes)], rows[-1]
        print(f"{case:9} time per word, largest / smallest: "
              f"{last['per_1000_words'] / first['per_1000_words']:.2f}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
