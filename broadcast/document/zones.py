"""Stage 3, zones: which part of the document every piece is.

The header is found wherever it starts (after a menu, a page title, a portal's lead): it is the
first cluster of header anchors (issuer, Quốc hiệu, Tiêu ngữ, "Số:", place/date). Without one
(a repost), the document starts at its own kind line, or at the title right above its first
sentence. Everything before the start is the page around the document and is dropped; so is
everything after the signer's name. Between them: header fields, subject, addressees, the text,
recipients and signer.
"""

from __future__ import annotations

import re

from broadcast.document.chrome import ENDERS
from broadcast.document.layout import is_issuer_line, is_number_line
from broadcast.document.model import Piece
from broadcast.document.patterns import (
    AUTHORITY,
    AUTHORITY_LINE,
    CITATION,
    CODE_DATED,
    CODE_LINE,
    DATE_ONLY,
    DIEN,
    KIND_WORDS,
    KINH_GUI,
    LO,
    MARK,
    MARKER,
    NOI_NHAN,
    NUMBER_ALONE,
    OPENER,
    PARTY,
    PLACE_DATE,
    PLACE_DATE_NO_COMMA,
    QUOC_HIEU,
    QUOC_HIEU_LINE,
    SALUTATION,
    SIGNER_TITLES,
    SOURCE_LINE,
    SUBJECT_VV,
    SYMBOL_LINE,
    TERMINAL,
    TIEU_NGU,
    TIME_LINE,
    UNIT_HEAD,
    UNITS_RE,
    UP,
    is_caps,
    words,
)

BEFORE = "trang web trước văn bản"
BY_SENDER = re.compile(r"^CỦA\s")
ABOUT_LINE = re.compile(r"^(?:VỀ|Về|V/v|V/V)\s")  # the subject right under its kind line
OWN_KIND_REACH = 8  # pieces under a page's lead in which the document's own kind line may be
# "Văn phòng Ban Chỉ đạo Tỉnh An Giang" under a repost: the body that wrote it, not text
BYLINE_BODY = re.compile(r"^(?:Văn\s+phòng|Ban|Phòng|Sở|UBND|Ủy\s+ban|Uỷ\s+ban|Trung\s+tâm|Hạt|"
                         r"Đài|Công\s+an|Hội|Đoàn)\s(?:\S+\s){1,9}\S+$(?<![.;:!?,])")
DECIDES = re.compile(r"^(?:Căn\s+cứ|Xét\s|Theo\s+đề\s+nghị|QUYẾT\s+ĐỊNH\s*:|Trên\s+cơ\s+sở)")
AFTER = "sau chữ ký, hết văn bản"
TRAILING = "trang web sau văn bản"

# ---------------------------------------------------------------- shapes of one piece


def kind_line(text: str) -> tuple[str, str] | None:
    """('KẾ HOẠCH', rest) when the piece is a kind line in capitals ("QUYẾT ĐỊNH VỀ VIỆC …")."""
    text = " ".join(text.split())
    if not is_caps(text) or text.endswith(":"):
        return None
    for word in sorted(KIND_WORDS, key=len, reverse=True):
        if text == word or text.startswith(word + " "):
            return word, text[len(word):].strip(" :.-–")
    return None


def title_kind(text: str) -> tuple[str, str] | None:
    """('THÔNG BÁO', 'Lịch tiếp công dân …') for a mixed-case title that starts with a kind word
    ("Thông báo Lịch tiếp công dân …", "Kế hoạch tổ chức …")."""
    upper = text.upper()
    for word in sorted(KIND_WORDS, key=len, reverse=True):
        if upper.startswith(word + " ") and len(word) > 5:
            rest = text[len(word):].strip(" :.-–")
            return word, rest[:1].upper() + rest[1:]
    return None


NAME_WORD = re.compile(r"^[" + UP + "][" + LO + r"]*\.?$|^[" + UP + "]{1,7}$")
SIGNED = re.compile(r"\s*\((?:đã\s+ký|ký|đã\s+ký\s+và\s+đóng\s+dấu)\)\s*|^Đã\s+ký\s*:?\s*", re.I)


