"""Writing outputs: atomic, never clobbering, ordinary permissions."""

from __future__ import annotations

import os
import stat

import pytest

from drafter.errors import DrafterError
from drafter.files.output import write_atomic


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
