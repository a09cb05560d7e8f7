"""gtts on the wire: the same requests gTTS itself sends, certificates from the system's trust
store, and a named error for every bad answer. All against the local fake (127.0.0.1)."""

import shutil
import subprocess
import sys
import unicodedata

import gtts.tts
import pytest
import requests
from gtts import gTTS

from broadcast.errors import BroadcastError
from broadcast.tts import auto, get_engine
from broadcast.tts import gtts_engine as engine_module
from broadcast.tts.batch import synthesize_all
from broadcast.tts.chunks import split_requests
from broadcast.tts.gtts_engine import (
    CertificateError,
    EmptyAnswer,
    ErrorEnvelope,
    MalformedAudio,
    UnknownAnswer,
)
from tests.conftest import FIXTURES, decode, run_cli
from tests.fakes import FakeGoogle, audio_answer

TEXTS = [
    "Xin chào bà con.",
    "Kính thưa bà con nhân dân xã Phúc Lộc!",
    "Ủy ban nhân dân xã thông báo: từ ngày mai, trạm y tế tổ chức tiêm phòng.",
    'Khẩu hiệu "Chủ nhật xanh" được hưởng ứng.',
    "Câu có dấu nháy đơn: 'tết' và ‘xuân’, cả «ngoặc kép» nữa.",
    "Đường dẫn C:\\Thư mục\\tệp và hai gạch \\\\ liền.",
    "Giá & thuế = tổng + phí; giảm 50% cho hộ nghèo.",
    "Dấu cộng + dấu bằng = và dấu phần trăm % cạnh nhau: 100%+5%=105%.",
    "Cột một\tcột hai\tcột ba.",
    "Dòng một\ndòng hai\r\ndòng ba.",
    "Chúc mừng năm mới 🎉 an khang 🧧 thịnh vượng!",
    "Ngoặc (tròn) [vuông] {nhọn} <nhỏ hơn> và dấu #, @, ~, ^, `, |.",
    "Số 0912 345 678; mã 70000; ngày 04/7/2024.",
    "ASCII only, plain English text for the Vietnamese voice.",
    "Dấu chấm lửng… rồi gạch ngang – rồi gạch dài — hết.",
    unicodedata.normalize("NFD", "Tiếng Việt tổ hợp: Hà Nội, Quảng Ngãi."),  # sent as it is
    "Chữ hoa TOÀN BỘ: ỦY BAN NHÂN DÂN XÃ.",
    "Gặp Dr. Nam lúc 8 giờ. Hỏi? Đáp! Ông M. Hà, Esq. Tú",  # gTTS's English pre-processors off
    "a",
    "Ủy ban nhân dân huyện yêu cầu các xã, thị trấn tăng cường công tác tuyên truyền, vận động "
    "nhân dân chủ động phòng, chống dịch bệnh trên đàn gia súc, gia cầm.",
    "Đề nghị các cơ quan đơn vị trên địa bàn huyện triển khai thực hiện nghiêm túc kế hoạch "
    "giải pháp khắc phục những hạn chế của Chỉ số cải cách hành chính năm hai nghìn không trăm",
    "Một câu rất dài\tcó tab\nvà xuống dòng, để xem cách cắt của bộ chia nhỏ khi văn bản dài "
    "quá một trăm ký tự 🎉 & = + % \\ \"hết\".",
]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _gtts_wire(fake, text, monkeypatch):
    """What gTTS itself sends (its stream(), pointed at the fake) and the audio it gets. The
    engine cuts with split_requests after making whitespace single spaces; gTTS is given the
    same cutting, all else is gTTS's own."""
    monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": fake.url)
    tts = gTTS(text, lang="vi", lang_check=False, pre_processor_funcs=[_squash],
               tokenizer_func=split_requests)
    return b"".join(tts.stream())


@pytest.fixture
def no_proxy(monkeypatch):
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY",
                 "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("no_proxy")
def test_requests_on_the_wire_are_the_ones_gtts_sends(monkeypatch):
    assert len(TEXTS) >= 20
    with FakeGoogle() as fake:
        engine = get_engine("gtts", endpoint=fake.url)
        for text in TEXTS:
            fake.wire.clear()
            engine.synthesize(text)
            ours = list(fake.wire)
            fake.wire.clear()
            audio = _gtts_wire(fake, text, monkeypatch)
            theirs = list(fake.wire)
            assert ours == theirs, text
            assert len(ours) == len(split_requests(text)) >= 1
            assert len(decode(audio)) > 0  # gTTS's own reader gets audio from the fake
    headers = dict(ours[0].headers)
    assert headers["User-Agent"] == gTTS.GOOGLE_TTS_HEADERS["User-Agent"]
    assert "broadcast" not in headers["User-Agent"]
    assert "Accept" not in headers and headers.get("Accept-Encoding") == "identity"
    assert "Cookie" not in headers and "Connection" not in headers


