"""Build .docx drafts in tests, the way people type them in Word."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

from drafter import standard
from drafter.document.numbering import Numberer

_NUMBERER = Numberer(standard.load_standard().numbering)


def lines_of(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def standalone_heading_level(line: str) -> int | None:
    """The level of a numbered line that is a heading on its own (no body sentence)."""
    match = _NUMBERER.match(line)
    if match and not any(ch in match.rest for ch in "。；！？"):
        return match.level
    return None


def build(lines: list[str], path: Path, styled: bool) -> Path:
    """One paragraph per line; with ``styled``, standalone numbered lines get Heading N."""
    document = docx.Document()
    for line in lines:
        level = standalone_heading_level(line) if styled else None
        document.add_paragraph(line, style=f"Heading {level}" if level else None)
    document.save(path)
    return path


def repack(data: bytes, change: Callable[[str, bytes], bytes | None], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The package ``data`` with each member passed through ``change(name, content)`` (None drops it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", compression) as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()
