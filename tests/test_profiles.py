import pytest

from broadcast import profiles
from broadcast.errors import BroadcastError


@pytest.fixture
def user_dir(tmp_path, monkeypatch):
    folder = tmp_path / "profiles"
    folder.mkdir()
    monkeypatch.setenv(profiles.ENV_DIR, str(folder))
    return folder


def test_builtin_profiles_hold_the_documented_values():
    radio, cart = profiles.load("dai-truyen-thanh"), profiles.load("loa-keo")
    assert radio.mastering.loudness == -16.0 and radio.mastering.true_peak == -1.0
    assert radio.encoding.bitrate == 128 and radio.encoding.sample_rate == 44100
    assert radio.mastering.highpass == 0 and not radio.mastering.compress
    assert 150 <= cart.mastering.highpass <= 200 and cart.mastering.lowpass == 7000
    assert cart.mastering.compress and cart.mastering.loudness > radio.mastering.loudness
    assert cart.encoding.bitrate == 64 and cart.program.repeat >= 2
    assert cart.program.repeat_gap > 0


def test_loa_keo_inherits_what_it_does_not_set():
    radio, cart = profiles.load("dai-truyen-thanh"), profiles.load("loa-keo")
    assert cart.bed == radio.bed
    assert cart.pauses.title == radio.pauses.title
    assert cart.pauses.sentence > radio.pauses.sentence


def test_default_is_the_radio_profile():
    assert profiles.load(None).name == "dai-truyen-thanh"


def test_user_file_of_the_same_name_overrides_only_its_keys(user_dir):
    (user_dir / "loa-keo.toml").write_text("[program]\nrepeat = 3\n", encoding="utf-8")
    cart = profiles.load("loa-keo")
    assert cart.program.repeat == 3
    assert cart.mastering.highpass == 180 and cart.encoding.bitrate == 64
    assert cart.path == str(user_dir / "loa-keo.toml")
    assert profiles.available()["loa-keo"] == user_dir / "loa-keo.toml"


def test_new_user_profile_with_a_base(user_dir):
    (user_dir / "cho-phien.toml").write_text(
        'base = "loa-keo"\ndescription = "Chợ phiên"\nspeed = 0.9\n[mastering]\nloudness = -12\n',
        encoding="utf-8")
    market = profiles.load("cho-phien")
    assert market.name == "cho-phien" and market.description == "Chợ phiên"
    assert market.speed == 0.9 and market.mastering.loudness == -12
    assert market.mastering.lowpass == 7000
    assert "cho-phien" in profiles.available()


def test_profile_by_path(tmp_path):
    path = tmp_path / "rieng.toml"
    path.write_text("[pauses]\nsentence = 500\n", encoding="utf-8")
    own = profiles.load(str(path))
    assert own.pauses.sentence == 500 and own.pauses.title == 1200


@pytest.mark.parametrize(("text", "message"), [
    ("[mastering]\nloudness = -50\n", r"'mastering.loudness' = -50 nằm ngoài khoảng -30 đến -6"),
    ("[mastering]\nloudness = \"to\"\n", r"'mastering.loudness' phải là số"),
    ("[program]\nrepeat = 1.5\n", r"'program.repeat' phải là số nguyên"),
    ("[mastering]\ncompress = 1\n", r"'mastering.compress' phải là true hoặc false"),
    ("[bed]\nduck = 6\n", r"'bed.duck' = 6 nằm ngoài khoảng 15 đến 60"),
    ("[pauses]\nsentense = 300\n", r"không có khóa 'pauses.sentense'"),
    ("speed = 2\n", r"'speed' = 2 nằm ngoài khoảng 0.8 đến 1.3"),
    ("[encoding]\nbitrate = 100\n", r"'encoding.bitrate' phải là một trong"),
    ("[mastering]\nhighpass = 500\nlowpass = 300\n", r"'mastering.lowpass' phải lớn hơn"),
    ("pauses = 3\n", r"'pauses' phải là một bảng"),
    ("[pauses\n", r"sai cú pháp TOML"),
    ('base = "khong-co"\n', r"Không có hồ sơ âm thanh 'khong-co'"),
])
def test_bad_values_name_the_key(user_dir, text, message):
    (user_dir / "xau.toml").write_text(text, encoding="utf-8")
    with pytest.raises(BroadcastError, match=message):
        profiles.load("xau")


def test_base_cycle_is_reported(user_dir):
    (user_dir / "a.toml").write_text('base = "b"\n', encoding="utf-8")
    (user_dir / "b.toml").write_text('base = "a"\n', encoding="utf-8")
    with pytest.raises(BroadcastError, match="vòng lặp"):
        profiles.load("a")


def test_unknown_name_lists_the_profiles():
    with pytest.raises(BroadcastError, match="dai-truyen-thanh, loa-keo"):
        profiles.load("khong-co")


def test_speed_and_repeat_overrides():
    cart = profiles.load("loa-keo").with_speed(1.2).with_repeat(4)
    assert cart.speed == 1.2 and cart.program.repeat == 4
    with pytest.raises(BroadcastError, match="0.8"):
        cart.with_speed(1.5)
    with pytest.raises(BroadcastError, match="1 đến 20"):
        cart.with_repeat(0)
