import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadcast.tts.chunks import split_requests

KON_RAY = ("Ủy ban nhân dân huyện yêu cầu các xã, thị trấn tăng cường công tác tuyên truyền, "
           "vận động nhân dân chủ động phòng, chống dịch bệnh trên đàn gia súc, gia cầm; "
           "kịp thời phát hiện, báo cáo và xử lý ổ dịch theo đúng quy định.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Xin chào bà con.", ["Xin chào bà con."]),
    ("", []),
    ("  Xin   chào  ", ["Xin chào"]),
    # two sentences that fit together go in one request
    ("Câu một. Câu hai.", ["Câu một. Câu hai."]),
])
def test_short_text(text, expected):
    assert split_requests(text) == expected


def test_long_sentence_is_cut_at_clause_marks_first():
    parts = split_requests(KON_RAY)
    assert all(len(p) <= 100 for p in parts)
    assert len(parts) >= 2
    # every cut falls after a comma or semicolon, not between two ordinary words
    assert all(p.endswith((",", ";", ".")) for p in parts[:-1])
    assert " ".join(parts) == KON_RAY


def test_sentence_ends_are_preferred_over_filling():
    first = "Đề nghị bà con chú ý lắng nghe thông báo sau đây của Ủy ban nhân dân xã."
    second = "Từ ngày mai, trạm y tế tổ chức tiêm phòng cho trẻ em dưới năm tuổi tại nhà văn hóa."
    parts = split_requests(f"{first} {second}")
    assert parts == [first, second]


def test_a_clause_without_marks_is_cut_between_words():
    text = " ".join(["nhân dân"] * 40)  # 319 characters, no punctuation
    parts = split_requests(text)
    assert all(len(p) <= 100 for p in parts)
    assert all(p.split(" ")[0] in ("nhân", "dân") for p in parts)
    assert " ".join(parts) == text


def test_a_run_on_token_longer_than_the_limit_is_cut_by_force():
    parts = split_requests("a" * 250, limit=100)
    assert [len(p) for p in parts] == [100, 100, 50]


words = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặ", min_size=1, max_size=12)
marks = st.sampled_from(["", "", "", ",", ";", ".", "!", "?", ":"])


@given(st.lists(st.tuples(words, marks), min_size=1, max_size=80), st.integers(20, 120))
def test_pieces_fit_keep_every_word_whole_and_in_order(tokens, limit):
    text = " ".join(w + m for w, m in tokens)
    parts = split_requests(text, limit)
    assert all(0 < len(p) <= limit for p in parts)
    assert " ".join(parts).split(" ") == text.split(" ")
