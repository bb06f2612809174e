"""An input as YAML text an officer can read and edit, with comments.

Short texts that YAML would read as something else (numbers, yes/no, dates,
texts with ": " or a leading symbol) are quoted; long texts are folded
blocks (``>-``) wrapped only between Chinese characters, where the model
joins lines back without a space; a text of several paragraphs is a list of
paragraphs. ``dump`` reads its own output back and compares it with what it
meant to write (falling back to quoting every text), so a quirk of YAML can
never change the officer's text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import textwrap
from collections.abc import Callable
from typing import Any

from drafter.yamlio import Loc

_WIDTH = 36  # characters per line of a folded text
COMMENT_WIDTH = 38  # characters per line of a comment
_WIDE = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]")
_PLAIN = re.compile(r"^[\u4e00-\u9fff（“《【〔][^\n\t]*$")
_PLAIN_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def dump(
    data: dict[str, Any], read_back: Callable[[str], Any], expected: Any,
    comments: dict[Loc, list[str]] | None = None, header: list[str] | None = None,
) -> str:
    """``data`` as YAML with ``comments`` above the keys and items they belong to.

    ``read_back(text)`` must give ``expected``; if the readable form does not,
    every text is quoted, which YAML cannot misread.
    """
    for quote_all in (False, True):
        writer = _Writer(comments or {}, quote_all)
        for line in header or []:
            writer.lines.append(f"# {line}".rstrip())
        if header:
            writer.lines.append("")
        writer.mapping(data, 0, ())
        text = "\n".join(writer.lines).rstrip() + "\n"
        if read_back(text) == expected:
            return text
    raise RuntimeError("the emitted input does not read back as written")


class _Writer:
    def __init__(self, comments: dict[Loc, list[str]], quote_all: bool = False):
        self.comments = comments
        self.quote_all = quote_all
        self.lines: list[str] = []

    def comment(self, loc: Loc, indent: int) -> None:
        for remark in self.comments.get(loc, []):  # one remark each, wrapped to stay readable in an editor
            for line in textwrap.wrap(remark, COMMENT_WIDTH) or [""]:
                self.lines.append(f"{' ' * indent}# {line}".rstrip())

    def mapping(self, data: dict[str, Any], indent: int, loc: Loc, first: str | None = None) -> None:
        pad = " " * indent
        for n, (key, value) in enumerate(data.items()):
            here = loc + (key,)
            if loc == () and n:
                self.lines.append("")  # a blank line between the top-level sections
            self.comment(here, indent)
            lead = first if (first is not None and n == 0) else pad
            self.value(f"{lead}{key}:", value, indent, here)

    def value(self, head: str, value: Any, indent: int, loc: Loc) -> None:
        if isinstance(value, dict):
            if not value:
                self.lines.append(f"{head} {{}}")
                return
            self.lines.append(head)
            self.mapping(value, indent + 2, loc)
        elif isinstance(value, list):
            if not value:
                self.lines.append(f"{head} []")
                return
            self.lines.append(head)
            for i, item in enumerate(value):
                self.comment(loc + (i,), indent + 2)
                self.item(item, indent + 2, loc + (i,))
        elif isinstance(value, str) and "\n\n" in value and not self.quote_all:
            self.lines.append(head)
            for i, paragraph in enumerate(value.split("\n\n")):
                self.item(paragraph, indent + 2, loc + (i,))
        else:
            self.scalar(head, value, indent)

    def item(self, item: Any, indent: int, loc: Loc) -> None:
        pad = " " * indent
        if isinstance(item, dict) and item:
            self.mapping(item, indent + 2, loc, first=f"{pad}- ")
        else:
            self.scalar(f"{pad}-", item, indent)

    def scalar(self, head: str, value: Any, indent: int) -> None:
        if value is None:
            self.lines.append(head)
        elif isinstance(value, bool):
            self.lines.append(f"{head} {'true' if value else 'false'}")
        elif isinstance(value, (int, float)):
            self.lines.append(f"{head} {number(value)}")
        elif isinstance(value, dt.date):
            self.lines.append(f"{head} {chinese_date(value)}")
        elif isinstance(value, str) and self.quote_all:
            self.lines.append(f"{head} {json.dumps(value, ensure_ascii=False)}")
        elif isinstance(value, str) and len(value) > _WIDTH:
            self.lines.append(f"{head} >-")
            self.lines.extend(f"{' ' * (indent + 2)}{line}" for line in wrap(value))
        else:
            self.lines.append(f"{head} {quoted(str(value))}")


def chinese_date(value: dt.date) -> str:
    """2026年2月12日: as the input's dates are written, and read back."""
    return f"{value.year}年{value.month}月{value.day}日"


def number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def quoted(text: str) -> str:
    """A one-line text as a YAML scalar: plain where YAML reads it back as the same text."""
    if _PLAIN.match(text) and ": " not in text and " #" not in text and not text.endswith((":", " ")):
        return text
    if _PLAIN_ID.match(text) and text.lower() not in _RESERVED:
        return text
    return json.dumps(text, ensure_ascii=False)


def wrap(text: str, width: int = _WIDTH) -> list[str]:
    """Lines of about ``width`` characters, broken only between two wide (Chinese) characters."""
    lines, start = [], 0
    while len(text) - start > width:
        cut = start + width
        while cut < len(text) and not (_WIDE.match(text[cut - 1]) and _WIDE.match(text[cut])):
            cut += 1
        if cut >= len(text):
            break
        lines.append(text[start:cut])
        start = cut
    lines.append(text[start:])
    return lines
