"""Written for the ear: what a directive says in office language that a listener does not need.

Part of the script room. ``for_air`` gives the Directive as it is read on air: the legal basis
of a decision ("Căn cứ …"), office formulas ("… thông báo để … biết, thực hiện", "Yêu cầu các
cơ quan … nghiêm túc thực hiện"), notes on attachments and abbreviations, and a repost's lead
that only repeats what the bài's own lead says, are left out; the printed source reference
names the document they stay in. ``short_title`` is the topic of the bài: the trích yếu without
its office framing, about twelve words at most.

Each rule is a small pure function in an ordered, named list, tested by a table.
"""

from __future__ import annotations

import re
from dataclasses import replace

from broadcast.document import Block, Directive
from broadcast.document.case import body_case, normal_case
from broadcast.document.fields import title_of
from broadcast.document.patterns import KIND_WORDS, LO, UNIT_WORDS_RE, UP, alternation, folded

# ---------------------------------------------------------------- sentences

# The people a bài speaks to: a formula that tells them something stays.
PEOPLE = re.compile(r"\b(?:bà\s+con|nhân\s+dân|người\s+dân|hộ\s+gia\s+đình|hộ\s+dân|cử\s+tri|"
                    r"liên\s+hệ|điện\s+thoại|đường\s+dây\s+nóng)\b", re.I)
# Who an office formula addresses ("các cơ quan, phòng, ban, ngành, đơn vị, UBND các xã").
ADDRESSEES = re.compile(
    r"\b(?:các|cơ\s+quan|phòng|ban|ngành|đơn\s+vị|địa\s+phương|UBND|HĐND|Ủy\s+ban\s+nhân\s+dân|"
    r"xã|phường|thị\s+trấn|thôn|tổ|khu\s+phố|huyện|tỉnh|thành\s+phố|thị\s+xã|Thủ\s+trưởng|"
    r"Trưởng|Chủ\s+tịch|cán\s+bộ|công\s+chức|viên\s+chức|đoàn\s+thể|liên\s+quan|trực\s+thuộc|"
    r"và|chỉ\s+đạo|tổ\s+chức|triển\s+khai|theo\s+chức\s+năng,?\s+nhiệm\s+vụ(?:\s+được\s+giao)?|"
    r"căn\s+cứ|Quyết\s+định|Công\s+văn|Kế\s+hoạch|Thông\s+báo|này)\b", re.I)
DO_IT = re.compile(r"(?:nghiêm\s+túc\s+)?(?:thực\s+hiện|triển\s+khai(?:\s+thực\s+hiện)?|"
                   r"chấp\s+hành)(?:\s*,?\s*(?:nghiêm\s+túc|kịp\s+thời|có\s+hiệu\s+quả|đúng\s+quy"
                   r"\s+định|đầy\s+đủ|tốt|theo\s+đúng\s+quy\s+định))*\s*[.!]*(?:/\.)?$", re.I)
TOLD = re.compile(r"\b(?:thông\s+báo|báo|gửi)\b.{0,150}?\b(?:để|đến|tới|cho)\b.{0,150}?\bbiết\b",
                  re.I)
TROUBLE = re.compile(r"^Trong\s+quá\s+trình\s+(?:tổ\s+chức\s+)?(?:thực\s+hiện|triển\s+khai)"
                     r"[^,]{0,60},\s*nếu\s+có\s+(?:khó\s+khăn|vướng\s+mắc|phát\s+sinh)", re.I)
EXECUTES = re.compile(r"chịu\s+trách\s+nhiệm\s+thi\s+hành\s+(?:Quyết\s+định|Chỉ\s+thị|Kế\s+hoạch)"
                      r"\s+này", re.I)
SEE_DETAILS = re.compile(r"^(?:>+\s*)?(?:Xem|Chi\s+tiết)\b.{0,80}\b(?:tại\s+đây|đính\s+kèm|kèm\s+"
                         r"theo)\b|^(?:File|Tệp)\s+đính\s+kèm", re.I)


