"""Stage 4, fields: read each field of the Directive from its zone's pieces."""

from __future__ import annotations

import re

from broadcast.document.body import build_tree, paragraphs_of, walk
from broadcast.document.case import normal_case, proper_names
from broadcast.document.layout import fix_uy_ban, read_symbol
from broadcast.document.model import Directive, Dropped, Piece, Signer
from broadcast.document.patterns import (
    AUTHORITY,
    BODY_HEAD,
    CITATION,
    CODE_DATED,
    CODE_LINE,
    DIEN,
    END_MARK,
    ISSUED,
    KIND_WORDS,
    KINH_GUI,
    LEAD_DATE,
    MARKER,
    NOI_NHAN,
    NUMBER,
    PLACE_DATE,
    PLACE_DATE_NO_COMMA,
    SIGNER_TITLES,
    SOURCE_LINE,
    SUBJECT_VV,
    SYMBOL_KINDS,
    SYMBOL_LINE,
    UNIT_HEAD,
    UNIT_WORDS,
    UNIT_WORDS_RE,
    UNITS_RE,
    UP,
    is_caps,
    iso_date,
    words,
)
from broadcast.document.zones import BEFORE, BY_SENDER, SIGNED, is_name, kind_line, title_kind


def _texts(pieces: list[Piece], part: str) -> list[str]:
    return [p.text for p in pieces if p.part == part]


# ---------------------------------------------------------------- header fields


GREETING = re.compile(r"^(?:Kính\s+thưa|Thưa)\s+(?:toàn\s+thể\s+)?(?:bà\s+con|nhân\s+dân|quý\s+vị)",
                      re.I)


def read_number(doc: Directive, pieces: list[Piece]) -> None:
    """Number and ký hiệu from the "Số:" line (canonical: 'QĐUBND' → 'QĐ-UBND'), else from the
    code a page's link left after the text (with its date)."""
    for text in _texts(pieces, "number"):
        match = NUMBER.match(text) or CODE_LINE.match(text) or SYMBOL_LINE.match(text)
        if match:
            doc.number = match["number"] or ""
            doc.symbol = read_symbol(match["rest"])[0]
            return
    for text in _texts(pieces, "reference"):
        match = CODE_DATED.match(text)
        if match:
            doc.number, doc.symbol = match["number"], read_symbol(match["rest"])[0]
            doc.date = iso_date(match["y"], match["m"], match["d"])
            return


def read_place_date(doc: Directive, pieces: list[Piece]) -> None:
    """'Sơn La, ngày 16 tháng 11 năm 2018'; a công điện's 'ngày 17 tháng 9 năm 2013' alone."""
    for text in _texts(pieces, "place_date"):
        match = PLACE_DATE.search(text)
        if match:
            doc.place = _place_name(match["place"] or match["place2"])
            doc.date = (iso_date(match["year"], match["month"], match["day"]) if match["year"]
                        else iso_date(match["y2"], match["m2"], match["d2"]))
            return
    for text in _texts(pieces, "place_date"):
        match = PLACE_DATE_NO_COMMA.fullmatch(text.rstrip(". "))
        if match:
            doc.place = match["place"]
            doc.date = iso_date(match["year"], match["month"], match["day"])
            return
    for text in _texts(pieces, "place_date"):
        match = DAY.search(text)
        if match:
            doc.date = iso_date(match["y"] or match["y2"], match["m"] or match["m2"],
                                match["d"] or match["d2"])
            return


DAY = re.compile(r"ngày\s+(?:(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})|"
                 r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))", re.I)


def _place_name(text: str) -> str:
    """'Sơn La' from 'Sơn La'; capitals glued before a place ('HUYỆN X Châu Thành') dropped."""
    tokens = text.strip(" *_").split()
    while len(tokens) > 1 and is_caps(tokens[0]) and not is_caps(" ".join(tokens)) \
            and tokens[0] not in ("TP.", "TX.", "TT."):
        tokens.pop(0)
    return " ".join(tokens)


