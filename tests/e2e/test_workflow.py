"""The officer's month, through the command line: init once, draft, edit, approve, build."""

import json
import sys

import docx
import pytest
from mutagen.id3 import ID3

from broadcast.config import load_settings
from tests.conftest import ROOT, SAMPLE, run_cli

INIT = ["init", "--commune", "Phúc Lộc", "--district", "huyện Ba Bể", "--province",
        "tỉnh Bắc Kạn", "--signer-name", "Nông Văn Nhượng", "--abbreviation",
        "PCCCR=phòng cháy, chữa cháy rừng", "--yes"]


@pytest.fixture
def office(tmp_path, monkeypatch, capsys):
    """A folder where `broadcast init` has been run."""
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(INIT, capsys)
    assert code == 0, err
    return tmp_path


def test_init_writes_a_config_every_command_reads(office, capsys):
    settings = load_settings(office / "broadcast.toml")
    assert settings.commune.full_name == "xã Phúc Lộc"
    assert settings.commune.district == "huyện Ba Bể"
    assert settings.signer.name == "Nông Văn Nhượng"
    assert settings.abbreviations == {"PCCCR": "phòng cháy, chữa cháy rừng"}
    code, out, _ = run_cli(["normalize", "Kiện toàn Ban Chỉ đạo PCCCR."], capsys)
    assert code == 0 and "phòng cháy, chữa cháy rừng" in out


def test_init_never_overwrites_without_force(office, capsys):
    before = (office / "broadcast.toml").read_text(encoding="utf-8")
    code, _, err = run_cli(INIT[:2] + ["Tân An", "--yes"], capsys)
    assert code == 2 and "Đã có tệp" in err and "--force" in err
    assert (office / "broadcast.toml").read_text(encoding="utf-8") == before
    code, _, _ = run_cli(INIT[:2] + ["Tân An", "--yes", "--force"], capsys)
    assert code == 0 and load_settings(office / "broadcast.toml").commune.name == "Tân An"


