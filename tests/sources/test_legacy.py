"""Legacy encodings, with text written as it looks when typed in .VnTime (TCVN3) or VNI fonts."""

import pytest

from broadcast import sources
from broadcast.sources import legacy

TCVN3_TEXT = "Th«ng b¸o kÕt luËn cña Chñ tÞch UBND huyÖn vÒ c¶i c¸ch hµnh chÝnh"
VNI_TEXT = ("Thoâng baùo keát luaän cuûa Chuû tòch UBND huyeän veà caûi caùch haønh chính. "
            "Ñoàng chí ñaõ chuû trì. Ngöôøi daân")
UNICODE = "Thông báo kết luận của Chủ tịch UBND huyện về cải cách hành chính"


@pytest.mark.parametrize(("text", "encoding"), [
    (TCVN3_TEXT, "tcvn3"), (VNI_TEXT, "vni"), (UNICODE, None),
    ("Café crème à la française, déjà vu", None), ("Plain ASCII notice", None),
])
def test_detect(text, encoding):
    assert legacy.detect(text) == encoding


def test_tcvn3_to_unicode():
    assert legacy.to_unicode(TCVN3_TEXT, "tcvn3") == UNICODE
    assert legacy.to_unicode("§ång chÝ Tr­ëng ban", "tcvn3") == "Đồng chí Trưởng ban"


def test_vni_to_unicode():
    assert legacy.to_unicode(VNI_TEXT, "vni") == (
        UNICODE + ". Đồng chí đã chủ trì. Người dân")
    assert legacy.to_unicode("AÊN, aên, Ñaëc bieät, Quyù I, ÑOÀNG CHÍ", "vni") == (
        "ĂN, ăn, Đặc biệt, Quý I, ĐỒNG CHÍ")


@pytest.mark.parametrize(("raw", "expected"), [
    (TCVN3_TEXT.encode("cp1252"), UNICODE),
    (VNI_TEXT.encode("cp1252"), UNICODE + ". Đồng chí đã chủ trì. Người dân"),
    (TCVN3_TEXT.encode("utf-8"), UNICODE),
])
def test_reader_converts_legacy_files(tmp_path, raw, expected):
    path = tmp_path / "cu.txt"
    path.write_bytes(raw)
    assert sources.read(path).text == expected