def _is_formula(sentence: str) -> bool:
    """An office formula: who is told to know or to carry it out, nothing for the listener."""
    words = len(sentence.split())
    if TOLD.search(sentence) and words <= 45 and not re.search(r"\b(?:bà\s+con)\b", sentence,
                                                                re.I):
        return True
    if TROUBLE.match(sentence) and not PEOPLE.search(sentence):
        return True
    if EXECUTES.search(sentence) or SEE_DETAILS.match(sentence):
        return True
    demand = re.match(r"^(?:Yêu\s+cầu|Đề\s+nghị)\s+(?P<who>.+?)\s*(?P<do>" + DO_IT.pattern[:-1]
                      + r")$", sentence, re.I)
    if demand and words <= 40:
        rest = ADDRESSEES.sub(" ", demand["who"])
        return len(re.findall(r"[^\W\d_]+", rest)) <= 2
    return False


def drop_formulas(text: str) -> str:
    """'… thông báo để nhân dân biết, thực hiện./.' and 'Yêu cầu các cơ quan … nghiêm túc thực
    hiện.' are left out of a paragraph; its other sentences stay."""
    sentences = re.split(r"(?<=[.!?])\s+(?=[" + UP + r"\"“(])", text)
    return " ".join(s for s in sentences if not _is_formula(s.strip())).strip()


def drop_attachment_notes(text: str) -> str:
    """'(Đính kèm Công văn số 847/UBND-VX1 ngày 22/3/2011)', '(có phụ lục kèm theo)'."""
    text = re.sub(r"\s*\((?:[^()]*\b(?:đính\s+kèm|kèm\s+theo|phụ\s+lục)\b[^()]*)\)", "", text,
                  flags=re.I)
    return re.sub(r"([:;,])\s*\.$", r"\1", text).strip()


def drop_abbreviation_notes(text: str) -> str:
    """'(Sau đây viết tắt là Kế hoạch của huyện)', '(sau đây gọi tắt là Chương trình)'."""
    return re.sub(r"\s*\((?:sau\s+đây\s+)?(?:viết|gọi)\s+tắt\s+(?:là\s+)?[^()]*\)", "", text,
                  flags=re.I).strip()


SENTENCE_RULES = (drop_attachment_notes, drop_abbreviation_notes, drop_formulas)


def for_ear(text: str) -> str:
    """A paragraph with what a listener does not need left out ("" when nothing is left)."""
    for rule in SENTENCE_RULES:
        text = rule(text)
    return text


# ---------------------------------------------------------------- paragraphs and blocks

BASIS = re.compile(r"^(?:Căn\s+cứ|Xét\s+(?:đề\s+nghị|tờ\s+trình|báo\s+cáo)|Theo\s+đề\s+nghị|"
                   r"QUYẾT\s+ĐỊNH\s*:?$|CHỈ\s+THỊ\s*:?$)", re.I)
LAW = re.compile(r"^(?:Luật|Bộ\s+luật|Nghị\s+định|Nghị\s+quyết|Quyết\s+định|Thông\s+tư|Chỉ\s+thị|"
                 r"Kế\s+hoạch|Công\s+văn|Hướng\s+dẫn|Thông\s+báo|Kết\s+luận)\b[^.]{0,300};?$")


def is_basis(paragraph: str) -> bool:
    """The legal basis ('Căn cứ Luật …;', 'Xét đề nghị của …', 'QUYẾT ĐỊNH:')."""
    return bool(BASIS.match(paragraph.strip()))


def after_basis(paragraph: str) -> str:
    """What a paragraph says after its legal basis ('Căn cứ …; … . Ngày 2/11/2021, Sở … đã ban
    hành …' keeps its second sentence); "" for a basis alone."""
    if not is_basis(paragraph):
        return paragraph
    sentences = re.split(r"(?<=[.!?])\s+(?=[" + UP + "])", paragraph.strip())
    return " ".join(sentences[1:])


def _cites_itself(paragraph: str, d: Directive) -> bool:
    """A repost's lead that only says who issued this document ('Ngày 8/5/2025, UBND xã … ban
    hành Thông báo số 21/TB-UBND về việc …'): the bài's own lead says it."""
    own = f"{d.number}/{d.symbol}" if d.number and d.symbol else ""
    sentences = re.split(r"(?<=[.!?])\s+", paragraph.strip())
    said = folded(d.subject)  # the bài's lead says the trích yếu: the rest must say no more
    return bool(own) and own in paragraph.replace(" ", "") and len(sentences) == 1 and bool(
        re.search(r"\b(?:ban\s+hành|có|ký)\b", paragraph)) and bool(said) and said in folded(
        paragraph) and len(paragraph.split()) <= len(said.split()) + LEAD_WORDS


