"""Copy the built-in templates out, so a unit can adapt wording and layout."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import DrafterError
from drafter.files.output import write_atomic
from drafter.resources import templates_dir


def export(directory: Path, force: bool = False) -> list[Path]:
    """Copy every built-in template file into ``directory``; return the written paths.

    Checks all targets before writing any, so a refusal leaves nothing half-copied.
    """
    source = templates_dir()
    files = sorted(p for p in source.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    if directory.exists() and not directory.is_dir():
        raise DrafterError(f"{directory}：这是一个文件，不是文件夹。请换一个文件夹名。")
    targets = [(path, directory / path.relative_to(source)) for path in files]
    existing = [target for _, target in targets if target.exists()]
    if existing and not force:
        shown = "、".join(str(t) for t in existing[:3]) + ("等" if len(existing) > 3 else "")
        raise DrafterError(
            f"{directory}：已有 {len(existing)} 个同名文件（{shown}），没有导出任何文件。"
            "如确需用内置模板覆盖它们，请加 --force；或换一个空文件夹。"
        )
    written = []
    for path, target in targets:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DrafterError(f"{target.parent}：无法建立文件夹（{exc.strerror}）。请检查路径和写入权限。") from None
        written.append(write_atomic(target, path.read_bytes(), force=True))
    return written
