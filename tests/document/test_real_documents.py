"""The parser over ../shared/corpus/real/ (real page copies keyed by reading them): the share
of header fields found, and that no draft reads a header or a page line aloud."""

import datetime as dt
import json
import re
import unicodedata

import pytest

from broadcast import document, sources
from broadcast.config import Commune
from broadcast.document.guard import find_leak
from broadcast.script import render
from tests.conftest import CORPUS

REAL = CORPUS / "real"
THRESHOLD = 0.98  # of the keyed fields; raise it as the parser improves, never lower it

pytestmark = pytest.mark.skipif(not (REAL / "expected.json").exists(),
                                reason="../shared/corpus/real not available")


def norm(text) -> str:
    text = unicodedata.normalize("NFC", str(text or "")).casefold()
    text = re.sub(r"ủy ban nhân dân|uỷ ban nhân dân", "ubnd", text)
    return " ".join(re.findall(r"[^\W_]+", text))


def field_ok(key, want, doc) -> bool:
    signer = doc.signer
    got = {
        "kind": lambda: doc.kind == want,
        "number": lambda: doc.number.lstrip("0") == str(want).lstrip("0"),
        "symbol": lambda: norm(doc.symbol).replace(" ", "") == norm(want).replace(" ", ""),
        "issuer": lambda: bool(norm(doc.issuer)) and (norm(want) in norm(doc.issuer) or (
            norm(doc.issuer) in norm(want) and len(norm(doc.issuer)) >= 0.6 * len(norm(want)))),
        "place": lambda: norm(doc.place) == norm(want),
        "date": lambda: doc.date == want,
        "subject_contains": lambda: norm(want) in norm(f"{doc.title} {doc.subject}"),
        "addressees": lambda: len(doc.addressees) == want,
        "top_items": lambda: sum(1 for b in doc.body if b.label) == want,
        "signer_name": lambda: bool(signer) and norm(signer.name) == norm(want),
        "signer_authority": lambda: bool(signer) and (signer.authority == want),
    }
    return got[key]()


def keyed():
    expected = json.loads((REAL / "expected.json").read_text(encoding="utf-8"))
    return sorted(expected.items())


def test_header_fields_of_real_documents_are_found():
    found = total = 0
    misses = []
    for name, want in keyed():
        doc = document.parse(sources.read(REAL / name))
        for key, value in want.items():
            if key == "truncated" or (key == "top_items" and want.get("truncated")):
                continue
            total += 1
            if field_ok(key, value, doc):
                found += 1
            else:
                misses.append(f"{name}: {key}")
    assert found / total >= THRESHOLD, misses


@pytest.mark.parametrize("name", [name for name, _ in keyed()] if (REAL / "expected.json")
                         .exists() else [])
def test_no_draft_of_a_real_document_reads_a_header_or_the_page(name):
    doc = document.parse(sources.read(REAL / name))
    script = render(doc, Commune.from_text("Phúc Lộc"), dt.date(2024, 7, 4))
    assert find_leak([s.text for s in script.spoken_sections()], doc) is None
    spoken = " ".join(s.text for s in script.spoken_sections())
    for line in doc.dropped:
        if len(line.text.split()) >= 4 and line.why != "trang web trước văn bản":
            assert line.text not in spoken