@pytest.mark.parametrize(("extra", "message"), [
    (["--speed", "3"], "Tốc độ '3'"), (["--engine", "festival"], "Bộ đọc 'festival'"),
    (["--profile", "khong-co"], "khong-co"), (["--intro", "khong-co.mp3"], "nhạc hiệu mở đầu"),
    (["--kind", "làng"], "Loại đơn vị"), (["--abbreviation", "HTX"], "sai dạng"),
])
def test_init_bad_values_are_one_line_and_nothing_written(tmp_path, monkeypatch, capsys, extra,
                                                          message):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(["init", "--commune", "Phúc Lộc", "--yes", *extra], capsys)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_init_asks_in_a_terminal(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(sys.executable, ["-m", "broadcast", "init"], cwd=str(tmp_path),
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TERM": "dumb"},
                          encoding="utf-8", timeout=30)
    child.expect("Loại đơn vị")
    child.sendline("làng")
    child.expect("không hợp lệ")
    child.expect("Loại đơn vị")
    child.sendline("thị trấn")
    child.expect("Tên xã")
    child.sendline("Đắk Mâm")
    child.expect(r"Huyện")
    child.sendline("huyện Krông Nô")
    child.expect("Tỉnh")
    child.sendline("tỉnh Đắk Nông")
    child.expect(r"Tên đài truyền thanh \[Đài truyền thanh thị trấn Đắk Mâm\]")
    child.sendline("")
    for _ in range(3):  # officer, signer authority, signer title: defaults
        child.expect(":")
        child.sendline("")
    child.expect("Họ tên lãnh đạo")
    child.sendline("Y Bli")
    for question in ("Bộ đọc", "Giọng đọc", "Hồ sơ âm thanh"):
        child.expect(question)
        child.sendline("")
    child.expect("Tốc độ")
    child.sendline("1,2")
    for question in ("nhạc hiệu mở đầu", "nhạc hiệu kết thúc", "nhạc nền"):
        child.expect(question)
        child.sendline("")
    child.expect("Từ viết tắt")
    child.sendline("HTX=hợp tác xã")
    child.expect("Tên riêng")
    child.sendline("Krông Nô=Crông Nô")
    child.expect("Đã tạo")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    settings = load_settings(tmp_path / "broadcast.toml")
    assert settings.commune.full_name == "thị trấn Đắk Mâm"
    assert settings.commune.district == "huyện Krông Nô" and settings.signer.name == "Y Bli"
    assert settings.commune.province == "tỉnh Đắk Nông"
    assert settings.build.speed == 1.2 and settings.abbreviations == {"HTX": "hợp tác xã"}
    assert settings.voice.respellings_for("espeak") == {"Krông Nô": "Crông Nô"}


def draft(office, capsys, *extra):
    code, out, err = run_cli(["draft", str(SAMPLE), "--date", "2025-04-07", *extra], capsys)
    assert code == 0, err
    return next((office / "audio_out" / "2025-04").glob("*.md"))


def test_draft_edit_approve_build(office, capsys):
    script = draft(office, capsys)
    text = script.read_text(encoding="utf-8")
    assert "status: draft" in text and "commune: xã Phúc Lộc" in text
    script.write_text(text.replace("Kính thưa bà con và các bạn,",
                                   "Kính thưa toàn thể bà con và các bạn,"), encoding="utf-8")

    code, _, err = run_cli(["build", str(script)], capsys)
    assert code == 2 and "chưa được phê duyệt" in err and "broadcast approve" in err
    assert not list(script.parent.glob("*.mp3"))

    code, _, err = run_cli(["build", str(script), "--draft"], capsys)
    assert code == 0, err
    drafted = next(script.parent.glob("*-DRAFT.mp3"))
    assert str(ID3(drafted)["TIT2"]).startswith("[DRAFT] BÀI TUYÊN TRUYỀN")
    assert "DRAFT" in str(ID3(drafted)["COMM::vie"])

    code, out, err = run_cli(["approve", str(script), "--date", "2025-04-08"], capsys)
    assert code == 0, err
    text = script.read_text(encoding="utf-8")
    assert "status: approved" in text and "approved_by: Nông Văn Nhượng" in text
    assert "approved_on: 2025-04-08" in text

    code, out, err = run_cli(["build", str(script)], capsys)
    assert code == 0, err
    mp3 = script.with_suffix(".mp3")
    manifest = json.loads(mp3.with_suffix(".json").read_text(encoding="utf-8"))
    assert manifest["approval"] == {"status": "approved", "by": "Nông Văn Nhượng",
                                    "on": "2025-04-08", "draft": False,
                                    "script_file": str(script)}
    assert manifest["segments"][1]["text"].startswith("Kính thưa toàn thể bà con")
    assert str(ID3(mp3)["TPE1"]) == "Đài truyền thanh xã Phúc Lộc"
    printed = mp3.with_suffix(".txt").read_text(encoding="utf-8")
    assert "Phê duyệt của lãnh đạo\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNông Văn Nhượng" in printed
    spoken = mp3.with_suffix(".spoken.txt").read_text(encoding="utf-8")
    assert "Phê duyệt" not in spoken and "Nông Văn Nhượng" not in spoken
    assert "Ghi chú" not in spoken and "phòng cháy, chữa cháy rừng" in spoken


def test_the_docx_holds_the_approval_block(office, capsys):
    script = draft(office, capsys)
    code, _, err = run_cli(["approve", str(script), "--by", "Lê Văn Tâm", "--date", "2025-04-08"],
                           capsys)
    assert code == 0, err
    document = docx.Document(str(script.with_suffix(".docx")))
    head = [cell.text for cell in document.tables[0].rows[0].cells]
    assert head == ["ỦY BAN NHÂN DÂN\nXÃ PHÚC LỘC",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"]
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Phúc Lộc, ngày 07 tháng 4 năm 2025"
    assert paragraphs[1].startswith("BÀI TUYÊN TRUYỀN VỀ")
    note, block = (cell.text for cell in document.tables[1].rows[0].cells)
    assert block.startswith("Phê duyệt của lãnh đạo\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    assert block.rstrip().endswith("Lê Văn Tâm") and "08/04/2025" in block
    assert note == "Ghi chú: (thực hiện phát trên đài truyền thanh và loa kéo đến các thôn)"
    assert document.sections[0].left_margin.cm == pytest.approx(3.0, abs=0.01)
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_an_edit_after_approval_needs_a_new_approval(office, capsys):
    script = draft(office, capsys)
    assert run_cli(["approve", str(script)], capsys)[0] == 0
    text = script.read_text(encoding="utf-8")
    script.write_text(text.replace("Kính thưa bà con", "Kính thưa nhân dân"), encoding="utf-8")
    code, _, err = run_cli(["build", str(script)], capsys)
    assert code == 2 and "đã bị sửa sau khi được phê duyệt" in err
    assert not list(script.parent.glob("*.mp3"))


def test_a_draft_is_never_overwritten_silently(office, capsys):
    script = draft(office, capsys)
    script.write_text(script.read_text(encoding="utf-8") + "\nĐoạn thêm.\n", encoding="utf-8")
    code, _, err = run_cli(["draft", str(SAMPLE), "--date", "2025-04-07"], capsys)
    assert code == 2 and "Đã có bài" in err
    assert script.read_text(encoding="utf-8").endswith("Đoạn thêm.\n")


def test_the_user_template_folder_in_the_config_wins(office, capsys):
    folder = office / "mau"
    folder.mkdir()
    (folder / "thong-bao-ket-luan.md.j2").write_text(
        '{% extends "_khung.md.j2" %}{% block greeting %}Alô alô, {{ commune.radio }} xin '
        "thông báo.{% endblock %}", encoding="utf-8")
    config = office / "broadcast.toml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        '# templates = "mau-rieng"', 'templates = "mau"'), encoding="utf-8")
    text = draft(office, capsys, "--items", "thu-tu").read_text(encoding="utf-8")
    assert "Alô alô, Đài truyền thanh xã Phúc Lộc xin thông báo." in text
    assert "Thứ nhất, UBND các xã, thị trấn kiện toàn" in text


def test_a_template_with_a_missing_variable_names_it(office, capsys):
    (office / "mau").mkdir()
    (office / "mau" / "thong-bao-ket-luan.md.j2").write_text(
        "# {{ directive.title }}\n\n{{ commune.chu_tich }}\n", encoding="utf-8")
    code, _, err = run_cli(["draft", str(SAMPLE), "--templates", "mau"], capsys)
    assert code == 2 and "thong-bao-ket-luan.md.j2" in err and "chu_tich" in err
    assert not (office / "audio_out").exists()
