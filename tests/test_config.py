import pytest

from broadcast.config import (
    ALL_ENGINES,
    Answers,
    Commune,
    Settings,
    Signer,
    config_text,
    load_settings,
)
from broadcast.errors import BroadcastError

GOOD = """
[voice]
engine = "piper"

[voice.piper]
voice = "vi_VN-vais1000-medium"
length_scale = 1.1

[voice.espeak]
voice = "vi-VN-x-south"
rate = 160

[respellings]
"Kon Rẫy" = "Con Rẫy"

[respellings.espeak]
"Đắk" = "Đắc"
"""


def write(tmp_path, text):
    path = tmp_path / "broadcast.toml"
    path.write_text(text, encoding="utf-8")
    return path


def with_files(tmp_path, *names):
    """The files and folders (a name ending with '/') a settings file names, made empty."""
    for name in names:
        target = tmp_path / name
        if name.endswith("/"):
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"")
    return tmp_path


def test_voice_settings_are_read(tmp_path):
    settings = load_settings(write(tmp_path, GOOD)).voice
    assert settings.engine == "piper"
    assert settings.voices == {"piper": "vi_VN-vais1000-medium", "espeak": "vi-VN-x-south"}
    assert settings.engines == {"piper": {"length_scale": 1.1}, "espeak": {"rate": 160}}
    assert settings.respellings[ALL_ENGINES] == {"Kon Rẫy": "Con Rẫy"}
    assert settings.respellings_for("espeak") == {"Kon Rẫy": "Con Rẫy", "Đắk": "Đắc"}
    assert settings.respellings_for("piper") == {"Kon Rẫy": "Con Rẫy"}


