"""Validate located YAML data against a pydantic model, reporting in Chinese.

Every pydantic error becomes a Problem at file:line:col with a message that says
what is wrong and how to fix it; unknown keys get a did-you-mean suggestion.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from drafter.errors import DrafterError, Problem
from drafter.yamlio import Located

M = TypeVar("M", bound=BaseModel)

_TYPE_NAMES = {
    "string": "文字",
    "int": "整数",
    "float": "数字",
    "bool": "true 或 false",
    "list": "列表（每项以“- ”开头）",
    "dict": "由“键: 值”组成的一组内容",
    "model": "由“键: 值”组成的一组内容",
    "date": "日期（如 2025-02-20）",
}


def validate(model: type[M], located: Located, what: str) -> M:
    """Return ``model`` built from ``located.data`` or raise DrafterError."""
    data = located.data if located.data is not None else {}
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = [_problem(model, located, err) for err in exc.errors()]
        problems.sort(key=lambda p: (p.line or 0, p.col or 0))
        raise DrafterError(f"{located.file}：{what}有 {len(problems)} 处错误，请逐条修改：", problems) from None


def _problem(model: type[BaseModel], located: Located, err: dict[str, Any]) -> Problem:
    loc = _data_loc(model, err["loc"], unknown_last=err["type"] == "extra_forbidden")
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        key = str(loc[-1])
        allowed = _allowed_keys(model, loc[:-1], located.data)
        message = f"不认识的字段“{key}”。"
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            message += f"是不是想写“{close[0]}”？"
        elif allowed:
            message += f"这一层可用的字段：{'、'.join(allowed)}。"
        return located.problem(loc, message)
    if kind == "missing":
        return located.problem(loc[:-1], f"缺少必填项“{loc[-1]}”。请补上。")
    for prefix, name in _TYPE_NAMES.items():
        if kind.startswith(prefix + "_") or kind == prefix + "_type":
            got = _describe(err.get("input"))
            return located.problem(loc, f"这里应填{name}，实际是{got}。")
    if kind == "too_short":
        return located.problem(loc, f"至少要有 {ctx.get('min_length')} 项。")
    if kind == "string_too_short":
        return located.problem(loc, "不能为空。")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return located.problem(loc, f"数值超出范围（{err['msg']}）。")
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        return located.problem(loc, f"只能填以下之一：{expected}。")
    if kind == "value_error":
        # Our own validators raise ValueError with a Chinese message already.
        return located.problem(loc, str(ctx.get("error", err["msg"])))
    return located.problem(loc, f"内容不符合要求（{err['msg']}）。")


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
            out.append(part)  # inside free-form data: every key is real
        elif part in fields:
            out.append(part)
            current = inner_model(fields[part].annotation)
    return tuple(out)


def _describe(value: Any) -> str:
    if value is None:
        return "空值"
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, (int, float)):
        return f"数字 {value}"
    if isinstance(value, str):
        short = value if len(value) <= 12 else value[:12] + "…"
        return f"文字“{short}”"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "一组“键: 值”"
    return type(value).__name__


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
