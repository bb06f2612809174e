"""Load YAML while remembering where every value came from (file:line:col).

The parser's events are built into plain Python data by ``build`` (bounded:
no aliases, no foreign tags, limited depth), which records the mark of every
mapping key and sequence item, so a validation error at
``measures[0].points[1].text`` can point at its line; a syntax error is
explained by ``syntax``, on the line where the mistake is. libyaml's parser
(``CLoader``) reads where PyYAML was built with it, the pure-Python one
(``PythonLoader``) elsewhere; both give the same data, the same marks and the
same Chinese messages.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from drafter.errors import DrafterError, Problem
from drafter.files.textcodec import read_text
from drafter.yamlio import syntax
from drafter.yamlio.build import build
from drafter.yamlio.located import Loc, Located, format_loc

__all__ = ["Loc", "Located", "format_loc", "load", "parse"]

MAX_INPUT_BYTES = 5 * 1024 * 1024
_CORE = "tag:yaml.org,2002:"


def _officer_resolvers() -> dict:
    """YAML's implicit types as an officer typing Chinese text means them.

    Only true/false are booleans ("no", "off", "yes" are words); numbers are
    decimal (a leading 0 is not octal, 9:30 is not 570 in base 60); a bare
    2025-02-20 stays a date (the model accepts dates); "=", "<<", "!" are text.
    A table of our own: PyYAML's, shared by every loader in the process, is
    left alone.
    """
    own = {
        "bool": (r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
        "int": (r"^[-+]?(?:0|[1-9][0-9_]*)$", "-+0123456789"),
        "float": (r"^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
                  r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    }
    table: dict[str, list] = {}
    for name, (pattern, firsts) in own.items():
        for first in firsts:
            table.setdefault(first, []).append((_CORE + name, re.compile(pattern)))
    for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items():
        for tag, regexp in resolvers:
            if tag in (_CORE + "null", _CORE + "timestamp"):
                table.setdefault(first, []).append((tag, regexp))
    return table


class PythonLoader(yaml.SafeLoader):
    """PyYAML's pure-Python parser (slow; used where libyaml is missing)."""

    yaml_implicit_resolvers = _officer_resolvers()


if hasattr(yaml, "CSafeLoader"):

    class CLoader(yaml.CSafeLoader):
        """libyaml's parser: about ten times faster; its nodes carry the same marks."""

        yaml_implicit_resolvers = PythonLoader.yaml_implicit_resolvers

    Loader: type = CLoader
else:  # a PyYAML built without libyaml
    CLoader = None  # type: ignore[assignment,misc]
    Loader = PythonLoader


def parse(text: str, file: str, aliases: bool = False) -> Located:
    """Parse YAML text into Located data; DrafterError (located, in Chinese) when it cannot be used.

    ``aliases`` allows anchors and aliases (data files such as the review rules
    share lists that way); inputs leave it off.
    """
    # Line breaks the way an editor shows them: YAML also breaks lines at U+2028,
    # U+2029 and U+0085, which Notepad shows as nothing; pasted from a web page
    # they would shift every line number after them.
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_INVISIBLE_BREAKS)
    try:
        loader = Loader(text)  # the pure-Python reader vets the characters here already
        try:
            return build(loader, file, aliases)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        problems = syntax.explain(text, file, exc, Loader)
    except yaml.YAMLError:  # the reader refused a character (the two parsers count offsets differently)
        line, col, char = _unacceptable(text)
        problems = [Problem(file, line, col, "", (
            f"这里有一个不可见的控制字符（{char}），请删除它（常见于从网页或其他软件复制来的文字）。"
            if char else "文件中有 YAML 不允许的字符，请检查文件是否完整、是否为文本文件。"
        ))]
    raise DrafterError(f"{file}：YAML 格式错误，文件无法解析。", problems)


_INVISIBLE_BREAKS = {0x2028: " ", 0x2029: " ", 0x85: " "}


def load(path: Path, aliases: bool = False) -> Located:
    text, _ = read_text(path, MAX_INPUT_BYTES)
    return parse(text, str(path), aliases)


def _unacceptable(text: str) -> tuple[int | None, int | None, str]:
    """Where the first character YAML refuses is (line, col, its code; "" if none), the same for both parsers."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is None:
        return None, None, ""
    line = text.count("\n", 0, found.start()) + 1
    col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return line, col, f"#x{ord(found.group()):04x}"
