import pytest

from broadcast.config import ALL_ENGINES, Settings, load_settings
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
])
def test_bad_values_name_the_key(tmp_path, text, message):
    with pytest.raises(BroadcastError, match=message):
        load_settings(write(tmp_path, text))


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
    assert set(settings.engines) == {"espeak", "piper", "gtts"}
    for name, values in settings.engines.items():
        check_settings(name, engine_class(name), values)
    assert settings.respellings_for("espeak")["Đắk Pxi"] == "Đắc Bờ-xi"
