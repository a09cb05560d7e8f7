import pytest

from broadcast import wizard
from broadcast.errors import BroadcastError


def test_options_and_defaults_without_questions(tmp_path):
    values = wizard.collect({"commune": "Phúc Lộc", "speed": "1,1"}, None,
                            {"speed": wizard.check_speed, "commune": wizard.check_commune})
    assert values["commune"] == "Phúc Lộc" and values["kind"] == "xã" and values["speed"] == 1.1
    assert values["radio"] == "Đài truyền thanh xã Phúc Lộc"
    assert values["signer_title"] == "CHỦ TỊCH" and values["engine"] == "auto"


def test_the_kind_may_come_with_the_name():
    values = wizard.collect({"commune": "phường Tân An"}, None, {"kind": wizard.check_kind})
    assert (values["kind"], values["commune"]) == ("phường", "Tân An")
    assert values["radio"] == "Đài truyền thanh phường Tân An"


def test_a_missing_commune_without_a_terminal_is_named():
    with pytest.raises(BroadcastError, match="Thiếu --commune"):
        wizard.collect({}, None, {})


def test_a_bad_option_is_an_error_not_a_question():
    with pytest.raises(BroadcastError, match="Loại đơn vị 'làng'"):
        wizard.collect({"commune": "A", "kind": "làng"}, None, {"kind": wizard.check_kind})


def test_a_bad_answer_is_told_and_asked_again():
    script = {"Loại": ["làng", "phường"], "Tên": ["Tân An"], "Tốc độ": ["3", "0.9"]}
    asked, told = [], []

    def ask(question, default):
        asked.append(question)
        for start, answers in script.items():
            if question.startswith(start) and answers:
                return answers.pop(0)
        return default

    values = wizard.collect({}, ask, {"kind": wizard.check_kind, "speed": wizard.check_speed},
                            tell=told.append)
    assert values["kind"] == "phường" and values["commune"] == "Tân An" and values["speed"] == 0.9
    assert values["radio"] == "Đài truyền thanh phường Tân An"
    assert len(told) == 2 and "làng" in told[0] and "0.8 đến 1.3" in told[1]
    assert len(asked) == len(wizard.QUESTIONS) + 2


@pytest.mark.parametrize(("text", "expected"), [
    ("HTX=hợp tác xã; ANTT = an ninh trật tự", {"HTX": "hợp tác xã", "ANTT": "an ninh trật tự"}),
    ("", {}), ("Kon  Rẫy=Con Rẫy;", {"Kon Rẫy": "Con Rẫy"}),
])
def test_pairs(text, expected):
    assert wizard.pairs(text) == expected


@pytest.mark.parametrize("bad", ["HTX", "=x", "HTX="])
def test_bad_pairs(bad):
    with pytest.raises(BroadcastError, match="sai dạng"):
        wizard.pairs(bad)