def read_issuer(doc: Directive, pieces: list[Piece]) -> None:
    """The issuing body: two lines of one name ('ỦY BAN NHÂN DÂN / HUYỆN ĐỨC THỌ') are joined; a
    second body under the first ('UBND HUYỆN HÒN ĐẤT / VĂN PHÒNG HĐND VÀ UBND') is the issuer
    and the first its parent."""
    name: list[str] = []
    parent = ""
    lines = [part for t in _texts(pieces, "issuer") for part in _bodies(fix_uy_ban(t))]
    for text in lines:
        if name and BODY_HEAD.match(text) and _complete(" ".join(name)):
            parent, name = " ".join(name), [text]
        else:
            name.append(text)
    doc.issuer, doc.issuer_parent = " ".join(" ".join(name).split()), parent
    authority = " ".join(_texts(pieces, "authority"))
    if doc.issuer and not _complete(doc.issuer) and authority:
        found = re.search(r"(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s+" + UNITS_RE + r"\s+\S.*$", authority)
        if found:
            doc.issuer = fix_uy_ban(found[0])


def page_subject(doc: Directive, pieces: list[Piece]) -> None:
    """No trích yếu in the document itself (a công điện's text): the page's title line naming
    this very document ('Công điện (Số 14 /CĐ-BCH) V/v …') gives it."""
    if doc.subject:
        return
    for piece in pieces:
        vv = re.search(r"(?:V/v|về\s+việc)\s+(?P<subject>.{8,})", piece.text, re.I)
        same = doc.number and re.search(rf"\b0*{re.escape(doc.number)}\s*/", piece.text)
        if piece.why == BEFORE and vv and same:
            doc.subject = vv["subject"].strip(" .")
            return


def read_dien_issuer(doc: Directive, pieces: list[Piece]) -> None:
    """A công điện: 'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN X điện:' names the body that sends it."""
    for text in _texts(pieces, "addressees"):
        dien = DIEN.match(text)
        if not dien:
            continue
        if doc.kind == "other" and not doc.kind_word:
            doc.kind_word = "Công điện"
        who = re.sub(r"^(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN)\s+", "", dien["who"].strip(" ,"),
                     flags=re.I)
        if not doc.issuer and BODY_HEAD.match(fix_uy_ban(who)) and _complete(who):
            doc.issuer = fix_uy_ban(who)
        return


def _bodies(line: str) -> list[str]:
    """'UBND HUYỆN HÒN ĐẤT VĂN PHÒNG HĐND VÀ UBND' (a table cell on one line) → the parent body
    and the office under it; a name that just goes on ('… THÀNH PHỐ HẢI PHÒNG') stays whole."""
    for match in re.finditer(r"\s(?=(?:VĂN PHÒNG|SỞ|PHÒNG|TRUNG TÂM|BAN|CHI CỤC|TRƯỜNG|TRẠM|"
                             r"BỆNH VIỆN|CÔNG AN|HẠT)\s)", line):
        head, rest = line[: match.start()], line[match.end():]
        if _complete(head) and re.search(r"\b" + UNITS_RE + r"\s+\S", head) \
                and words(rest) >= 3:
            return [head, rest]
    return [line]


def _complete(name: str) -> bool:
    """True when a body's name says where it is ('… HUYỆN HÒN ĐẤT') or needs no place ('SỞ Y
    TẾ …' names its province below; 'ỦY BAN NHÂN DÂN' alone does not)."""
    if re.search(r"\b" + UNITS_RE + r"\s+\S", name):
        return True
    return not re.fullmatch(r"(?:ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)", name.strip())


def guess_issuer(doc: Directive, text: str) -> None:
    """Without an issuer line: the Ủy ban nhân dân of the document's place, with its unit as
    the text names it ('Krông Nô' → 'Ủy ban nhân dân huyện Krông Nô')."""
    if (doc.issuer and _complete(doc.issuer)) or not doc.place:
        return
    units = "|".join(UNIT_WORDS)
    match = re.search(rf"\b({units})\s+{re.escape(doc.place)}", text)
    unit = f"{match[1]} {doc.place}" if match else doc.place
    doc.issuer = f"Ủy ban nhân dân {unit}"


