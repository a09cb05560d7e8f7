"""The Directive model and its parser for Vietnamese administrative documents.

A directive follows the layout of Nghị định 30/2020/NĐ-CP: issuing body, Quốc hiệu and Tiêu ngữ,
Số/ký hiệu, place and date, kind and subject (trích yếu), Kính gửi, body, closing formula,
Nơi nhận and the signature block. ``parse()`` reads that layout from plain text (Markdown marks
allowed) and keeps only what belongs to each part, so later stages never read a header aloud.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from broadcast.sources import SourceText

KIND_WORDS = {
    "BÀI TUYÊN TRUYỀN": "bai_tuyen_truyen",
    "THÔNG BÁO": "thong_bao",
    "KẾ HOẠCH": "ke_hoach",
    "CÔNG VĂN": "cong_van",
    "QUYẾT ĐỊNH": "quyet_dinh",
    "CHỈ THỊ": "chi_thi",
    "BÁO CÁO": "bao_cao",
}
KIND_NAMES = {
    "thong_bao": "Thông báo",
    "ke_hoach": "Kế hoạch",
    "cong_van": "Công văn",
    "quyet_dinh": "Quyết định",
    "chi_thi": "Chỉ thị",
    "bao_cao": "Báo cáo",
    "bai_tuyen_truyen": "Bài tuyên truyền",
    "other": "Văn bản",
}
# Symbol prefixes ("KH-UBND") that name the kind of document.
SYMBOL_KINDS = {"TB": "thong_bao", "KH": "ke_hoach", "QĐ": "quyet_dinh", "CT": "chi_thi",
                "BC": "bao_cao"}

_UPPER = "A-ZĐÀ-ỸÁÂĂÉÊÍÓÔƠÚƯÝ"
QUOC_HIEU = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM", re.I)
TIEU_NGU = re.compile(r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc", re.I)
NUMBER = re.compile(r"^Số\s*:?\s*(?P<number>\d*)\s*/\s*(?P<symbol>[^\s,;]*)", re.I)
PLACE_DATE = re.compile(
    r"^(?P<place>[^,\d]{2,40}),\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?"
    r"\s*năm\s*(?P<year>\d{4})",
    re.I,
)
SUBJECT_VV = re.compile(r"^V/v\.?\s*(?P<subject>.+)", re.I)
KINH_GUI = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)", re.I)
NOI_NHAN = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)", re.I)
AUTHORITY = re.compile(r"^(?P<auth>TM|KT|TL|TUQ|Q)\.\s*(?P<rest>.*)")
SIGNER_TITLES = re.compile(
    r"^(PHÓ\s+)?(CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+(BAN|PHÒNG)|BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG)"
)
ROMAN = re.compile(r"^(?P<label>[IVXL]{1,5})\.\s+(?P<text>.+)", re.S)
CHAPTER = re.compile(r"^(?P<label>(?:Chương|Phần|CHƯƠNG|PHẦN)\s+[IVXL\d]{1,5})\.?\s+(?P<text>.+)",
                     re.S)
ARTICLE = re.compile(r"^(?P<label>Điều\s+\d{1,3})\.?\s+(?P<text>.+)", re.S)
NUMBERED = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2})*)\.(?!\d)\s*(?P<text>.+)", re.S)
LETTERED = re.compile(r"^(?P<label>[a-zđ])\)\s+(?P<text>.+)", re.S)
BULLET = re.compile(r"^[-+*•–]\s+(?P<text>.+)", re.S)
DEADLINE = re.compile(
    r"(?:trước|chậm nhất|hạn chót|hạn)\s+(?:là\s+)?ngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})",
    re.I,
)
CODE_SPACES = re.compile(r"(?<=[\dA-ZĐ])\s+/\s*(?=[A-ZĐ])|(?<=[\dA-ZĐ])\s*/\s+(?=[A-ZĐ])")
MARKER_LINE = re.compile(r"^(?:[-+*•]\s|\d{1,2}\.\s|[IVXL]{1,5}\.\s|[a-zđ]\)\s|Điều\s+\d)")
HEADING_MARK = re.compile(r"^#{1,6}\s*")
END_MARK = re.compile(r"\s*\.?/\.?\s*$")
POSTED = re.compile(r"^(?:Ngày đăng:?\s*)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})"
                    r"(?:\s*[-|,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?$", re.I)
APPROVAL = re.compile(r"^Phê\s+duyệt", re.I)
DATE_LINE = re.compile(r"^(?:[^,\d]{2,40},\s*)?[Nn]gày\s+\d{1,2}\s*(?:/|tháng)\s*\d{1,2}"
                       r"\s*(?:/|năm)\s*\d{4}\.?$")
FORMULA = re.compile(r"\bbáo\s+(?:để|cho)\b.{0,80}\bbiết\b", re.I)


@dataclass
class Block:
    """One piece of the body: heading, paragraph, numbered item or bullet."""

    type: str
    text: str
    label: str = ""
    children: list[Block] = field(default_factory=list)
    deadlines: list[str] = field(default_factory=list)


@dataclass
class Signer:
    authority: str = ""
    on_behalf: str = ""
    title: str = ""
    name: str = ""


@dataclass
class Directive:
    """A parsed administrative document."""

    kind: str = "other"
    number: str = ""
    symbol: str = ""
    issuer: str = ""
    place: str = ""
    date: str | None = None
    title: str = ""
    subject: str = ""
    addressees: list[str] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    closing: str = ""
    recipients: list[str] = field(default_factory=list)
    signer: Signer | None = None
    meeting: dict | None = None
    source: str = ""

    @property
    def kind_name(self) -> str:
        return KIND_NAMES.get(self.kind, KIND_NAMES["other"])

    @property
    def closing_is_formula(self) -> bool:
        """True when the closing only says who is told (nothing for the public to hear)."""
        return bool(FORMULA.search(self.closing))

    def to_dict(self) -> dict:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


@dataclass
class _Para:
    text: str
    lines: list[str]
    marked_heading: bool = False


# ---------------------------------------------------------------- text → paragraphs


def _clean_line(line: str) -> tuple[str, bool]:
    """Strip Markdown marks from one line; say whether it was a Markdown heading."""
    line = line.strip()
    heading = bool(HEADING_MARK.match(line))
    line = HEADING_MARK.sub("", line)
    bullet = re.match(r"^[*+]\s+", line)
    if bullet:
        line = "- " + line[bullet.end():]
    line = line.replace("*", "")
    line = re.sub(r"(?<!\w)__?(\S.*?\S)__?(?!\w)", r"\1", line)
    line = CODE_SPACES.sub("/", line)  # "137 /KH-UBND" → "137/KH-UBND"
    return line.strip(), heading


def _starts_part(line: str) -> bool:
    """A line that begins a new part even without a blank line before it."""
    return bool(MARKER_LINE.match(line)) or any(
        p.match(line) for p in (NUMBER, PLACE_DATE, SUBJECT_VV, KINH_GUI, NOI_NHAN, QUOC_HIEU,
                                TIEU_NGU))


def _split_marked(lines: list[str]) -> list[list[str]]:
    """Split a paragraph where a later line starts a bullet, a label or a header part."""
    groups: list[list[str]] = []
    for line in lines:
        if groups and not _starts_part(line):
            groups[-1].append(line)
        else:
            groups.append([line])
    return groups


def _continues(prev: str, text: str) -> bool:
    """A page break split a sentence: lowercase start after a line with no closing mark."""
    return (
        bool(text) and text[0].islower() and not MARKER_LINE.match(text)
        and not re.search(r"[.:;!?]$", prev)
    )


def paragraphs(text: str) -> list[_Para]:
    """Paragraphs of the document, Markdown removed, page-break splits joined back."""
    out: list[_Para] = []
    for chunk in re.split(r"\n\s*\n", text):
        cleaned = [_clean_line(raw) for raw in chunk.split("\n") if raw.strip()]
        lines = [c[0] for c in cleaned if c[0]]
        if not lines:
            continue
        heading = any(c[1] for c in cleaned)
        for group in _split_marked(lines):
            para = _Para(" ".join(group), group, heading)
            if out and _continues(out[-1].text, para.text):
                prev = out[-1]
                prev.text = f"{prev.text} {para.text}"
                prev.lines += group
            else:
                out.append(para)
    return out


# ---------------------------------------------------------------- header


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _kind_of_line(text: str) -> tuple[str, str] | None:
    """('ke_hoach', rest) when the paragraph is the all-caps kind line of the document."""
    upper = " ".join(text.split())
    for word, kind in KIND_WORDS.items():
        if upper.startswith(word) and _is_caps(upper[: len(word)]):
            rest = upper[len(word):].strip(" :")
            if not rest or _is_caps(rest):
                return kind, rest
    return None


def _iso_date(year: str | None, month: str | None, day: str | None) -> str | None:
    if not year:
        return None
    if not month:
        return year
    if not day:
        return f"{year}-{int(month):02d}"
    return f"{year}-{int(month):02d}-{int(day):02d}"


def _sentence_case(text: str) -> str:
    """'DUY TRÌ CHỈ SỐ CCHC' → 'Duy trì chỉ số CCHC' (short all-caps tokens kept)."""
    words = []
    for word in text.split():
        keep = len(word) <= 5 and re.fullmatch(r"[A-ZĐ&\-]{2,}", word)
        words.append(word if keep else word.lower())
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


class _HeaderReader:
    """Consumes the leading paragraphs that form the document header."""

    def __init__(self, doc: Directive) -> None:
        self.doc = doc
        self.expect_subject = False
        self.in_addressees = False
        self.last = ""

    def take(self, para: _Para) -> bool:
        """True when the paragraph belongs to the header and was consumed."""
        if self.in_addressees:
            match = BULLET.match(para.text)
            if match:
                self.doc.addressees.append(match["text"].rstrip(";,. "))
                return True
            self.in_addressees = False
            return False
        text = TIEU_NGU.sub("", QUOC_HIEU.sub("", para.text)).strip()
        if not text:
            return True
        for step in (self._number, self._place_date, self._subject_vv, self._kind,
                     self._subject, self._kinh_gui, self._issuer, self._title_line,
                     self._posted_date, self._deciding_authority):
            if step(text):
                self.last = step.__name__
                return True
        return False

    def _number(self, text: str) -> bool:
        match = NUMBER.match(text)
        if not match:
            return False
        self.doc.number, self.doc.symbol = match["number"], match["symbol"].strip("/")
        rest = text[match.end():].strip()
        if rest:  # a two-column header flattened: "Số: 12/UBND Đức Thọ, ngày 3 tháng 9 năm 2025"
            self._place_date(rest)
        return True

    def _place_date(self, text: str) -> bool:
        match = PLACE_DATE.match(text)
        if not match:
            return False
        self.doc.place = match["place"].strip()
        self.doc.date = _iso_date(match["year"], match["month"], match["day"])
        return True

    def _subject_vv(self, text: str) -> bool:
        match = SUBJECT_VV.match(text)
        if not match:
            return False
        self.doc.subject = match["subject"].strip()
        return True

    def _kind(self, text: str) -> bool:
        found = None if self.doc.kind != "other" else _kind_of_line(text)
        if not found:
            return False
        self.doc.kind, rest = found
        if rest:
            self.doc.subject = _sentence_case(rest)
        self.expect_subject = not rest
        return True

    def _subject(self, text: str) -> bool:
        if not self.expect_subject or any(p.match(text) for p in (ROMAN, NUMBERED, KINH_GUI)):
            return False
        self.expect_subject = False
        self.doc.subject = _sentence_case(text) if _is_caps(text) else text
        return True

    def _kinh_gui(self, text: str) -> bool:
        match = KINH_GUI.match(text)
        if not match:
            return False
        rest = match["rest"].strip()
        if rest:
            self.doc.addressees.extend(a.strip("-;,. ") for a in re.split(r"\s+-\s+", rest))
        self.in_addressees = True
        return True

    def _title_line(self, text: str) -> bool:
        """A first line like 'Thông báo kết luận của …' (web pages, pasted text)."""
        if self.last or self.doc.kind != "other" or len(text.split()) > 40 or text.endswith("."):
            return False
        for word, kind in KIND_WORDS.items():
            if text.upper().startswith(word + " ") and kind != "bai_tuyen_truyen":
                rest = text[len(word):].strip(" :")
                self.doc.kind, self.doc.subject = kind, rest[:1].upper() + rest[1:]
                return True
        return False

    def _posted_date(self, text: str) -> bool:
        """A line holding only a date (and time), as portals print under the title."""
        match = POSTED.match(text)
        if not match or self.doc.date:
            return False
        self.doc.date = _iso_date(match["y"], match["m"], match["d"])
        return True

    def _deciding_authority(self, text: str) -> bool:
        """'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …' under a decision's subject: who decides, not content."""
        return (self.doc.kind == "quyet_dinh" and bool(self.doc.subject) and self.last == "_subject"
                and _is_caps(text) and not text.rstrip().endswith(":"))

    def _issuer(self, text: str) -> bool:
        """All-caps lines at the top; a line right after the issuer continues it."""
        continues = bool(self.doc.issuer) and self.last == "_issuer"
        if (self.doc.issuer and not continues) or self.doc.kind != "other" or not _is_caps(text):
            return False
        self.doc.issuer = " ".join(f"{self.doc.issuer} {text}".split())
        return True


