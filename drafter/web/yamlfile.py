"""An input file edited in the page: the new data written into the old file's text.

ruamel.yaml's round-trip mode keeps the comments, key order, quoting and
block styles of everything the writer did not change. It reads YAML 1.2
while drafter's loader reads YAML 1.1 (with yes/no/on/off kept as text), so
the two can disagree about a bare ``010``, ``1:20``, ``=`` or ``1e-05``.
Rather than trusting either, the text written is read back with drafter's
own loader and compared with the data meant; a value read differently is
quoted (text) or rewritten (numbers) and the check repeats. What the page
validates and saves is therefore exactly what ``drafter validate`` reads.

A file ruamel cannot follow (its reading differs in shape from drafter's)
is written afresh from the data: nothing is lost but its comments, and
:attr:`EditedInput.keeps_comments` says so before the writer saves.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError as RuamelError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from drafter import yamlio
from drafter.errors import DrafterError
from drafter.files.textcodec import decode

Loc = tuple[Any, ...]
_MISSING = object()
_LONG_TEXT = 30  # characters; longer new text is written as a ">-" block, as drafter init does
_FIX_ROUNDS = 3


class EditedInput:
    """One version of an input file's text, ready to take new data."""

    def __init__(self, data: bytes, name: str):
        self.name = name
        self.text, _ = decode(data, name)
        self.located = yamlio.parse(self.text, name)  # drafter's reading; DrafterError when unusable
        self._yaml = _yaml_for(self.text)
        self._dumping = threading.Lock()  # a YAML object keeps its emitter's state: one dump at a time
        self._tree = self._follow()

    @property
    def data(self) -> Any:
        """The file's data as drafter reads it."""
        return self.located.data

    @property
    def keeps_comments(self) -> bool:
        return self._tree is not None

    def with_data(self, new: Any, same: Callable[[Any, Any], bool]) -> str:
        """The file's text holding ``new``; unchanged values keep their original text.

        ``same(old, new)`` says whether the writer left a value as it was
        (the page shows values normalized, e.g. dates as text).
        """
        import copy

        tree = copy.deepcopy(self._tree) if self._tree is not None else None
        root, expected = _merge(tree, self.data, new, same)
        for _ in range(_FIX_ROUNDS):
            text = self._dump(root)
            wrong = _differences(yamlio.parse(text, self.name).data, expected)
            if not wrong:
                return text
            for loc in wrong:
                _fix(root, loc, _at(expected, loc))
        raise DrafterError(
            f"{self.name}：以下位置的内容无法按原样保存为 drafter 能读的写法："
            f"{'、'.join(yamlio.format_loc(loc) for loc in wrong)}。请改写这些内容（例如去掉特殊符号）后再保存。"
        )

    def _follow(self) -> Any:
        """ruamel's tree of the text, or None when its reading differs in shape from drafter's."""
        try:
            tree = self._yaml.load(self.text)
        except RuamelError:
            return None
        return tree if _same_shape(tree, self.data) else None

    def _dump(self, root: Any) -> str:
        out = io.StringIO()
        with self._dumping:
            self._yaml.dump(root, out)
        return out.getvalue()


def _yaml_for(text: str) -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never re-wrap a line the writer did not change
    yaml.preserve_quotes = True
    mapping, sequence, offset = guess_indent(text)
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    yaml.representer.add_representer(float, _represent_float)
    return yaml


def _represent_float(representer: Any, value: float) -> Any:
    """New numbers in fixed-point form (0.00001, not 1e-05): YAML 1.1 reads a float only with a dot."""
    if math.isfinite(value):
        return representer.represent_scalar("tag:yaml.org,2002:float", _decimal(value))
    return representer.represent_float(value)


_KEY_ONLY = re.compile(r"^( *)(?:- +)?[^\s#][^#]*:\s*(?:#.*)?$")