# A repost's lead: "Ngày 22/11/2022, Ban vận động … huyện Kỳ Anh đã có thư ngỏ …", "Ủy ban nhân
# dân huyện Côn Đảo có ý kiến như sau".
LEAD = re.compile(
    r"^(?:[^\W\d_]{1,6}\s*[-–]\s*)?(?:Ngày\s+[\d/.\-]+(?:\s+tháng\s+\d+\s+năm\s+\d+)?\s*,?\s*)?"
    r"(?:Chủ\s+tịch\s+)?(?P<who>(?:[A-ZĐÀ-Ỹ][^\s,;]*|\"[^\"]*\"|“[^”]*”)(?:\s+(?:(?:hóa|hoá),|[^\s,;]+|"
    r"\"[^\"]*\"|“[^”]*”)){1,12}?)\s+(?:đã\s+|vừa\s+)?(?:ký\s+)?(?:ban\s+hành|có|ra|thông\s+báo|"
    r"xây\s+dựng|yêu\s+cầu|chỉ\s+đạo|kêu\s+gọi)\b"
)
# "…, Ủy ban nhân dân huyện Côn Đảo có ý kiến như sau": a body that speaks inside a sentence.
SPEAKS = re.compile(
    r"(?:(?:Ủy|Uỷ)\s+ban\s+nhân\s+dân|UBND|Công\s+an|Trạm\s+Y\s+tế|Đảng\s+(?:ủy|uỷ)|"
    r"Hội\s+(?:Nông\s+dân|Liên\s+hiệp\s+Phụ\s+nữ|Phụ\s+nữ|Cựu\s+chiến\s+binh|Chữ\s+thập\s+đỏ)|"
    r"Đoàn\s+Thanh\s+niên|(?:Ủy|Uỷ)\s+ban\s+MTTQ(?:\s+Việt\s+Nam)?|Mặt\s+trận\s+Tổ\s+quốc"
    r"(?:\s+Việt\s+Nam)?|Ban\s+Chỉ\s+huy\s+Quân\s+sự)\s+" + UNIT_WORDS_RE
    + r"\s+(?P<name>\S+(?:\s+\S+){0,3}?)"
    r"(?=\s+(?:đã\s+)?(?:có\s+ý\s+kiến|thông\s+báo|ban\s+hành|xây\s+dựng|yêu\s+cầu|"
    r"chỉ\s+đạo|đề\s+nghị|tổ\s+chức|hướng\s+dẫn|kêu\s+gọi)\b)"
)
BODY_NAME = re.compile(r"^(?:Ủy|Uỷ|UBND|UB|Ban|Văn\s+phòng|Sở|Phòng|Hội\s+đồng|HĐND|Trung\s+tâm|"
                       r"Chi\s+cục|Cục|Tổng\s+cục|Bộ\s|Mặt\s+trận|Công\s+an|Đảng|Huyện\s+ủy|Tỉnh\s+ủy|Phường|Xã|Thị\s+trấn)")


def read_citation(doc: Directive, pieces: list[Piece], preamble: list[str],
                  subject_from: str) -> None:
    """A repost's own identification: its source line, a title or a lead that names it."""
    sources = [SOURCE_LINE.match(t)["rest"] if SOURCE_LINE.match(t) else t
               for t in _texts(pieces, "reference")]
    title = [doc.subject] if subject_from == "title" else []
    leads = _lead_sentences(preamble)
    later = [] if doc.number or doc.symbol or doc.date else [  # a repost without a header
        s for para in preamble[1:LEAD_PARAGRAPHS] for s in _lead_sentences([para])]
    for text in sources + title + leads + later:
        opens = text in sources + title or text in leads[:1]  # it may start with the citation
        match = next((m for m in CITATION.finditer(text) if ISSUED.search(text[: m.start()])
                      or (text not in later and _cites_itself(text, m, text in sources, opens))),
                     None)
        if match:
            _take_citation(doc, match, from_title=subject_from == "title" and text == doc.subject,
                           doc_title=subject_from == "title")
            leads += [text] if text in later else []  # it says who issued it, and when
            break
    _read_lead(doc, leads)


