"""Writing the annotated copies for ``drafter check --annotate / --annotate-dir``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.cli.common import err

if TYPE_CHECKING:
    from drafter.files.gather import Item
    from drafter.views.batch import Entry

def copy_name(item: Item) -> Path:
    """Where a draft's copy goes below --annotate-dir: its place below the folder given, name marked."""
    from drafter import api

    return api.annotated_name(item.path.relative_to(item.folder) if item.folder is not None else Path(item.path.name))


def write(items: list[Item], entries: list[Entry], one: Path | None, folder: Path | None, force: bool,
          failed: list[str]) -> Iterator[Path]:
    """Each readable draft's annotated copy; a copy that cannot be made is said, noted in ``failed`` and skipped."""
    from drafter import api
    from drafter.errors import DrafterError

    inputs = tuple(item.path for item in items)
    if folder is not None and not folder.is_dir():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise DrafterError(f"{folder}：无法建立存放批注副本的文件夹（{exc.strerror or exc}）。请换一个位置。") from None
    for item, entry in zip(items, entries, strict=True):
        if entry.result is None:
            continue
        target = one if one is not None else folder / copy_name(item)  # type: ignore[operator]
        try:
            data = api.annotate(item.path, entry.result, name=entry.file)
            target.parent.mkdir(parents=True, exist_ok=True)
            yield api.save(target, data, force=force, inputs=inputs)
        except DrafterError as exc:
            err(str(exc))
            failed.append(entry.file)