def guess_indent(text: str) -> tuple[int, int, int]:
    """(mapping indent, sequence indent, dash offset) as the file uses them; drafter init's by default."""
    mapping, offset = None, None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line, following in itertools.pairwise(lines):
        key = _KEY_ONLY.match(line)
        if not key:
            continue
        own = len(line) - len(line.lstrip(" -")) if line.lstrip().startswith("-") else len(key.group(1))
        inner = len(following) - len(following.lstrip(" "))
        if inner <= own:
            continue
        if following.lstrip().startswith("- ") and offset is None:
            offset = inner - own
        elif not following.lstrip().startswith("-") and mapping is None:
            mapping = inner - own
    mapping = mapping or 2
    offset = 2 if offset is None else offset
    return mapping, offset + 2, offset


def _merge(node: Any, old: Any, new: Any, same: Callable[[Any, Any], bool]) -> tuple[Any, Any]:
    """(node for ``new``, the data drafter must read back) reusing ``node`` where unchanged."""
    if old is not _MISSING and node is not None and same(old, new):
        return node, old
    if isinstance(new, dict):
        target = node if isinstance(node, CommentedMap) else CommentedMap()
        old_map = old if isinstance(old, dict) else {}
        expected: dict[str, Any] = {}
        for key in [k for k in target if k not in new]:
            del target[key]
        previous = None
        for key, value in new.items():
            child, expected[key] = _merge(target.get(key), old_map.get(key, _MISSING) if key in target else _MISSING,
                                          value, same)
            if key in target:
                target[key] = child
            else:
                place = list(target).index(previous) + 1 if previous in target else 0
                target.insert(place, key, child)
            previous = key
        return target, expected
    if isinstance(new, list):
        sequence = node if isinstance(node, CommentedSeq) else CommentedSeq()
        old_list = old if isinstance(old, list) else []
        del sequence[len(new):]
        expected_list = []
        for i, value in enumerate(new):
            present = i < len(sequence)
            old_item = old_list[i] if present and i < len(old_list) else _MISSING
            child, want = _merge(sequence[i] if present else None, old_item, value, same)
            if present:
                sequence[i] = child
            else:
                sequence.append(child)
            expected_list.append(want)
        return sequence, expected_list
    return _scalar(node, new), new


def _scalar(node: Any, value: Any) -> Any:
    if isinstance(value, str):
        if not value:
            return DoubleQuotedScalarString("")  # a bare empty value would read as null
        block = isinstance(node, FoldedScalarString) or (node is None and len(value) > _LONG_TEXT) or "\n" in value
        return FoldedScalarString(value) if block and value.strip() == value else value
    return value


def _same_shape(tree: Any, data: Any) -> bool:
    if isinstance(data, dict):
        return isinstance(tree, dict) and [str(k) for k in tree] == list(data) and all(
            _same_shape(tree[k], data[str(k)]) for k in tree)
    if isinstance(data, list):
        return isinstance(tree, list) and len(tree) == len(data) and all(map(_same_shape, tree, data))
    return not isinstance(tree, (dict, list))


def _differences(read: Any, expected: Any, loc: Loc = ()) -> list[Loc]:
    """Places where drafter reads something other than ``expected``."""
    if isinstance(expected, dict):
        if not isinstance(read, dict) or list(read) != list(expected):
            raise DrafterError(f"保存时结构不一致（{yamlio.format_loc(loc) or '文件'}）。这是 drafter 的问题，请把文件发给维护人员。")
        return [d for key in expected for d in _differences(read[key], expected[key], loc + (key,))]
    if isinstance(expected, list):
        if not isinstance(read, list) or len(read) != len(expected):
            raise DrafterError(f"保存时结构不一致（{yamlio.format_loc(loc) or '文件'}）。这是 drafter 的问题，请把文件发给维护人员。")
        return [d for i, pair in enumerate(zip(read, expected, strict=True)) for d in _differences(*pair, loc + (i,))]
    if type(read) is not type(expected) or read != expected:
        return [loc]
    return []


def _at(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def _fix(root: Any, loc: Loc, value: Any) -> None:
    """Rewrite one scalar so that drafter reads ``value``: quote text, write other values anew."""
    parent = _at(root, loc[:-1])
    parent[loc[-1]] = DoubleQuotedScalarString(value) if isinstance(value, str) else value


def _decimal(value: float) -> str:
    text = format(Decimal(repr(value)), "f")
    return text if "." in text else text + ".0"
