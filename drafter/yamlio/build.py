"""Parser events → plain Python data and the line:col of every path in it.

Built from the parser's event stream with an explicit stack, so the work is
bounded before any object exists: nesting deeper than ``MAX_DEPTH`` or more
than ``MAX_NODES`` values stop the reading at once. Anchors and aliases
(``&name``/``*name``) are refused in inputs (an officer has no use for them,
and ``&词`` at the start of a value would silently vanish); data files that
share a list that way (the review rules) may use them, each alias counted at
its full size against ``MAX_NODES`` before it is copied, so a few hundred
bytes of nested aliases cannot become gigabytes. A tag other than
YAML's plain types (``!!python/object…``, ``!foo``) is refused. A scalar YAML
guesses wrong (``2025-02-30`` is no date, a 5000-digit number too long for an
int) stays the text it is, for the model to judge; strings cannot smuggle
control characters in through ``"\\x01"`` escapes. Keys are the text as written.
"""

from __future__ import annotations

import copy
from typing import Any

import yaml

from drafter.errors import DrafterError, Problem
from drafter.yamlio.located import Loc, Located, format_loc

MAX_DEPTH = 50  # an input nests about 8 deep
MAX_NODES = 100_000  # the bundled standard has under 1 000
MAX_LISTED = 10  # problems listed; an alias bomb has thousands of the same

_CORE = "tag:yaml.org,2002:"
_STR = _CORE + "str"
_SCALAR_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {_CORE + "seq", _CORE + "map"}
_UNPRINTABLE = yaml.reader.Reader.NON_PRINTABLE  # what YAML refuses literally is refused through escapes too
_QUOTE_IT = "请把整段文字用引号括起来。"
_NO_KEY = object()


class _Frame:
    """A collection being built: its container, its place (None inside a key), a mapping's pending key."""

    __slots__ = ("data", "loc", "key", "key_mark", "keep", "anchor", "size")

    def __init__(self, data: list | dict, loc: Loc | None, anchor: str | None):
        self.data, self.loc, self.anchor = data, loc, anchor
        self.size = 1  # nodes in it, aliases counted at their full size
        self.key: Any = _NO_KEY  # a mapping's nodes alternate: key, value
        self.key_mark = (0, 0)
        self.keep = True  # False: the pending key is unusable, its value is built and dropped


def build(loader: yaml.BaseLoader, file: str, aliases: bool = False) -> Located:
    """The stream's single document as Located data (None for an empty stream); ``aliases``: allow them.

    A syntax error (yaml.YAMLError) propagates for the caller to explain; what
    is wrong in well-formed YAML is raised as one DrafterError listing every
    problem. ``MAX_DEPTH`` and ``MAX_NODES`` stop the reading where they are hit.
    """
    located = Located(file, None)
    problems: list[Problem] = []
    loader.get_event()  # stream start
    if not loader.check_event(yaml.StreamEndEvent):
        loader.get_event()  # document start
        located.data = _document(loader, located, problems, aliases)
        loader.get_event()  # document end
        if loader.check_event(yaml.DocumentStartEvent):
            problems.append(Problem(
                file, *_mark(loader.peek_event()), "",
                "这里开始了第二份 YAML 文档（以“---”分隔）。drafter 的文件只能有一份：请删除这一行的“---”，"
                "把后面的内容并入前面。",
            ))
    if len(problems) > MAX_LISTED:
        raise DrafterError(f"{file}：YAML 内容有误，共 {len(problems)} 处，下面列出前 {MAX_LISTED} 处：", problems[:MAX_LISTED])
    if problems:
        raise DrafterError(f"{file}：YAML 内容有误。", problems)
    return located


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    assert mark is not None  # the parser marks every event it makes
    return mark.line + 1, mark.column + 1


def _document(loader: yaml.BaseLoader, out: Located, problems: list[Problem], aliases: bool) -> Any:
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Any, int]] = {}  # anchor → (value, size)
    nodes = 0
    while True:
        event = loader.get_event()
        if isinstance(event, yaml.CollectionEndEvent):
            frame = stack.pop()
            value: Any = frame.data
            size = frame.size
            if frame.anchor is not None:
                anchors[frame.anchor] = (value, size)
        else:
            alias = event.anchor if aliases and isinstance(event, yaml.AliasEvent) else None
            shared = anchors.get(alias) if alias is not None else None
            size = shared[1] if shared is not None else 1
            mark = _mark(event)
            nodes += size
            if nodes > MAX_NODES:
                what = f"这里的引用“*{event.anchor}”展开后" if shared is not None else "读到这里时"
                raise DrafterError(f"{out.file}：内容太多，已停止读取。", [Problem(
                    out.file, *mark, "", f"{what}，文件的内容已超过 {MAX_NODES} 项，远超正常文件。请确认选对了文件。",
                )])
            parent = stack[-1] if stack else None
            is_key = parent is not None and isinstance(parent.data, dict) and parent.key is _NO_KEY
            loc = _place(parent, is_key)
            if loc is not None:
                out.marks.setdefault(loc, mark)
                if loc and mark[0] != out.marks[loc][0]:
                    out.starts[loc] = mark
            if is_key:
                parent.key_mark = mark  # type: ignore[union-attr]
            if not aliases:
                _refuse_anchor(event, out.file, problems)
            elif isinstance(event, yaml.AliasEvent) and shared is None:
                problems.append(Problem(out.file, *mark, "", f"“*{event.anchor}”引用的锚点“&{event.anchor}”在它前面没有定义。"))
            if isinstance(event, yaml.CollectionStartEvent):
                if len(stack) >= MAX_DEPTH:
                    raise DrafterError(f"{out.file}：YAML 内容有误。", [Problem(
                        out.file, *mark, "",
                        f"这里嵌套超过 {MAX_DEPTH} 层，远超正常文件，已停止读取。请检查缩进，或确认选对了文件。",
                    )])
                _refuse_tag(event, _COLLECTION_TAGS, out.file, problems)
                anchor = event.anchor if aliases else None
                stack.append(_Frame({} if isinstance(event, yaml.MappingStartEvent) else [], loc, anchor))
                continue
            if isinstance(event, yaml.AliasEvent):
                value = copy.deepcopy(shared[0]) if shared is not None else None  # counted above, before copying
            elif is_key:
                _refuse_tag(event, _SCALAR_TAGS, out.file, problems)
                value = event.value  # a key is the text as written
            else:
                value = _scalar(loader, event, out.file, problems)
            if aliases and getattr(event, "anchor", None) is not None and not isinstance(event, yaml.AliasEvent):
                anchors[event.anchor] = (value, 1)
        if not stack:
            return value
        stack[-1].size += size
        _attach(stack[-1], value, out, problems)