LEAD_WORDS = 30  # who issued it, when, its number: what a lead says besides the trích yếu


def _blocks(blocks: list[Block], top: bool) -> list[Block]:
    out: list[Block] = []
    leading = top
    for block in blocks:
        if leading and block.type == "bullet" and LAW.match(block.text):
            continue  # a list of the laws it rests on, before its first heading
        leading = False
        text = for_ear(block.text)
        children = _blocks(block.children, False)
        if text or children:
            out.append(replace(block, text=(text or block.text) if children else text,
                               children=children))
    return out


def for_air(d: Directive) -> Directive:
    """The Directive as it is read on air (a finished bài is read as it is)."""
    if d.kind == "bai_tuyen_truyen":
        return d
    preamble = [after_basis(p) for p in d.preamble]
    preamble = [for_ear(p) for p in preamble if p and not _cites_itself(p, d)]
    closing = after_basis(d.closing)
    closing = "" if _cites_itself(closing, d) else for_ear(closing)
    named = _from_text(d) if not d.subject else ""  # what the text says it issues
    subject = d.subject or KIND_PREFIX.sub("", named, count=1)
    title = d.title if d.subject else (named[:1].upper() + named[1:] if named else d.title)
    return replace(d, preamble=[p for p in preamble if p], body=_blocks(d.body, True),
                   closing=closing, subject=subject,
                   title=title or title_of(replace(d, subject=subject)))


# ---------------------------------------------------------------- the bài's short title

MAX_WORDS = 12
LONGEST = 20  # words of a title with no break in its phrase
KIND_PREFIX = re.compile(r"^" + alternation(KIND_WORDS) + r"\s+", re.I)
ABOUT = re.compile(r"^(?:V/v|Về\s+việc|về\s+việc|Về|về)\s*:?\s+", re.I)
# "Kết luận của Phó Chủ tịch UBND huyện … tại Hội nghị …": who concluded is not the topic.
CONCLUDED = re.compile(
    r"^(?:(?:Thông\s+báo\s+)?(?:ý\s+kiến\s+)?kết\s+luận|ý\s+kiến\s+chỉ\s+đạo)\s+(?:của\s+.+?\s+)?"
    r"(?:tại|trong)\s+(?:buổi\s+|cuộc\s+|phiên\s+)?(?:hội\s+nghị|họp|làm\s+việc|giao\s+ban|"
    r"kiểm\s+tra)\s*(?:với\s+[^,]+?\s+)?", re.I)
CONCLUDED_ON = re.compile(r"^(?:ý\s+kiến\s+)?kết\s+luận\s+của\s+.+?\s+về\s+", re.I)
MEETING = re.compile(r"^(?:trực\s+tuyến|sơ\s+kết|tổng\s+kết|đánh\s+giá|triển\s+khai|giao\s+ban|"
                     r"bàn|về|công\s+tác|việc|kết\s+quả|thực\s+hiện|tình\s+hình)\s+", re.I)
# "Triển khai thực hiện Nghị quyết số 13-NQ/TU ngày 06/9/2023 của … về Chuyển đổi số …"
REFERENCE = re.compile(
    r"^(?:(?:triển\s+khai\s+)?(?:thực\s+hiện|triển\s+khai)\s+)?(?:Nghị\s+quyết|Kế\s+hoạch|"
    r"Chỉ\s+thị|Quyết\s+định|Thông\s+tư|Nghị\s+định|Công\s+văn|Hướng\s+dẫn|Kết\s+luận|Chương"
    r"\s+trình|Đề\s+án)\s+(?:số\s+)?\S*\d\S*(?:\s+ngày\s+\S+)?.*?\s+về\s+", re.I)
