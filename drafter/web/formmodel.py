"""The writer's form, described from the input model's JSON Schema and the standard.

Nothing here lists the input's fields: the schema gives every field, its type,
whether it is required, and its Chinese description (the label is the
description's first phrase; the whole description is the hint). The standard
adds each part's name and guidance and the lists some values are chosen from.
The page's script draws the form from this description alone, so a field added
to the model appears in the page without touching the page.

The same description converts values both ways: :func:`display` turns the
data drafter reads into what the form shows (text as it will print, dates as
text), :func:`coerce` turns what the form sends back into input data.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from drafter.document.cjk import tidy
from drafter.standard import Standard

Node = dict[str, Any]

# Values that name something else: one of the standard's lists, or an item
# elsewhere in the same input. (model, field) → where the choices come from
# ("list.key": the ``key`` of an item of the input's ``list``).
_CHOICES = {
    ("Meta", "order"): "orders",
    ("MeasureTopic", "topic"): "topics",
    ("Plan", "answers"): "shortcomings.id",
}
_LABEL_END = re.compile(r"[，；：。,;:]")
_ENUM_MEANING = re.compile(r"([A-Za-z_]+)\s*为\s*([^；;，。]+)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def describe(schema: dict[str, Any], std: Standard) -> Node:
    """The form for the whole input: an object node whose fields are the input's keys."""
    builder = _Builder(schema.get("$defs", {}), std)
    root = builder.object("Report", schema)
    for field in root["fields"]:
        if field["key"] in {p.id for p in std.parts}:
            part = std.part(field["key"])
            field["part"] = {"id": part.id, "name": part.name, "required": part.required,
                             "guidance": part.guidance, "content": part.content}
            field["label"] = part.name
    return root


class _Builder:
    def __init__(self, defs: dict[str, Any], std: Standard):
        self.defs = defs
        self.std = std

    def object(self, model: str, schema: dict[str, Any]) -> Node:
        required = set(schema.get("required", []))
        fields = []
        for key, prop in schema.get("properties", {}).items():
            description = prop.get("description", "")
            fields.append({
                "key": key,
                "label": _label(description) or key,
                "help": description,
                "required": key in required,
                "node": self.node(model, key, prop),
            })
        return {"kind": "object", "model": model, "fields": fields}

    def node(self, model: str, key: str, prop: dict[str, Any]) -> Node:
        options = prop.get("anyOf") or []
        nullable = any(o.get("type") == "null" for o in options)
        types = [o for o in options if o.get("type") != "null"] if options else [prop]
        source = _CHOICES.get((model, key))
        if source:
            return {"kind": "choice", "nullable": nullable, **self.choices(source)}
        first = types[0]
        if "$ref" in first:
            name = first["$ref"].rsplit("/", 1)[-1]
            return {**self.object(name, self.defs[name]), "nullable": nullable}
        kinds = {t.get("type") for t in types}
        if "array" in kinds:
            array = next(t for t in types if t.get("type") == "array")
            return {"kind": "list", "nullable": nullable, "item": self.node(model, key, array.get("items", {}))}
        if "enum" in first:
            meanings = dict(_ENUM_MEANING.findall(prop.get("description", "")))
            return {"kind": "choice", "nullable": nullable, "options": [
                {"value": v, "label": f"{v}（{meanings[v].strip()}）" if v in meanings else str(v)} for v in first["enum"]]}
        if first.get("format") == "date":
            return {"kind": "date", "nullable": nullable}
        if kinds <= {"integer"}:
            return {"kind": "integer", "nullable": nullable, "min": first.get("minimum"), "max": first.get("maximum")}
        if kinds <= {"integer", "number"}:
            return {"kind": "number", "nullable": nullable}
        return {"kind": "text", "nullable": nullable}

    def choices(self, source: str) -> dict[str, Any]:
        if source == "orders":
            return {"options": [{"value": o.id, "label": f"{o.name}（{o.id}）"} for o in self.std.orders]}
        if source == "topics":
            return {"options": [{"value": t.id, "label": t.name} for t in self.std.topics]}
        items, key = source.split(".")
        return {"from": items, "by": key}  # items of the input itself; the page lists them as they change


def _label(description: str) -> str:
    """A field's short label: its description up to the first clause break."""
    return _LABEL_END.split(description, 1)[0].strip()


def display(node: Node, value: Any) -> Any:
    """Input data (as drafter reads it) as the form shows it."""
    kind = node["kind"]
    if value is None:
        return None
    if kind == "object" and isinstance(value, dict):
        fields = {f["key"]: f["node"] for f in node["fields"]}
        return {k: display(fields[k], v) if k in fields else normal(v) for k, v in value.items()}
    if kind == "list":
        items = value if isinstance(value, list) else [value]  # one paragraph given without a list
        return [display(node["item"], item) for item in items]
    return normal(value)


def normal(value: Any) -> Any:
    """A value as it will print: text without the spaces YAML folding leaves, dates as text."""
    if isinstance(value, str):
        return tidy(value) if "\n" in value or " " in value or "\t" in value else value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normal(v) for v in value]
    return value


def coerce(node: Node, value: Any) -> Any:
    """What the form sent, as input data: a date typed as 2026-02-12 becomes a date."""
    kind = node["kind"]
    if kind == "object" and isinstance(value, dict):
        fields = {f["key"]: f["node"] for f in node["fields"]}
        return {k: coerce(fields[k], v) if k in fields else v for k, v in value.items()}
    if kind == "list" and isinstance(value, list):
        return [coerce(node["item"], item) for item in value]
    if kind == "date" and isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return value  # not a real day (2026-02-30): left for validate to report
    return value


def same(old: Any, new: Any) -> bool:
    """Did the writer leave this value as drafter read it? (compared as the form shows both)"""
    return _equal(normal(old), normal(new))


def _equal(a: Any, b: Any) -> bool:
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(_equal, a, b))
    return type(a) is type(b) and a == b


def objects(node: Node, value: Any, model: str, loc: tuple = ()) -> list[tuple[tuple, dict]]:
    """Every object of ``model`` in ``value`` with its place, e.g. all figures."""
    found: list[tuple[tuple, dict]] = []
    if node["kind"] == "object" and isinstance(value, dict):
        if node["model"] == model:
            found.append((loc, value))
        for field in node["fields"]:
            if field["key"] in value:
                found += objects(field["node"], value[field["key"]], model, loc + (field["key"],))
    elif node["kind"] == "list" and isinstance(value, list):
        for i, item in enumerate(value):
            found += objects(node["item"], item, model, loc + (i,))
    return found