def _cites_itself(text: str, match: re.Match, source: bool, opens: bool) -> bool:
    """A source line, a title or a first sentence that starts with the citation, 'Theo Công
    văn số …' without another body's name."""
    before = text[: match.start()]
    return (source or (opens and not before.strip(" ("))
            or bool(re.fullmatch(r"\s*(?:Theo|Trong|Tại)(?:\s+nội\s+dung)?\s+", before)
                    and not match["issuer"]))


LEAD_PARAGRAPHS = 4  # a repost names its document in one of its first paragraphs


# A portal's tag before its lead: "(TTCNTT)- ", "(hocmon.gov.vn) ", "BHG - ".
TAG = re.compile(r"^\s*(?:\([^()]{2,40}\)\s*[-–]?\s*|[A-ZĐ]{2,6}\s*[-–]\s+)")


def _lead_sentences(preamble: list[str]) -> list[str]:
    """The sentences of a repost's first paragraph that may name its own document: not those
    that rest on another ('Căn cứ …', 'Thực hiện …'); 'Theo Công văn số …, UBND huyện …' may."""
    if not preamble:
        return []
    split = re.compile(r"(?<=[.!?])\s+(?=[" + UP + "])")
    joined = preamble[0].rstrip().endswith(",") and len(preamble) > 1
    first = " ".join(preamble[:2]) if joined else preamble[0]
    sentences = split.split(TAG.sub("", first))[:3]
    if joined and REFERS.match(sentences[0]):  # "Để đảm bảo …," / "Phòng … đã ban hành công văn …"
        sentences.insert(1, split.split(preamble[1])[0])
    return [s for s in sentences
            if not REFERS.match(s) or re.match(r"^Theo\s+(?:" + KINDS + r")\s", s, re.I)]


KINDS = r"Thông\s+báo|Kế\s+hoạch|Công\s+văn|Quyết\s+định|Chỉ\s+thị|Công\s+điện"


# A lead that refers to other documents ("Thực hiện Quyết định số …") does not name its own.
REFERS = re.compile(r"^(?:Thực\s+hiện|Căn\s+cứ|Theo|Trên\s+cơ\s+sở|Để|Nhằm|Xét|Tiếp\s+theo)\b")


def _first_sentence(preamble: list[str]) -> list[str]:
    return [re.split(r"(?<=[.;])\s+(?=[" + UP + "])", preamble[0])[0]] if preamble else []


def _read_lead(doc: Directive, leads: list[str]) -> None:
    """Issuer, date and kind from a lead that says who issued the document and when ('Ngày
    22/11/2022, Ban vận động … đã có thư ngỏ …', 'Phòng Văn hóa … đã ban hành công văn …')."""
    for text in leads:
        text = re.sub(r"^(?:Vào\s+lúc|Lúc|Hồi)\s+[^,]{3,40},\s*", "", text)
        lead = LEAD.match(text)
        if lead and BODY_NAME.match(lead["who"]):
            kind = re.match(r"\s*(?:đã\s+|vừa\s+)?(?:ký\s+)?(?:ban\s+hành|có)\s+(" + KINDS + r")\b",
                            text[lead.end("who"):], re.I)
            if kind and doc.kind == "other" and not doc.kind_word:
                _set_kind(doc, " ".join(kind[1].split()).upper())
                doc.subject = doc.subject or _lead_subject(text[lead.end("who") + kind.end():])
            doc.issuer = doc.issuer or body_only(lead["who"])
            when = LEAD_DATE.match(text)
            if when and not doc.date:
                doc.date = iso_date(when["y"] or when["y2"], when["m"] or when["m2"],
                                    when["d"] or when["d2"])
            return