@pytest.mark.usefixtures("no_proxy")
def test_a_plain_text_is_sent_as_gtts_sends_it_with_its_own_defaults(monkeypatch):
    """No cutting involved: gTTS with nothing but the language set (no pre-processing, since
    the speech stage already made the text spoken Vietnamese)."""
    text = TEXTS[3]
    with FakeGoogle() as fake:
        get_engine("gtts", endpoint=fake.url).synthesize(text, "vi-VN")
        ours = list(fake.wire)
        fake.wire.clear()
        monkeypatch.setattr(gtts.tts, "_translate_url", lambda tld="com", path="": fake.url)
        b"".join(gTTS(text, lang="vi", lang_check=False, pre_processor_funcs=[]).stream())
        assert ours == fake.wire
        assert fake.langs == ["vi", "vi"]


def test_the_body_is_gtts_own():
    for text in [text for text in TEXTS if len(text) <= 100]:
        expected = gTTS(text, lang="vi", lang_check=False, pre_processor_funcs=[]).get_bodies()
        assert [engine_module.body(text, "vi")] == expected


@pytest.mark.parametrize(("voice", "sent"), [
    ("vi", "vi"), ("VI", "vi"), ("vi-VN", "vi"), ("vi_VN", "vi"), (" vi ", "vi"),
    ("en-US", "en"), ("zh_tw", "zh-TW"), ("zh-CN", "zh-CN"), ("fr-CA", "fr-CA"),
    ("fr-FR", "fr"), ("es-419", "es"),
])
def test_the_voice_is_a_language_gtts_knows(voice, sent):
    assert engine_module.language(voice) == sent


@pytest.mark.parametrize("voice", ["vn", "vi_VN-25hours_single-low", "vi-VN-x-south", "xx-VN",
                                   "vi-VNM", "tiếng Việt"])
def test_an_unknown_voice_is_refused_before_any_request(voice):
    with FakeGoogle() as fake:
        engine = get_engine("gtts", endpoint=fake.url)
        with pytest.raises(BroadcastError, match="--voice vi") as caught:
            engine.synthesize("Xin chào bà con.", voice)
        assert f"'{voice}'" in caught.value.message
        with pytest.raises(BroadcastError):
            engine.load(voice)
    assert fake.requests == [] and fake.connections == 0


def _envelope(text: str) -> bytes:
    return b')]}\'\n\n104\n[["wrb.fr","jQ1olc",null,null,null,[3],"generic"],["di",32]]\n'


def _fake_b64(text: str) -> bytes:
    return b')]}\'\n\n9\n[["wrb.fr","jQ1olc","[\\"!!not*base64\\"]",null,null,null,"generic"]]\n'


@pytest.mark.parametrize(("answer", "error", "words"), [
    (lambda text: b"", EmptyAnswer, "rỗng"),
    (lambda text: b"  \n ", EmptyAnswer, "rỗng"),
    (_fake_b64, MalformedAudio, "bị hỏng"),
    (lambda text: audio_answer(b"hello, not an mp3"), MalformedAudio, "bị hỏng"),
    (lambda text: audio_answer(b""), MalformedAudio, "bị hỏng"),
    (_envelope, ErrorEnvelope, "[3]"),
    (lambda text: b"<html>Our systems have detected unusual traffic</html>", UnknownAnswer,
     "pip install -U gtts"),
])
def test_every_bad_answer_is_a_named_error_for_the_piece(answer, error, words):
    with FakeGoogle(answer=answer) as fake:
        engine = get_engine("gtts", endpoint=fake.url, backoff=0.01)
        with pytest.raises(error) as caught:
            engine.synthesize("Xin chào bà con Phúc Lộc.")
        with pytest.raises(BroadcastError, match=r"^Đoạn thứ 1/1: gTTS: .*Xin chào bà con"):
            synthesize_all(engine, ["Xin chào bà con Phúc Lộc."], None, None)
    message = caught.value.message
    assert words in message and "'Xin chào bà con Phúc Lộc.'" in message
    assert "\n" not in message
    assert len(fake.requests) == 2  # one each: a bad answer is not retried


@pytest.mark.parametrize(("audio", "ok"), [
    (b"ID3\x04\x00rest", True), (b"\xff\xfb\x90\x00", True), (b"\xff\xf3\x44", True),
    (b"\xff\xe2", True), (b"\xff\xd0", False), (b"\xfe\xfb", False), (b"\xff", False),
    (b"ID", False), (b"", False), (b"OggS", False),
])
def test_what_counts_as_mp3(audio, ok):
    assert engine_module._mp3(audio) is ok


def test_a_text_with_nothing_to_say_sends_nothing():
    with FakeGoogle() as fake:
        engine = get_engine("gtts", endpoint=fake.url)
        with pytest.raises(BroadcastError, match="không có chữ nào"):
            engine.synthesize("… – !")
        audio = engine.synthesize("Hết … ")
    assert fake.requests == ["Hết …"]
    assert len(decode(audio.data)) > 0


