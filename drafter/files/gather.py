"""The files a reviewer means by ``drafter check PATH...``: files as given, folders walked.

A file named on the command line is taken as it is, whatever its name: the
user chose it. A folder is walked (sub-folders too, in name order) for files
with the wanted extensions; hidden files and folders, and the lock and
temporary files Word and WPS leave beside an open document (``~$报告.docx``,
``~WRL0001.tmp``), are passed over, and files of other kinds are counted so
the caller can say what was left out. Symbolic links to folders are not
followed (a link back up the tree would never end).
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_TEMPORARY_PREFIXES = ("~$", "~WRL", ".~")
_TEMPORARY_SUFFIXES = (".tmp", ".temp", ".bak", ".swp")
_HIDDEN_ATTRIBUTE = 2  # FILE_ATTRIBUTE_HIDDEN (Windows)


@dataclass(frozen=True)
class Item:
    """One file to check."""

    path: Path
    label: str  # for people: the path below the folder it was found in, or the file's name
    folder: Path | None = None  # the folder named on the command line it was found under


@dataclass
class Gathered:
    items: list[Item] = field(default_factory=list)
    folders: int = 0  # how many of the given paths were folders
    skipped: Counter[str] = field(default_factory=Counter)  # extension → files of other kinds passed over


def gather(paths: list[Path], suffixes: tuple[str, ...]) -> Gathered:
    """The files ``paths`` name, in order: each file as given, each folder's wanted files below it."""
    out = Gathered()
    for path in paths:
        if path.is_dir():
            out.folders += 1
            for found in _walk(path, suffixes, out.skipped):
                out.items.append(Item(found, found.relative_to(path).as_posix(), path))
        else:  # a missing or unreadable file is the reader's to explain, in its place
            out.items.append(Item(path, str(path)))
    # A file given by name is shown by its name (the folders it sits in would crowd a narrow
    # column), unless two given files share a name.
    names = Counter(item.path.name for item in out.items if item.folder is None)
    out.items = [Item(i.path, i.path.name, None) if i.folder is None and names[i.path.name] == 1 else i
                 for i in out.items]
    return out


def is_passed_over(name: str, path: Path | None = None) -> bool:
    """A hidden, lock or temporary file (or folder) that nobody means to check."""
    if name.startswith(".") or name.startswith(_TEMPORARY_PREFIXES) or name.lower().endswith(_TEMPORARY_SUFFIXES):
        return True
    if path is not None:
        try:
            attributes = getattr(os.lstat(path), "st_file_attributes", 0)
        except OSError:
            return False
        return bool(attributes & _HIDDEN_ATTRIBUTE)
    return False


def _walk(folder: Path, suffixes: tuple[str, ...], skipped: Counter[str]) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        here = Path(root)
        dirs[:] = sorted(d for d in dirs if not is_passed_over(d, here / d))
        for name in sorted(files):
            path = here / name
            if is_passed_over(name, path) or not _regular(path):
                continue
            suffix = path.suffix.lower()
            if suffix in suffixes:
                found.append(path)
            else:
                skipped[suffix or "（无扩展名）"] += 1
    return found


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
