import pytest

from broadcast.audio import ffmpeg, music
from broadcast.errors import BroadcastError
from tests.conftest import segment_samples


@pytest.mark.parametrize(("suffix", "codec"), [(".mp3", "libmp3lame"), (".wav", "pcm_s16le"),
                                                (".m4a", "aac"), (".ogg", "libvorbis")])
def test_user_music_in_common_formats(tmp_path, suffix, codec):
    path = tmp_path / f"nhac{suffix}"
    ffmpeg.run(["-f", "lavfi", "-i", "sine=frequency=440:duration=1.5", "-ac", "2",
                "-codec:a", codec, "-y", str(path)])
    audio = music.load(path, "nhạc hiệu mở đầu")
    assert audio.channels == 1 and audio.frame_rate == 44100
    assert len(audio) == pytest.approx(1500, abs=60)
    assert segment_samples(audio).std() > 0.05


def test_missing_file_is_named(tmp_path):
    with pytest.raises(BroadcastError, match=r"Không tìm thấy tệp nhạc nền '.*khong-co\.mp3'"):
        music.load(tmp_path / "khong-co.mp3", "nhạc nền")


def test_garbage_file_is_named(tmp_path):
    bad = tmp_path / "hong.ogg"
    bad.write_bytes(b"\x00garbage" * 50)
    with pytest.raises(BroadcastError, match=r"Không đọc được tệp nhạc hiệu kết thúc '.*hong"):
        music.load(bad, "nhạc hiệu kết thúc")


def test_silent_file_is_refused(tmp_path):
    path = tmp_path / "lang.wav"
    ffmpeg.run(["-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono", "-t", "1", "-y", str(path)])
    with pytest.raises(BroadcastError, match="không có âm thanh"):
        music.load(path, "nhạc nền")
