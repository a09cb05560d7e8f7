"""Stage 2, layout: repair the lines of a page copy before anything reads them.

- ``normalize``: literal "\\r\\n" left by an export, look-alike letters ("QÐ" with U+00D0, "ƣ"
  from PDF fonts), tone marks a PDF detached from their letter, odd spaces.
- ``pieces``: every input line becomes one or more pieces: Markdown marks removed, table cells
  split at "|", a two-column header flattened into one line split at the Quốc hiệu, the Tiêu ngữ,
  "Số:" and the place/date, a whole document on one line split at its structure, glued words
  unglued ("13tháng", "PHÓ CHỦ TỊCHNguyễn"), then the parts of a header that a one-cell-a-line
  layout split over lines joined back ("Sơn / La, ngày …", "CỘNG / HÒA XÃ HỘI …").
Nothing is deleted: a piece that is page chrome is kept with its reason (``why``) for stage 3.
"""

from __future__ import annotations

import re
import unicodedata

from broadcast.document import chrome
from broadcast.document.model import Piece
from broadcast.document.patterns import (
    AUTHORITY_LINE,
    BODY_HEAD,
    CODE_SPACES,
    KIND_WORDS,
    KINH_GUI,
    LO,
    MIXED_CODES,
    NUMBER,
    NUMBER_ALONE,
    OPENER,
    PARTY,
    PLACE_DATE,
    QUOC_HIEU,
    SUBJECT_VV,
    TIEU_NGU,
    UP,
    UY_BAN,
    is_caps,
    words,
)

# ---------------------------------------------------------------- whole text

LOOK_ALIKES = str.maketrans({"\u00d0": "Đ", "\u00f0": "đ", "\u01a2": "Ư", "\u01a3": "ư",
                             "\u0189": "Đ", "\u00a0": " ", "\u2007": " ", "\u202f": " ",
                             "\u2002": " ", "\u2003": " ", "\u2009": " ", "\t": " ",
                             "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
                             "\u00ad": None})
# Spacing accents a PDF puts beside the vowel instead of on it.
SPACING_MARKS = {"\u00b4": "\u0301", "\u02ca": "\u0301", "\u02cb": "\u0300", "\u02dc": "\u0303",
                 "\u02c0": "\u0309"}


def normalize(text: str) -> str:
    """The text with export escapes, look-alike letters and detached marks repaired (NFC)."""
    if len(re.findall(r"\\r\\n|\\n", text)) >= 2:  # an export wrote its line breaks as text
        text = re.sub(r"\\r\\n|\\n|\\r", "\n", text)
    text = unicodedata.normalize("NFD", text.translate(LOOK_ALIKES))
    # marks a PDF gathered apart ("thiêt hai ̀ ̣ ̣ do") belong to no letter: dropped
    text = re.sub(r"(?: [\u0300-\u036f]){2,}(?= |$)", "", text, flags=re.M)
    text = re.sub(r"(?<=\S) +(?=[\u0300-\u036f])", "", text)  # "Vi ̣êt" → "Việt"
    for spacing, combining in SPACING_MARKS.items():
        text = re.sub(rf"([aeiouyAEIOUY][\u0300-\u036f]*) ?{spacing}", rf"\1{combining}", text)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


# ---------------------------------------------------------------- one line → pieces

HEADING_MARK = re.compile(r"^#{1,6}\s*")
GLUED_DOWNLOAD = re.compile(r"\d\s*(?:tải\s+về|download)\s*[\d.,]+\s*[KM]B", re.I)
CRAWLED = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+(?=\S)")  # a crawler's stamp before the text
TIME_AFTER = re.compile(
    r"(?:\s+|(?<=[^\W\d_]))(?:Cập\s*nhật|Đăng(?:\s*(?:ngày|lúc))?)\s*:?\s*\d{1,2}[/.\-]\d{1,2}"
    r"[/.\-]\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"  # "… năm 2021 Cập nhật05-02-2021 09:29"
    r"|(?<=[^\W\d_])\s+\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?$"
    r"|\s+\(\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4}\)$")  # "… thiên tai (09:36 13/12/2019)"
