"""Word's built-in paragraph styles for drafter's block kinds, in both directions.

The writer gives each block kind its built-in style; the reader maps a style
back to the kind, also under the names a Chinese Word shows (Word localises
the names of built-in styles).
"""

from __future__ import annotations

import re

from drafter.document.model import BlockKind

HEADING = "heading"
# Block kind, or heading level → (style id, built-in style name).
BUILT_IN: dict[BlockKind | int, tuple[str, str]] = {
    "title": ("Title", "Title"),
    "recipient": ("Salutation", "Salutation"),
    1: ("Heading1", f"{HEADING} 1"),
    2: ("Heading2", f"{HEADING} 2"),
    3: ("Heading3", f"{HEADING} 3"),
    4: ("Heading4", f"{HEADING} 4"),
    "signature": ("Signature", "Signature"),
    "date": ("Date", "Date"),
}
# The built-in names as a Chinese Word displays them.
_LOCALISED = {"title": "标题", "salutation": "称呼", "signature": "签名", "date": "日期", HEADING: "标题"}

_MATTER = {
    name.lower(): kind
    for kind, (_, english) in BUILT_IN.items()
    if isinstance(kind, str)
    for name in (english, _LOCALISED[english.lower()])
}
_HEADING_NAME = re.compile(rf"^(?:{HEADING}|{_LOCALISED[HEADING]})\s*([1-9])$", re.I)


def matter_kind(style_name: str | None) -> BlockKind | None:
    """The block kind (title, recipient, signature, date) a style name stands for."""
    return _MATTER.get((style_name or "").lower())


def heading_level(style_name: str | None) -> int | None:
    """The level of a built-in heading style name ("heading 2", "标题 2"), else None."""
    found = _HEADING_NAME.match(style_name or "")
    return int(found.group(1)) if found else None
