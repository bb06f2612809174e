"""Writing files without losing anything.

Every output is written to a temporary file beside the target and then put in
place in one step, so an interrupted run never leaves half a file:

- without ``--force`` the temporary file is hard-linked to the target name,
  which fails if anything got there first (two runs racing for one name: one
  wins, the other is refused); on file systems without hard links (FAT/exFAT
  sticks, some network shares) the target is created with ``O_EXCL`` instead;
- with ``--force`` it replaces the target (``os.replace``).

A symlink or a folder at the target is refused without ``--force``; a target
that is one of the inputs is always refused. Failures leave no partial file
and no temporary file, and say in Chinese what to do.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from drafter.errors import DrafterError

# os.link fails with these where the file system has no hard links.
_NO_HARD_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOSYS, errno.EOPNOTSUPP,
                  getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}
_WINDOWS_SHARING_VIOLATION = 32  # the file is open in another program (Word, WPS)


def check_target(target: Path, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse to write ``target`` if that would destroy something."""
    for source in inputs:
        try:
            same = target.exists() and source.exists() and os.path.samefile(target, source)
        except OSError:
            same = False
        if same:
            raise DrafterError(f"{target}：输出文件与输入文件是同一个文件，不能覆盖输入。请用 -o 另指定输出文件名。")
    if target.is_dir():
        raise DrafterError(f"{target}：这是一个文件夹，不能作为输出文件。请在 -o 后写上文件名。")
    if target.is_symlink() and not force:
        raise DrafterError(f"{target}：这是一个链接（快捷方式），未覆盖。如确需替换这个链接，请加 --force，或换一个文件名。")
    if target.exists() and not force:
        raise DrafterError(f"{target}：文件已存在，未覆盖。如确需覆盖，请加 --force，或换一个文件名。")
    if not target.parent.is_dir():
        raise DrafterError(f"{target}：所在文件夹“{target.parent}”不存在。请先建立该文件夹或换一个路径。")


def write_atomic(target: Path, data: bytes | str, force: bool = False, inputs: tuple[Path, ...] = ()) -> Path:
    """Write ``data`` to ``target`` atomically after :func:`check_target`."""
    target = Path(target)
    try:
        check_target(target, force, inputs)
    except OSError as exc:  # stat() itself fails: a name too long, a folder we may not enter
        raise DrafterError(failure(target, exc)) from None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=".drafter-", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise DrafterError(failure(target, exc)) from None
    try:
        # mkstemp makes the file private (0600); give it the permissions an
        # ordinary save would, or keep those of the file being replaced.
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, target)
        else:
            _place_new(Path(tmp), target, payload)
    except OSError as exc:
        raise DrafterError(failure(target, exc)) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


def _place_new(tmp: Path, target: Path, payload: bytes) -> None:
    """Put ``tmp`` at ``target`` only if nothing is there yet (checked and done in one step)."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise DrafterError(f"{target}：文件已存在（可能刚由另一次运行写入），未覆盖。如确需覆盖，请加 --force。") from None
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), _mode_for(target))
    except FileExistsError:
        raise DrafterError(f"{target}：文件已存在（可能刚由另一次运行写入），未覆盖。如确需覆盖，请加 --force。") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        target.unlink(missing_ok=True)  # ours, half-written: nothing else can have been there
        raise


def failure(target: Path, exc: OSError) -> str:
    """What went wrong writing ``target``, and what to do, in Chinese."""
    code = exc.errno
    if getattr(exc, "winerror", None) == _WINDOWS_SHARING_VIOLATION or (
        os.name == "nt" and code == errno.EACCES and target.exists()
    ):
        return f"{target}：文件正被其他程序（如 Word、WPS）打开，无法写入。请关闭该文件后重试，或换一个文件名。"
    if code == errno.ENAMETOOLONG:
        return f"{target}：文件名太长，系统无法保存。请用 -o 指定一个短一些的文件名。"
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"{target}：磁盘空间不足，未能写入（没有留下不完整的文件）。请清理磁盘空间或换一个位置。"
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{target}：没有写入权限（文件夹只读或受保护）。请换一个有写入权限的文件夹，例如“文档”或桌面。"
    if code == errno.ENOENT:
        return f"{target}：所在文件夹不存在或已被移走。请确认路径后重试。"
    return f"{target}：写入失败（{exc.strerror or exc}）。请检查磁盘空间和文件夹写入权限。"


def write_tree(directory: Path, files: dict[Path, bytes], force: bool = False) -> list[Path]:
    """Write ``files`` (relative paths → content) under ``directory``.

    A new folder is built as a hidden sibling and renamed into place, so it
    appears whole or not at all. Into an existing folder, files are written
    one by one, each atomically (replacing same-named files only with ``force``).
    """
    directory = Path(directory)
    if directory.exists() or directory.is_symlink():
        if not directory.is_dir():
            raise DrafterError(f"{directory}：这是一个文件，不是文件夹。请换一个文件夹名。")
        written = []
        for relative, content in files.items():
            target = directory / relative
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DrafterError(failure(target.parent, exc)) from None
            written.append(write_atomic(target, content, force=force))
        return written
    parent = directory.parent
    if not parent.is_dir():
        raise DrafterError(f"{directory}：上一级文件夹“{parent}”不存在。请先建立它或换一个路径。")
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise DrafterError(failure(directory, exc)) from None
    try:
        for relative, content in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        os.chmod(staging, 0o777 & ~_umask())
        os.rename(staging, directory)  # fails if the folder appeared meanwhile: nothing clobbered
    except OSError as exc:
        if directory.exists():
            raise DrafterError(f"{directory}：文件夹刚刚被建立（可能是另一次运行），未写入。请重新运行。") from None
        raise DrafterError(failure(directory, exc)) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return [directory / relative for relative in files]


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        return 0o666 & ~_umask()
