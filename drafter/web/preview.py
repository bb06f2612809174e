"""The report's text as a page: the rendered draft's blocks as escaped HTML.

The draft comes from the same templates as ``drafter render`` (its Markdown,
read back with the reader ``check`` uses). Every character of it is escaped
here; the only markup is ours: headings by level, the title, the recipient,
the signature and date, and a highlight on each blank still to fill.
"""

from __future__ import annotations

import html
import re

from drafter.document import Document

_TAGS = {"title": "h1", "recipient": "p", "paragraph": "p", "signature": "p", "date": "p"}


def to_html(document: Document, blanks: re.Pattern[str]) -> str:
    out = []
    for block in document.blocks:
        tag = f"h{min(block.level, 4) + 1}" if block.kind == "heading" else _TAGS.get(block.kind, "p")
        css = f"level{block.level}" if block.kind == "heading" else block.kind
        out.append(f'<{tag} class="{css}">{_marked(block.text, blanks)}</{tag}>')
    return "\n".join(out)


def _marked(text: str, blanks: re.Pattern[str]) -> str:
    pieces, last = [], 0
    for found in blanks.finditer(text):
        pieces.append(html.escape(text[last:found.start()]))
        pieces.append(f"<mark>{html.escape(found.group(0))}</mark>")
        last = found.end()
    pieces.append(html.escape(text[last:]))
    return "".join(pieces)