def _lead_subject(rest: str) -> str:
    """'triển khai "Tháng hành động …" trên địa bàn xã năm 2021,với chủ đề: …' → its first
    clause, the trích yếu a lead without a number gives."""
    rest = re.sub(r"^\s*(?:về\s+việc|về|V/v)\s+", " ", rest)
    clause = re.split(r"[,.;:]\s*(?:với|nhằm|theo|trong\s+đó|qua\s+đó)?|\s+(?:với|nhằm)\s", rest)[0]
    return clause.strip() if 3 <= words(clause) <= 30 else ""


_SURNAMES = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào "
             "Trịnh Mai Trương Lâm Lương Tô Cao Phùng Chu Đoàn Tạ Vương Kiều Hứa Quách Triệu "
             "Nông Lò Lưu Thân Từ Khổng Mạc Lục Hầu Giang Tăng Doãn Âu")
SURNAMES = frozenset(_SURNAMES.split())


def body_only(who: str) -> str:
    """'UBND xã Chí Minh trân trọng' → 'UBND xã Chí Minh'; 'UBND TP Hà Nội Trần Sỹ Thanh' →
    'UBND TP Hà Nội': the body, without the words of the sentence or the person after it."""
    tokens = who.split()
    unit = next((i for i, t in enumerate(tokens) if re.fullmatch(
        UNIT_WORDS_RE + r"|TP\.?|TX\.?", t, re.I)), None)
    if unit is None or unit + 1 >= len(tokens) or not tokens[unit + 1][:1].isupper():
        return " ".join(tokens)
    end = unit + 1
    while end < len(tokens) and (tokens[end][:1].isupper() or tokens[end] in "-–"):
        end += 1
    person = next((i for i in range(unit + 2, end - 1) if tokens[i] in SURNAMES
                   and end - i >= 3), None)  # a full name has three words or more
    return " ".join(tokens[:person or end])


def read_lead_issuer(doc: Directive, preamble: list[str]) -> None:
    """'Ủy ban nhân dân xã Tân Đoàn thông báo …': the body that speaks, when no header said."""
    if doc.issuer:
        return
    for text in preamble:
        for sentence in re.split(r"(?<=[.;:])\s+", text):
            lead = LEAD.match(sentence)
            if lead and BODY_NAME.match(lead["who"]) and re.search(
                    r"\b" + UNIT_WORDS_RE + r"\s+[" + UP + "]", lead["who"]):
                doc.issuer = body_only(lead["who"])
                return
            speaks = SPEAKS.search(sentence)
            if speaks and all(w[:1].isupper() for w in speaks["name"].split()):
                doc.issuer = " ".join(speaks[0].split())
                return


def _take_citation(doc: Directive, match: re.Match, from_title: bool,
                   doc_title: bool = False) -> None:
    """Number, date, issuer, kind and trích yếu from a citation of the document itself; its
    trích yếu wins over a page's headline (``doc_title``: the subject is that headline)."""
    number, rest = re.match(r"(\d+[a-zđ]?)\s*[/-]?\s*(.*)", match["code"] or match["bare"]).groups()
    if not doc.number and not doc.symbol:
        doc.number = number.strip()
        doc.symbol = read_symbol(rest.split("/", 1)[-1] if re.match(r"(?:19|20)\d\d/", rest)
                                 else rest)[0]
    if not doc.date:
        doc.date = iso_date(match["y"] or match["y2"], match["m"] or match["m2"],
                            match["d"] or match["d2"])
    if not doc.issuer and match["issuer"]:
        doc.issuer = re.sub(r"^Chủ\s+tịch\s+", "", " ".join(match["issuer"].split()))
    word = {"CV": "CÔNG VĂN"}.get(match["kind"], " ".join(match["kind"].split()).upper())
    if (doc.kind == "other" and not doc.kind_word or doc_title) and word in KIND_WORDS:
        _set_kind(doc, word)
    if match["subject"] and (from_title or not doc.subject or doc_title):
        doc.subject = match["subject"].strip()


# ---------------------------------------------------------------- kind and subject


