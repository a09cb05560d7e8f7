"""Regenerate the golden Directive JSON files: python tests/regenerate_golden.py

Read every changed file before committing it: a golden file is only right if a person checked it
against the document."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from broadcast import document, sources  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
GOLDEN = ROOT / "tests" / "golden"
CASES = {
    "cong-van-don-doc-duc-tho-2023": CORPUS / "cong-van-don-doc-duc-tho-2023.md",
    "ke-hoach-krong-no-2024": CORPUS / "ke-hoach-krong-no-2024.md",
    "thong-bao-ket-luan-kon-ray-2024": CORPUS / "thong-bao-ket-luan-kon-ray-2024.md",
    "cong-van-nho": ROOT / "tests" / "fixtures" / "cong-van-nho.txt",
    "quyet-dinh-xa": ROOT / "tests" / "fixtures" / "quyet-dinh-xa.md",
    "thong-bao-mau": ROOT / "examples" / "thong-bao-mau.md",
    "cong-thong-tin-html": ROOT / "tests" / "fixtures" / "cong-thong-tin.html",
}


def golden_dict(path: Path) -> dict:
    data = document.parse(sources.read(path)).to_dict()
    data.pop("source")
    return data


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, path in CASES.items():
        if not path.exists():
            print(f"skip {name}: {path} missing")
            continue
        out = GOLDEN / f"{name}.json"
        out.write_text(json.dumps(golden_dict(path), ensure_ascii=False, indent=2) + "\n",
                       encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