# ---------------------------------------------------------------- body


def _deadlines(text: str) -> list[str]:
    return [_iso_date(y, m, d) for d, m, y in DEADLINE.findall(text)]


def _is_heading(text: str, marked: bool) -> bool:
    return marked or (len(text.split()) <= 14 and not re.search(r"[.;]$", text))


def _block_of(para: _Para) -> tuple[int, Block]:
    """(nesting level, block) for one body paragraph; smaller level = higher in the tree."""
    text = para.text
    for level, pattern in ((1, CHAPTER), (1, ROMAN), (2, ARTICLE), (2, NUMBERED), (3, LETTERED)):
        match = pattern.match(text)
        if match:
            label, rest = match["label"], match["text"].strip()
            kind = "heading" if level == 1 or _is_heading(rest, para.marked_heading) else "item"
            level += label.count(".") if pattern is NUMBERED else 0
            return level, Block(kind, rest, label, deadlines=_deadlines(rest))
    match = BULLET.match(text)
    if match:
        return 9, Block("bullet", match["text"].strip(), deadlines=_deadlines(text))
    if para.marked_heading:
        return 1, Block("heading", text)
    return 10, Block("paragraph", text, deadlines=_deadlines(text))


def build_tree(paras: list[_Para]) -> tuple[list[str], list[Block]]:
    """Split body paragraphs into the preamble and a tree of blocks."""
    preamble: list[str] = []
    roots: list[Block] = []
    stack: list[tuple[int, Block]] = []
    for para in paras:
        level, block = _block_of(para)
        if block.type == "paragraph" and not stack and not roots:
            preamble.append(block.text)
            continue
        while stack and (stack[-1][0] >= level or (level == 10 and stack[-1][0] == 9)):
            stack.pop()
        (stack[-1][1].children if stack else roots).append(block)
        if level < 10:
            stack.append((level, block))
    return preamble, roots


