"""A YAML syntax error, explained in Chinese on the line where the mistake is.

The parser stops where it can no longer go on, which for an unclosed quote
can be hundreds of lines after the quote. So the error is explained by
repair: the typing slips in ``slips`` are tried from the top of the file
down to where the parser stopped, and the first repair that lets the parser
get further is the mistake (its line, what is wrong, how it should read).
The repaired text is parsed again for the next mistake, so one run reports
several slips. When no repair helps, the parser's own place is given with
advice chosen by what it was reading; its English never reaches the user.
Repairs replace a line by one line: line numbers never shift.
"""

from __future__ import annotations

import time

import yaml

from drafter.errors import Problem
from drafter.yamlio import slips

MAX_PROBLEMS = 10
_BUDGET_SECONDS = 3.0  # repair attempts stop here; the parser's own place is reported after it
_LOOKAHEAD = 3  # lines past the stopping place that a repair is parsed with

Position = tuple[int, int]  # 0-based line, column


def explain(text: str, file: str, exc: yaml.MarkedYAMLError, parser: type) -> list[Problem]:
    """Located Chinese problems for a parse that failed with ``exc`` (``parser`` is the loader class)."""
    lines = text.split("\n")
    problems: list[Problem] = []
    deadline = time.monotonic() + _BUDGET_SECONDS
    while len(problems) < MAX_PROBLEMS:
        stop = _position(exc)
        slip = _first_repair(lines, stop, parser, deadline)
        if slip is None:
            problems.append(_as_parser_says(exc, lines, file))
            break
        problems.append(Problem(file, slip.line + 1, slip.col, "", slip.message))
        lines[slip.line] = slip.repaired
        next_exc = _failure("\n".join(lines), parser)
        if next_exc is None:
            break
        exc = next_exc
    return problems


def _position(exc: yaml.MarkedYAMLError) -> Position:
    mark = exc.problem_mark or exc.context_mark
    return (mark.line, mark.column) if mark is not None else (0, 0)


def _failure(text: str, parser: type) -> yaml.MarkedYAMLError | None:
    """Where parsing ``text`` stops (the parser's error), or None when it parses."""
    loader = parser(text)
    try:
        if hasattr(loader, "raw_parse"):  # libyaml: events counted in C, none built in Python
            loader.raw_parse()
        else:
            while loader.check_event():
                loader.get_event()
    except yaml.MarkedYAMLError as exc:
        return exc
    except yaml.YAMLError:
        return None  # a refused character: not a syntax matter
    finally:
        loader.dispose()
    return None


def _first_repair(lines: list[str], stop: Position, parser: type, deadline: float) -> slips.Slip | None:
    """The topmost line with a slip whose repair lets the parser get past ``stop``
    (of that line's slips, the one that gets furthest)."""
    end = min(len(lines), stop[0] + 1 + _LOOKAHEAD)
    while end < len(lines) and not lines[end - 1].strip():
        end += 1  # a block scalar's indentation is judged on its first non-blank line
    window = lines[:end]
    baseline = _reach(window, parser)
    for found in slips.candidates(lines, stop[0]):
        if time.monotonic() > deadline:
            return None
        best: tuple[slips.Slip, Position] | None = None
        for slip in found:
            if time.monotonic() > deadline:
                return None
            trial = list(window)
            trial[slip.line] = slip.repaired
            reached = _reach(trial, parser)
            if reached > baseline and (best is None or reached > best[1]):
                best = (slip, reached)
        if best is not None:
            return best[0]
    return None


_PARSED = (1 << 62, 0)  # further than any place: the text parses


def _reach(lines: list[str], parser: type) -> Position:
    exc = _failure("\n".join(lines), parser)
    return _PARSED if exc is None else _position(exc)


