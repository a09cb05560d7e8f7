import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.tts import chunks
from broadcast.tts.chunks import split_requests, two_syllable_words
from tests.conftest import CORPUS

KON_RAY = ("Ủy ban nhân dân huyện yêu cầu các xã, thị trấn tăng cường công tác tuyên truyền, "
           "vận động nhân dân chủ động phòng, chống dịch bệnh trên đàn gia súc, gia cầm; "
           "kịp thời phát hiện, báo cáo và xử lý ổ dịch theo đúng quy định.")
MARKS = ".!?…,;:"
CLOSERS = "\"'”’»)]"


@pytest.mark.parametrize(("text", "expected"), [
    ("Xin chào bà con.", ["Xin chào bà con."]),
    ("", []),
    ("  Xin   chào  ", ["Xin chào"]),
    ("Xin\tchào\nbà\r\ncon", ["Xin chào bà con"]),
    # two sentences that fit together go in one request
    ("Câu một. Câu hai.", ["Câu một. Câu hai."]),
    # nothing a voice can say: no request at all
    ("…", []),
    (" – ! … ", []),
    ('" "', []),
])
def test_short_text(text, expected):
    assert split_requests(text) == expected


@pytest.mark.parametrize(("text", "limit", "expected"), [
    # a mark that is not a word goes with the word before it
    ("Câu thứ nhất dài. … Câu thứ hai dài.", 20, ["Câu thứ nhất dài. …", "Câu thứ hai dài."]),
    ("Câu thứ nhất dài … ! Câu hai", 20, ["Câu thứ nhất dài … !", "Câu hai"]),
    # an opening mark (dash, bracket, quote) with the word after it
    ("Mở đầu – rồi tới phần sau cùng", 20, ["Mở đầu", "– rồi tới phần", "sau cùng"]),
    ("– Đầu câu có gạch ngang", 12, ["– Đầu câu có", "gạch ngang"]),
    ('Họ nói " Chủ nhật xanh " rồi', 16, ["Họ", 'nói " Chủ nhật', 'xanh " rồi']),
    # a sentence ends before a closing quote or bracket too
    ('Anh nói "xong." Rồi đi về nhà.', 16, ['Anh nói "xong."', "Rồi đi về nhà."]),
    ("Câu một (xong.) Câu hai đi tiếp.", 16, ["Câu một (xong.)", "Câu hai đi tiếp."]),
    # a mark alone at the start of the text goes with the first word
    ("… rồi thì thôi nhé bà con", 12, ["… rồi", "thì thôi", "nhé bà con"]),
])
def test_marks_go_with_their_words(text, limit, expected):
    assert split_requests(text, limit) == expected


@pytest.mark.parametrize(("text", "limit", "expected"), [
    # two opening marks in a row both go with the word after them
    ("Họ nói « – xin chào bà con", 12, ["Họ nói", "« – xin", "chào bà con"]),
    # a token of marks that does not only open goes with the word before it
    ("Hết rồi …( mở ngoặc nhé", 10, ["Hết rồi …(", "mở ngoặc", "nhé"]),
    # a sentence or a clause ends before a closing quote or bracket too
    ('Một hai "ba." bốn năm sáu bảy tám', 20, ['Một hai "ba."', "bốn năm sáu bảy tám"]),
    ('Một hai "ba," bốn năm sáu bảy tám', 20, ['Một hai "ba,"', "bốn năm sáu bảy tám"]),
    ("Một hai (ba;) bốn năm sáu bảy tám", 20, ["Một hai (ba;)", "bốn năm sáu bảy tám"]),
    # the first word can end a sentence
    ("Vâng. Bà con chú ý lắng nghe", 12, ["Vâng.", "Bà con chú ý", "lắng nghe"]),
    # pieces are joined up to the limit exactly
    ("Câu một. Câu hai.", 17, ["Câu một. Câu hai."]),
    ("Câu một. Câu hai.", 16, ["Câu một.", "Câu hai."]),
    # a word in quotes is still a word: no cut in '"Chủ nhật'
    ('toàn dân ra quân "Chủ nhật xanh" tuần này', 24,
     ["toàn dân ra quân", '"Chủ nhật xanh" tuần này']),
    # a word exactly as long as the limit is not cut
    ("b" * 12 + " c", 12, ["b" * 12, "c"]),
    # marks only, longer than the limit: still nothing to say
    ("-" * 150, 100, []),
])
def test_edges(text, limit, expected):
    assert split_requests(text, limit) == expected