# A site's address as the tag of a lead: "(hocmon.gov.vn) Theo Công văn số …"
SITE_TAG = re.compile(r"^(?:\((?:[\w\-]+\.)+(?:vn|com|net|org)\)\s*[-–]?\s*|[A-ZĐ]{2,6}\s+[-–]\s+|"
                      r"\([A-ZĐ]{2,8}\)\s*[-–]\s*)"
                      r"(?=[A-ZĐ]\S*(?:\s+\S+){6})")  # "(hocmon.gov.vn) ", "HNP - " before a lead
GLUED_TIME = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?=[^\W\d_])")
PAGE_NUMBER = re.compile(r"^\d{1,3}\.\s+(?=(?:ỦY|UỶ|UBND|CỘNG)\b)")


def _markdown(line: str) -> tuple[str, bool]:
    """A line without Markdown marks, and whether it was a heading."""
    line = line.strip()
    heading = bool(HEADING_MARK.match(line))
    line = HEADING_MARK.sub("", line)
    bullet = re.match(r"^\*\s+", line)  # a Markdown bullet; "+ …" is a document's own
    if bullet:
        line = "• " + line[bullet.end():]
    line = re.sub(r"\\([\\.\-*_#\[\]()+!])", r"\1", line.replace("*", ""))
    line = re.sub(r"(?<!\w)__?(\S.*?\S)__?(?!\w)", r"\1", line)
    return CODE_SPACES.sub("/", line).strip(), heading


def _cells(line: str) -> list[str]:
    """Table cells of a line flattened with '|' (a metadata row stays whole: it is chrome)."""
    if "|" not in line or chrome.METADATA.search(line):
        return [line]
    return [cell.strip() for cell in line.split("|")] or [line]


def read_symbol(text: str) -> tuple[str, int]:
    """The ký hiệu at the start of ``text`` in canonical form, and how many characters it took:
    'KH – UBND Hoằng Thắng' → ('KH-UBND', 10), 'QĐUBND' → ('QĐ-UBND', 6)."""
    tokens, end, seps = [], 0, []
    text = re.sub(r"(?<=[A-ZĐ])\.(?=[A-ZĐ])", "-", text)  # "CĐ.UBND": a dot for a hyphen
    for match in re.finditer(r"\s*(?P<sep>[-–—/]?)\s*(?P<tok>[^\s\-–—/,;:()|]+)", text):
        token = match["tok"].rstrip(".")
        if not _is_code(token) or (tokens and not match["sep"] and not _is_code_word(token)):
            break
        if tokens:
            seps.append("/" if match["sep"] == "/" else "-")
        tokens.append(token)
        end = match.start("tok") + len(token)
    if not tokens:
        return "", 0
    tokens[:1] = _split_glued_code(tokens[0])
    if len(tokens) > len(seps) + 1:
        seps.insert(0, "-")
    return "".join(t + (seps[i] if i < len(seps) else "") for i, t in enumerate(tokens)), end


def _is_code(token: str) -> bool:
    return bool(re.fullmatch(r"[A-ZĐƯƠÔÂĂÊ0-9&]+", token)) or token in MIXED_CODES


def _is_code_word(token: str) -> bool:
    """A code after a space ('KH UBND'): short capitals, not the start of a place name."""
    return _is_code(token) and len(token) <= 6


def _split_glued_code(token: str) -> list[str]:
    """'QĐUBND' → ['QĐ', 'UBND']: a kind code glued to the body's code."""
    from broadcast.document.patterns import SYMBOL_KINDS

    for code in sorted(SYMBOL_KINDS, key=len, reverse=True):
        rest = token[len(code):]
        if token.startswith(code) and len(rest) >= 2 and rest.isupper():
            return [code, rest]
    return [token]


def _number_span(text: str, start: int) -> int | None:
    """End of the "Số: …/KÝ-HIỆU" that starts at ``start``, or None if it is not one."""
    match = NUMBER.match(text[start:])
    if not match:
        return None
    symbol, used = read_symbol(match["rest"])
    if not symbol and not match["number"]:
        return None
    return start + match.start("rest") + used


