"""Copy the built-in templates out, so a unit can adapt wording and layout."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import DrafterError
from drafter.files.output import write_tree
from drafter.resources import templates_dir


def export(directory: Path, force: bool = False) -> list[Path]:
    """Copy every built-in template file into ``directory``; return the written paths.

    Checks all targets before writing any, so a refusal leaves nothing half-copied;
    a new folder appears whole or not at all.
    """
    source = templates_dir()
    files = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    if directory.exists() and not directory.is_dir():
        raise DrafterError(f"{directory}：这是一个文件，不是文件夹。请换一个文件夹名。")
    contents = {path.relative_to(source): path.read_bytes() for path in files}
    existing = [directory / rel for rel in contents if (directory / rel).exists() or (directory / rel).is_symlink()]
    if existing and not force:
        shown = "、".join(str(t) for t in existing[:3]) + ("等" if len(existing) > 3 else "")
        raise DrafterError(
            f"{directory}：已有 {len(existing)} 个同名文件（{shown}），没有导出任何文件。"
            "如确需用内置模板覆盖它们，请加 --force；或换一个空文件夹。"
        )
    return write_tree(directory, contents, force=force)
