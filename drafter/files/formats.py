"""Which format to write: the one rule every command with ``--format`` and ``-o`` follows.

``--format`` if given, else the extension of ``-o``, else the command's
default; a ``--format`` that contradicts the extension, an extension that
names none of the command's formats, and a format that only shows on the
screen given with ``-o`` are refused before any work is done.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from drafter.errors import DrafterError


def choose(
    output: Path | None,
    given: str | None,
    extensions: Mapping[str, str],
    labels: Mapping[str, str],
    default: str,
    screen: tuple[str, ...] = (),
) -> str:
    """The format to write.

    ``extensions`` maps each file extension to its format; ``labels`` names
    every format in words (its keys are the formats ``--format`` accepts);
    ``screen`` lists formats shown on the screen only, never written to a file.
    """
    if given is not None and given not in labels:
        raise DrafterError(f"--format 只能是 {' 或 '.join(labels)}，而不是“{given}”。")
    if output is None:
        return given or default
    implied = extensions.get(output.suffix.lower())
    written = [f for f in labels if f not in screen]
    if implied is None:
        shown = f"扩展名“{output.suffix}”" if output.suffix else "没有扩展名"
        stem = output.stem or "结果"
        names = "或 ".join(f"{stem}{_extension(f, extensions)}（{labels[f]}）" for f in written)
        raise DrafterError(f"{output}：输出文件名{shown}，不知道要生成哪种文件。请写成 {names}。")
    if given is not None and given != implied:
        rename = f"，或把文件名改为 {output.stem}{_extension(given, extensions)}" if given not in screen else ""
        raise DrafterError(
            f"--format {given} 与输出文件名“{output.name}”的扩展名不一致。"
            f"请去掉 --format（按扩展名生成 {implied}）{rename}。"
        )
    return implied


def _extension(fmt: str, extensions: Mapping[str, str]) -> str:
    return next(ext for ext, f in extensions.items() if f == fmt)
