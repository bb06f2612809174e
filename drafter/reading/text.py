"""Plain text and Markdown drafts → Document."""

from __future__ import annotations

from drafter.document import Document, markdown
from drafter.files.textcodec import decode


def read_text(data: bytes, name: str, max_blocks: int | None = None) -> Document:
    """One paragraph per non-empty line."""
    text, _encoding = decode(data, name)
    document = Document(source=name, max_blocks=max_blocks)
    for line in text.splitlines():
        if line.strip():
            document.add("paragraph", line.strip())
    return document


def read_markdown(data: bytes, name: str, max_blocks: int | None = None) -> Document:
    text, _encoding = decode(data, name)
    return markdown.parse(text, source=name, max_blocks=max_blocks)
