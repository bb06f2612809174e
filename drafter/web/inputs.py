"""Input files open in the page: their versions, the writer's revisions, saving.

A version is a hash of the file's bytes as the page opened it. The page sends
its data with that version; validation and preview work on the text a save
would write (so what the page shows is what ``drafter validate`` will say),
and a save is refused when the file on disk is no longer that version.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from drafter.errors import DrafterError
from drafter.files.output import write_atomic
from drafter.files.source import read_bytes
from drafter.web import formmodel
from drafter.web.confine import Folder
from drafter.web.yamlfile import EditedInput

INPUT_SUFFIXES = (".yaml", ".yml")  # inputs the page edits
FORM_SUFFIXES = (".docx",)  # a Word form from ``drafter init x.docx``: shown read-only, edited once imported
MAX_INPUT_BYTES = 5 * 1024 * 1024
_KEPT = 16  # open versions kept parsed in memory


class Conflict(DrafterError):
    """The file changed on disk after the page opened it."""


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


class OpenInputs:
    def __init__(self, folder: Folder, form: formmodel.Node):
        self.folder = folder
        self.form = form
        self._kept: OrderedDict[tuple[str, str], EditedInput] = OrderedDict()
        self._lock = threading.Lock()
        self._saving = threading.Lock()

    def path(self, name: str) -> Path:
        return self.folder.path(name, INPUT_SUFFIXES)

    def open(self, name: str) -> tuple[EditedInput, str]:
        """The file as it is on disk now, and its version."""
        data = _read(self.path(name), name)
        version = version_of(data)
        return self._parsed(name, version, data), version

    def revised(self, name: str, version: str, data: Any) -> str:
        """The text the file would have with the page's ``data`` (based on the version the page opened)."""
        with self._lock:
            base = self._kept.get((name, version))
        if base is None:
            base, _ = self.open(name)  # an older version is gone: any version serves as the base for checking
        return base.with_data(formmodel.coerce(self.form, data), formmodel.same)

    def save(self, name: str, version: str, data: Any) -> tuple[str, EditedInput]:
        """Write the page's data; Conflict when the file changed since ``version`` was opened."""
        path = self.path(name)
        with self._saving:
            try:
                current = path.read_bytes()
            except FileNotFoundError:
                raise Conflict(f"{name}：文件已被移走或删除，未保存。请复制您的修改，重新建立文件后再填写。") from None
            if version_of(current) != version:
                raise Conflict(
                    f"{name}：文件在您打开之后被其他程序改过，为免覆盖别人的修改，本次未保存。"
                    "请先复制您改动的内容，点“重新打开”读取最新的文件，再把改动补上后保存。"
                )
            base = self._parsed(name, version, current)
            text = base.with_data(formmodel.coerce(self.form, data), formmodel.same)
            payload = text.encode("utf-8")
            write_atomic(path, payload, force=True)
        new_version = version_of(payload)
        return new_version, self._parsed(name, new_version, payload)

    def _parsed(self, name: str, version: str, data: bytes) -> EditedInput:
        key = (name, version)
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        edited = EditedInput(data, name)
        with self._lock:
            self._kept[key] = edited
            while len(self._kept) > _KEPT:
                self._kept.popitem(last=False)
        return edited


def _read(path: Path, name: str) -> bytes:
    return read_bytes(path, name, MAX_INPUT_BYTES, lambda size: (
        f"{name}：文件有 {size / 1048576:.1f} MB，不像输入文件（通常不到 100 KB）。请确认选对了文件。"
    ))