def read_kind_subject(doc: Directive, pieces: list[Piece], subject_from: str) -> str:
    """Kind from the kind line (or a mixed-case title's first words); the subject (trích yếu)
    from what follows it, or from the V/v line. Returns the subject as written."""
    subject = _texts(pieces, "subject")
    for text in _texts(pieces, "kind"):
        found = kind_line(text) or title_kind(text)
        if found:
            word, rest = found
            _set_kind(doc, word)
            subject = ([rest] if rest and not BY_SENDER.match(rest) else []) + subject
            break
    if subject_from == "title" and subject and not CITATION.match(subject[0]):
        found = title_kind(subject[0]) or _announced(doc, subject[0])
        if found:
            _set_kind(doc, found[0])
            subject[0] = found[1]
    text = re.sub(r"(?<!\.)\.$", "", " ".join(" ".join(subject).split()))
    vv = SUBJECT_VV.match(text)
    if vv and subject_from == "vv":
        text = re.sub(r"(?<!\.)\.$", "", vv["subject"].strip())
        subject_from = "vv"
    doc.subject = normal_case(text)
    doc.kind = _guess_kind(doc, subject_from)
    return text


def _announced(doc: Directive, title: str) -> tuple[str, str] | None:
    """A headline 'UBND xã Vĩnh Hưng thông báo về việc niêm yết …': a notice, its issuer and
    its subject."""
    lead = LEAD.match(title)
    said = lead and re.match(r"\s+thông\s+báo\s+(?:về\s+việc\s+|về\s+)?(?=\S)",
                             title[lead.end("who"):])
    if not said or not BODY_NAME.match(lead["who"]):
        return None
    doc.issuer = doc.issuer or body_only(lead["who"])
    return "THÔNG BÁO", title[lead.end("who") + said.end():]


def _set_kind(doc: Directive, word: str) -> None:
    doc.kind = KIND_WORDS[word]
    doc.kind_word = word.capitalize() if doc.kind == "other" else ""


def _guess_kind(doc: Directive, subject_from: str) -> str:
    if doc.kind != "other" or doc.kind_word:
        return doc.kind
    head = re.split(r"[-/]", doc.symbol)[0] if doc.symbol else ""
    if head in SYMBOL_KINDS:
        doc.kind_word = CODE_WORDS.get(head, "") if SYMBOL_KINDS[head] == "other" else ""
        return SYMBOL_KINDS[head]
    if doc.symbol or (subject_from == "vv" and doc.subject):
        return "cong_van"
    return "other"


# The kind a ký hiệu's code names, for the kinds of our "other".
CODE_WORDS = {"CĐ": "Công điện", "TTr": "Tờ trình", "HD": "Hướng dẫn", "NQ": "Nghị quyết",
              "CTr": "Chương trình", "PA": "Phương án", "ĐA": "Đề án", "QC": "Quy chế",
              "GM": "Giấy mời", "BB": "Biên bản", "KL": "Kết luận", "DA": "Dự án"}
# A subject that names its own kind of paper ("Lịch tiếp công dân …", "Danh sách …").
SELF_NAMED = re.compile(r"^(?:Lịch|Danh\s+sách|Thư|Lời|Giấy|Chương\s+trình|Quy\s+chế|Nội\s+quy|"
                        r"Bản|Phương\s+án|Đề\s+cương|Tài\s+liệu|Bài)\b", re.I)


def title_of(doc: Directive) -> str:
    """'Thông báo kết luận của …', 'Công văn về việc …', 'Lịch tiếp công dân …'."""
    if not doc.subject:
        return doc.kind_name
    subject = doc.subject[:1].lower() + doc.subject[1:]
    about = ABOUT_START.sub("", subject)
    if doc.kind == "other" and not doc.kind_word:
        if SELF_NAMED.match(subject):
            return doc.subject[:1].upper() + doc.subject[1:]
        return f"{doc.kind_name} về {about}"
    if doc.kind == "cong_van" or re.match(r"^v/v\s", subject, re.I):
        return f"{doc.kind_name} về việc {about}"
    return f"{doc.kind_name} {subject}"


ABOUT_START = re.compile(r"^(?:v/v|về)\s+(?:việc\s+)?", re.I)