def test_the_limit_is_100_characters_by_default():
    assert [len(p) for p in split_requests("x " * 49 + "y")] == [99]
    assert [len(p) for p in split_requests("x " * 50 + "y")] == [51, 49]


@pytest.mark.parametrize(("left", "right", "cost"), [
    ("ban", "của", 0),
    ("quân", "tổ", chunks.NOT_BEFORE_FUNCTION),
    ("của", "huyện", chunks.NOT_BEFORE_FUNCTION + chunks.AFTER_FUNCTION),
    ("và", "của", chunks.AFTER_FUNCTION),
    ("hai", "mươi", chunks.NOT_BEFORE_FUNCTION + chunks.INSIDE_NUMBER),
    ("hai", "quân", chunks.NOT_BEFORE_FUNCTION),
    ("quân", "hai", chunks.NOT_BEFORE_FUNCTION),
])
def test_what_a_cut_costs(left, right, cost):
    assert chunks._cut_cost(left, right) == cost


def test_a_word_list_line_that_is_not_two_syllables_is_an_error(tmp_path, monkeypatch):
    data = tmp_path / "words.txt"
    monkeypatch.setattr(chunks, "WORDS_FILE", data)
    chunks.two_syllable_words.cache_clear()
    try:
        data.write_text("# a note of many words\nkế hoạch\nChủ Nhật\n", encoding="utf-8")
        assert chunks.two_syllable_words() == {("kế", "hoạch"), ("chủ", "nhật")}
        chunks.two_syllable_words.cache_clear()
        data.write_text("kế hoạch\nỦy ban nhân\n", encoding="utf-8")
        with pytest.raises(ValueError):
            chunks.two_syllable_words()
    finally:
        chunks.two_syllable_words.cache_clear()


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


def test_a_dash_opens_a_clause():
    text = ("Thời gian ra quân từ sáu giờ sáng ngày Chủ nhật - toàn thể cán bộ và nhân dân "
            "trong xã cùng tham gia dọn vệ sinh đường làng ngõ xóm")
    parts = split_requests(text, 60)
    assert parts[0] == "Thời gian ra quân từ sáu giờ sáng ngày Chủ nhật"
    assert parts[1].startswith("- toàn thể")


def test_a_clause_without_marks_is_cut_into_equal_parts_between_words():
    text = " ".join(["nhân dân"] * 40)  # 359 characters, no punctuation
    parts = split_requests(text)
    assert [len(p) for p in parts] == [89, 89, 89, 89]
    assert all(p.startswith("nhân ") and p.endswith(" dân") for p in parts)  # never "nhân | dân"
    assert " ".join(parts) == text


GREEDY = ("đề nghị các cơ quan đơn vị trên địa bàn huyện triển khai thực hiện nghiêm túc kế "
          "hoạch giải pháp khắc phục những hạn chế")


def test_a_long_clause_is_cut_into_near_equal_parts_not_inside_words():
    # cut greedily: "… nghiêm túc kế | hoạch giải pháp khắc phục những hạn | chế"
    assert split_requests(GREEDY, 60) == [
        "đề nghị các cơ quan đơn vị trên địa bàn",
        "huyện triển khai thực hiện nghiêm túc",
        "kế hoạch giải pháp khắc phục những hạn chế",
    ]