def _anchor_cuts(text: str) -> list[int]:
    """Where a flattened header line splits: around the Quốc hiệu and the Tiêu ngữ, and before
    and after a "Số: …" (only in a line that is a header: it has the Quốc hiệu or Tiêu ngữ,
    or "Số:" comes first or after capitals)."""
    cuts: set[int] = set()
    national = [*QUOC_HIEU.finditer(text), *TIEU_NGU.finditer(text), *PARTY.finditer(text)]
    for match in national:
        cuts.update((match.start(), match.end()))
    for match in re.finditer(r"(?<![\w/])Số\s*(?=[:\d/])", text):
        before = text[: match.start()].strip()
        if national or not before or is_caps(before) or before.endswith("|"):
            end = _number_span(text, match.start())
            if end:
                cuts.update((match.start(), end))
    return sorted(c for c in cuts if 0 < c < len(text))


def _cut(text: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)
            if text[a:b].strip()]


def _place_date_split(segment: str) -> list[str]:
    """'Hà Tĩnh, ngày 04 tháng 06 năm 2019 QUYẾT ĐỊNH …' → [place/date, rest] when the segment
    starts with its place/date and what follows is empty or capitals (never inside a sentence)."""
    match = PLACE_DATE.match(segment)
    if not match or words(_place(match)) > 7:
        return [segment]
    end = match.end() + len(segment[match.end():]) - len(segment[match.end():].lstrip(" .,"))
    rest = segment[end:].strip()
    if rest and not (is_caps(" ".join(rest.split()[:2])) or SUBJECT_VV.match(rest)
                     or KINH_GUI.match(rest)):
        return [segment]
    return [segment[:end].strip(), rest] if rest else [segment]


def _place(match: re.Match) -> str:
    return (match["place"] or match["place2"] or "").strip()


def _caps_prefix_split(segment: str) -> list[str]:
    """'HUYỆN CHÂU THÀNH Châu Thành, ngày …': capitals glued before a place/date line."""
    match = re.match(r"^((?:[" + UP + r"]+\s+){1,8}?)(?=[" + UP + "][" + LO + r"]+.*?,\s*ngày)",
                     segment)
    if match and is_caps(match[1]) and PLACE_DATE.match(segment[match.end():]):
        return [match[1].strip(), segment[match.end():]]
    return [segment]


# A file's name glued after a finished sentence: "… trên toàn địa bàn xã. KH 107.signed.pdf"
GLUED_FILE = re.compile(r"(?<=[.!?…])\s+(?=[\w.\-]+(?: [\w.\-]+){0,2}\."
                        r"(?:pdf|docx?|xlsx?|rar|zip)$)", re.I)


# "… một số nội dung sau: 37/UBND-VP ngày 10/1/2022": a link's code glued after the text
GLUED_CODE = re.compile(r"(?<=[:.])\s+(?=\d{1,5}/[A-ZĐ][^\s]*-[^\s]+\s+ngày\s+"
                        r"\d{1,2}/\d{1,2}/\d{4}$)")


# "… thông báo nội dung của Kế hoạch (Xem nội dung kế hoạch tại đây)." a link's words glued on
GLUED_LINK = re.compile(r"(?<=\S)\s*(?=\(\s*(?:Xem|Tải)\s[^()]{3,80}\)\W*$)")


def _file_off(text: str) -> list[str]:
    """The text without the page's file name, link code or link words glued after it."""
    parts = [text]
    for glued in (GLUED_FILE, GLUED_CODE, GLUED_LINK):
        parts = [p for part in parts for p in glued.split(part, maxsplit=1)]
    return [p for part in parts for p in _unglue(part)]


def _unglue(text: str) -> list[str]:
    """'ngày 13tháng 9' → 'ngày 13 tháng 9'; 'PHÓ CHỦ TỊCHNguyễn Thị Thu' → two pieces, and so
    'TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Nguyễn Thị Thu Hà' (a signature cell on one line)."""
    text = re.sub(r"(?<=\d)(?=(?:tháng|năm|ngày)\b)", " ", text)
    text = re.sub(r"\b(ngày|tháng|năm)(?=\d)", r"\1 ", text)
    signed = _signed_name(text)
    if signed:
        return signed
    for i in range(2, len(text) - 1):
        if (text[i].isupper() and text[i + 1].islower() and text[i - 1].isupper()
                and text[i - 2].isupper() and is_caps(text[:i])):
            return [text[:i].strip(), text[i:].strip()]
    return [text]


