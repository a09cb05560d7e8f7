from dataclasses import dataclass

import pytest

from broadcast.speech import spoken_segments
from broadcast.speech.segments import Pauses, split_clauses, split_sentences


@dataclass
class Sec:
    kind: str
    text: str


@pytest.mark.parametrize(("text", "pieces"), [
    ("Một câu. Hai câu! Ba câu?", ["Một câu.", "Hai câu!", "Ba câu?"]),
    ("1. Các thành viên. Tăng cường công tác.", ["1. Các thành viên.", "Tăng cường công tác."]),
    ("II. Giải pháp thực hiện:", ["II. Giải pháp thực hiện:"]),
    ("đạt 85,96/100 điểm. Tiếp tục duy trì", ["đạt 85,96/100 điểm.", "Tiếp tục duy trì"]),
    ("TP. Hồ Chí Minh rất lớn. Đúng vậy.", ["TP. Hồ Chí Minh rất lớn.", "Đúng vậy."]),
    ("chưa đạt... để khắc phục", ["chưa đạt... để khắc phục"]),
])
def test_split_sentences(text, pieces):
    assert split_sentences(text) == pieces


def test_long_sentence_is_cut_at_semicolons_never_mid_word():
    sentence = "; ".join(["công tác chỉ đạo, điều hành ở một số cơ quan chưa quyết liệt"] * 6) + "."
    clauses = split_clauses(sentence)
    assert len(clauses) > 1
    assert " ".join(clauses) == sentence
    assert all(len(c) <= 220 for c in clauses)


def test_pauses_follow_structure():
    sections = [Sec("title", "BÀI TUYÊN TRUYỀN VỀ PCCC"), Sec("heading", "I. Mục đích"),
                Sec("item", "1. Câu một. Câu hai."), Sec("paragraph", "Cuối cùng.")]
    pauses = Pauses()
    segs = spoken_segments(sections, pauses=pauses)
    assert [s.pause_ms for s in segs] == [pauses.title, pauses.heading, pauses.sentence,
                                          pauses.block, pauses.block]
    assert segs[0].spoken == "Bài tuyên truyền về phòng cháy, chữa cháy"
    assert segs[2].spoken.startswith("Thứ nhất, câu một")
    assert [s.index for s in segs] == list(range(len(segs)))


def test_sections_with_nothing_to_say_give_no_segment():
    assert spoken_segments([Sec("paragraph", "- ")]) == []


def test_a_run_on_without_punctuation_is_cut_between_words():
    words = ["tuyên", "truyền", "vận", "động", "nhân", "dân"] * 400
    clauses = split_clauses(" ".join(words))
    assert len(clauses) > 10
    assert " ".join(clauses).split() == words
    assert all(len(c) <= 2 * 220 for c in clauses)


def test_a_long_sentence_without_semicolons_is_cut_at_commas():
    sentence = ", ".join(["các hộ gia đình chủ động phòng chống dịch bệnh cho đàn gia súc"] * 12)
    clauses = split_clauses(sentence)
    assert len(clauses) > 1 and " ".join(clauses) == sentence
    assert all(len(c) <= 2 * 220 for c in clauses)


def test_sentence_splitting_work_grows_linearly(monkeypatch):
    from broadcast.speech import segments
    from tests.conftest import count_text_read

    seen = count_text_read(monkeypatch, segments, "_ends_sentence")

    def work(items):
        seen.clear()
        pieces = split_sentences(" ".join(f"Mục {i} được triển khai. Nội dung {i}." for i in
                                          range(items)))
        assert len(pieces) == 2 * items
        return sum(seen)

    small, large = work(300), work(600)
    assert large <= 2.2 * small
