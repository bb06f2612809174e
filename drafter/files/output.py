"""Writing files without losing anything.

Every output is written to a temporary file beside the target and renamed into
place, so an interrupted run never leaves half a file. An existing file is only
replaced when the user says ``--force``, and never when it is one of the inputs.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import DrafterError


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
    if target.exists() and not force:
        raise DrafterError(f"{target}：文件已存在，未覆盖。如确需覆盖，请加 --force，或换一个文件名。")
    if not target.parent.exists():
        raise DrafterError(f"{target}：所在文件夹“{target.parent}”不存在。请先建立该文件夹或换一个路径。")


def write_atomic(target: Path, data: bytes | str, force: bool = False, inputs: tuple[Path, ...] = ()) -> Path:
    """Write ``data`` to ``target`` atomically after :func:`check_target`."""
    target = Path(target)
    check_target(target, force, inputs)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp makes the file private (0600); give it the permissions an
        # ordinary save would, or keep those of the file being replaced.
        os.chmod(tmp, _mode_for(target))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DrafterError(f"{target}：写入失败（{exc.strerror}）。请检查磁盘空间和文件夹写入权限。") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