# The last words of a signer's title, before the name on a one-line signature cell.
TITLE_ENDS = ("CHỦ TỊCH", "GIÁM ĐỐC", "VĂN PHÒNG", "TRƯỞNG", "TRƯỞNG BAN", "TRƯỞNG PHÒNG",
              "BÍ THƯ", "THỦ TRƯỞNG", "CHÁNH THANH TRA")


def _signed_name(text: str) -> list[str] | None:
    """'TL. CHỦ TỊCH CHÁNH VĂN PHÒNG Nguyễn Thị Thu Hà' → [title block, name]."""
    tokens = text.split()
    for cut in range(len(tokens) - 2, max(0, len(tokens) - 6), -1):  # a name of 2 to 5 words
        block, name = " ".join(tokens[:cut]), tokens[cut:]
        if (all(t[:1].isupper() and t[1:].islower() for t in name)
                and block.endswith(TITLE_ENDS) and is_caps(block)):
            return [block, " ".join(name)]
    return None


STRUCTURE = re.compile(
    r"(?<=[;.:,])\s+(?=Căn\s+cứ\s|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|QUYẾT\s+ĐỊNH\s*:|Điều\s+\d+\s*\.|"
    r"[IVX]{1,4}\.\s+[A-ZĐ]|\d{1,2}\.\s+[A-ZĐ][" + LO + r"]|[a-zđ]\)\s|-\s+[A-ZĐ]|Nơi\s+nhận\s*:)"
    r"|(?<=[.;:])\s+(?=" + OPENER.pattern[1:] + r")"
    r"|\s+(?=QUYẾT\s+ĐỊNH\s*:|Kính\s+g[ửữở]i\s*:|V/v\s)"
)
LONG_LINE = 400
# In a header flattened with the text after it, the text starts at its first opener
# ("… đợt 1 năm 2025 Thực hiện Kế hoạch số …"), punctuation or not.
OPENS = re.compile(r"\s+(?=" + OPENER.pattern[1:] + ")")


def _structure_split(segment: str, header_line: bool) -> list[str]:
    """A whole document on one line (a PDF viewer's text, a header flattened with the text
    after it): split where its parts start. A long paragraph of a normal document is kept."""
    if not header_line and (len(segment) < LONG_LINE or len(STRUCTURE.findall(segment)) < 4):
        return [segment]
    out = []
    for part in _caps_runs(segment) if header_line else [segment]:
        for piece in STRUCTURE.split(part):
            pieces = OPENS.split(piece) if header_line else [piece]
            out += [p.strip() for p in pieces if p.strip()]
    return out


def _caps_runs(segment: str) -> list[str]:
    """Split where a run of capitals (the kind line, the subject, who decides) meets text; a
    short run ('UBND', 'QUYẾT ĐỊNH:') stays inside the text."""
    runs: list[list] = []  # [caps, tokens]
    pending: list[str] = []  # a label ("1.", "II.") goes with the words after it
    for token in segment.split():
        letters = sum(ch.isalpha() for ch in token)
        if re.fullmatch(r"(?:\d{1,2}|[IVX]{1,4})[.)]", token):
            pending.append(token)
            continue
        caps = is_caps(token) if letters else (runs[-1][0] if runs else False)
        if runs and runs[-1][0] == caps:
            runs[-1][1] += [*pending, token]
        else:
            runs.append([caps, [*pending, token]])
        pending = []
    if pending:
        runs.append([False, pending])
    merged: list[list] = []
    for caps, tokens in runs:
        lettered = sum(any(ch.isalpha() for ch in t) for t in tokens)  # "COVID -19 ." is one
        caps = caps and (lettered >= 3 or " ".join(tokens) in KIND_WORDS)
        if caps and merged and tokens[-1].endswith(".") and not re.search(
                r"[.;:!?]$", merged[-1][1][-1]):
            caps = False  # "… của xã DIỄN BIẾN PHỨC TẠP." is a sentence's emphasis
        if merged and merged[-1][0] == caps:
            merged[-1][1] += tokens
        else:
            merged.append([caps, tokens])
    return _authority_off([" ".join(tokens) for _, tokens in merged])


