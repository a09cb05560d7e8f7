"""The phrase table of issue 18: real notice phrases and how an announcer reads them.

`tests/speech/phrases.tsv` holds one phrase a line, `input<TAB>expected[<TAB>alternative…]`,
with readings written by hand after docs/speech.md. `normalize(input)` must give the expected
reading or one of the alternatives; only the case of the first letter and runs of whitespace are
ignored (normalize capitalises its first letter and keeps sentence punctuation)."""

from pathlib import Path

import pytest

from broadcast.speech import normalize

TABLE = Path(__file__).with_name("phrases.tsv")

# The example phrases of issue 18's "Why" section, as the issue writes them.
ISSUE_EXAMPLES = [
    "PHẦN II. NHIỆM VỤ VÀ GIẢI PHÁP", "CHƯƠNG II.", "MỤC II", "khóa vi tính", "mục vi phạm",
    "xi măng",
    "1.500.000 đồng/hộ", "65 triệu đồng/người/năm", "62,5 tạ/ha", "15 kg gạo/người/tháng",
    "2.500 m3/s", "3 buổi/tuần", "lượt/người", "quý II/2024", "Luật số 55/2014/QH13", "Đ/c",
    "V/v", "và/hoặc", "A/H5N1",
    "gọi ngay 114", "đường dây nóng 1900 9095", "0239.3855.567", "Tổng đài 1022", "SĐT",
    "từ 01/7 đến 15/7", "Quốc khánh 2/9", "30/4 và 1/5", "Sáng 10/8", "15-22/5", "ngày 5-7-2024",
    "17-11-2008", "đường 3/2",
    "từ 7h00-11h00", "2-3m", "100-150 mm", "38-39°C", "(19/5/1890 - 19/5/2024)",
    "TT. Đức Thọ", "ĐT 741", "QL14", "QL1A", "TP.HCM", "P. 2, Q. 5", "TP. Hồ Chí Minh", "H5N1",
    "7g30", "II.3", "điểm b", "13°C",
    "ASEAN", "CSSKND", "CT-XH", "TNGT", "DTTS", "PTNT",
    "20112020", "23:23:18", "11:20:00 SA", "(thứ hai)", "ngày 5/6",
]


def load_table(path=TABLE):
    """Rows as (line number, kind, input, [expected, alternatives…])."""
    rows = []
    kind = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith("## "):
            kind = line[3:].split(":", 1)[0].strip()
            continue
        if not line.strip() or line.startswith("#"):
            continue
        given, *readings = line.split("\t")
        rows.append((number, kind, given, readings))
    return rows


ROWS = load_table()


def comparable(text):
    """Whitespace runs made one space and letters in lower case: the voice reads 'Ban' and 'ban'
    alike. Words, their order and punctuation (the pauses) must match."""
    return " ".join(text.split()).lower()


def test_table_is_large_enough():
    assert len(ROWS) >= 400


def test_every_row_has_an_expected_reading():
    bad = [number for number, _, given, readings in ROWS
           if not given.strip() or not readings or not all(r.strip() for r in readings)]
    assert not bad, f"rows without input or reading on lines {bad}"


def test_no_duplicate_inputs():
    seen = {}
    duplicates = []
    for number, _, given, _ in ROWS:
        if given in seen:
            duplicates.append((given, seen[given], number))
        seen.setdefault(given, number)
    assert not duplicates


def test_every_issue_example_is_in_the_table():
    inputs = {given for _, _, given, _ in ROWS}
    missing = [example for example in ISSUE_EXAMPLES if example not in inputs]
    assert not missing


@pytest.mark.parametrize(("kind", "given", "readings"),
                         [row[1:] for row in ROWS], ids=[str(row[0]) for row in ROWS])
def test_phrase_reads_as_the_table_says(kind, given, readings):
    got = normalize(given)
    assert comparable(got) in {comparable(r) for r in readings}, (
        f"[{kind}] {given!r}\n  got:      {got!r}\n  expected: {readings[0]!r}"
        + "".join(f"\n  or:       {r!r}" for r in readings[1:]))