# --- certificates -------------------------------------------------------------------------


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A test CA and a certificate for 127.0.0.1 signed by it (a stand-in for the CA an
    inspecting proxy or antivirus puts in the system's trust store)."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    ca, ca_key = folder / "ca.pem", folder / "ca.key"
    cert, key, csr = folder / "server.pem", folder / "server.key", folder / "server.csr"
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out",
             str(ca), "-days", "2", "-subj", "/CN=Broadcast Test CA",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign")
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr),
             "-subj", "/CN=127.0.0.1")
    extensions = folder / "ext.cnf"
    extensions.write_text("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                          "keyUsage=critical,digitalSignature,keyEncipherment\n"
                          "extendedKeyUsage=serverAuth\nauthorityKeyIdentifier=keyid\n",
                          encoding="utf-8")
    _openssl("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key),
             "-CAcreateserial", "-out", str(cert), "-days", "2", "-extfile", str(extensions))
    return ca, cert, key


@pytest.fixture
def clean_trust(monkeypatch):
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("no_proxy", "clean_trust")
def test_a_certificate_that_cannot_be_checked_is_not_retried(certificates):
    ca, cert, key = certificates
    with FakeGoogle(tls=(cert, key)) as fake:
        engine = get_engine("gtts", endpoint=fake.url, backoff=5.0, retries=6)
        with pytest.raises(CertificateError) as caught:
            engine.synthesize("Xin chào bà con.")
    message = caught.value.message
    assert "chứng chỉ" in message and "proxy" in message and "virus" in message
    assert "--engine espeak" in message and "piper" in message and "\n" not in message
    assert fake.connections == 1 and fake.requests == []


@pytest.mark.usefixtures("no_proxy", "clean_trust")
def test_the_system_trust_store_is_used_not_only_certifi(certificates, monkeypatch):
    """OpenSSL's system store is where SSL_CERT_FILE points on Linux (on Windows and macOS,
    truststore asks the system itself): the test CA there is trusted by the engine, while
    requests with its certifi bundle refuses the same server."""
    ca, cert, key = certificates
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    with FakeGoogle(tls=(cert, key)) as fake:
        with pytest.raises(requests.exceptions.SSLError):
            requests.post(fake.url, data="f.req=x", timeout=5)
        audio = get_engine("gtts", endpoint=fake.url).synthesize("Xin chào bà con.")
        assert get_engine("gtts", endpoint=fake.url).probe()
    assert len(decode(audio.data)) > 0
    assert fake.requests == ["Xin chào bà con.", "xin chào"]


@pytest.mark.usefixtures("no_proxy", "clean_trust")
def test_without_truststore_certifi_checks_the_certificate(certificates, monkeypatch):
    ca, cert, key = certificates
    monkeypatch.setenv("SSL_CERT_FILE", str(ca))
    monkeypatch.setitem(sys.modules, "truststore", None)  # import truststore fails
    assert engine_module.trust_store_context() is None
    with FakeGoogle(tls=(cert, key)) as fake:
        with pytest.raises(CertificateError):
            get_engine("gtts", endpoint=fake.url).synthesize("Xin chào bà con.")
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(ca))  # certifi's place, named by the user
        audio = get_engine("gtts", endpoint=fake.url).synthesize("Xin chào bà con.")
    assert len(decode(audio.data)) > 0


@pytest.mark.usefixtures("no_proxy", "clean_trust")
def test_auto_falls_back_at_once_when_the_certificate_cannot_be_checked(certificates,
                                                                         monkeypatch):
    ca, cert, key = certificates
    with FakeGoogle(tls=(cert, key)) as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url)
        choice = auto.choose()
    assert choice.engine in ("espeak", "piper")
    assert "chứng chỉ" in choice.reason
    assert fake.connections == 1


def _build(tmp_path, capsys, *extra):
    return run_cli(["build", str(FIXTURES / "cong-van-nho.txt"), "--commune", "Phúc Lộc",
                    "--engine", "gtts", "--out", str(tmp_path / "out"), *extra], capsys)


@pytest.mark.usefixtures("no_proxy", "clean_trust")
def test_a_build_stops_at_once_on_a_certificate_it_cannot_check(certificates, tmp_path, capsys,
                                                                  monkeypatch):
    ca, cert, key = certificates
    with FakeGoogle(tls=(cert, key)) as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url)
        code, _, err = _build(tmp_path, capsys)
    assert code == 2
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("Lỗi:")]
    assert len(errors) == 1 and "chứng chỉ" in errors[0] and "--engine espeak" in errors[0]
    # at most one try for each of the 8 segments (a few start while the first fails); retried,
    # every segment would be tried 6 times
    assert 1 <= fake.connections <= 8
    assert not list((tmp_path / "out").rglob("*.mp3"))


@pytest.mark.usefixtures("no_proxy")
def test_a_voice_gtts_does_not_know_stops_the_build_before_any_request(tmp_path, capsys,
                                                                        monkeypatch):
    with FakeGoogle() as fake:
        monkeypatch.setenv("BROADCAST_GTTS_URL", fake.url)
        code, _, err = _build(tmp_path, capsys, "--voice", "vi-VN-x-south")
        assert code == 2 and "--voice vi" in err and "Traceback" not in err
        assert fake.requests == []
        code, _, err = _build(tmp_path, capsys, "--voice", "vi-VN")
    assert code == 0, err
    assert fake.requests and set(fake.langs) == {"vi"}