def _authority_off(runs: list[str]) -> list[str]:
    """'… TỈNH HÀ TĨNH ỦY BAN NHÂN DÂN TỈNH' then 'Căn cứ …': who decides is its own piece."""
    out = []
    for i, run in enumerate(runs):
        following = runs[i + 1] if i + 1 < len(runs) else ""
        if is_caps(run) and following.startswith(("Căn cứ", "Xét")):
            starts = [m.start() for m in re.finditer(r"(?:CHỦ\s+TỊCH\s+)?(?:ỦY|UỶ)\s+BAN", run)]
            cut = next((s for s in reversed(starts) if s > 0 and AUTHORITY_LINE.match(run[s:])),
                       None)
            if cut:
                out += [run[:cut].strip(), run[cut:].strip()]
                continue
        out.append(run)
    return out


def _segments(text: str) -> list[tuple[str, str]]:
    """(text, chrome reason) of every piece of one cleaned line."""
    if GLUED_DOWNLOAD.search(text):
        return [(text, "chữ của trang tải tài liệu")]
    out: list[tuple[str, str]] = []
    posted = GLUED_TIME.match(text) or CRAWLED.match(text) or SITE_TAG.match(text)
    if posted:  # "15/03/2020 21:24Cầu Giấy dừng kinh doanh …"
        out.append((posted[0].strip(), "địa chỉ web" if posted.re is SITE_TAG
                    else "ngày giờ đăng tin"))
        text = text[posted.end():]
    stamp = TIME_AFTER.search(text)  # "… theo quy định của pháp luật 03/02/2026 11:08"
    if stamp:
        return _segments(text[: stamp.start()]) + [(stamp[0].strip(), "ngày giờ đăng tin")]
    shape = chrome.SHAPE.match(text) or (PAGE_NUMBER.match(text) if QUOC_HIEU.search(text)
                                          else None)
    if shape:
        out.append((text[: shape.end()].strip(), "hình vẽ, số trang của trình xem"))
        text = text[shape.end():]
    for cell in _cells(text):
        cuts = _anchor_cuts(cell)
        for segment in _cut(cell, cuts):
            for part in _place_date_split(segment):
                for piece in _caps_prefix_split(part):
                    for run in _structure_split(piece, bool(cuts)):
                        out += [(p, chrome.reason(p) or "") for p in _file_off(run)]
    return _info_row(out) if "|" in text else out