# ---------------------------------------------------------------- addressees, footer


def _listed(pieces: list[Piece], part: str, heads: tuple[re.Pattern, ...]) -> list[str]:
    """The items of a list part ('Kính gửi: - A; - B', 'Nơi nhận:' and its lines)."""
    items = []
    for text in _texts(pieces, part):
        head = next((m for m in (h.match(text) for h in heads) if m), None)
        for item in re.split(r"^\s*[-+•–]\s*|;\s*[-+•–]\s*", head["rest"] if head else text):
            item = item.strip(" -;.")
            if item:
                items.append(item.rstrip(","))
    return items


def read_addressees(doc: Directive, pieces: list[Piece]) -> None:
    """Who it is sent to; the sender over a bare 'ĐIỆN:' line is not one of them."""
    part = [p for p in pieces if p.part == "addressees"]
    bare = [bool(re.fullmatch(r"ĐIỆN\s*:", p.text.strip(), re.I)) for p in part]
    senders = {p.text for i, p in enumerate(part[:-1]) if bare[i + 1] and is_caps(p.text)}
    doc.addressees += [t for t in _listed(pieces, "addressees", (KINH_GUI, DIEN))
                       if t not in senders]


def read_recipients(doc: Directive, pieces: list[Piece]) -> None:
    doc.recipients += _listed(pieces, "recipients", (NOI_NHAN,))


def read_signer(doc: Directive, pieces: list[Piece]) -> None:
    """'TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Name': the innermost authority
    (KT.) is the signer's; the outer ones stay in ``on_behalf`` with their prefix."""
    lines = [t for t in _texts(pieces, "signer") if not re.match(r"^(?:Ngày|Phê duyệt)", t)
             and "ngày" not in t]
    names = [t for t in lines if is_name(t) and not is_caps(t) or _caps_name(t, lines)]
    authority = [t for t in lines if t not in names and is_caps(t)]
    if not authority and not names:
        return
    signer = Signer()
    marked = [i for i, t in enumerate(authority) if AUTHORITY.match(t)]
    if marked:
        inner = AUTHORITY.match(authority[marked[-1]])
        signer.authority = re.sub(r"[./]", "", inner["auth"]) + "."
        authority[marked[-1]] = inner["rest"].strip()
    authority = [a for a in authority if a and not a.startswith(("KÍNH THƯ", "THAY MẶT"))]
    if authority:  # "TL. CHỦ TỊCH CHÁNH VĂN PHÒNG" on one line: on behalf of, then the title
        authority[-1:] = _title_split(authority[-1])
    signer.title = authority[-1] if authority else ""
    signer.on_behalf = " ".join(authority[:-1])
    if names:
        name = SIGNED.sub(" ", names[-1]).strip()
        signer.name = name.title() if is_caps(name) else name
    doc.signer = signer


def _title_split(line: str) -> list[str]:
    """'CHỦ TỊCH CHÁNH VĂN PHÒNG' → ['CHỦ TỊCH', 'CHÁNH VĂN PHÒNG']; one title stays whole."""
    starts = [m.start() + 1 for m in re.finditer(r"\s(?=\S)", line)
              if SIGNER_TITLES.match(line[m.start() + 1:])]
    starts = [s for s in starts if not line[:s].rstrip().endswith("PHÓ")]
    return [line[: starts[-1]].strip(), line[starts[-1]:]] if starts else [line]


def _caps_name(text: str, lines: list[str]) -> bool:
    """A name in capitals: the last line, not a title or an authority."""
    return (text == lines[-1] and is_caps(text) and is_name(text) and not AUTHORITY.match(text)
            and not SIGNER_TITLES.match(text) and not BODY_HEAD.match(text)
            and not UNIT_HEAD.match(text))


# ---------------------------------------------------------------- text and meeting


