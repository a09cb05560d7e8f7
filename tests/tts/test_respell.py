import pytest

from broadcast.tts.respell import respell

TABLE = {"Kon Rẫy": "Con Rẫy", "Kon": "Con", "HTX": "hợp tác xã", "Đắk Pxi": "Đắc Bờ-xi"}


@pytest.mark.parametrize(("text", "expected"), [
    ("huyện Kon Rẫy", "huyện Con Rẫy"),
    ("KON RẪY và kon rẫy", "Con Rẫy và Con Rẫy"),      # any case
    ("huyện Kon  Rẫy", "huyện Con Rẫy"),               # spaces inside the phrase
    ("tỉnh Kon Tum", "tỉnh Con Tum"),                  # the shorter entry where the longer fails
    ("Konplông", "Konplông"),                          # whole words only
    ("xã Đắk Pxi, huyện", "xã Đắc Bờ-xi, huyện"),
    ("các HTX.", "các hợp tác xã."),
    ("không có gì", "không có gì"),
])
def test_respell(text, expected):
    assert respell(text, TABLE) == expected


def test_empty_table_changes_nothing():
    assert respell("Kon Rẫy", {}) == "Kon Rẫy"