# ---------------------------------------------------------------- footer


def _is_signature(text: str) -> bool:
    if not _is_caps(text) or len(text.split()) > 12:
        return False
    return bool(AUTHORITY.match(text) or SIGNER_TITLES.match(text))


def _signer_from(lines: list[str]) -> Signer:
    """'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH': the innermost authority (KT.) is
    the signer's; outer ones stay in ``on_behalf`` with their prefix."""
    signer = Signer()
    lines = [ln.strip() for ln in lines if ln.strip()]
    marked = [i for i, ln in enumerate(lines) if AUTHORITY.match(ln)]
    if marked:
        inner = AUTHORITY.match(lines[marked[-1]])
        signer.authority = inner["auth"] + "."
        lines[marked[-1]] = inner["rest"]
    signer.title = lines[-1] if lines else ""
    signer.on_behalf = " ".join(lines[:-1])
    return signer


def _read_signer(paras: list[_Para]) -> Signer | None:
    """Authority and title lines (one paragraph or several), then the signer's name."""
    signer = None
    for para in paras:
        text = para.text.strip()
        if signer is None:
            signer = _signer_from(list(para.lines)) if _is_signature(text) else None
        elif signer.name:
            break
        elif _is_caps(text) and SIGNER_TITLES.match(text):
            signer.on_behalf = " ".join(x for x in (signer.on_behalf, signer.title) if x)
            signer.title = text
        elif len(text.split()) <= 6:
            signer.name = text.title() if _is_caps(text) else text
    return signer