# What the parser was reading or found (both parsers' wordings, matched by their
# start) → what the officer should do. The first match wins.
_ADVICE = (
    ("found a tab character", "YAML 不能用 Tab 键缩进，请把行首的 Tab 换成空格，与同一层的项对齐。"),
    ("while scanning an alias", "“*”开头的文字会被当作引用。请把整段文字用引号括起来。"),
    ("while scanning an anchor", "“&”开头的文字会被当作锚点。请把整段文字用引号括起来。"),
    ("while scanning a tag", "“!”开头的文字会被当作标记。请把整段文字用引号括起来。"),
    ("while scanning a block scalar", "“|”或“>”开头的文字会被当作多行文字的标记。请把整段文字用引号括起来；"
     "若是要写多行文字，“>-”后面不能再写字，文字从下一行开始并多缩进两个空格。"),
    ("while scanning a directive", "以“%”开头的行会被当作 YAML 指令。若这是文字，请把整段文字用引号括起来。"),
    ("found unknown escape character", "双引号里的“\\”会被当作转义符。文字中的反斜杠请写成“\\\\”，或改用单引号把文字括起来。"),
    ("expected escape sequence", "双引号里的“\\”会被当作转义符。文字中的反斜杠请写成“\\\\”，或改用单引号把文字括起来。"),
    ("while scanning a quoted scalar", "引号没有配对。请检查这里开头的引号是否有结尾的引号。"),
    ("while scanning a double-quoted scalar", "引号没有配对。请检查这里开头的引号是否有结尾的引号。"),
    ("while scanning a single-quoted scalar", "引号没有配对。请检查这里开头的引号是否有结尾的引号。"),
    ("while parsing a quoted scalar", "引号没有配对。请检查这里开头的引号是否有结尾的引号。"),
    ("while parsing a flow", "方括号 [ ] 或花括号 { } 没有配对。文字中含有括号时，请把整段文字用引号括起来。"),
    ("mapping values are not allowed", "这里不能出现“: ”（英文冒号加空格）。若这是文字中的冒号，请把整段文字用引号括起来，"
     "或改用中文冒号“：”；若这一行是新的一项，请检查它是否与同一层的其他项左端对齐。"),
    ("could not find expected ':'", "这一项缺少冒号：应写成“键: 值”（英文冒号后加一个空格）。"
     "若它是上一项文字的续行，请比上一项的键名多缩进两个空格。"),
    ("while scanning a simple key", "这一项缺少冒号：应写成“键: 值”（英文冒号后加一个空格）。"),
    ("block sequence entries are not allowed", "“- ”开头的列表项不能写在这里。列表项应单独成行，并与同一列表的其他“- ”对齐。"),
    ("did not find expected '-' indicator", "列表缩进不一致。同一列表的各项“- ”必须左端对齐。"),
    ("did not find expected key", "缩进不一致。同一层的各项必须左端对齐（只用空格缩进）。"),
    ("expected <block end>", "缩进不一致。同一层的各项必须左端对齐（只用空格缩进）。"),
    ("found unexpected end of stream", "文件在这里意外结束：有引号或括号没有配对。"),
    ("document indicator", "“---”或“...”单独成行会被当作 YAML 文档的分隔。若这是文字，请把整段文字用引号括起来。"),
    ("expected '<document start>'", "这里的内容在文件主体之外：请检查它的缩进，或它前面是否有多余的“---”。"),
    ("did not find expected <document start>", "这里的内容在文件主体之外：请检查它的缩进，或它前面是否有多余的“---”。"),
    ("exceeded maximum nesting depth", "这里嵌套过深，远超正常文件。请检查括号和缩进。"),
)
_GENERAL = ("这一行附近的格式无法识别。请检查：只用空格缩进、同一层的项左端对齐；每一项写成“键: 值”"
            "（英文冒号后加一个空格）；引号和括号成对。")


def _as_parser_says(exc: yaml.MarkedYAMLError, lines: list[str], file: str) -> Problem:
    context, problem = (exc.context or "").strip(), (exc.problem or "").strip()
    # The scanner's context mark is where the unfinished thing began (the key, the quote,
    # the bracket); elsewhere the problem mark is where the mistake shows.
    scanning = context.startswith(("while scanning a simple key", "while scanning a quoted", "while scanning a double",
                                   "while scanning a single", "while parsing a quoted", "while parsing a flow"))
    mark = (exc.context_mark if scanning else None) or exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
    advice = _GENERAL
    if "cannot start any token" in problem:
        char = _char_at(lines, mark)
        if char == "\t":
            advice = "YAML 不能用 Tab 键缩进或分隔，请把这里的 Tab 换成空格。"
        else:
            shown = f"“{char}”" if char and char.isprintable() else "这个字符"
            advice = f"{shown}不能出现在值的开头。请把整段文字用引号括起来。"
    else:
        advice = next((text for start, text in _ADVICE if problem.startswith(start) or context.startswith(start)),
                      _GENERAL)
    return Problem(file, line, col, "", advice)


def _char_at(lines: list[str], mark) -> str:
    if mark is None or mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""
