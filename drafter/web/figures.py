"""The 同比 the report will state beside each figure, worded by the templates.

The form shows it live as the writer types a figure's value and last year's
value. The words come from the ``change`` macro of the built-in templates, the
same one the report uses, so the form never says something the report won't.
"""

from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from drafter.web.formmodel import Node, objects
from drafter.yamlio import format_loc

FIGURE_MODEL = "Figure"


@lru_cache(maxsize=1)
def _macros() -> Any:
    from drafter.drafting import compose

    return compose.environment().get_template("macros.md.j2").module


def changes(form: Node, data: Any) -> dict[str, str]:
    """``{path of a figure: "同比上升7.2%"}`` for every figure whose two values are numbers."""
    out: dict[str, str] = {}
    defaults = _defaults(form)
    for loc, figure in objects(form, data, FIGURE_MODEL):
        values = {**defaults, **figure}
        if not all(_is_number(values.get(k)) for k in ("value", "previous")):
            continue
        text = str(_macros().change(SimpleNamespace(**values))).strip().lstrip("，,")
        if text:
            out[format_loc(loc)] = text
    return out


def _defaults(form: Node) -> dict[str, Any]:
    """A figure's optional fields as the model fills them when absent (unit "", previous None)."""
    node = _find(form, FIGURE_MODEL)
    defaults: dict[str, Any] = {}
    for field in node["fields"] if node else []:
        if not field["required"]:
            defaults[field["key"]] = "" if field["node"]["kind"] == "text" else None
    return defaults


def _find(node: Node, model: str) -> Node | None:
    if node.get("model") == model:
        return node
    children = [f["node"] for f in node.get("fields", [])] + ([node["item"]] if "item" in node else [])
    for child in children:
        found = _find(child, model)
        if found:
            return found
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
