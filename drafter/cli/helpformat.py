"""Help pages wrapped by display width, so Chinese help fits the terminal.

typer's rich help panels measure Chinese right, but importing them costs more
than all the rest of ``drafter --help``; click's plain layout is quick but
counts characters, so a line of Chinese came out twice the terminal's width.
This keeps the plain layout and wraps by columns: a Chinese character takes
two, a line may break between any two of them (never before a closing mark
such as ，。）or after an opening one), Latin words break at spaces. A
paragraph indented further than the text (the examples in the docstrings) is
kept line for line.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import typer
from typer.core import TyperCommand, TyperGroup

_NO_LINE_START = set("，。、；：？！）】〕》」』”’…")
_NO_LINE_END = set("（【〔《「『“‘")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def columns(text: str) -> int:
    """Display width: two columns for a wide (Chinese) character, one for the rest."""
    return sum(2 if _wide(c) else 1 for c in text)


def _kind(char: str) -> str:
    return "space" if char.isspace() else "wide" if _wide(char) else "word"


def _tokens(text: str) -> list[str]:
    """Whitespace runs, Latin words and single wide characters, with the punctuation that must stay attached."""
    raw: list[str] = []
    for char in text:
        kind = _kind(char)
        if raw and kind != "wide" and _kind(raw[-1][-1]) == kind:
            raw[-1] += char
        else:
            raw.append(char)
    tokens: list[str] = []
    opening = ""
    for token in raw:
        if token[0] in _NO_LINE_START and tokens and not tokens[-1].isspace() and not opening:
            tokens[-1] += token
        elif token in _NO_LINE_END:
            opening += token
        else:
            tokens.append(opening + token)
            opening = ""
    if opening:
        tokens.append(opening)
    return tokens


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns (a token wider than that gets a line of its own)."""
    lines: list[str] = []
    line, used, space = "", 0, ""
    for token in _tokens(text):
        if token.isspace():
            space = " " if line else ""
            continue
        need = columns(space) + columns(token)
        if line and used + need > width:
            lines.append(line)
            line, used = token, columns(token)
        else:
            line, used = line + space + token, used + need
        space = ""
    if line:
        lines.append(line)
    return lines


def _join(lines: list[str]) -> str:
    """One paragraph from its source lines: no space is added where Chinese meets Chinese or Latin."""
    out = ""
    for line in (x.strip() for x in lines):
        if out and line and not (_wide(out[-1]) or _wide(line[0])):
            out += " "
        out += line
    return out


def fill(text: str, width: int, indent: int) -> str:
    """Blank-line paragraphs wrapped to ``width``; indented paragraphs kept as written."""
    paragraphs: list[list[str]] = [[]]
    for line in text.expandtabs().splitlines():
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    out = []
    for lines in filter(None, paragraphs):
        verbatim = lines[0].strip() == "\b"  # click's "do not rewrap" marker
        lines = lines[1:] if verbatim else lines
        if verbatim or lines[0][:1].isspace():
            out.append("\n".join(" " * indent + x for x in lines))
        else:
            out.append("\n".join(" " * indent + x for x in wrap(_join(lines), width - indent)))
    return "\n\n".join(out)


# (click's formatter reached through typer, which may carry its own click: mypy takes the
# class attribute for a variable, not a type)
class HelpFormatter(typer.Context.formatter_class):  # type: ignore[misc,valid-type]
    """click's help layout, wrapped by display width."""

    def write_text(self, text: str) -> None:
        self.write(fill(text, self.width, self.current_indent) + "\n")

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((columns(first) for first, _ in rows), default=0), col_max) + col_spacing
        text_width = max(self.width - first_col - self.current_indent, 20)
        for first, second in rows:
            self.write(" " * self.current_indent + first)
            if not second:
                self.write("\n")
                continue
            if columns(first) <= first_col - col_spacing:
                self.write(" " * (first_col - columns(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap(_join(second.splitlines()), text_width) or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(" " * (first_col + self.current_indent) + line + "\n")


class Context(typer.Context):
    formatter_class = HelpFormatter


class Command(TyperCommand):
    context_class = Context


class Group(TyperGroup):
    context_class = Context