def _place(parent: _Frame | None, is_key: bool) -> Loc | None:
    """Where the next node goes; None for a key, inside a key, or under an unusable key."""
    if parent is None:
        return ()
    if is_key or parent.loc is None:
        return None
    if isinstance(parent.data, list):
        return parent.loc + (len(parent.data),)
    return parent.loc + (parent.key,) if parent.keep else None


def _attach(frame: _Frame, value: Any, out: Located, problems: list[Problem]) -> None:
    if isinstance(frame.data, list):
        frame.data.append(value)
    elif frame.key is not _NO_KEY:
        if frame.keep:
            frame.data[frame.key] = value
        frame.key, frame.keep = _NO_KEY, True
    else:
        frame.key = value
        where = frame.loc if frame.loc is not None else ()
        if not isinstance(value, str):
            frame.keep = False
            if value is not None:  # None: an alias, refused already
                problems.append(Problem(out.file, *frame.key_mark, format_loc(where), "键名必须是文字。"))
        elif value in frame.data:
            frame.keep = False
            problems.append(Problem(
                out.file, *frame.key_mark, format_loc(where + (value,)),
                f"“{value}”重复出现，后一个会覆盖前一个。请删除或合并其中一个。",
            ))
        elif frame.loc is not None:
            out.marks[frame.loc + (value,)] = frame.key_mark


def _scalar(loader: yaml.BaseLoader, event: yaml.ScalarEvent, file: str, problems: list[Problem]) -> Any:
    tag = event.tag
    implicit = tag is None or tag == "!"
    if implicit:
        tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
    elif tag not in _SCALAR_TAGS:
        _refuse_tag(event, _SCALAR_TAGS, file, problems)
        return event.value
    value: Any = event.value
    if tag in _SCALAR_TAGS and tag != _STR:
        # (types-PyYAML: a node takes only the pure-Python Mark; libyaml's events carry its own)
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]
        try:
            value = loader.yaml_constructors[tag](loader, node)
        except (ValueError, ArithmeticError, yaml.YAMLError):
            # YAML took the text for a type it is not: it stays text, for the model to judge.
            if not implicit:
                problems.append(Problem(
                    file, *_mark(event), "", f"“{_short(event.value)}”不符合它前面的标记“{_tag_text(tag)}”。请删除这个标记。"
                ))
    if event.style == '"' and isinstance(value, str):
        found = _UNPRINTABLE.search(value)
        if found:
            problems.append(Problem(
                file, *_mark(event), "",
                f"引号里的文字含有不可见的控制字符（#x{ord(found.group()):04x}，由“\\”转义写成），"
                "Word 文档无法保存它。请删除这个转义。",
            ))
    return value


def _refuse_anchor(event: yaml.Event, file: str, problems: list[Problem]) -> None:
    if isinstance(event, yaml.AliasEvent):
        problems.append(Problem(
            file, *_mark(event), "",
            f"“*{event.anchor}”会被 YAML 当作对别处内容的引用，drafter 的文件不使用引用。"
            f"若这是文字，{_QUOTE_IT}若想重复别处的内容，请把内容完整写在这里。",
        ))
    elif isinstance(event, yaml.NodeEvent) and event.anchor is not None:
        problems.append(Problem(
            file, *_mark(event), "",
            f"“&{event.anchor}”会被 YAML 当作锚点（供别处引用的名字），不算文字，drafter 的文件不使用锚点。"
            f"若这是文字，{_QUOTE_IT}否则请删除“&{event.anchor}”。",
        ))


def _refuse_tag(
    event: yaml.ScalarEvent | yaml.CollectionStartEvent, allowed: set[str], file: str, problems: list[Problem]
) -> None:
    tag = event.tag
    if tag is None or tag == "!" or tag in allowed:
        return
    problems.append(Problem(
        file, *_mark(event), "",
        f"不支持的标记“{_tag_text(tag)}”。drafter 的文件不需要“!”开头的标记，请删除它；"
        f"若“!”是文字的一部分，{_QUOTE_IT}",
    ))


def _tag_text(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "…"