@pytest.mark.parametrize(("text", "limit", "expected"), [
    # equal halves when nothing else counts
    ("một hai ba bốn năm sáu bảy tám chín mười", 30,
     ["một hai ba bốn năm", "sáu bảy tám chín mười"]),
    # before a function word, a few characters from the middle
    ("bà con nông dân thôn Đông và thôn Tây cùng ra đồng", 30,
     ["bà con nông dân thôn Đông", "và thôn Tây cùng ra đồng"]),
    ("bà con nông dân thôn Đông xóm Nam và thôn Tây cùng ra", 34,
     ["bà con nông dân thôn Đông xóm Nam", "và thôn Tây cùng ra"]),
    # not after one: "của | huyện" costs more than a cut a word earlier
    ("giao nhiệm vụ cụ thể tới phòng ban của huyện đông đủ ngay", 40,
     ["giao nhiệm vụ cụ thể tới phòng ban", "của huyện đông đủ ngay"]),
    ("rà soát danh sách hộ nghèo hộ cận nghèo của huyện chuyên môn", 40,
     ["rà soát danh sách hộ nghèo hộ cận nghèo", "của huyện chuyên môn"]),
    # a function word far from the middle does not win over equal parts
    ("và anh chị em bà con cô bác họ hàng gần xa thân thiết", 30,
     ["và anh chị em bà con cô bác", "họ hàng gần xa thân thiết"]),
    # not inside a number read out
    ("năm hai nghìn không trăm hai mươi tư tổ chức ra quân dọn dẹp", 40,
     ["năm hai nghìn không trăm hai mươi tư", "tổ chức ra quân dọn dẹp"]),
    # not inside a two-syllable word even at the middle ("kế | hoạch")
    ("thôn xóm xây dựng kế hoạch năm tới cho tốt", 26,
     ["thôn xóm xây dựng", "kế hoạch năm tới cho tốt"]),
    ("toàn dân ra quân Chủ nhật xanh tuần này", 24,
     ["toàn dân ra quân", "Chủ nhật xanh tuần này"]),
])
def test_where_a_clause_is_cut(text, limit, expected):
    assert split_requests(text, limit) == expected


@pytest.mark.parametrize(("text", "limit", "expected"), [
    # greedy: "ông bà cha mẹ anh chị | em" — three syllables at least in each part instead
    ("ông bà cha mẹ anh chị em", 20, ["ông bà cha mẹ", "anh chị em"]),
    ("ông bà cha mẹ anh chị em út", 22, ["ông bà cha mẹ", "anh chị em út"]),
    # exactly three syllables is enough
    ("aaaa bbbb cccc dddd eeee ffff", 20, ["aaaa bbbb cccc", "dddd eeee ffff"]),
    ("aaaaa bbbbb ccccc ddddd e f", 22, ["aaaaa bbbbb ccccc", "ddddd e f"]),
    # too few syllables to avoid it: the fewest short parts
    ("aaaaaaa bbbbbbb ccccccc ddddddd", 16, ["aaaaaaa bbbbbbb", "ccccccc ddddddd"]),
    # the limit is still the limit
    ("aaaaaaaa bbbbbbbb cccccccc dd", 18, ["aaaaaaaa bbbbbbbb", "cccccccc dd"]),
])
def test_no_part_under_three_syllables_when_it_can_be_avoided(text, limit, expected):
    assert split_requests(text, limit) == expected


def test_the_fewest_parts_that_keep_the_rules():
    # four parts would do greedily, but only by cutting "kế | hoạch" or leaving short parts
    text = "kế hoạch kế hoạch kế hoạch kế hoạch kế hoạch kế hoạch"
    parts = split_requests(text, 20)
    assert parts == ["kế hoạch kế hoạch", "kế hoạch kế hoạch", "kế hoạch kế hoạch"]
    assert split_requests(text, 26) == ["kế hoạch kế hoạch kế hoạch", "kế hoạch kế hoạch kế hoạch"]


def test_a_run_on_token_longer_than_the_limit_is_cut_by_force():
    parts = split_requests("a" * 250, limit=100)
    assert [len(p) for p in parts] == [100, 100, 50]
    assert split_requests("xin " + "b" * 30 + " chào", limit=12) == [
        "xin", "b" * 12, "b" * 12, "b" * 6 + " chào"]