def _info_row(cells: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'Phòng Trồng trọt | 253 lần xem | 1 Đính kèm', '17/11/2022 | Trồng trọt': a row of the
    page's counters or posting time; its other short cells (who posted, the section) are the
    page's too."""
    rest = [t for t, why in cells if not why]
    posted = any(why in ("ngày giờ đăng tin", "bộ đếm") for _, why in cells)
    if not (sum(bool(why) for _, why in cells) >= 2 and all(words(t) <= 5 for t in rest)
            or posted and all(words(t) <= 3 and not re.search(r"\d", t) for t in rest)):
        return cells
    return [(t, why or "dòng thông tin của trang") for t, why in cells]


def line_pieces(lines: list[str]) -> list[Piece]:
    """Every input line as pieces, in order; lines that were blank give none."""
    out: list[Piece] = []
    blank_before = False
    for number, raw in enumerate(lines):
        if not raw.strip():
            blank_before = True
            continue
        whole = chrome.reason(raw.strip())
        text, heading = _markdown(raw)
        if whole or not text:
            out.append(Piece((number,), raw.strip(), heading, blank_before, why=whole or "ký hiệu"))
        else:
            for i, (segment, why) in enumerate(_segments(text)):
                out.append(Piece((number,), segment, heading, blank_before and i == 0, why=why))
        blank_before = False
    return out


# ---------------------------------------------------------------- pieces split over lines

HEADER_REACH = 80  # pieces from the top in which a header can be split over lines
# Two-word heads a narrow cell breaks after their first word ("CÔNG / ĐIỆN KHẨN …").
SPLIT_HEADS = {" ".join(word.split()[:2]) for word in KIND_WORDS if " " in word} | {
    "CHỦ TỊCH", "ỦY BAN", "UỶ BAN", "HỘI ĐỒNG", "VĂN PHÒNG", "BAN CHỈ", "PHÓ CHỦ", "GIÁM ĐỐC"}


def _whole(text: str) -> bool:
    """True when the text is one complete header part."""
    if QUOC_HIEU.fullmatch(text) or TIEU_NGU.fullmatch(text) or UY_BAN.fullmatch(text):
        return True
    match = PLACE_DATE.fullmatch(text)
    return bool(match) and words(_place(match)) <= 6


def _place_fragment(text: str) -> bool:
    """'Mỹ', 'Sơn', 'Tiền': the first word(s) of a place name cut off its date line."""
    tokens = text.split()
    return 1 <= len(tokens) <= 2 and all(t[:1].isupper() and t[1:].islower() and t.isalpha()
                                         for t in tokens)


def _joins(texts: list[str]) -> bool:
    """Do these consecutive pieces make one header part that none of them is alone?"""
    joined = " ".join(texts)
    if len(texts) == 2 and _place_fragment(texts[0]) and _whole(texts[1]) and _whole(joined):
        return PLACE_DATE.fullmatch(texts[1]) is not None
    if any(_whole(t) for t in texts):
        return False
    if NUMBER_ALONE.match(texts[0]) and len(texts) == 2:
        return bool(re.match(r"^[\d/]", texts[1]))
    if UY_BAN.match(joined) and not UY_BAN.match(texts[0]):
        return True
    if (len(texts) == 2 and is_caps(texts[0]) and words(texts[0]) == 1
            and f"{texts[0]} {texts[1].split()[0]}" in SPLIT_HEADS):
        return True
    return _whole(joined) or bool(QUOC_HIEU.fullmatch(joined))


def _cut_short(a: Piece, b: Piece) -> bool:
    """'- Thủ' / 'trưởng các cơ quan …': a narrow cell broke a line after a word or two."""
    return (not a.why and not b.why and b.text[:1].islower() and words(a.text) <= 2
            and len(a.text) <= 12 and not re.search(r"[.;:!?]$", a.text)
            and not re.fullmatch(r"[\dIVX]+[.)]?|[a-zđ][.)]", a.text))


def join_split(pieces: list[Piece]) -> list[Piece]:
    """Join the header parts that a one-cell-a-line layout split over two or three lines."""
    out: list[Piece] = []
    for piece in pieces:
        if out and _cut_short(out[-1], piece):
            last = out[-1]
            out[-1] = Piece(tuple(sorted({*last.lines, *piece.lines})),
                            f"{last.text} {piece.text}", last.heading, last.gap)
        else:
            out.append(piece)
    i = 0
    while i < min(len(out), HEADER_REACH):
        for span in (2, 3):
            group = out[i: i + span]
            if len(group) == span and not any(p.why for p in group) and _joins(
                    [p.text for p in group]):
                lines = tuple(sorted({n for p in group for n in p.lines}))
                out[i: i + span] = [Piece(lines, " ".join(p.text for p in group),
                                          group[0].heading, group[0].gap)]
                break
        i += 1
    return out


def pieces(text: str) -> tuple[list[str], list[Piece]]:
    """The normalized input lines and the pieces made of them."""
    lines = unbullet(normalize(text).split("\n"))
    return lines, join_split(line_pieces(lines))


PAGE_BULLET = re.compile(r"^\s*[•●▪◦■]\s*")


def unbullet(lines: list[str]) -> list[str]:
    """A page that sets all its lines as a list ('• Thời gian đăng: …', '• Tác giả: …'): its
    bullets are the page's, not the document's. A document's own list holds no page line."""
    led = [PAGE_BULLET.sub("", line) for line in lines if PAGE_BULLET.match(line)]
    if not any(chrome.reason(line) for line in led if line.strip()):
        return lines
    return [PAGE_BULLET.sub("", line) for line in lines]


def is_number_line(text: str) -> bool:
    """'Số: 12/UBND-VP' (and its flattened forms), not 'Số/Ký hiệu …' of a metadata table."""
    return bool(NUMBER.match(text)) and _number_span(text, 0) is not None


def is_issuer_line(text: str) -> bool:
    """Capitals that name a body ('ỦY BAN NHÂN DÂN', 'UBND HUYỆN HÒN ĐẤT', 'SỞ Y TẾ')."""
    return is_caps(text) and bool(BODY_HEAD.match(fix_uy_ban(text)))


def fix_uy_ban(text: str) -> str:
    """'Y BAN NHÂN DÂN', 'UỶ BAN NHÂN DÂN' → 'ỦY BAN NHÂN DÂN' (a lost letter, an old spelling)."""
    return UY_BAN.sub("ỦY BAN NHÂN DÂN", text, count=1) if is_caps(text) else text