def _split_footer(paras: list[_Para]) -> tuple[list[_Para], list[str], list[_Para]]:
    """(body paragraphs, recipients, signature paragraphs)."""
    body, recipients, rest = list(paras), [], []
    for i, para in enumerate(paras):
        if NOI_NHAN.match(para.text) or APPROVAL.match(para.text) or (
                i > 0 and _is_signature(para.text)):
            if i > 0 and DATE_LINE.match(paras[i - 1].text):
                i -= 1
            body, rest = paras[:i], paras[i:]
            break
    signature: list[_Para] = []
    in_list = False
    for para in rest:
        nn = NOI_NHAN.match(para.text)
        if nn:
            in_list = True
            if nn["rest"].strip():
                recipients.append(nn["rest"].strip(" -;."))
        elif in_list and BULLET.match(para.text):
            recipients.append(BULLET.match(para.text)["text"].rstrip(";,. "))
        else:
            in_list = False
            signature.append(para)
    return body, recipients, signature


# ---------------------------------------------------------------- parse


def _guess_kind(doc: Directive) -> str:
    if doc.kind != "other":
        return doc.kind
    head = doc.symbol.split("-")[0].split("/")[0].upper()
    if head in SYMBOL_KINDS:
        return SYMBOL_KINDS[head]
    if doc.symbol or doc.subject and doc.addressees:
        return "cong_van"
    return "other"


