"""No line is lost: every line of the input ends in exactly one part (a header field, the
text, recipients, signer, or dropped), and no character of it goes missing on the way."""

import random

import pytest

from broadcast import document, sources
from broadcast.document import layout
from broadcast.document.model import PARTS
from tests.conftest import CORPUS, FIXTURES, SAMPLE
from tests.document.shapes import SHAPES

MARKS = set("*•#_|\\ \t")  # Markdown and table marks, and spacing: the only characters let go


def kept(text: str) -> str:
    return "".join(ch for ch in text if ch not in MARKS)


def assert_accounted(text: str) -> None:
    reading = document.analyse(text)
    lines = layout.normalize(text).split("\n")
    parts = reading.parts()
    for number, line in enumerate(lines):
        if kept(line):
            assert number in parts, f"line {number + 1} lost: {line!r}"
    assert all(piece.part in PARTS for piece in reading.pieces)
    assert kept("".join(lines)) == kept("".join(p.text for p in reading.pieces))
    dropped = {d.text for d in reading.directive.dropped}
    assert dropped == {p.text for p in reading.pieces if p.part == "dropped"}


def corpus_files():
    found = [*sorted(CORPUS.glob("*.md")), *sorted((CORPUS / "real").glob("*.txt"))]
    return found + [SAMPLE, *sorted(FIXTURES.glob("*.*"))]


@pytest.mark.parametrize("path", corpus_files(), ids=lambda p: p.name)
def test_every_line_of_a_corpus_document_is_accounted_for(path):
    assert_accounted(sources.read(path).text)


@pytest.mark.parametrize("name", SHAPES)
def test_every_line_of_a_shape_is_accounted_for(name):
    assert_accounted(SHAPES[name][0])


CHROME = ["Trang chủ", "Lượt xem: 12", "Chia sẻ", "16/11/2008 - 21:24", "| |", "-------",
          "Tin liên quan", "</xml", "Đánh giá", "![]()"]


@pytest.mark.parametrize("seed", range(40))
def test_every_line_of_a_generated_layout_is_accounted_for(seed):
    """A shape's lines, with page lines put around them, blank lines taken out or put in,
    pipes and literal line breaks sprinkled: still no line lost."""
    rng = random.Random(seed)
    text, _ = SHAPES[rng.choice(list(SHAPES))]
    lines = text.split("\n")
    lines = rng.sample(CHROME, 3) + lines + rng.sample(CHROME, 2)
    out = []
    for line in lines:
        roll = rng.random()
        out.append(line + " |" if roll < 0.1 else line.replace(" ", "\\r\\n", 1)
                   if roll < 0.15 else line)
        if rng.random() < 0.3:
            out.append("")
    assert_accounted("\n".join(out))