SIGNED_BY = re.compile(r"\s+của\s+(?:đồng\s+chí\s+)?(?:Phó\s+)?(?:Chủ\s+tịch|Bí\s+thư|Giám\s+đốc|"
                       r"Trưởng\s+ban)\b.*?(?=\s+(?:năm|tại|về|trong|đợt)\b|,|$)", re.I)
ACTIONS = re.compile(r"^(?:(?:duy\s+trì|cải\s+thiện|nâng\s+cao|tăng\s+cường|đẩy\s+mạnh|triển\s+"
                     r"khai|thực\s+hiện|tổ\s+chức|ban\s+hành|phê\s+duyệt|kiện\s+toàn|tiếp\s+tục)"
                     r"(?:\s*,\s*|\s+và\s+|\s+))+", re.I)
BREAKS = re.compile(r",\s+|;\s+|(?<=[^\W\d_])\.\s+|\s+(?=(?:và\s+kết\s+quả|và\s+phương\s+hướng|"
                    r"trên\s+địa\s+bàn|giai\s+đoạn|theo|nhằm|đồng\s+thời|định\s+hướng|và)\b)")
DANGLING = re.compile(r"(?:\s+(?:và|của|về|các|cho|trong|tại|với|để|năm|đến|theo|trên|như|"
                      r"đối\s+với|thuộc)|[,;:\-–])+$", re.I)


BY_BODY = re.compile(r"\s+của\s+(?:Huyện\s+ủy|Tỉnh\s+ủy|Thành\s+ủy|Đảng\s+ủy|UBND|Ủy\s+ban|"
                     r"Uỷ\s+ban|HĐND|Ban|Văn\s+phòng|Sở|Phòng)\b[^,;]*$")


# "Khẩn của UBND huyện về cơn bão số 8", "của UB MTTQ xã X về việc kêu gọi …": who sends it is
# not the topic; nor is "khẩn".
URGENT = re.compile(r"^(?:thượng\s+khẩn|hỏa\s+tốc|hoả\s+tốc|khẩn)\s+", re.I)
FROM_BODY = re.compile(r"^(?:\S+\s+){0,4}?của\s+(?:Ủy|Uỷ|UBND|UB|Ban|Văn\s+phòng|Sở|Phòng|Hội|"
                       r"Huyện|Tỉnh|Đảng|Chủ\s+tịch|HĐND)\b[^,;]*?\s+về\s+(?:việc\s+)?", re.I)
FROM_PLACE = re.compile(r"^(?:\S+\s+){0,4}?(?i:của)\s+(?:Ủy|Uỷ|UBND|UB|Ban|Văn\s+phòng|Sở|Hội|"
                        r"Đảng)\b[^,;]*?\b" + UNIT_WORDS_RE
                        + r"\s+(?:[" + UP + r"]\S*\s+)+(?=[" + LO + "])")


def _framed(topic: str) -> str:
    for pattern in (CONCLUDED, CONCLUDED_ON, KIND_PREFIX, URGENT, ABOUT, FROM_BODY, FROM_PLACE,
                    REFERENCE):
        topic = pattern.sub("", topic, count=1).strip()
    while MEETING.match(topic) and len(topic.split()) > 3:
        topic = MEETING.sub("", topic, count=1)
    topic = re.sub(r"\s*\([^()]*\)", "", topic)  # "(12/8/1991-12/8/2021)"
    return BY_BODY.sub("", SIGNED_BY.sub("", topic)).strip(" ,.;:")


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _cut(topic: str) -> str:
    """About MAX_WORDS words (a few more when the phrase has no break), cut where the phrase
    breaks, never on a word that waits for more ('và', 'của', 'năm')."""
    if _words(topic) > MAX_WORDS:
        stripped = ACTIONS.sub("", topic, count=1)
        if _words(stripped) >= 3:
            topic = stripped
    if _words(topic) <= MAX_WORDS:
        return topic
    breaks = [m.start() for m in BREAKS.finditer(topic) if _words(topic[:m.start()]) >= 3]
    cuts = [b for b in breaks if _words(topic[:b]) <= MAX_WORDS]
    if not cuts and _words(topic) <= MAX_WORDS + 4:
        return topic
    cuts = cuts or [b for b in breaks if _words(topic[:b]) <= LONGEST][:1]
    if not cuts:  # no break in it: a long title is better than a word cut in two ("Đảng Cộng")
        return topic if _words(topic) <= LONGEST else DANGLING.sub(
            "", " ".join(topic.split()[:LONGEST])).strip()
    head = re.sub(r"\s+năm\s+\d{4}$", "", topic[: cuts[-1]])
    return DANGLING.sub("", head).strip()