# Words of bodies and titles: a line of capitals with one of them is not a person's name.
NOT_NAMES = {"ỦY", "UỶ", "BAN", "NHÂN", "TỈNH", "HUYỆN", "XÃ", "PHƯỜNG", "TRẤN", "TỊCH", "ĐỐC",
             "SỞ", "ĐIỆN", "BÁO", "HOẠCH", "ĐỊNH", "QUYẾT", "CỘNG", "HÒA", "HOÀ", "TRƯỞNG", "THƯ",
             "UBND", "HĐND", "TM.", "KT.", "TL.", "NGHĨA", "HỘI", "ĐỒNG", "TRUNG", "TÂM", "ĐOÀN"}


def is_name(text: str) -> bool:
    """A person's name under a signature: 'Phạm Văn Hoàn', 'TRẦN VĂN C', 'Đại tá Lê Văn A'."""
    tokens = SIGNED.sub(" ", text).split()
    if not 2 <= len(tokens) <= 6 or SIGNER_TITLES.match(text.upper()):
        return False
    if is_caps(text) and (NOT_NAMES.intersection(tokens) or is_issuer_line(text)):
        return False
    good = [t for t in tokens if NAME_WORD.match(t) and t[0].isupper()]
    return len(good) == len(tokens) and not any(ch.isdigit() for ch in text)


def shape(piece: Piece) -> str:
    """What a piece looks like on its own, before its neighbours are known."""
    t = piece.text
    if piece.why:
        return "chrome"
    if (QUOC_HIEU.search(t) and words(t) <= 9) or QUOC_HIEU_LINE.fullmatch(t):
        return "national"
    if TIEU_NGU.fullmatch(t.strip(" -–.")) or PARTY.fullmatch(t.strip(" *")):
        return "national"
    if MARK.match(t):
        return "mark"
    if is_number_line(t) or NUMBER_ALONE.match(t):
        return "number"
    if TIME_LINE.match(t) or (DATE_ONLY.match(t.rstrip(". ")) and words(t) <= 8):
        return "time"
    match = PLACE_DATE.fullmatch(t.rstrip(". "))
    if (match and words(t[: t.find(",")]) <= 7) or PLACE_DATE_NO_COMMA.fullmatch(t.rstrip(". ")):
        return "place_date"
    for name, pattern in (("kinh_gui", KINH_GUI), ("noi_nhan", NOI_NHAN), ("source", SOURCE_LINE)):
        if pattern.match(t):
            return name
    if DIEN.match(t) and words(t) <= 16:
        return "dien"
    if is_caps(t):
        return _caps_shape(t)
    if SUBJECT_VV.match(t) and not MARKER.match(t):
        return "vv"
    return "marker" if MARKER.match(t) else ("name" if is_name(t) else "text")


def _caps_shape(t: str) -> str:
    if AUTHORITY.match(t) and words(t) <= 12:
        return "authority"
    if SALUTATION.match(t):
        return "salutation"
    if kind_line(t):
        return "kind"
    if SIGNER_TITLES.match(t) and words(t) <= 10:
        return "title"
    if is_issuer_line(t) and words(t) <= 14:
        return "issuer"
    if UNIT_HEAD.match(t) and words(t) <= 8:
        return "unit"
    if MARKER.match(t):
        return "marker"
    return "caps"


def is_sentence(piece: Piece, kind: str) -> bool:
    """A piece of running text (the document's text has started)."""
    t = piece.text
    if kind in ("chrome", "dien", "kinh_gui", "number", "place_date", "national") or piece.heading:
        return False
    if kind == "marker":
        return True
    if kind == "vv":  # "V/v tăng cường …." over a repost is its trích yếu
        return False
    if t.endswith(("...", "…")) and words(t) < 40:  # a title a page cut short
        return False
    return ((bool(TERMINAL.search(t)) and words(t) >= 6 and not t.endswith("?"))
            or (bool(OPENER.match(t)) and words(t) >= 8) or words(t) >= 40)


REPORTS = re.compile(r"\b(?:đã|vừa)\s+(?:ký\s+)?(?:ban\s+hành|có|ra|tổ\s+chức)\b", re.I)


