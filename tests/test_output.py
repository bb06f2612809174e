"""Writing outputs: atomic, never clobbering, ordinary permissions."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.files.output import failure, write_atomic, write_tree


def test_new_file_gets_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "a.docx", b"data")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_forced_replacement_keeps_the_old_permissions(tmp_path):
    path = tmp_path / "a.docx"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomic(path, b"new", force=True)
    assert path.read_bytes() == b"new" and stat.S_IMODE(path.stat().st_mode) == 0o640


def test_refusals_leave_everything_as_it_was(tmp_path):
    existing = tmp_path / "a.docx"
    existing.write_bytes(b"mine")
    with pytest.raises(DrafterError, match="--force"):
        write_atomic(existing, b"new")
    with pytest.raises(DrafterError, match="输入"):
        write_atomic(existing, b"new", force=True, inputs=(existing,))
    with pytest.raises(DrafterError, match="文件夹"):
        write_atomic(tmp_path / "missing" / "b.docx", b"new")
    assert existing.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx"]


def test_a_dangling_symlink_at_the_target_survives_without_force(tmp_path):
    link = tmp_path / "out.docx"
    link.symlink_to(tmp_path / "nowhere.docx")
    with pytest.raises(DrafterError, match="链接"):
        write_atomic(link, b"new")
    assert link.is_symlink() and not (tmp_path / "nowhere.docx").exists()
    write_atomic(link, b"new", force=True)  # --force replaces the link itself
    assert not link.is_symlink() and link.read_bytes() == b"new"


def test_racing_writers_to_one_new_name_give_exactly_one_winner(tmp_path):
    import multiprocessing

    target = tmp_path / "same.docx"
    with multiprocessing.get_context("spawn").Pool(8) as pool:
        outcomes = pool.starmap(_race, [(str(target), bytes([i]) * 100_000) for i in range(8)])
    assert outcomes.count("written") == 1 and outcomes.count("refused") == 7
    content = target.read_bytes()
    assert len(content) == 100_000 and len(set(content)) == 1  # one writer's bytes, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["same.docx"]


def _race(target: str, payload: bytes) -> str:
    try:
        write_atomic(Path(target), payload)
    except DrafterError:
        return "refused"
    return "written"


def test_without_hard_links_the_target_is_created_exclusively(tmp_path, monkeypatch):
    def no_links(*_args):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = write_atomic(tmp_path / "fat.docx", b"data")
    assert path.read_bytes() == b"data"
    with pytest.raises(DrafterError, match="--force"):
        write_atomic(path, b"other")
    assert path.read_bytes() == b"data"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fat.docx"]


def test_a_full_disk_leaves_no_partial_and_no_temporary_file(tmp_path, monkeypatch):
    def full(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(DrafterError, match="磁盘空间不足"):
        write_atomic(tmp_path / "a.docx", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_name_too_long_for_the_file_system_is_a_message(tmp_path):
    with pytest.raises(DrafterError, match="文件名太长"):
        write_atomic(tmp_path / ("很长" * 200 + ".docx"), b"data")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("code, words", [(errno.EROFS, "写入权限"), (errno.EACCES, "写入权限"), (errno.ENOSPC, "磁盘空间")])
def test_failures_say_what_to_do(tmp_path, code, words):
    assert words in failure(tmp_path / "a.docx", OSError(code, os.strerror(code)))


def test_a_new_folder_appears_whole_or_not_at_all(tmp_path, monkeypatch):
    calls = {"n": 0}
    real = Path.write_bytes

    def flaky(self, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", flaky)
    files = {Path("a.txt"): b"1", Path("sub/b.txt"): b"2", Path("sub/c.txt"): b"3"}
    with pytest.raises(DrafterError, match="磁盘空间不足"):
        write_tree(tmp_path / "导出", files)
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(Path, "write_bytes", real)
    written = write_tree(tmp_path / "导出", files)
    assert sorted(p.relative_to(tmp_path / "导出").as_posix() for p in written) == ["a.txt", "sub/b.txt", "sub/c.txt"]
    assert (tmp_path / "导出" / "sub" / "c.txt").read_bytes() == b"3"
