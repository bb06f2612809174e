"""Load YAML while remembering where every value came from (file:line:col).

PyYAML's composer gives nodes with marks; we construct plain Python data from
the same nodes and record the mark of every mapping key and sequence item, so a
validation error at ``measures[0].points[1].text`` can point at its line.
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


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps YAML 1.1 quirks out of officers' way."""


# "no", "off", "yes" are not booleans for an officer typing Chinese text; and a
# bare 2025-02-20 stays a date (the model accepts dates).
for first, resolvers in list(_Loader.yaml_implicit_resolvers.items()):
    _Loader.yaml_implicit_resolvers[first] = [
        (tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"
    ]
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def parse(text: str, file: str) -> Located:
    """Parse YAML text; raise DrafterError (with line:col) on syntax errors."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        what = _syntax_hint(exc)
        raise DrafterError(
            f"{file}：YAML 格式错误，文件无法解析。",
            [Problem(file, line, col, "", what)],
        ) from None
    except yaml.YAMLError as exc:  # reader errors (e.g. control characters)
        raise DrafterError(f"{file}：YAML 格式错误：{exc}") from None
    finally:
        loader.dispose()
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


def _build(loader: _Loader, node: yaml.Node, loc: Loc, out: Located, problems: list[Problem]) -> Any:
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


def _syntax_hint(exc: yaml.MarkedYAMLError) -> str:
    problem = (exc.problem or "").strip()
    hints = {
        "mapping values are not allowed here": "这里不能出现冒号。若文字中含有“: ”，请把整段文字用引号括起来，或改用中文冒号“：”。",
        "could not find expected ':'": "缺少冒号。每一项应写成“键: 值”（冒号后有一个空格）。",
        "found character '\\t' that cannot start any token": "YAML 不能用 Tab 缩进，请改用空格。",
        "did not find expected key": "缩进不一致。同一层的各项必须对齐（只用空格缩进）。",
        "did not find expected '-' indicator": "列表缩进不一致。同一列表的各项“- ”必须对齐。",
        "found unexpected end of stream": "引号没有配对。请检查这一行附近的引号是否成对。",
        "found undefined alias": "使用了未定义的 * 引用。文字中的“*”请放在引号里。",
    }
    for key, text in hints.items():
        if problem.startswith(key):
            return text
    return f"无法解析（{problem or exc}）。请检查这一行附近的缩进、冒号和引号。"