def is_title(piece: Piece, kind: str) -> bool:
    """A line that can be a document's title: not chrome, not a sentence, not a marker, not a
    lead that reports ('UBND huyện … vừa ban hành Kế hoạch …')."""
    t = piece.text
    return (kind not in ("chrome", "marker", "number", "place_date", "national")
            and not REPORTS.search(t)
            and 2 <= words(t) <= 60 and (t[:1].isupper() or t[:1] in "“\"")
            and (not re.search(r"[.;:,]$", t) or t.endswith(("...", "…"))))


# ---------------------------------------------------------------- the walk


class Zoner:
    """Assigns a part to every piece, from the top down."""

    def __init__(self, pieces: list[Piece]) -> None:
        self.reposted = False
        self.headline = -1
        self.last_text = -1
        self.pieces = pieces
        self.kinds = [shape(p) for p in pieces]
        self.subject_from = ""  # "kind", "vv", "title" or "caps": where the subject was found
        self.subject_at: int | None = None  # the title under a page's kind word, if not next

    # -- helpers
    def mark(self, i: int, part: str, why: str = "") -> None:
        piece = self.pieces[i]
        piece.part = "dropped" if piece.why else part
        if part == "dropped" and not piece.why:
            piece.why = why

    def next_real(self, i: int) -> int:
        """The index of the next piece that is not chrome, from ``i`` on."""
        while i < len(self.pieces) and self.kinds[i] == "chrome":
            self.mark(i, "dropped")
            i += 1
        return i

    # -- header
    def header_start(self) -> int | None:
        """The first issuer, Quốc hiệu, "Số:" or place/date with another anchor near it."""
        anchors = ("national", "number", "place_date")
        for i, kind in enumerate(self.kinds):
            if kind not in (*anchors, "issuer"):
                continue
            near = [k for k in self.kinds[i + 1: i + 14] if k in anchors]
            if kind == "issuer" and not near:
                continue
            if kind == "place_date" and not near and not self._kind_soon(i):
                continue
            return self._issuer_above(i)
        return None

    def _kind_soon(self, i: int) -> bool:
        return any(k == "kind" for k in self.kinds[i + 1: i + 4])

    def _issuer_above(self, i: int) -> int:
        """Back up over the issuer lines right above the first anchor."""
        start = i
        j = i - 1
        while j >= 0 and i - j <= 4 and self.kinds[j] in ("issuer", "unit", "chrome"):
            if self.kinds[j] != "chrome":
                start = j
            j -= 1
        if start == i and self.kinds[i] == "number":  # no issuer line above the "Số:"
            k = i - 1
            while k >= 0 and self.kinds[k] == "chrome":
                k -= 1
            if k >= 0 and self.kinds[k] == "kind":
                return k  # "CÔNG ĐIỆN KHẨN …" right above "Số: 02/CĐ-UBND"
        return start

    def header(self, i: int) -> int:
        """Walk the header from ``i``; return where the text of the document starts."""
        anchors_seen = False
        while i < len(self.pieces):
            kind = self.kinds[i]
            text = self.pieces[i].text
            if kind == "chrome":
                self.mark(i, "dropped")
            elif kind in ("national", "number", "place_date", "time", "mark"):
                self.mark(i, "place_date" if kind == "time" else kind)
                anchors_seen = anchors_seen or kind not in ("national", "mark")
            elif kind in ("issuer", "unit") and (not anchors_seen or self._issuer_column(i)):
                self.mark(i, "issuer")
            elif kind == "caps" and not anchors_seen and words(text) <= 4 and self._under_issuer(i):
                self.mark(i, "issuer")  # "ỦY BAN NHÂN DÂN" / "TÙNG CHÂU": its name without "XÃ"
            elif kind == "vv" or (kind == "text" and re.match(r"^Về\s", text) and anchors_seen
                                  and not self._sentence_run(i)):
                self.subject_from = self.subject_from or "vv"
                self.mark(i, "subject")  # the V/v line is the trích yếu, however it ends
                i = self.subject(i + 1, first=False, prev=text)
                continue
            elif kind == "kind":
                self.mark(i, "kind")
                self.subject_from = "kind"
                title = kind_line(text)[1]  # "THÔNG BÁO CỦA UBND XÃ": who sends it, no subject
                return self.after_kind(i + 1, title="" if BY_SENDER.match(title) else title)
            elif kind in ("kinh_gui", "dien"):
                return self.addressees(i)
            elif self._decides(i):
                self.mark(i, "authority")
            elif kind in ("caps", "issuer", "unit") and anchors_seen and words(text) >= 3:
                self.subject_from = self.subject_from or "caps"
                return self.after_kind(i)
            else:
                return i
            i += 1
        return i

    def _under_issuer(self, i: int) -> bool:
        above = [p for p in self.pieces[:i] if not p.why]
        named = r"\b" + UNITS_RE + r"\b.*\S"  # "ỦY BAN NHÂN DÂN XÃ TÂN LẬP" is whole
        return bool(above) and above[-1].part == "issuer" and not re.search(named, above[-1].text)

    def _decides(self, i: int) -> bool:
        """Who decides ('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', or 'TRƯỞNG BAN / BAN CHỈ ĐẠO …' over
        two lines), right above "Căn cứ …"."""
        text = self.pieces[i].text
        if not is_caps(text) or self.kinds[i] == "marker" or not (
                AUTHORITY_LINE.match(text) or SIGNER_TITLES.match(text)):
            return False
        nxt = self.next_real(i + 1)
        for _ in range(3):
            if nxt >= len(self.pieces) or not is_caps(self.pieces[nxt].text):
                break
            nxt = self.next_real(nxt + 1)
        return nxt < len(self.pieces) and bool(DECIDES.match(self.pieces[nxt].text))

    def _text_next(self, i: int) -> bool:
        """A trích yếu that ends with a full stop ('… Việt Nam. Chuẩn bị … của Đảng.'), right
        before a text that starts as texts do."""
        nxt = self.next_real(i + 1)
        text = self.pieces[i].text
        if nxt >= len(self.pieces):
            return False
        after = self.pieces[nxt].text
        longest = 60 if DECIDES.match(after) else 45  # "Căn cứ …" follows only a trích yếu
        return (self.kinds[i] in ("text", "caps") and words(text) <= longest
                and not OPENER.match(text) and not text.endswith(":")
                and not re.search(r"\bnhư\s+sau\b", text)
                and (self.kinds[nxt] == "marker" or bool(OPENER.match(after))))

    def _sentence_run(self, i: int) -> bool:
        """A long sentence ending with a full stop: text, not a trích yếu."""
        text = self.pieces[i].text
        return words(text) > 30 or (text.endswith(".") and words(text) > 15)

    def _issuer_column(self, i: int) -> bool:
        """An issuer line after the anchors: the left column of a flattened table (its issuer
        part is still missing or just above)."""
        parts = [p.part for p in self.pieces[max(0, i - 3): i]]
        return "issuer" in parts or not any(p.part == "issuer" for p in self.pieces[:i])

    def subject(self, i: int, first: bool, prev: str = "") -> int:
        """Subject lines from ``i`` (``prev``: the line above, when it is the subject's first);
        returns the first piece after them."""
        total = words(prev)
        while i < len(self.pieces):
            if self.kinds[i] == "chrome":
                self.mark(i, "dropped")
                i += 1
                continue
            piece = self.pieces[i]
            if (not first and self._decides(i)) or not (self._continues_subject(
                    piece, self.kinds[i], prev, total, first) or (first and self._text_next(i))):
                return i
            self.mark(i, "subject")
            prev, total, first = piece.text, total + words(piece.text), False
            i += 1
        return i

    @staticmethod
    def _continues_subject(piece: Piece, kind: str, prev: str, total: int, first: bool) -> bool:
        t = piece.text
        if kind in ("marker", "number", "place_date", "national", "kinh_gui", "dien", "noi_nhan",
                    "source", "kind", "authority", "time"):
            return False
        if first:  # a trích yếu may start "Thực hiện …", but it is short and has no full stop
            long = not is_caps(t) and (words(t) > 60 or (TERMINAL.search(t) and words(t) >= 12))
            return piece.heading or not (long or (OPENER.match(t) and (
                TERMINAL.search(t) or words(t) > 25)))
        if t[:1].islower():
            return total + words(t) <= 80
        if is_caps(t) != is_caps(prev):
            return False
        if OPENER.match(t) or TERMINAL.search(prev) or (
                piece.gap and (words(t) > 20 or TERMINAL.search(t))):
            return False
        return total + words(t) <= 60 and not (TERMINAL.search(t) and words(t) > 15)

    def after_kind(self, i: int, title: str = "") -> int:
        """Subject, who decides, Kính gửi, after the kind line (``title``: what it holds of the
        subject already, as in 'THÔNG BÁO TỔ CHỨC RA QUÂN …')."""
        i = self.next_real(i)
        if i < len(self.pieces) and self.kinds[i] not in ("marker",):
            i = self.subject(i, first=not title, prev=title)
        while i < len(self.pieces):
            i = self.next_real(i)
            if i >= len(self.pieces):
                break
            kind = self.kinds[i]
            if self._decides(i) or (is_caps(self.pieces[i].text) and self._after_authority(i)):
                self.mark(i, "authority")
            elif kind in ("kinh_gui", "dien"):
                return self.addressees(i)
            elif kind in ("number", "place_date", "national", "time", "mark"):
                self.mark(i, "place_date" if kind == "time" else kind)
            elif self._sender(i):
                self.mark(i, "addressees")
            elif self._title_above_kinh_gui(i):
                self.mark(i, "subject")
            else:
                return i
            i += 1
        return i

    def _after_authority(self, i: int) -> bool:
        """The second line of who decides: right under an authority line, above "Căn cứ"."""
        above = [p.part for p in self.pieces[max(0, i - 2): i] if not p.why]
        nxt = self.next_real(i + 1)
        return bool(above) and above[-1] == "authority" and nxt < len(self.pieces) and bool(
            DECIDES.match(self.pieces[nxt].text) or is_caps(self.pieces[nxt].text))

    def _sender(self, i: int) -> bool:
        """'BAN CHỈ HUY … HUYỆN X' on the line above a công điện's 'ĐIỆN:'."""
        nxt = self.next_real(i + 1)
        return (is_caps(self.pieces[i].text) and nxt < len(self.pieces)
                and self.kinds[nxt] == "dien" and not DIEN.match(self.pieces[nxt].text)["who"])

    def _title_above_kinh_gui(self, i: int) -> bool:
        """A title line the subject rules let go, right above 'Kính gửi'."""
        nxt = self.next_real(i + 1)
        text = self.pieces[i].text
        return (nxt < len(self.pieces) and self.kinds[nxt] in ("kinh_gui", "dien")
                and words(text) <= 25 and not TERMINAL.search(text)
                and any(p.part == "subject" for p in self.pieces[max(0, i - 3): i]))

    def addressees(self, i: int) -> int:
        """'Kính gửi:' (or a công điện's '…, điện:') and the list under it: bullets, or short
        lines each ending with ';' (or with nothing, under an empty 'ĐIỆN:')."""
        self.mark(i, "addressees")
        rest = (KINH_GUI.match(self.pieces[i].text) or DIEN.match(self.pieces[i].text))["rest"]
        if rest.strip() and rest.rstrip().endswith("."):
            return i + 1
        bullets = None
        i += 1
        while i < len(self.pieces):
            i = self.next_real(i)
            if i >= len(self.pieces):
                break
            text = self.pieces[i].text
            bullet = bool(re.match(r"^[-+•–]\s*\S", text)) and words(text) <= 30
            if bullets is None:
                bullets = bullet
            if not (bullet if bullets else self._listed(text, rest)):
                break
            self.mark(i, "addressees")
            i += 1
            if text.rstrip().endswith(".") and not bullets:
                break
        return i

    def _listed(self, text: str, rest: str) -> bool:
        """A line of the list under 'Kính gửi:'; under an empty one, a line of bodies with its
        commas ('Chủ tịch UBND các xã, thị trấn, Thủ trưởng các ban, ngành, đoàn thể')."""
        if words(text) > 20 or OPENER.match(text) or MARKER.match(text):
            return False
        if text.rstrip().endswith((";", ",")) and words(text) <= 16:
            return True
        longest = 20 if text.count(",") >= 2 else 12
        return not rest.strip() and words(text) <= longest and not TERMINAL.search(text)

    # -- without a header
    def start_without_header(self) -> int:
        """A repost: its own kind line, else the title right above its first sentence (or
        above its 'Kính gửi')."""
        first = self._first_text()
        letter = next((i for i in range(first) if self.kinds[i] in ("kinh_gui", "dien")), None)
        if letter is not None:
            first = letter
        kind_at = next((i for i in range(first) if self.kinds[i] == "kind"
                        or (self.pieces[i].heading and title_kind(self.pieces[i].text))), None)
        if kind_at is None:
            kind_at = self._own_kind_below(first)
            first = first if kind_at is None else kind_at + 1
        lo = 0 if kind_at is None else kind_at + 1
        titles = [i for i in range(lo, first) if is_title(self.pieces[i], self.kinds[i])
                  or self.kinds[i] == "vv"]
        if kind_at is not None:
            self._drop_before(kind_at)
            nxt = self.next_real(kind_at + 1)
            about = nxt < len(self.pieces) and ABOUT_LINE.match(self.pieces[nxt].text)
            if titles and len(titles) > 1 and not about:  # a site's name under the page's kind
                self.subject_at = self._best_title(titles, first)
            return kind_at
        stamped = [i for i in titles if i + 1 < len(self.pieces) and words(self.pieces[i].text) >= 4
                   and self.pieces[i + 1].why == "ngày giờ đăng tin"]
        start = stamped[-1] if stamped else self._best_title(titles, first) if titles else (
            first if first < len(self.pieces) else self.next_real(0))  # a headline sits right
        # above its posting time
        if not titles and self._headline(start):
            self.headline = start  # "Tuyên truyền cuộc bầu cử … 2021 - 2026." over "Thực hiện …"
        self._drop_before(start)
        return start

    def _own_kind_below(self, first: int) -> int | None:
        """The document's own kind line ('THÔNG BÁO') under a page's lead that the document
        repeats word for word below it: the document starts there."""
        for j in range(first + 1, min(first + OWN_KIND_REACH, len(self.pieces))):
            if self.kinds[j] == "kind":
                lead = [p.text for k, p in enumerate(self.pieces[first:j], first)
                        if self.kinds[k] != "chrome"]
                later = {p.text for p in self.pieces[j + 1:]}
                return j if lead and all(t in later for t in lead) else None
        return None

    def _headline(self, i: int) -> bool:
        """The page's headline ending with a full stop, first above a text that opens as texts
        do; not a lead that reports who issued what."""
        return (i < len(self.pieces) and all(k == "chrome" for k in self.kinds[:i])
                and words(self.pieces[i].text) <= 30 and not REPORTS.search(self.pieces[i].text)
                and self._text_next(i))

    def _first_text(self) -> int:
        """The first sentence that the text goes on from (not a headline in a list of them);
        a labelled item always starts the text."""
        sentences = [i for i, p in enumerate(self.pieces) if is_sentence(p, self.kinds[i])]
        for i in sentences:
            piece = self.pieces[i]
            if self.kinds[i] == "marker":
                return i
            j = i + 1
            while j < len(self.pieces) and self.kinds[j] == "chrome":
                j += 1
            if (j >= len(self.pieces) or words(piece.text) >= 25
                    or is_sentence(self.pieces[j], self.kinds[j])
                    or self.kinds[j] in ("kinh_gui", "dien", "source")):
                return i
        return sentences[0] if sentences else len(self.pieces)

    def _best_title(self, titles: list[int], first: int) -> int:
        """The last title whose words the text uses (a menu line shares none), else the last."""
        text = " ".join(p.text for p in self.pieces[first: first + 6]).lower()
        named = [i for i in titles if not is_caps(self.pieces[i].text)
                 or len(re.findall(r"[^\W\d_]{2,}", self.pieces[i].text)) >= 3]
        best = (named or titles)[-1]
        for i in reversed(named):
            tokens = re.findall(r"[^\W\d_]{2,}", self.pieces[i].text.lower())
            if tokens and sum(w in text for w in tokens) >= 0.5 * len(tokens):
                best = i
                break
        while best - 1 in titles and is_caps(self.pieces[best].text) and is_caps(
                self.pieces[best - 1].text):
            best -= 1  # a title in capitals set over two lines ('LỊCH …' / 'CỦA CHỦ TỊCH …')
        return best

    def _drop_before(self, start: int) -> None:
        """The page before the start is dropped; a bare '1911/BVHTTDL-VHCS' line just above the
        document (at most three pieces up) is its number."""
        above = [i for i in range(start) if self.kinds[i] != "chrome"][-3:]
        codes = [i for i in above if CODE_LINE.match(self.pieces[i].text)
                 or SYMBOL_LINE.match(self.pieces[i].text)]
        for i in range(start):
            if codes and i == codes[-1]:
                self.mark(i, "number")
            else:
                self.mark(i, "dropped", BEFORE)

    def title_walk(self, i: int) -> int:
        """The kind line or title of a document without a header; returns the text's start."""
        if i >= len(self.pieces):
            return i
        piece, kind = self.pieces[i], self.kinds[i]
        if kind in ("kinh_gui", "dien"):
            return self.addressees(i)
        if kind == "kind" or (piece.heading and title_kind(piece.text)):
            self.mark(i, "kind")
            self.subject_from = "kind"
            if self.subject_at is not None:
                for j in range(i + 1, self.subject_at):
                    self.mark(j, "dropped", BEFORE)
                return self.after_kind(self.subject_at)
            return self.after_kind(i + 1, title=(kind_line(piece.text) or title_kind(piece.text)
                                                 or ("", ""))[1])
        if i == self.headline:
            self.subject_from = "title"
            self.mark(i, "subject")
            return i + 1
        if kind == "vv" and not is_title(piece, kind):  # "V/v … đường." over the text
            self.subject_from = "vv"
            self.mark(i, "subject")
            return i + 1
        if is_title(piece, kind) and not is_sentence(piece, kind):
            self.subject_from = "title"
            self.mark(i, "subject")
            j = self.subject(i + 1, first=False, prev=piece.text) if is_caps(piece.text) else i + 1
            while j < len(self.pieces) and not re.search(r"[^\W\d_]", self.pieces[j].text):
                self.mark(j, "dropped", BEFORE)  # "100%" of a page's zoom under its title
                j += 1
            return self.after_kind(j) if self._more_title(j - 1) else j
        return i

    def _more_title(self, i: int) -> bool:
        nxt = self.next_real(i + 1)
        return nxt < len(self.pieces) and self.kinds[nxt] in ("kinh_gui", "dien")

    # -- footer
    def footer_start(self, start: int) -> int:
        """The first piece of Nơi nhận or of the signature block after ``start``."""
        for i in range(start, len(self.pieces)):
            kind = self.kinds[i]
            text = self.pieces[i].text
            if kind in ("noi_nhan", "authority", "salutation") or (
                    text.startswith("Phê duyệt") and words(text) <= 6):
                return self._date_above(i, start)
            if kind == "title" and self._signed_below(i):
                return self._date_above(i, start)
        return len(self.pieces)

    def _signed_below(self, i: int) -> bool:
        below = [k for k in self.kinds[i + 1: i + 5] if k != "chrome"]
        return bool(below) and below[0] in ("name", "title", "authority")

    def _date_above(self, i: int, start: int) -> int:
        """A bài's date line ('Ngày 04/7/2024', 'Phúc Lộc, ngày …') right above its signature."""
        above = i - 1
        if above > start and (DATE_ONLY.match(self.pieces[above].text)
                              or self.kinds[above] == "place_date"):
            return above
        return i

    def footer(self, i: int) -> None:
        """Recipients, signer; after the name, the page again."""
        in_list, named = False, False
        for j in range(i, len(self.pieces)):
            kind, text = self.kinds[j], self.pieces[j].text
            if kind == "chrome":
                self.mark(j, "dropped")
            elif named:
                self.mark(j, "dropped", AFTER)
            elif kind == "noi_nhan":
                in_list = True
                self.mark(j, "recipients")
            elif kind in ("authority", "title", "salutation"):
                self.mark(j, "signer")
                in_list = False
            elif re.match(r"^[-+•]", text):
                self.mark(j, "recipients")
            elif kind == "name" or (is_caps(text) and is_name(text) and not in_list):
                self.mark(j, "signer")
                named = True
            elif is_caps(text) and words(text) <= 8 and not in_list:
                self.mark(j, "signer")
            else:
                self.mark(j, "recipients" if in_list else "signer")

    # -- after the text, when there is no footer
    def trailing(self, start: int, end: int) -> int:
        """Drop the page's lines after the text ('Đánh giá', 'Tin tức liên quan'). Without a
        footer, the page's list of other news ('Các tin khác') ends the text."""
        if end == len(self.pieces):
            heads = [i for i in range(start, end) if self.kinds[i] == "chrome"
                     and (ENDERS.match(self.pieces[i].text.strip(" |"))
                          or self.pieces[i].why.startswith("chân trang"))]
            for i in range(heads[0] if heads else end, end):
                self.mark(i, "dropped", TRAILING)
            end = heads[0] if heads else end
        j = end
        last = self._last_real(start, end)
        if last > start and (self.kinds[last] == "issuer" or BYLINE_BODY.match(
                self.pieces[last].text)):
            self.mark(last, "signer")  # "BAN TUYÊN GIÁO QUẬN ỦY" under a repost: who signs it
            j = last
        while j > start:
            piece, kind = self.pieces[j - 1], self.kinds[j - 1]
            t = piece.text
            short = (words(t) <= 6 and not is_caps(t)) or words(t) <= 2  # "Đánh giá", "P.TH"
            login = words(t) <= 3 and t.islower() and t.isascii() and not re.search(r"[^\w ]", t)
            # ("btv chiminh": who typed it in)
            if kind == "chrome" or login or (short and kind in ("text", "name", "caps")
                                             and t[:1].isupper()
                                    and not any(ch.isdigit() for ch in t)
                                    and not re.search(r"[;:!?,]$|[^.A-ZĐ]\.$", t)):
                self.mark(j - 1, "dropped", TRAILING)
                j -= 1
            else:
                break
        return j

    def run(self) -> tuple[int, int]:
        """Assign header and footer parts; return the (start, end) of the document's text."""
        start = self.header_start()
        self.reposted = start is None
        if start is not None:
            self._drop_before(start)
            body = self.header(start)
        else:
            body = self.title_walk(self.start_without_header())
        end = self.footer_start(body)
        self.footer(end)
        end = self.trailing(body, end)
        self.last_text = self._last_real(body, end)
        for i in range(body, end):
            if self.kinds[i] == "chrome":
                self.mark(i, "dropped")
            elif self.kinds[i] == "source" or self._citation_line(i) or CODE_DATED.match(
                    self.pieces[i].text):
                self.mark(i, "reference")
        return body, end

    def _last_real(self, start: int, end: int) -> int:
        """The last piece in [start, end) that is not chrome, or -1."""
        return max((i for i in range(start, end) if self.kinds[i] != "chrome"), default=-1)

    def _citation_line(self, i: int) -> bool:
        """A line that only names the document reposted ("Thông báo số 217/TB-UBND ngày …"),
        not a line of a document's own text that a narrow page wrapped there."""
        text = self.pieces[i].text
        if i == self.last_text:  # "Theo Thông báo số 247/TB-UBND … của UBND huyện …" under it
            text = re.sub(r"^Theo\s+", "", text)
        match = CITATION.match(text)
        following = self.pieces[i + 1].text if i + 1 < len(self.pieces) else ""
        return (self.reposted and bool(match) and len(text) - match.end() <= 3
                and words(text) <= 25 and not following[:1].islower())


def assign(pieces: list[Piece]) -> tuple[int, int, str]:
    """Mark every header, footer and dropped piece; return (start, end) of the text and where
    the subject came from."""
    zoner = Zoner(pieces)
    start, end = zoner.run()
    return start, end, zoner.subject_from