def test_two_syllable_words_come_from_a_data_file():
    words = two_syllable_words()
    assert {("chủ", "nhật"), ("giải", "pháp"), ("kế", "hoạch"), ("ủy", "ban"),
            ("so", "với")} <= words
    assert ("ban", "nhân") not in words and ("tịch", "ubnd") not in words
    assert len(words) > 300
    lines = [line for line in chunks.WORDS_FILE.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    assert len(lines) == len(words)  # every line one word of two syllables, no duplicates
    assert all(line == line.lower().strip() for line in lines)


def test_words_are_compared_whatever_their_case_and_unicode_form():
    nfd = unicodedata.normalize("NFD", "xây dựng KẾ HOẠCH năm tới cho tốt")
    parts = split_requests(nfd, 26)
    assert [unicodedata.normalize("NFC", p) for p in parts] == [
        "xây dựng KẾ HOẠCH", "năm tới cho tốt"]


def _clauses_and_cuts(parts):
    """For every cut inside a clause: (last word before, first word after, syllables from the
    clause's start to the cut, syllables from the cut to the clause's end)."""
    words, cut_at = [], []
    for part in parts:
        cut_at.append(len(words))
        words.extend(part.split(" "))
    ends = {i + 1 for i, w in enumerate(words) if w.rstrip(CLOSERS).endswith(tuple(MARKS))}
    ends |= {i for i, w in enumerate(words) if w in ("-", "–", "—")}
    ends |= {0, len(words)}
    found = []
    for at in cut_at[1:]:
        if at in ends:
            continue
        start = max(e for e in ends if e < at)
        end = min(e for e in ends if e > at)
        found.append((words[at - 1], words[at], _spoken(words[start:at]),
                      _spoken(words[at:end])))
    return found


def _spoken(words):
    return sum(any(ch.isalnum() for ch in word) for word in words)


def _bare(word):
    return unicodedata.normalize("NFC", word.strip("\"'“‘«([–—-" + CLOSERS + MARKS)).lower()


PAIRS = sorted(two_syllable_words())
syllables = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặ", min_size=1, max_size=6)
word_items = st.one_of(
    st.sampled_from(PAIRS).map(" ".join),
    st.sampled_from(sorted(chunks.FUNCTION_WORDS)),
    st.sampled_from(sorted(chunks.NUMBER_WORDS)),
    syllables,
)
# mostly no mark, so that clauses are often too long for one request
marks = st.sampled_from([""] * 30 + [",", ";", ".", "!", "?", ":", "…", " …", " –", " -"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(word_items, marks), min_size=20, max_size=120), st.integers(50, 120))
def test_pieces_keep_every_rule(tokens, limit):
    """Pieces fit, keep every word whole and in order, none is only punctuation, and inside a
    clause no cut splits a listed two-syllable word or leaves a part under three syllables
    (with words of at most seven characters and a limit of 50 or more, both can always be
    avoided: parts of three to six syllables fit)."""
    text = " ".join(w + m for w, m in tokens)
    parts = split_requests(text, limit)
    assert all(0 < len(p) <= limit for p in parts)
    assert " ".join(parts).split(" ") == text.split(" ")
    assert all(any(ch.isalnum() for ch in p) for p in parts)
    pairs = two_syllable_words()
    for before, after, head, tail in _clauses_and_cuts(parts):
        assert (_bare(before), _bare(after)) not in pairs, (before, after, parts)
        assert head >= 3 and tail >= 3, (before, after, parts)


@settings(deadline=None)
@given(st.lists(st.tuples(syllables, marks), min_size=1, max_size=80), st.integers(20, 120))
def test_pieces_fit_keep_every_word_whole_and_in_order(tokens, limit):
    text = " ".join(w + m for w, m in tokens)
    parts = split_requests(text, limit)
    assert all(0 < len(p) <= limit for p in parts)
    assert " ".join(parts).split(" ") == text.split(" ")


@settings(deadline=None)
@given(st.lists(st.sampled_from(["bà", "con", "nhân", "dân", "xã", "và", "của", "để", "hai",
                                 "mươi"]), min_size=20, max_size=120), st.integers(30, 100))
def test_parts_of_a_clause_are_near_equal(words, limit):
    """A clause without marks: the fewest parts, none longer than the limit, and no part shorter
    than a third of an equal share."""
    text = " ".join(words)
    parts = split_requests(text, limit)
    share = len(text) / len(parts)
    assert all(len(p) >= share / 3 for p in parts), parts
    # one part fewer could not be made without going over the limit or breaking a rule
    assert len(parts) == 1 or len(text) > (len(parts) - 1) * limit - 40


def _corpus_paragraphs():
    texts = []
    for path in sorted(CORPUS.glob("*.md")) + sorted((CORPUS / "real").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = line.split()
            if len(words) > 8:
                texts.append(" ".join(words))
    return texts


def test_the_corpus_is_cut_without_breaking_its_words():
    texts = _corpus_paragraphs()
    if not texts:
        pytest.skip(f"corpus not available: {CORPUS}")
    pairs = two_syllable_words()
    broken = short = cuts = 0
    for text in texts:
        parts = split_requests(text)
        assert " ".join(parts) == text
        for before, after, _head, tail in _clauses_and_cuts(parts):
            cuts += 1
            broken += (_bare(before), _bare(after)) in pairs
            short += tail < 3
    assert cuts > 50
    assert broken == 0 and short == 0

