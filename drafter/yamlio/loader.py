"""Load YAML while remembering where every value came from (file:line:col).

PyYAML's composer gives nodes with marks; we construct plain Python data from
the same nodes and record the mark of every mapping key and sequence item, so a
validation error at ``measures[0].points[1].text`` can point at its line.
libyaml's parser (``CLoader``) composes the nodes where PyYAML was built with
it, the pure-Python one (``PythonLoader``) elsewhere; both give the same data,
the same marks and the same Chinese messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import DrafterError, Problem
from drafter.files.textcodec import read_text

Loc = tuple[str | int, ...]
MAX_INPUT_BYTES = 5 * 1024 * 1024


@dataclass
class Located:
    """Parsed YAML data plus the source position of every path in it."""

    file: str
    data: Any
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc) -> tuple[int | None, int | None]:
        """Line and column (1-based) of ``loc`` or of its nearest recorded ancestor."""
        loc = tuple(loc)
        while True:
            if loc in self.marks:
                return self.marks[loc]
            if not loc:
                return None, None
            loc = loc[:-1]

    def problem(self, loc: Loc, message: str) -> Problem:
        line, col = self.position(loc)
        return Problem(self.file, line, col, format_loc(loc), message)


def format_loc(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_BOOL = "tag:yaml.org,2002:bool"


def _officer_resolvers() -> dict:
    """PyYAML's implicit types, with only true/false as booleans.

    "no", "off", "yes" are not booleans for an officer typing Chinese text; a
    bare 2025-02-20 stays a date (the model accepts dates). A copy: PyYAML's
    own table, shared by every loader in the process, is left alone.
    """
    table = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }
    boolean = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
    for first in "tTfF":
        table.setdefault(first, []).append((_BOOL, boolean))
    return table


class PythonLoader(yaml.SafeLoader):
    """PyYAML's pure-Python parser (slow; used where libyaml is missing)."""

    yaml_implicit_resolvers = _officer_resolvers()


if hasattr(yaml, "CSafeLoader"):

    class CLoader(yaml.CSafeLoader):  # type: ignore[name-defined,misc]
        """libyaml's parser: about ten times faster; its nodes carry the same marks."""

        yaml_implicit_resolvers = PythonLoader.yaml_implicit_resolvers

    Loader: type = CLoader
else:  # a PyYAML built without libyaml
    CLoader = None  # type: ignore[assignment,misc]
    Loader = PythonLoader


def parse(text: str, file: str) -> Located:
    """Parse YAML text; raise DrafterError (with line:col) on syntax errors."""
    try:
        loader = Loader(text)  # the pure-Python reader vets the characters here already
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        raise DrafterError(
            f"{file}：YAML 格式错误，文件无法解析。",
            [Problem(file, line, col, "", _syntax_hint(exc, text, mark))],
        ) from None
    except yaml.YAMLError as exc:  # the reader refused a character (the two parsers count offsets differently)
        line, col, char = _unacceptable(text)
        what = (
            f"这里有一个不可见的控制字符（{char}），请删除它（常见于从网页或其他软件复制来的文字）。"
            if char else f"无法解析（{exc}）。请检查文件中是否有特殊字符。"
        )
        raise DrafterError(f"{file}：YAML 格式错误，文件无法解析。", [Problem(file, line, col, "", what)]) from None
    located = Located(file=file, data=None)
    if node is None:
        return located
    problems: list[Problem] = []
    located.data = _build(loader, node, (), located, problems)
    if problems:
        raise DrafterError(f"{file}：YAML 内容有误。", problems)
    return located


def load(path: Path) -> Located:
    text, _ = read_text(path, MAX_INPUT_BYTES)
    return parse(text, str(path))


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _build(loader: yaml.BaseLoader, node: yaml.Node, loc: Loc, out: Located, problems: list[Problem]) -> Any:
    out.marks.setdefault(loc, _mark(node))
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                line, col = _mark(key_node)
                problems.append(Problem(out.file, line, col, format_loc(loc), "键名必须是文字。"))
                continue
            key = str(key)
            if key in result:
                line, col = _mark(key_node)
                problems.append(Problem(
                    out.file, line, col, format_loc(loc + (key,)),
                    f"“{key}”重复出现，后一个会覆盖前一个。请删除或合并其中一个。",
                ))
                continue
            out.marks[loc + (key,)] = _mark(key_node)
            result[key] = _build(loader, value_node, loc + (key,), out, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, child, loc + (i,), out, problems) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


# PyYAML's problem texts (both parsers' wordings) → what the officer should do.
_HINTS = (
    ("mapping values are not allowed", "这里不能出现冒号。若文字中含有“: ”，请把整段文字用引号括起来，或改用中文冒号“：”。"),
    ("could not find expected ':'", "缺少冒号。每一项应写成“键: 值”（冒号后有一个空格）。"),
    ("did not find expected key", "缩进不一致。同一层的各项必须对齐（只用空格缩进）。"),
    ("expected <block end>", "缩进不一致。同一层的各项必须对齐（只用空格缩进）。"),
    ("did not find expected '-' indicator", "列表缩进不一致。同一列表的各项“- ”必须对齐。"),
    ("found unexpected end of stream", "引号没有配对。请检查这一行附近的引号是否成对。"),
    ("found undefined alias", "使用了未定义的 * 引用。文字中的“*”请放在引号里。"),
)


def _syntax_hint(exc: yaml.MarkedYAMLError, text: str, mark) -> str:
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    for start, hint in _HINTS:
        if problem.startswith(start):
            return hint
    if "cannot start any token" in problem:
        char = _char_at(text, mark)
        if char == "\t":
            return "YAML 不能用 Tab 缩进，请改用空格。"
        shown = f"“{char}”" if char and char.isprintable() else "这个字符"
        return f"{shown}不能出现在值的开头。请把整段文字用引号括起来。"
    if context == "while scanning an alias":
        return "“*”开头的文字会被当作引用。请把整段文字用引号括起来。"
    if context.startswith("while parsing a flow"):
        return "方括号 [ ] 或花括号 { } 没有配对。文字中含有括号时，请把整段文字用引号括起来。"
    return f"无法解析（{problem or exc}）。请检查这一行附近的缩进、冒号和引号。"


def _char_at(text: str, mark) -> str:
    if mark is None:
        return ""
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


def _unacceptable(text: str) -> tuple[int | None, int | None, str]:
    """Where the first character YAML refuses is (line, col, its code; "" if none), the same for both parsers."""
    found = yaml.reader.Reader.NON_PRINTABLE.search(text)
    if found is None:
        return None, None, ""
    line = text.count("\n", 0, found.start()) + 1
    col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return line, col, f"#x{ord(found.group()):04x}"