def _guess_issuer(doc: Directive, text: str) -> str:
    if doc.issuer:
        return doc.issuer
    if not doc.place:
        return ""
    units = "huyện|thị xã|thành phố|tỉnh|quận|xã|phường|thị trấn"
    match = re.search(rf"\b({units})\s+{re.escape(doc.place)}", text)
    unit = f"{match[1]} {doc.place}" if match else doc.place
    return f"Ủy ban nhân dân {unit}"


def _title(doc: Directive) -> str:
    if not doc.subject:
        return doc.kind_name
    subject = doc.subject[:1].lower() + doc.subject[1:]
    joiner = " về việc " if doc.kind == "cong_van" else " "
    return doc.kind_name + joiner + subject


MEETING_DATE = re.compile(r"\bngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", re.I)
CHAIR = (
    re.compile(r"(?:Đồng chí|Ông|Bà)\s+(?P<chair>[^.;]{3,120}?),?\s+chủ\s+trì", re.I),
    re.compile(r"[Cc]hủ\s+trì\s+(?:cuộc họp|hội nghị)\s*:?\s*(?:đồng chí|ông|bà)\s+"
               r"(?P<chair>[^.;]{3,120})"),
)
HEARD = re.compile(r"Sau khi nghe\s+(?P<heard>.+?)(?:\.\s|,?\s+(?:Đồng chí|ý kiến)\b)", re.S)


def _meeting(doc: Directive) -> dict | None:
    """When, who chaired and what was heard, for a notice that concludes a meeting."""
    context = " ".join(doc.preamble)
    chair = next((m["chair"] for p in CHAIR if (m := p.search(context))), None)
    if not chair:
        return None
    when = MEETING_DATE.search(context)
    heard = HEARD.search(context)
    return {
        "date": _iso_date(when[3], when[2], when[1]) if when else None,
        "chair": " ".join(chair.replace("–", "-").split()).strip(" ,-"),
        "heard": re.sub(r"\s+và$", "", heard["heard"].strip()) if heard else "",
    }


def parse(source: SourceText | str) -> Directive:
    """Parse a document's text into a Directive. Never fails: unknown layouts give kind 'other'."""
    text = source.text if isinstance(source, SourceText) else source
    doc = Directive(source=source.path if isinstance(source, SourceText) else "")
    paras = paragraphs(text)
    header = _HeaderReader(doc)
    start = 0
    while start < len(paras) and header.take(paras[start]):
        start += 1
    body, doc.recipients, signature = _split_footer(paras[start:])
    doc.signer = _read_signer(signature)
    if body and END_MARK.search(body[-1].text) and not MARKER_LINE.match(body[-1].text):
        doc.closing = END_MARK.sub("", body.pop().text).strip() + "."
    doc.preamble, doc.body = build_tree(body)
    doc.kind = _guess_kind(doc)
    doc.issuer = _guess_issuer(doc, text)
    doc.title = _title(doc)
    doc.meeting = _meeting(doc)
    return doc


def walk(blocks: list[Block]):
    """Yield every block of a tree, depth first, in reading order."""
    for block in blocks:
        yield block
        yield from walk(block.children)
