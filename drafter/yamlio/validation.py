"""Validate located YAML data against a pydantic model, reporting in Chinese.

Every pydantic error becomes a Problem at file:line:col with a message that says
what is wrong and how to fix it, and the place in words counted from 1
(第2条不足的“原因”) taken from the model's field titles; unknown keys get a
did-you-mean suggestion. No message carries pydantic's English.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from drafter.errors import DrafterError, Problem
from drafter.yamlio import Loc, Located, format_loc

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string": "文字",
    "int": "整数",
    "float": "数字",
    "decimal": "数字",
    "bool": "true 或 false",
    "list": "列表（每项以“- ”开头）",
    "dict": "由“键: 值”组成的一组内容",
    "model": "由“键: 值”组成的一组内容",
    "date": "日期（如 2026年2月10日）",
}
_RANGE = {
    "greater_than_equal": ("ge", "不能小于 {}"),
    "less_than_equal": ("le", "不能大于 {}"),
    "greater_than": ("gt", "应大于 {}"),
    "less_than": ("lt", "应小于 {}"),
}


def validate(model: type[M], located: Located, what: str) -> M:
    """Return ``model`` built from ``located.data`` or raise DrafterError."""
    data = located.data if located.data is not None else {}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
        misspelt = {_misspelt(model, located, err) for err in errors} - {None}
        problems = [
            _problem(model, located, err) for err in errors
            if not (err["type"] == "missing" and _data_loc(model, err["loc"]) in misspelt)
        ]
        problems.sort(key=lambda p: (p.line or 0, p.col or 0))
        raise DrafterError(f"{located.file}：{what}有 {len(problems)} 处错误，请逐条修改：", problems) from None


def anchor(located: Located, loc: Loc) -> str | None:
    """Where ``loc`` is in a Word form input (第3部分第2段); None for YAML, which has lines."""
    find = getattr(located, "anchor", None)
    return find(loc) if callable(find) else None


def problem(model: type[BaseModel], located: Located, loc: Loc, message: str, at_value: bool = False) -> Problem:
    """A Problem at ``loc``: its line (or form paragraph) and the place in words.

    ``at_value``: the line where the value starts, when not on its key's line
    (what is wrong is in the value: a list or a text where keys belong).
    """
    line, col = located.position(loc)
    if at_value and tuple(loc) in located.starts:
        line, col = located.starts[tuple(loc)]
    return Problem(located.file, line, col, format_loc(loc), message, place(model, loc), anchor(located, loc))


def place(model: type[BaseModel], loc: Loc) -> str:
    """A data path in words, counted from 1: ("shortcomings", 1, "cause") → 第2条不足的“原因”.

    Field titles name fields; a list field's ``item`` and ``counter`` (its
    json_schema_extra) name one item: 第2条不足. A model without titles (the
    standard, the style sheet) has no words: "" (its dotted path is shown instead).
    """
    words: list[str] = []
    current: Any = model
    i = 0
    while i < len(loc):
        key = loc[i]
        field = getattr(current, "model_fields", {}).get(key) if isinstance(key, str) else None
        if field is None or not field.title:
            return ""
        extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
        title = field.title or str(key)
        index = loc[i + 1] if i + 1 < len(loc) else None
        if isinstance(index, int):
            item = extra.get("item", title) if "item" in extra else title
            prefix = f"“{title}”" if item == "" else ""
            words.append(f"{prefix}第{index + 1}{extra.get('counter', '项')}{item}")
            i += 2
        else:
            if not extra.get("silent"):
                words.append(f"“{title}”")
            i += 1
        current = inner_model(field.annotation)
    return _join(words)


def _titled(model: type[BaseModel]) -> bool:
    """Whether a model names its fields in words (the input does; the standard and style sheet do not)."""
    return any(field.title for field in model.model_fields.values())


def _join(words: list[str]) -> str:
    """第1个主题第2条举措的“内容”: counted items run together, a named field takes 的."""
    out = ""
    for word in words:
        out += ("的" if out and word.startswith("“") else "") + word
    return out


def _problem(model: type[BaseModel], located: Located, err: ErrorDetails) -> Problem:
    loc = _data_loc(model, err["loc"], unknown_last=err["type"] == "extra_forbidden")
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1], located.data)
        bare = key.strip(_AROUND_KEYS)
        if bare != key and bare in allowed:  # an IME slip: quotes or full-width spaces around a key
            return problem(model, located, loc, f"键名“{bare}”两边多了引号或全角空格。键名不加引号，请改为“{bare}:”。")
        message = f"不认识的字段“{key}”。"
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            message += f"是不是想写“{close[0]}”？"
        elif allowed:
            message += f"这一层可用的字段：{'、'.join(allowed)}。"
        found = problem(model, located, loc, message)
        parent = place(model, loc[:-1])
        if parent or _titled(model):
            found.place = _join([parent, f"“{key}”"] if parent else [f"“{key}”"])
        return found
    if kind == "missing":
        title = _title(model, loc)
        named = f"“{title}”（{loc[-1]}）" if title and title != loc[-1] else f"“{loc[-1]}”"
        return problem(model, located, loc[:-1], f"缺少必填项{named}。请补上。")
    if kind == "value_error":
        # Our own validators raise ValueError with a Chinese message already.
        return problem(model, located, loc, str(ctx.get("error", "")) or "内容不符合要求。")
    if kind in _RANGE:
        key, wording = _RANGE[kind]
        return problem(model, located, loc, f"数值{wording.format(ctx.get(key))}，实际是{_describe(err.get('input'))}。")
    if kind in ("too_short", "string_too_short"):
        if kind == "string_too_short" or ctx.get("min_length") == 1:
            return problem(model, located, loc, "不能为空，请填写。")
        return problem(model, located, loc, f"至少要有 {ctx.get('min_length')} 项。")
    if kind in ("literal_error", "enum"):
        options = "、".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))
        return problem(model, located, loc, f"只能填以下之一：{options}；实际是{_describe(err.get('input'))}。")
    if kind in ("model_type", "model_attributes_type", "dict_type") and isinstance(err.get("input"), str):
        slip = _wide_colon(err["input"], _allowed_keys(model, loc, located.data))
        if slip:
            return problem(model, located, loc, slip, at_value=True)
    if kind == "int_parsing_size":
        return problem(model, located, loc, f"数字太长（{_describe(err.get('input'))}），不是合理的数值。请检查。")
    if kind == "finite_number":
        return problem(model, located, loc, "这里应填一个具体的数字（.nan、.inf 不是数字）。")
    for prefix, name in _TYPE_NAMES.items():
        if kind.startswith(prefix + "_") or kind == prefix + "_type":
            return problem(model, located, loc, f"这里应填{name}，实际是{_describe(err.get('input'))}。", at_value=True)
    return problem(model, located, loc, "内容不符合要求。请对照 drafter init 生成的模板中的说明修改。")


def _misspelt(model: type[BaseModel], located: Located, err: ErrorDetails) -> tuple | None:
    """For an unknown key that is a known one with quotes or spaces around it: the known key's place."""
    if err["type"] != "extra_forbidden":
        return None
    loc = _data_loc(model, err["loc"], unknown_last=True)
    bare = str(loc[-1]).strip(_AROUND_KEYS)
    return loc[:-1] + (bare,) if bare != loc[-1] and bare in _allowed_keys(model, loc[:-1], located.data) else None