def read_text(doc: Directive, content: list[Piece]) -> None:
    """Preamble, body tree and closing from the pieces of the text; each piece learns its
    part."""
    paras = paragraphs_of(content)
    if paras and END_MARK.search(paras[-1].text) and not MARKER.match(paras[-1].text):
        closing = paras.pop()
        doc.closing = END_MARK.sub("", closing.text).strip() + "."
        for piece in closing.pieces:
            piece.part = "closing"
    preamble, doc.body = build_tree(paras)
    doc.preamble = [p.text for p in preamble]
    for para in paras:
        for piece in para.pieces:
            piece.part = "preamble" if para in preamble else "body"


MEETING_DATE = re.compile(r"\bngày\s+(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
                          r"|\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
CHAIR = (
    re.compile(r"(?:Đồng chí|Ông|Bà)\s+(?P<chair>[^.;]{3,120}?),?\s+chủ\s+trì", re.I),
    re.compile(r"[Cc]hủ\s+trì\s+(?:cuộc họp|hội nghị)\s*:?\s*(?:đồng chí|ông|bà)\s+"
               r"(?P<chair>[^.;]{3,120})"),
)
# "Ý kiến kết luận của Phó Chủ tịch UBND huyện Đỗ Văn Tân tại Hội nghị …"
CONCLUDED_BY = re.compile(r"(?:ý kiến\s+)?kết\s+luận\s+của\s+(?:đồng\s+chí\s+)?(?P<chair>.{3,90}?)"
                          r"\s+(?:tại|về|trong)\s+(?:cuộc\s+họp|hội\s+nghị|buổi)", re.I)
HEARD = re.compile(r"Sau khi nghe\s+(?P<heard>.+?)(?:\.\s|,?\s+(?:Đồng chí|ý kiến)\b)", re.S)


def read_meeting(doc: Directive) -> None:
    """When, who chaired and what was heard, for a notice that concludes a meeting."""
    context = " ".join(doc.preamble)
    chair = next((m["chair"] for p in CHAIR if (m := p.search(context))), None)
    by = CONCLUDED_BY.search(doc.subject)
    if not chair and by and re.search(r"[A-ZĐ]\S*\s+[A-ZĐ]\S*\s*$", by["chair"]):
        chair = by["chair"]
    if not chair:
        return
    when = MEETING_DATE.search(context)
    heard = HEARD.search(context)
    day = (iso_date(when[3], when[2], when[1]) if when and when[3]
           else iso_date(when[6], when[5], when[4]) if when else None)
    doc.meeting = {
        "date": day,
        "chair": " ".join(chair.replace("–", "-").split()).strip(" ,-"),
        "heard": re.sub(r"\s+và$", "", heard["heard"].strip()) if heard else "",
    }


def read(pieces: list[Piece], start: int, end: int, subject_from: str, text: str) -> Directive:
    """The Directive of a document whose pieces have their parts."""
    doc = Directive()
    read_number(doc, pieces)
    read_place_date(doc, pieces)
    read_issuer(doc, pieces)
    written = read_kind_subject(doc, pieces, subject_from)
    read_addressees(doc, pieces)
    read_text(doc, [p for p in pieces[start:end] if not p.part])
    if written != doc.subject:  # a subject in capitals: the text writes its names
        said = [*doc.preamble, doc.closing, *(b.text for b in walk(doc.body))]
        doc.subject = normal_case(written, proper_names(" ".join(said)))
    if doc.kind == "other" and not doc.kind_word and doc.preamble and GREETING.match(
            doc.preamble[0]):
        doc.kind = "bai_tuyen_truyen"  # a finished bài without its title line
    lead = doc.preamble or ([doc.closing] if doc.closing and not doc.body else [])
    read_citation(doc, pieces, lead, subject_from)  # a one-paragraph repost: its closing leads
    read_lead_issuer(doc, lead)
    read_dien_issuer(doc, pieces)
    page_subject(doc, pieces)
    doc.kind = _guess_kind(doc, subject_from)
    guess_issuer(doc, text)
    read_recipients(doc, pieces)
    read_signer(doc, pieces)
    doc.title = title_of(doc)
    read_meeting(doc)
    doc.dropped = [Dropped(p.line + 1, p.text, p.why) for p in pieces if p.part == "dropped"]
    return doc
