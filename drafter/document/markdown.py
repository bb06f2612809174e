"""drafter's small Markdown dialect, read into a Document.

The templates write it (so ``render --format md`` is the template output as is)
and the checker reads .md drafts with the same parser. The dialect:

- ``#`` … ``#####`` headings. Levels are relative: when the shallowest depth
  appears once, first, it is the title and the next depths are levels 1..4.
- Paragraphs are separated by blank lines; wrapped lines are joined (without a
  space between CJK characters).
- ``::: name`` … ``:::`` (pandoc fenced divs) mark title, recipient, signature
  and date, and the 公文 elements around the body: docnumber and issuer above
  the title, cc and imprint (the 版记) at the end. Each line of a div is a block.
- A paragraph wholly in ``**…**`` is bold; front matter, HTML comments, list
  bullets and quote markers are dropped; ``\\`` escapes punctuation.
"""

from __future__ import annotations

import re
from typing import TypeGuard

from drafter.document import BlockKind, Document, TooManyBlocks
from drafter.document.cjk import join_lines

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^:::+\s*\{?\s*\.?([A-Za-z_-]*)\s*\}?\s*$")
_BULLET = re.compile(r"^\s*(?:[-+*]|>)\s+")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!:>|])")
_BOLD_ALL = re.compile(r"^\*\*(.+)\*\*$|^__(.+)__$")
_EMPHASIS = re.compile(r"(?<!\\)(\*\*|__)(.+?)(?<!\\)\1")
_DIV_KINDS = {"recipient", "signature", "date", "title", "docnumber", "issuer", "cc", "imprint"}


def _is_div(kind: str | None) -> TypeGuard[BlockKind]:
    return kind in _DIV_KINDS


def escape(text: str) -> str:
    """Make input text safe to place in a paragraph: it stays literal text."""
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<!--", "<\\!--")
    lines = []
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped[:1] in ("#", ":", ">", "-", "+", "|"):
            line = line[: len(line) - len(stripped)] + "\\" + stripped
        lines.append(line)
    return "\n".join(lines)


def parse(text: str, source: str = "", max_blocks: int | None = None) -> Document:
    text = _drop_comments(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = _strip_front_matter(text.split("\n"))
    raw: list[tuple[BlockKind, str, int]] = []  # (kind, text, markdown heading depth)
    div: str | None = None
    para: list[str] = []

    def flush() -> None:
        if para:
            joined = join_lines(para)
            if joined:
                raw.append((div if _is_div(div) else "paragraph", joined, 0))
                _bounded(raw, max_blocks)
            para.clear()

    for line in lines:
        fence = _FENCE.match(line.strip())
        if fence:
            flush()
            div = fence.group(1).lower() or None if div is None else None
            continue
        heading = _HEADING.match(line) if not line.startswith("\\") else None
        if heading:
            flush()
            raw.append(("heading", heading.group(2), len(heading.group(1))))
            _bounded(raw, max_blocks)
            continue
        if not line.strip():
            flush()
            if div in _DIV_KINDS:
                continue  # each line of a div is its own paragraph
            continue
        if div in _DIV_KINDS:
            flush()
        para.append(_BULLET.sub("", line, count=1) if not line.lstrip().startswith("\\") else line.strip())
        if div in _DIV_KINDS:
            flush()
    flush()
    return _to_document(raw, source, max_blocks)


def _drop_comments(text: str) -> str:
    """Remove <!-- … --> comments; an unclosed one runs to the end (as in HTML).

    One pass with str.find: a regex would rescan the rest of the text from
    every unclosed opener, which is quadratic on hostile input.
    """
    out, at = [], 0
    while True:
        start = text.find("<!--", at)
        if start < 0:
            out.append(text[at:])
            break
        out.append(text[at:start])
        end = text.find("-->", start + 4)
        if end < 0:
            break
        at = end + 3
    return "".join(out)


def _strip_front_matter(lines: list[str]) -> list[str]:
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() in ("---", "..."):
                return lines[i + 1:]
    return lines




def _clean(text: str) -> tuple[str, bool]:
    bold = _BOLD_ALL.match(text)
    if bold:
        text = bold.group(1) or bold.group(2)
    text = _EMPHASIS.sub(r"\2", text)
    return _ESCAPED.sub(r"\1", text).strip(), bool(bold)


def _bounded(raw: list, max_blocks: int | None) -> None:
    if max_blocks is not None and len(raw) > max_blocks:
        raise TooManyBlocks(max_blocks)


def _to_document(raw: list[tuple[BlockKind, str, int]], source: str, max_blocks: int | None = None) -> Document:
    depths = sorted({d for kind, _, d in raw if kind == "heading"})
    title_depth = None
    if depths:
        shallowest = depths[0]
        at_shallowest = [i for i, (k, _, d) in enumerate(raw) if k == "heading" and d == shallowest]
        first_heading = next(i for i, (k, _, _) in enumerate(raw) if k == "heading")
        if len(at_shallowest) == 1 and at_shallowest[0] == first_heading:
            title_depth = shallowest
    levels = {d: i + 1 for i, d in enumerate(d for d in depths if d != title_depth)}
    doc = Document(source=source, max_blocks=max_blocks)
    for kind, text, depth in raw:
        clean, bold = _clean(text)
        if not clean:
            continue
        if kind == "heading" and depth == title_depth:
            doc.add("title", clean)
        elif kind == "heading":
            level = min(levels[depth], 4)
            doc.add("heading", clean, level=level, outline_level=level)
        else:
            doc.add(kind, clean, bold=bold)
    return doc