_AROUND_KEYS = " \u3000\"'“”‘’"
_WIDE_COLON = re.compile(r"^[\s\u3000]*[\"'“”‘’]?([A-Za-z_][A-Za-z0-9_-]*)[\"'“”‘’]?[ \u3000]*：")


def _wide_colon(text: str, allowed: list[str]) -> str | None:
    """The IME slip that turns ``key：value`` into one text where a group of keys belongs."""
    found = _WIDE_COLON.match(text)
    if not found or found[1] not in allowed:
        return None
    key = found[1]
    return (f"“{key}”后面用了中文全角冒号“：”，整行被当成了一段文字。键名后必须是英文半角冒号“:”加一个空格"
            f"（切换到英文输入法再输入），请改为“{key}: …”。")


def _title(model: type[BaseModel], loc: Loc) -> str | None:
    """The title of the field at ``loc`` (walking list indexes)."""
    current: Any = model
    field = None
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return None
        current = inner_model(field.annotation)
    return field.title if field else None


def _data_loc(model: type[BaseModel], loc: tuple, unknown_last: bool = False) -> tuple:
    """The place in the data: pydantic's loc without the union members it inserts.

    pydantic puts a union member's name ("str", "list[str]", "function-after[…]")
    into the loc. Walking the model tells field names from such tags, so a
    field that happens to be called "date" keeps its place. An unknown key
    (``unknown_last``) is the loc's last part and is kept as written.
    """
    current: Any = model
    out = []
    for n, part in enumerate(loc):
        if isinstance(part, int) or (unknown_last and n == len(loc) - 1):
            out.append(part)
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None:
            if not _is_tag(part):
                out.append(part)  # inside free-form data: every key is real
        elif part in fields:
            out.append(part)
            current = inner_model(fields[part].annotation)
    return tuple(out)


def _is_tag(part: str) -> bool:
    """A union member's name pydantic puts into a loc ("str", "list[str]", "function-after[…]")."""
    return "[" in part or part in ("str", "int", "float", "date", "bool", "none", "list", "dict")


def _describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"一个 {len(str(abs(value)))} 位的数字" if value.bit_length() < 12000 else "一个极大的数字"
    if isinstance(value, (int, float)):
        return f"数字 {value:g}" if isinstance(value, float) else f"数字 {value}"
    if isinstance(value, str):
        if value.isascii() and value.isdigit() and len(value) > 15:
            return f"一个 {len(value)} 位的数字"
        short = value if len(value) <= 12 else value[:12] + "…"
        return f"文字“{short}”"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "一组“键: 值”"
    return "其他内容"


def _allowed_keys(model: type[BaseModel], loc: tuple, data: Any) -> list[str]:
    """Field names of the sub-model at ``loc`` (walking list indices)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        current = inner_model(field.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = inner_model(arg)
        if found is not None:
            return found
    return None