def test_the_file_in_the_current_folder_is_found(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()
    write(tmp_path, GOOD)
    assert load_settings().voice.engine == "piper"


@pytest.mark.parametrize(("text", "message"), [
    ('[voices]\nengine = "gtts"\n', "không có mục 'voices'"),
    ('[voice]\nengine = 3\n', "'voice.engine' phải là tên bộ đọc"),
    ('[voice]\nespeak = 3\n', r"'voice.espeak' phải là một mục \[voice.espeak\]"),
    ('[voice.piper]\nvoice = 1\n', "'voice.piper.voice'"),
    ('[respellings]\n"Kon" = 2\n', "'respellings.Kon' phải là cách đọc"),
    ('[respellings.espeak]\n"Kon" = ""\n', "'respellings.espeak.Kon'"),
    ('[voice\nengine = "x"\n', "sai cú pháp TOML"),
    ('[web]\npassword = 1234\n', "'web.password' phải là chữ trong ngoặc kép"),
    ('[web]\nport = "8000"\n', r"mục \[web\] không có khóa 'port'"),
])
def test_bad_values_name_the_key(tmp_path, text, message):
    with pytest.raises(BroadcastError, match=message):
        load_settings(write(tmp_path, text))


def test_the_page_password_is_a_setting_every_command_accepts(tmp_path):
    path = write(tmp_path, GOOD + '\n[web]\npassword = "mật khẩu"\n')
    assert load_settings(path).voice.engine == "piper"


def test_missing_file(tmp_path):
    with pytest.raises(BroadcastError, match="Không có tệp cấu hình"):
        load_settings(tmp_path / "khong-co.toml")


def test_the_readme_example_is_accepted_by_every_engine(tmp_path):
    from pathlib import Path

    from broadcast.tts import check_settings, engine_class

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    settings = load_settings(write(tmp_path, example)).voice
    assert settings.engine == "auto"
    assert set(settings.engines) == {"espeak", "piper", "gtts", "korva"}
    for name, values in settings.engines.items():
        check_settings(name, engine_class(name), values)
    assert settings.respellings_for("espeak")["Đắk Pxi"] == "Đắc Bờ-xi"


# ---------------------------------------------------------------- commune, signer, build

FULL = """
[commune]
kind = "phường"
name = "Tân An"
district = "thành phố Buôn Ma Thuột"
province = "tỉnh Đắk Lắk"
officer = "Y Bli"

[signer]
authority = "KT. CHỦ TỊCH"
title = "PHÓ CHỦ TỊCH"
name = "Lê Thị Hoa"

[build]
profile = "loa-keo"
speed = 1.1
items = "thu-tu"
intro = "nhac/mo-dau.mp3"
templates = "mau"
dialect = "nam"

[abbreviations]
"HTX" = "hợp tác xã"
"""


def test_commune_signer_build_and_abbreviations_are_read(tmp_path):
    settings = load_settings(write(with_files(tmp_path, "nhac/mo-dau.mp3", "mau/"), FULL))
    commune = settings.commune
    assert (commune.kind, commune.name, commune.district) == \
        ("phường", "Tân An", "thành phố Buôn Ma Thuột")
    assert commune.radio == "Đài truyền thanh phường Tân An" and commune.officer == "Y Bli"
    assert settings.signer == Signer("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hoa")
    build = settings.build
    assert (build.profile, build.speed, build.items, build.dialect) == \
        ("loa-keo", 1.1, "thu-tu", "nam")
    assert build.intro == tmp_path / "nhac" / "mo-dau.mp3" and build.templates == tmp_path / "mau"
    assert build.outro is None and build.note.startswith("thực hiện phát")
    assert settings.abbreviations == {"HTX": "hợp tác xã"}


def test_the_command_line_commune_wins(tmp_path):
    settings = load_settings(write(with_files(tmp_path, "nhac/mo-dau.mp3", "mau/"), FULL))
    assert settings.commune_for(None).full_name == "phường Tân An"
    other = settings.commune_for("Phúc Lộc")
    assert other.full_name == "xã Phúc Lộc" and other.radio == "Đài truyền thanh xã Phúc Lộc"
    assert other.district == "thành phố Buôn Ma Thuột"
    with pytest.raises(BroadcastError, match="broadcast init"):
        Settings().commune_for(None)


@pytest.mark.parametrize(("text", "message"), [
    ('[commune]\nname = "X"\nkind = "làng"\n', "'commune.kind' phải là một trong: 'xã'"),
    ('[commune]\nkind = "xã"\n', "'commune.name' phải là tên xã"),
    ('[commune]\nname = "X"\nhuyen = "Y"\n', r"\[commune\] không có khóa 'huyen'"),
    ('[signer]\nname = 3\n', "'signer.name' phải là chữ"),
    ('[build]\nspeed = 2\n', "'build.speed' phải là một số từ 0.8 đến 1.3"),
    ('[build]\nspeed = "1"\n', "'build.speed'"),
    ('[build]\nitems = "abc"\n', "'build.items' phải là \"so\""),
    ('[build]\ndialect = "trung"\n', "'build.dialect'"),
    ('[abbreviations]\n"HTX" = ""\n', "'abbreviations.HTX' phải là cách đọc"),
])
def test_bad_profile_values_name_the_key(tmp_path, text, message):
    with pytest.raises(BroadcastError, match=message):
        load_settings(write(tmp_path, text))


def test_init_text_reads_back(tmp_path):
    answers = Answers(commune=Commune("Phúc Lộc", district='huyện "Ba" Bể'),
                      signer=Signer(name="Nông Văn Nhượng"), engine="piper",
                      voice="vi_VN-vais1000-medium", speed=0.9, intro="nhac/mo dau.mp3",
                      abbreviations={"HTX": "hợp tác xã"}, respellings={"Kon Rẫy": "Con Rẫy"})
    settings = load_settings(write(with_files(tmp_path, "nhac/mo dau.mp3"), config_text(answers)))
    assert settings.commune.district == 'huyện "Ba" Bể'
    assert settings.signer.name == "Nông Văn Nhượng"
    assert settings.voice.engine == "piper"
    assert settings.voice.voices == {"piper": "vi_VN-vais1000-medium"}
    assert settings.build.speed == 0.9 and settings.build.intro == tmp_path / "nhac" / "mo dau.mp3"
    assert settings.abbreviations == {"HTX": "hợp tác xã"}
    assert settings.voice.respellings_for("espeak") == {"Kon Rẫy": "Con Rẫy"}


# ---------------------------------------------------------------- Windows files


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_a_file_saved_by_windows_editors_is_read(tmp_path, encoding):
    path = tmp_path / "broadcast.toml"
    path.write_bytes(GOOD.replace("\n", "\r\n").encode(encoding))
    settings = load_settings(path)
    assert settings.voice.engine == "piper"
    assert settings.voice.respellings_for("espeak")["Đắk"] == "Đắc"


def test_a_file_in_another_encoding_is_named_as_such(tmp_path):
    path = tmp_path / "broadcast.toml"
    path.write_bytes(b'[commune]\nname = "Ph\xfac L\xe9c"\n')  # ANSI, not Unicode
    with pytest.raises(BroadcastError, match="không phải văn bản UTF-8 hay UTF-16"):
        load_settings(path)


# ---------------------------------------------------------------- checked against what exists


@pytest.mark.parametrize(("text", "message"), [
    ('[voice]\nengine = "festival"\n', "'voice.engine' là 'festival'.*espeak, gtts, piper"),
    ('[voice.festival]\nvoice = "x"\n', r"\[voice.festival\] nói về bộ đọc 'festival'"),
    ('[respellings.festival]\n"A" = "B"\n', r"\[respellings.festival\]"),
    ('[voice.espeak]\nvoice = "klingon"\n', "'voice.espeak.voice'.*không có giọng 'klingon'"),
    ('[voice.espeak]\nspeed = 3\n', r"\[voice.espeak\].*không có thiết lập 'speed'"),
    ('[voice.piper]\nvoice = "klingon"\n', "'klingon' không phải tên giọng piper"),
    ('[voice.piper]\nvoice = "/khong/co/giong.onnx"\n', "không có tệp giọng piper"),
    ('[build]\ntemplates = "mau-khong-co"\n', "'build.templates'.*thư mục đó không có"),
    ('[build]\nintro = "nhac/khong-co.mp3"\n', "'build.intro'.*không có tệp đó"),
    ('[build]\nbed = "nen.mp3"\n', "'build.bed'"),
])
def test_settings_that_name_nothing_that_exists_are_refused(tmp_path, text, message):
    with pytest.raises(BroadcastError, match=message) as info:
        load_settings(write(tmp_path, text))
    assert "\n" not in str(info.value)


def test_a_gtts_voice_is_a_language_gtts_reads(tmp_path):
    pytest.importorskip("gtts")
    with pytest.raises(BroadcastError, match="'voice.gtts.voice'.*klingon"):
        load_settings(write(tmp_path, '[voice.gtts]\nvoice = "klingon"\n'))
    assert load_settings(write(tmp_path, '[voice.gtts]\nvoice = "vi"\n')).voice.voices == \
        {"gtts": "vi"}


def test_existing_folders_and_voices_are_accepted(tmp_path):
    with_files(tmp_path, "mau/", "nhac/nen.mp3", "giong/vi.onnx")
    text = ('[build]\ntemplates = "mau"\nbed = "nhac/nen.mp3"\n\n[voice]\nengine = "auto"\n\n'
            f'[voice.piper]\nvoice = "{(tmp_path / "giong" / "vi.onnx").as_posix()}"\n\n'
            '[voice.espeak]\nvoice = "vi-VN-x-central"\n')
    settings = load_settings(write(tmp_path, text))
    assert settings.build.templates == tmp_path / "mau"
    assert settings.voice.voices["espeak"] == "vi-VN-x-central"


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no FIFOs here")
def test_a_fifo_as_settings_file_is_refused(tmp_path):
    import os

    fifo = tmp_path / "ong.toml"
    os.mkfifo(fifo)
    from broadcast.config import read_toml

    with pytest.raises(BroadcastError, match="không phải tệp thường"):
        read_toml(fifo, "tệp cấu hình")
