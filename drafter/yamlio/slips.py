"""Typing slips that break YAML, each with the repair it suggests (line by line).

Every candidate names one line, what is wrong there in Chinese, and the line
as it should read. ``drafter.yamlio.syntax`` keeps a candidate only when the
repair lets the parser get further than before, so a rule may propose a
repair for a line that is in fact fine: the parser decides. Slips covered:
the IME's full-width colon, space and quotes around a key; a key without
its colon, or without the space after it; tabs, full-width spaces and
misaligned indentation; a quote or a bracket opened and never closed.

Keys in drafter's files are ASCII names (``unit``, ``order``), which is what
tells a mistyped key from Chinese prose that happens to contain a colon.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_NAME = r"[A-Za-z_][A-Za-z0-9_-]*"
_QUOTES = "\"'“”‘’"
# indent, list dashes, an optionally quoted key name, what separates it from its value, the rest.
_KEYED = re.compile(
    rf"^(?P<indent>[ \t\u3000]*)(?P<dash>(?:-[ \u3000]+)*)(?P<open>[{_QUOTES}]?)(?P<key>{_NAME})"
    rf"(?P<close>[{_QUOTES}]?)(?P<sep>[ \u3000]*[:：][ \u3000]*)(?P<rest>.*)$"
)
_BARE = re.compile(rf"^(?P<indent>[ ]*)(?P<dash>(?:-[ ]+)*)(?P<key>{_NAME})(?P<gap>[ \u3000]+)?(?P<rest>.*)$")
_BLOCK_SCALAR = re.compile(r"(?:^|[ ])[|>][-+0-9]*[ ]*(?:#.*)?$")
_CLOSERS = {"[": "]", "{": "}"}
_IME = "（切换到英文输入法再输入）"


@dataclass(frozen=True)
class Slip:
    """A suspected mistake on ``line`` (0-based), and the line as it should read."""

    line: int
    col: int  # 1-based, where the mistake is
    message: str
    repaired: str


@dataclass(frozen=True)
class _Level:
    indent: int
    line: int  # 0-based line that opened it


def candidates(lines: list[str], last: int) -> Iterator[list[Slip]]:
    """The repairs to try on each line, from the top down to ``last`` (0-based, inclusive)."""
    for number, levels, opens, value_at in _structure(lines, last):
        text = lines[number]
        yield [
            *_keyed(number, text), *_indentation(number, text, levels, opens, value_at),
            *_unclosed(number, text, value_at), *_no_colon(number, text, levels, opens, value_at),
        ]


def _structure(lines: list[str], last: int) -> Iterator[tuple[int, tuple[_Level, ...], int | None, int | None]]:
    """Each structural line (not blank, not a comment, not inside a block scalar) with the
    indentation levels open before it, the indent of the line before it when that line opens
    a block, and where its own value starts (``_value_start``)."""
    stack: list[_Level] = []
    block_owner: int | None = None  # indent of the key whose block scalar is being skipped
    opens: int | None = None
    for number in range(min(last, len(lines) - 1) + 1):
        text = lines[number]
        body = text.lstrip(" ")
        if not body.strip() or body.startswith("#"):
            continue
        indent = len(text) - len(body)
        if block_owner is not None:
            if indent > block_owner:
                continue
            block_owner = None
        value_at = _value_start(text)
        yield number, tuple(stack), opens, value_at
        stripped = text.rstrip()
        if value_at is None and not stripped.endswith(":"):
            opens = None  # not an entry (a text's continuation, or a slip): it opens no level
            continue
        while stack and stack[-1].indent >= indent:
            stack.pop()
        stack.append(_Level(indent, number))
        dashes = re.match(r"(?:-[ ]+)+", body)
        content = indent + (dashes.end() if dashes else 0)
        if dashes and content < len(text):
            stack.append(_Level(content, number))
        opens = indent if stripped.endswith(":") or stripped.endswith("-") else None
        if _BLOCK_SCALAR.search(stripped):
            block_owner = content if dashes and ":" not in body else indent


def _keyed(number: int, text: str) -> Iterator[Slip]:
    """Full-width colon, full-width space or quotes around a key, or no space after its colon."""
    found = _KEYED.match(text)
    if not found:
        return
    key, sep, rest, dash = found["key"], found["sep"], found["rest"], found["dash"]
    quoted = found["open"] + found["close"]
    odd_quotes = quoted and quoted not in ('""', "''")
    wide_space = "\u3000" in sep or "\u3000" in dash
    no_space = sep == ":" and rest and not rest.startswith(("/", "\\"))
    if "：" not in sep and not odd_quotes and not wide_space and not no_space:
        return
    repaired = f"{found['indent']}{dash.replace(chr(0x3000), ' ')}{key}: {rest}".rstrip()
    col = found.start("sep") + 1
    shown = f"{key}: {_short(rest)}".rstrip()
    if "：" in sep:
        col += sep.index("：")
        fix = f"键名“{key}”后面用了中文全角冒号“：”。键名后必须是英文半角冒号“:”加一个空格{_IME}"
    elif wide_space:
        col += sep.index("\u3000") if "\u3000" in sep else 0
        fix = f"键名“{key}”旁边有全角空格（中文输入法下的空格）。YAML 只认英文半角空格{_IME}"
    elif odd_quotes:
        col = found.start("open") + 1 if found["open"] else found.start("close") + 1
        fix = f"键名“{key}”两边多了引号。键名不加引号"
    else:
        fix = f"键名“{key}”的冒号后面缺少空格"
    yield Slip(number, col, f"{fix}，请改为“{shown}”。", repaired)


def _indentation(
    number: int, text: str, levels: tuple[_Level, ...], opens: int | None, value_at: int | None
) -> Iterator[Slip]:
    """Tabs or full-width spaces in the indentation, or an indentation no open level has."""
    body = text.lstrip(" \t\u3000")
    lead = text[: len(text) - len(body)]
    wide, tab = "\u3000" in lead, "\t" in lead
    width = len(lead.expandtabs(4).replace("\u3000", "  "))
    known = {level.indent for level in levels}
    if not (wide or tab) and (width in known or (opens is not None and width > opens) or not levels):
        return
    if not (wide or tab) and width > levels[-1].indent and value_at is None:
        return  # deeper than the last key and no key of its own: a text's continuation line
    targets: list[tuple[int, str]] = []
    if wide or tab:  # the width it looks like in an editor (a tab shows as 4 or 8 columns)
        for shown in {width, len(lead.expandtabs(8).replace("\u3000", "  "))}:
            if shown in known or (opens is not None and shown > opens):
                targets.append((shown, "。"))
    if opens is not None:
        targets.append((opens + 2, "（比上一项多缩进两个空格）。"))
    for level in sorted(levels, key=lambda level: (abs(level.indent - width), -level.indent)):
        targets.append((level.indent, f"，与第 {level.line + 1} 行对齐。"))
    for indent, anchor in targets:
        if tab:
            what = f"这一行用 Tab 键缩进，YAML 只能用空格缩进。请把行首的缩进改为 {indent} 个空格"
        elif wide:
            what = f"这一行行首是全角空格（中文输入法下的空格），YAML 只认英文半角空格。请把行首的缩进改为 {indent} 个半角空格"
        else:
            what = f"这一行的缩进（{width} 个空格）与上下文对不齐：同一层的项左端必须对齐。这里应缩进 {indent} 个空格"
        yield Slip(number, 1, what + anchor, " " * indent + body)


def _unclosed(number: int, text: str, value_at: int | None) -> Iterator[Slip]:
    """A value that opens a quote or a bracket and does not close it on its line."""
    if value_at is None or value_at >= len(text):
        return
    value = text[value_at:].rstrip()
    if not value:
        return
    first = value[0]
    if first in "\"'" and _quote_end(value) is None:
        yield Slip(number, value_at + 1,
                   f"这里的引号“{first}”没有配对的结尾引号。请在这段文字末尾补上“{first}”，或删掉开头的“{first}”。",
                   text.rstrip() + first)
    elif first in _CLOSERS:
        missing = _unbalanced(value)
        if missing:
            quoted = "'" + value.replace("'", "''") + "'"
            advice = (f"这里的“{first}”没有配对的“{_CLOSERS[first]}”。若这段文字本身以“{first}”开头，"
                      f"请把整段文字用引号括起来；若是列表，请在末尾补上“{missing}”。")
            yield Slip(number, value_at + 1, advice, text[:value_at] + quoted)
            yield Slip(number, value_at + 1, advice, text.rstrip() + missing)


def _no_colon(
    number: int, text: str, levels: tuple[_Level, ...], opens: int | None, value_at: int | None
) -> Iterator[Slip]:
    """A line where a key belongs (aligned with one, or the first under a "key:") not written as "key: value"."""
    body = text.lstrip(" ")
    indent = len(text) - len(body)
    if not ((opens is not None and indent > opens) or indent in {level.indent for level in levels}):
        return
    bare = _BARE.match(text)
    if bare and _key_colon(text, bare.start("key")) is None:
        key, rest = bare["key"], bare["rest"].strip()
        if bare["gap"] and rest:
            yield Slip(number, bare.start("gap") + 1,
                       f"“{key}”后面缺少冒号：应写成“{key}: {_short(rest)}”（英文冒号后加一个空格）。",
                       f"{bare['indent']}{bare['dash']}{key}: {rest}")
        elif not rest and not bare["dash"]:
            yield Slip(number, bare.end("key") + 1, f"“{key}”后面缺少冒号：应写成“{key}:”。", text.rstrip() + ":")
    if not body.startswith("-") and value_at is None:
        yield Slip(number, indent + 1,
                   "这一行既不是“键: 值”，也没有比上一项多缩进。若它是上一项文字的续行，"
                   "请比上一项的键名多缩进两个空格；若它是新的一项，请写成“键: 值”。",
                   "  " + text)


def _value_start(text: str) -> int | None:
    """Where the value of a ``key: value`` or ``- value`` line starts (None when the line is neither)."""
    at = len(text) - len(text.lstrip(" "))
    while text.startswith("- ", at) or text.startswith("-\t", at):
        at += 2
        while at < len(text) and text[at] == " ":
            at += 1
    if at < len(text) and text[at] in "\"'":  # a quoted key, or a quoted value
        end = _quote_end(text[at:])
        if end is None or not text.startswith(":", at + end):
            return at
        at += end
    else:
        colon = _key_colon(text, at)
        if colon is None:
            return at if at > len(text) - len(text.lstrip(" ")) else None
        at = colon
    at += 1  # the colon
    while at < len(text) and text[at] == " ":
        at += 1
    return at


def _key_colon(text: str, start: int) -> int | None:
    """The colon ending a plain key at ``start`` (a ':' followed by a space or the line's end)."""
    at = text.find(":", start)
    while at != -1:
        if at + 1 == len(text) or text[at + 1] in " \t":
            return at
        at = text.find(":", at + 1)
    return None


def _quote_end(value: str) -> int | None:
    """Index just past the quote that closes the one ``value`` starts with; None if unclosed."""
    quote, at = value[0], 1
    while at < len(value):
        char = value[at]
        if quote == '"' and char == "\\":
            at += 2
            continue
        if char == quote:
            if quote == "'" and value.startswith("''", at):
                at += 2
                continue
            return at + 1
        at += 1
    return None


def _unbalanced(value: str) -> str:
    """The closing brackets ``value`` lacks, innermost first ("" when balanced or garbled)."""
    pending: list[str] = []
    quote = ""
    for char in value:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in _CLOSERS:
            pending.append(_CLOSERS[char])
        elif char in "]}":
            if not pending or pending.pop() != char:
                return ""
    return "".join(reversed(pending))


def _short(text: str) -> str:
    text = text.strip()
    return text if len(text) <= 16 else text[:16] + "…"
