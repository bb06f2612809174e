"""The one folder the page may touch: relative names in, checked paths out.

Every path the browser sends is a name relative to the served folder. It is
refused when it is absolute, climbs with ``..``, names a hidden entry, or
resolves (through a symbolic link) to a place outside the folder, so no
request can read or write anything else on the machine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from drafter.errors import DrafterError

# Folders a listing never descends into: tools' caches and environments.
_SKIPPED_DIRS = {"__pycache__", "node_modules", "venv", "site-packages"}
MAX_LISTED = 2000


Stamp = tuple[int, int]  # a file's modification time and size: changed when either is


def stamp(path: Path) -> Stamp | None:
    """The file's stamp now; None when it is gone."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


class OutsideFolder(DrafterError):
    """A name that would leave the served folder, or is not allowed there."""


class NotInFolder(DrafterError):
    """An allowed name with no file behind it."""


@dataclass(frozen=True)
class Folder:
    root: Path

    @classmethod
    def at(cls, path: Path | str) -> Folder:
        root = Path(path).resolve()
        if not root.is_dir():
            raise DrafterError(f"{path}：文件夹不存在。请指定一个已有的文件夹，例如 drafter serve 我的报告。")
        return cls(root)

    def path(self, name: str, suffixes: tuple[str, ...] = ()) -> Path:
        """The checked path for ``name``; OutsideFolder when it is not allowed."""
        if not isinstance(name, str) or not name.strip() or "\x00" in name:
            raise OutsideFolder("没有给出文件名。")
        parts = PurePosixPath(name.replace("\\", "/"))
        if parts.is_absolute() or (parts.parts and ":" in parts.parts[0]):
            raise OutsideFolder(f"“{name}”：只能使用本文件夹中的文件，不能写完整路径。")
        if any(part in ("..", "") for part in parts.parts):
            raise OutsideFolder(f"“{name}”：不能使用“..”访问本文件夹以外的位置。")
        if any(part.startswith(".") for part in parts.parts):
            raise OutsideFolder(f"“{name}”：不能使用隐藏的文件或文件夹。")
        if suffixes and parts.suffix.lower() not in suffixes:
            raise OutsideFolder(f"“{name}”：这里只能使用 {'、'.join(suffixes)} 文件。")
        target = self.root.joinpath(*parts.parts)
        if not _inside(target.resolve(), self.root):
            raise OutsideFolder(f"“{name}”：它链接到本文件夹以外的位置，不能使用。")
        return target

    def existing(self, name: str, suffixes: tuple[str, ...] = ()) -> Path:
        """``path(name, suffixes)``, which must be a file; NotInFolder when there is none."""
        target = self.path(name, suffixes)
        if not target.is_file():
            raise NotInFolder(f"{name}：找不到这个文件。")
        return target

    def name(self, path: Path) -> str:
        """``path`` as the page names it: relative, with forward slashes."""
        return path.relative_to(self.root).as_posix()

    def files(self, suffixes: tuple[str, ...], under: Path | None = None) -> list[Path]:
        """Files with these suffixes below ``under`` (default: the whole folder), sorted by name."""
        found: list[Path] = []
        start = under or self.root
        for current, dirs, names in os.walk(start):
            here = Path(current)
            dirs[:] = sorted(d for d in dirs if self._enter(here / d))
            for file in sorted(names):
                path = here / file
                if (not file.startswith((".", "~$")) and path.suffix.lower() in suffixes
                        and path.is_file() and _inside(path.resolve(), self.root)):
                    found.append(path)
                    if len(found) >= MAX_LISTED:
                        return found
        return found

    def folders(self) -> list[Path]:
        """Sub-folders, for the reviewer to choose one (the folder itself first)."""
        out = [self.root]
        for current, dirs, _ in os.walk(self.root):
            here = Path(current)
            dirs[:] = sorted(d for d in dirs if self._enter(here / d))
            out.extend(here / d for d in dirs)
            if len(out) >= MAX_LISTED:
                break
        return out

    def _enter(self, path: Path) -> bool:
        name = path.name
        return (not name.startswith(".") and name not in _SKIPPED_DIRS
                and _inside(path.resolve(), self.root))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents
