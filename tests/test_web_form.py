"""The writer's form is described from the input model's schema and the standard, not by hand."""

from __future__ import annotations

import pytest

pytest.importorskip("ruamel.yaml")

import drafter  # noqa: E402
from drafter.web import formmodel  # noqa: E402


def _walk(node, seen, path=""):
    for field in node.get("fields", []):
        here = f"{path}.{field['key']}" if path else field["key"]
        seen[here] = field
        child = field["node"]
        _walk(child["item"] if child["kind"] == "list" else child, seen, here)


def test_every_field_of_the_schema_is_in_the_form_with_a_chinese_label():
    schema = drafter.input_schema()
    form = formmodel.describe(schema, drafter.load_standard())
    seen = {}
    _walk(form, seen)
    for name, definition in schema["$defs"].items():
        for key in definition["properties"]:
            assert any(path.endswith("." + key) or path == key for path in seen), (name, key)
    for field in seen.values():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in field["label"]), field


def test_parts_carry_the_standards_names_and_choices_come_from_the_standard():
    std = drafter.load_standard()
    form = formmodel.describe(drafter.input_schema(std), std)
    fields = {f["key"]: f for f in form["fields"]}
    for part in std.parts:
        assert fields[part.id]["label"] == part.name and fields[part.id]["part"]["guidance"] == part.guidance
    meta = {f["key"]: f["node"] for f in fields["meta"]["node"]["fields"]}
    assert [o["value"] for o in meta["order"]["options"]] == [o.id for o in std.orders]
    assert meta["date"]["kind"] == "date" and meta["year"]["kind"] == "integer"
    topic = {f["key"]: f["node"] for f in fields["measures"]["node"]["item"]["fields"]}["topic"]
    assert [o["value"] for o in topic["options"]] == [t.id for t in std.topics]
    answers = {f["key"]: f["node"] for f in fields["plans"]["node"]["item"]["fields"]}["answers"]
    assert answers["from"] == "shortcomings" and answers["by"] == "id"


def test_display_and_coerce_are_inverse_for_dates_and_folded_text():
    import datetime as dt

    std = drafter.load_standard()
    form = formmodel.describe(drafter.input_schema(std), std)
    raw = {"meta": {"unit": "澄源县公安局", "year": 2025, "date": dt.date(2026, 2, 12)}, "preamble": "开头， 一段"}
    shown = formmodel.display(form, raw)
    assert shown == {"meta": {"unit": "澄源县公安局", "year": 2025, "date": "2026-02-12"}, "preamble": ["开头，一段"]}
    assert formmodel.coerce(form, shown)["meta"]["date"] == dt.date(2026, 2, 12)
    assert formmodel.same(raw["meta"], formmodel.coerce(form, shown)["meta"])
