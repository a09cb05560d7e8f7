"""The approval seal: an HMAC over the spoken text and every approval field, with a per-user
key. Every tampering with an approved script is refused in one line that says what changed and
how to approve again; a script whose front matter is broken is never read as a directive."""

import datetime as dt
import hashlib
import os
import stat

import pytest

from broadcast import seal
from broadcast.errors import BroadcastError
from broadcast.pipeline import BuildOptions, prepare
from broadcast.script import (
    approve,
    body_text,
    check_approved,
    from_markdown,
    is_script_file,
    to_markdown,
)
from tests.test_script import drafted

ON = dt.date(2025, 9, 6)


@pytest.fixture(autouse=True)
def _own_key(tmp_path, monkeypatch):
    monkeypatch.setenv("BROADCAST_CONFIG", str(tmp_path / "config"))


def approved_text() -> str:
    return to_markdown(approve(drafted(), "Nông Văn Nhượng", ON))


def refused(text: str, tmp_path) -> str:
    """The one-line message a build gives for the script file ``text``."""
    path = tmp_path / "bai.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BroadcastError) as caught:
        prepare(path, BuildOptions())
    message = caught.value.message
    assert "\n" not in message and "broadcast approve" in message
    return message


def test_an_approved_script_builds(tmp_path):
    path = tmp_path / "bai.md"
    path.write_text(approved_text(), encoding="utf-8")
    script, segments = prepare(path, BuildOptions())
    assert script.approval.by == "Nông Văn Nhượng" and segments


def test_the_key_is_made_on_first_use_readable_only_by_the_user(tmp_path):
    assert not seal.key_path().exists()
    approved_text()
    path = seal.key_path()
    assert path.parent == tmp_path / "config" and path.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert seal.key() == seal.key()  # made once, then read


def _recomputed_hash(text: str) -> str:
    """The body edited and its old-style SHA-256 hash recomputed by hand."""
    edited = text.replace("Trạm Y tế xã phối hợp", "Trạm Y tế xã chủ trì")
    script = from_markdown(edited, "bai.md")
    digest = hashlib.sha256(" ".join(body_text(script).split()).encode()).hexdigest()[:16]
    start = edited.index("approved_hash: ") + len("approved_hash: ")
    end = edited.index("\n", start)
    return edited[:start] + digest + edited[end:]


@pytest.mark.parametrize(("tamper", "said"), [
    (lambda t: t.replace("Trạm Y tế xã phối hợp", "Trạm Y tế xã chủ trì"), "lời đọc"),
    (_recomputed_hash, "lời đọc"),
    (lambda t: t.replace("approved_by: Nông Văn Nhượng", "approved_by: Lê Văn Tâm"),
     "người duyệt"),
    (lambda t: t.replace("approved_on: 2025-09-06", "approved_on: 2025-09-01"), "ngày duyệt"),
    (lambda t: t.replace("note: thực hiện phát", "note: chỉ phát"), "ghi chú"),
    (lambda t: t.replace("signer_title: CHỦ TỊCH", "signer_title: PHÓ CHỦ TỊCH"),
     "chức danh"),
    (lambda t: t.replace("date: 2025-09-05", "date: 2025-09-20"), "ngày phát"),
    (lambda t: t.replace("commune: xã Phúc Lộc", "commune: xã Tân An"), "xã (commune)"),
    (lambda t: t.replace("short_title: ", "short_title: Tin mới về "), "tên ngắn"),
])
def test_every_change_after_approval_is_refused_and_named(tmp_path, tamper, said):
    text = approved_text()
    changed = tamper(text)
    assert changed != text
    message = refused(changed, tmp_path)
    assert "đã bị sửa sau khi được phê duyệt" in message or "không khớp" in message
    if tamper is not _recomputed_hash:
        assert said in message


def test_a_hand_written_approval_is_refused(tmp_path):
    draft = to_markdown(drafted())
    forged = draft.replace("status: draft", "status: approved").replace(
        "approved_by: ", "approved_by: Người Tự Ghi").replace("approved_on: ",
                                                              "approved_on: 2025-09-06")
    assert "không có dấu phê duyệt" in refused(forged, tmp_path)
    made_up = forged.replace("approved_hash: ", "approved_hash: 0123456789abcdef")
    assert "không khớp" in refused(made_up, tmp_path)


def test_a_seal_from_another_installation_is_refused(tmp_path, monkeypatch):
    text = approved_text()
    monkeypatch.setenv("BROADCAST_CONFIG", str(tmp_path / "other-computer"))
    message = refused(text, tmp_path)
    assert "máy khác" in message
    with pytest.raises(BroadcastError):
        check_approved(from_markdown(text, "bai.md"))


def test_a_script_with_its_status_line_deleted_is_not_read_as_a_directive(tmp_path):
    text = approved_text().replace("status: approved\n", "")
    assert is_script_file(text)
    assert "'status'" in refused(text, tmp_path)


@pytest.mark.parametrize("broken", [
    lambda t: t.replace("\n---\n\n", "\n--\n\n", 1),  # the closing line
    lambda t: t[4:],  # the opening line
])
def test_a_script_with_a_broken_front_matter_is_never_spoken(tmp_path, broken):
    text = broken(approved_text())
    assert is_script_file(text)
    message = refused(text, tmp_path)
    assert "phần đầu" in message
    with pytest.raises(BroadcastError):  # not even as a draft
        path = tmp_path / "bai.md"
        prepare(path, BuildOptions(draft=True))


def test_an_unchanged_approval_survives_reflowed_lines(tmp_path):
    text = approved_text().replace("Trạm Y tế xã phối hợp", "Trạm Y tế xã\nphối hợp")
    path = tmp_path / "bai.md"
    path.write_text(text, encoding="utf-8")
    prepare(path, BuildOptions())


def test_an_altered_approved_script_built_as_a_draft_is_marked_draft(tmp_path):
    from broadcast.pipeline import is_draft

    path = tmp_path / "bai.md"
    options = BuildOptions(draft=True)
    path.write_text(approved_text(), encoding="utf-8")
    assert not is_draft(prepare(path, options)[0], options)  # approved: no DRAFT mark needed
    path.write_text(approved_text().replace("approved_by: Nông Văn Nhượng",
                                            "approved_by: Lê Văn Tâm"), encoding="utf-8")
    script, _ = prepare(path, options)
    assert is_draft(script, options) and not script.approval.approved
