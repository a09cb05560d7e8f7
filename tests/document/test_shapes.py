"""Each shape of a real page copy (tests/document/shapes.py) parses to the fields a reader
finds in it, and nothing of its header or of the page around it ends in the text."""

import re

import pytest

from broadcast import document
from tests.document.shapes import SHAPES

LEAKS = re.compile(r"CỘNG\s+H[OÒ]À|Độc\s+lập\s*-|^Số\s*:|Kính\s+gửi|Nơi\s+nhận|Lượt\s+xem|"
                   r"Chia\s+sẻ|Trang\s+chủ|Tin\s+(?:tức\s+)?liên\s+quan|Hôm\s+nay|Số\s+hiệu|"
                   r"TM\.|KT\.|TL\.|\d{2}/\d{2}/\d{4}\s*-?\s*\d{2}:\d{2}|</xml|Truy\s+cập|Tin\s+khác|"
                   r"Cập\s+nhật|Xem\s+tin|GMT|ra\s+quân", re.I | re.M)


def text_of(doc):
    blocks = list(document.walk(doc.body))
    return "\n".join([*doc.preamble, *(b.text for b in blocks), doc.closing])


def top_labels(doc):
    return [b.label for b in doc.body if b.label]


@pytest.mark.parametrize("name", SHAPES)
def test_shape_gives_its_fields(name):
    text, want = SHAPES[name]
    doc = document.parse(text)
    got = {"kind": doc.kind, "number": doc.number, "symbol": doc.symbol, "issuer": doc.issuer,
           "issuer_parent": doc.issuer_parent, "place": doc.place, "date": doc.date,
           "kind_name": doc.kind_name, "addressees": len(doc.addressees),
           "items": top_labels(doc),
           "meeting_date": (doc.meeting or {}).get("date"),
           "meeting_chair": (doc.meeting or {}).get("chair"),
           "signer": doc.signer and (doc.signer.authority, doc.signer.title, doc.signer.name)}
    for key, value in want.items():
        if key == "subject_has":
            assert value.casefold() in doc.subject.casefold(), (name, doc.subject)
        else:
            assert got[key] == value, (name, key)


@pytest.mark.parametrize("name", SHAPES)
def test_shape_reads_nothing_of_the_header_or_the_page(name):
    doc = document.parse(SHAPES[name][0])
    assert not LEAKS.findall(text_of(doc)), name
    assert doc.preamble or doc.body or doc.closing, name
