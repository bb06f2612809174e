"""The sentences drafter's own templates write, found by rendering the templates themselves.

A report that drafter rendered carries words no officer typed: the line that
closes the opening paragraph, the parts' default intros, the closing formula,
the words that introduce a cause, the figure sentences. Importing must not
take them for the writer's text. Rather than keeping a second copy of those
words here, a probe report whose every text is a marker goes through the same
templates (a unit's own templates too); what surrounds the markers is what the
templates add.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.document import markdown
from drafter.drafting import compose
from drafter.drafting.input import Report
from drafter.standard import Standard
from drafter.yamlio.validation import inner_model

# Private-use characters: no report contains them, markdown and tidy leave them alone.
_MARK = "\ue000"


def _marker(n: int) -> str:
    return f"{_MARK}{chr(0xE100 + n)}{_MARK}"


@dataclass
class Phrases:
    preamble_tail: str = ""  # added after the opening paragraph: 现将……报告如下。
    opening_alone: str = ""  # the opening the templates write when there is none
    intros: dict[str, str] = field(default_factory=dict)  # part id → default intro ("" for none)
    closing: str = ""  # the default closing formula
    cause_prefix: str = ""  # put before a cause that names no cause word

    def is_intro(self, part_id: str, text: str) -> bool:
        return bool(text) and self.intros.get(part_id) == text


def probe(std: Standard, unit: str, year: int, templates: Path | None = None) -> Phrases:
    """What the templates add around the writer's text, for a report of ``unit`` and ``year``."""
    markers = iter(range(1000))
    data: dict[str, Any] = {"meta": {"unit": unit, "year": year}, "preamble": [_marker(next(markers))]}
    for part in std.parts:
        data[part.id] = [_probe_item(Report.model_fields[part.id].annotation, markers)]
    report = Report.model_validate(data)
    blocks = markdown.parse(compose.render(report, std, templates)).blocks
    phrases = Phrases()
    texts = [b.text for b in blocks]
    opening = data["preamble"][0]
    phrases.preamble_tail = next((t.split(opening, 1)[1] for t in texts if opening in t), "")
    for part in std.parts:
        phrases.intros[part.id] = _intro(blocks, data[part.id][0])
    kinds = [b.kind for b in blocks]
    if "signature" in kinds:
        before = blocks[kinds.index("signature") - 1]
        if before.kind == "paragraph" and _MARK not in before.text:
            phrases.closing = before.text
    phrases.cause_prefix = _cause_prefix(texts, data, std)
    bare = Report.model_validate({**data, "preamble": []})
    first = next((b for b in markdown.parse(compose.render(bare, std, templates)).blocks if b.kind == "paragraph"),
                 None)
    phrases.opening_alone = first.text if first is not None and _MARK not in first.text else ""
    return phrases


def _probe_item(annotation: Any, markers) -> Any:
    """One item of a part whose every text field is a fresh marker."""
    model = inner_model(annotation)
    if model is None:
        return _marker(next(markers))
    fields = model.model_fields
    item: dict[str, Any] = {}
    for name in ("title", "text", "problem", "cause"):
        if name in fields:
            item[name] = _marker(next(markers))
    if "points" in fields:
        item["points"] = [{"text": _marker(next(markers))}]
    return item


def _markers_of(item: Any) -> list[str]:
    if isinstance(item, str):
        return [item]
    out = []
    for value in item.values():
        out += [m for v in (value if isinstance(value, list) else [value]) for m in _markers_of(v)]
    return out


def _intro(blocks: list, item: Any) -> str:
    """The paragraphs between a part's heading and its first item: the default intro."""
    first = _markers_of(item)
    at = next((i for i, b in enumerate(blocks) if any(m in b.text for m in first)), None)
    if at is None:
        return ""
    intro = []
    for block in reversed(blocks[:at]):
        if block.kind != "paragraph" or _MARK in block.text:
            break
        intro.append(block.text)
    return "\n\n".join(reversed(intro))


def _cause_prefix(texts: list[str], data: dict[str, Any], std: Standard) -> str:
    """What the templates write between a problem and a cause that names no cause."""
    for part in std.parts:
        item = data[part.id][0]
        if isinstance(item, dict) and "problem" in item and "cause" in item:
            for text in texts:
                if item["problem"] in text and item["cause"] in text:
                    between = text.split(item["problem"], 1)[1].split(item["cause"], 1)[0]
                    return between.lstrip("。；;")
    return ""