# Without a trích yếu, the text names what it issues: "UBND tỉnh xây dựng Kế hoạch hành động
# thực hiện Chương trình … như sau", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …".
ISSUES = re.compile(r"(?:ban\s+hành|xây\s+dựng)\s+(?:kèm\s+theo\s+Quyết\s+định\s+này\s+)?"
                    r"(?P<what>(?:Kế\s+hoạch|Quy\s+chế|Quy\s+định|Chương\s+trình|Phương\s+án|"
                    r"Đề\s+án|Lịch|Nội\s+quy)\s+(?:[^.;:]|(?<=\d)\.(?=\d)){5,200}?)\s*(?:như\s+sau|"
                    r"cụ\s+thể|với\s+"
                    r"(?:các\s+)?nội\s+dung|[.;:](?!\d)|$)", re.I)


def _from_text(d: Directive) -> str:
    """What the lead-in says is issued ('… UBND tỉnh xây dựng Kế hoạch … như sau:', the last
    one named: those before it are the documents it rests on), else what Điều 1 issues."""
    found = [m for text in d.preamble for m in ISSUES.finditer(text)]
    found = found or [m for b in d.body[:2] for m in ISSUES.finditer(b.text)][:1]
    return found[-1]["what"].strip() if found else ""


def short_title(d: Directive) -> str:
    """The bài's topic: 'Cải cách hành chính năm 2017' for 'Ý kiến kết luận của Phó Chủ tịch
    UBND huyện Đỗ Văn Tân tại Hội nghị tổng kết công tác cải cách hành chính năm 2017'."""
    topic = " ".join((d.subject or _from_text(d) or d.title or d.kind_name).split())
    topic = _quotes(_cut(_framed(topic)) or topic).strip("' ")
    return topic[:1].upper() + topic[1:]


def _quotes(topic: str) -> str:
    """Quotation marks that pair up, tight to their words ('“ Toàn dân …”' → '“Toàn dân …”');
    a mark left alone by the cut goes."""
    topic = re.sub(r"“\s+(?=\w)", "“", re.sub(r"(?<=\w)\s+”", "”", topic))
    if topic.count("“") != topic.count("”"):
        topic = re.sub(r"\s*[“”]\s*", " ", topic)
    if topic.count('"') % 2:
        topic = re.sub(r'\s*"\s*', " ", topic)
    return " ".join(topic.split())


# ---------------------------------------------------------------- names as they are said

WEB_PREFIX = re.compile(r"\bhttps?://(?:www\.)?|\bwww\.(?=\w)", re.I)


def plain_web_addresses(text: str) -> str:
    """'http://sonla.gov.vn/hoi-dap' is said as 'sonla.gov.vn/hoi-dap' (nobody reads 'h t t p'
    on the radio)."""
    return WEB_PREFIX.sub("", text)


PLACE = re.compile(r"\b" + UNIT_WORDS_RE + r"\s+\S.*$")


def issuer_name(d: Directive) -> str:
    """The issuing body as people say it: 'Văn phòng HĐND và UBND huyện Hòn Đất' for the office
    'VĂN PHÒNG HĐND VÀ UBND' under 'UBND HUYỆN HÒN ĐẤT'; '' when the document does not say."""
    if not d.issuer:
        return ""
    name = body_case(d.issuer)
    parent = normal_case(d.issuer_parent) if d.issuer_parent else ""
    if parent and STANDING.fullmatch(name):  # whose standing committee it is says who speaks
        return f"{name} {parent}"
    place = PLACE.search(parent)
    if place and not PLACE.search(name):
        name = f"{name} {place[0]}"
    return name


# An office that is only part of its parent ('Ban Thường trực' of the Mặt trận xã …).
STANDING = re.compile(r"Ban\s+(?:Thường\s+trực|Thường\s+vụ|Chấp\s+hành)", re.I)

