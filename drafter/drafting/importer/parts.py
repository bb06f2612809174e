"""One part's text → the input's items for that part.

What a part's items look like is the input model's business: a part whose
items have ``points`` is written as topics and points, one whose items have a
``problem`` as problems with causes, one whose items have ``figures`` keeps
the figure sentences drafter wrote as figures, plain texts stay paragraphs.
Sentences the templates write (intros, the words before a cause, figure
sentences) are recognized through ``phrases`` and ``figures``, never kept as
the writer's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from drafter.checking.recognize import Section
from drafter.drafting.importer.figures import Figures
from drafter.drafting.importer.items import Entry, Item, Splitter, plain
from drafter.drafting.importer.phrases import Phrases
from drafter.drafting.input import Report
from drafter.standard import Standard, fill_year
from drafter.yamlio.validation import inner_model

_SENTENCES = re.compile(r"[^。！？]+[。！？]*|[。！？]+")


@dataclass
class Built:
    items: list[Any] = field(default_factory=list)
    intro: str | None = None
    layout: str | None = None  # for a part of topics: standard or themed


class PartBuilder:
    def __init__(self, std: Standard, year: int, figures: Figures, phrases: Phrases):
        self.std = std
        self.splitter = Splitter(std)
        self.figures = figures
        self.phrases = phrases
        self.placeholder = std.placeholder_re
        self.causes = [re.compile(fill_year(c, year)) for c in std.role("problems").recognition.cause_cues]

    def build(self, part_id: str, sections: list[tuple[Section, list[Entry]]]) -> Built:
        model = inner_model(Report.model_fields[part_id].annotation)
        fields = model.model_fields if model is not None else {}
        if "points" in fields:
            built = self._topics(sections)
        else:
            found = [e for _, entries in sections for e in entries]
            lead, items = self.splitter.items(found)
            if model is None:
                return Built(plain(found))
            built = Built()
            if items and lead:
                built.intro = "\n\n".join(lead)
            elif lead:
                items = [Item(paragraphs=[p]) for p in lead]
            built.items = [self._item(item, fields) for item in items]
        if built.intro is not None and self.phrases.is_intro(part_id, built.intro):
            built.intro = None
        return built

    # -- topics and points ------------------------------------------------------

    def _topics(self, sections: list[tuple[Section, list[Entry]]]) -> Built:
        themed = any(section.how == "themed" for section, _ in sections)
        if themed:
            topics = []
            for _section, entries in sections:
                head, body = (entries[0], entries[1:]) if entries and entries[0].heading else (None, entries)
                rest = [Entry(head.rest, position=head.position)] if head and head.rest else []
                topics.append(self._topic(head.text if head else self.std.blank("主题"), rest + body))
            return Built(topics, layout="themed")
        found = [e for _, entries in sections for e in entries]
        levels = [e.level for e in found if e.heading]
        if not levels:
            return Built(self._topics_of(self.std.blank("主题"), found), layout="standard")
        top = min((lv for lv in levels if lv), default=0)
        built = Built(layout="standard")
        lead: list[str] = []
        title, body = None, []
        for entry in found:
            if entry.heading and entry.level == top:
                if title is not None:
                    built.items += self._topics_of(title, body)
                title, body = entry.text, ([Entry(entry.rest, position=entry.position)] if entry.rest else [])
            elif title is None:
                lead.append(entry.text)
            else:
                body.append(entry)
        if title is not None:
            built.items += self._topics_of(title, body)
        built.intro = "\n\n".join(lead) or None
        return built

    def _topics_of(self, title: str, body: list[Entry]) -> list[dict[str, Any]]:
        """A topic, and after it a topic per stretch that lost its heading (title left blank)."""
        groups = self.splitter.groups(body) or [[]]
        return [self._topic(title if n == 0 else self.std.blank("主题"), group) for n, group in enumerate(groups)]

    def _topic(self, title: str, body: list[Entry]) -> dict[str, Any]:
        lead, items = self.splitter.items(body)
        topic: dict[str, Any] = {"title": title}
        if items and lead:
            topic["summary"] = "\n\n".join(lead)
        elif lead:
            items = [Item(paragraphs=[p]) for p in lead]
        topic["points"] = [self._with_figures(item) for item in items]
        return topic

    # -- items -----------------------------------------------------------------

    def _item(self, item: Item, fields: dict[str, Any]) -> dict[str, Any]:
        if item.title and not item.text:
            item = Item(paragraphs=[item.title])  # a title alone is the item's text
        if "problem" in fields:
            return self._shortcoming(item.full_text())
        if "figures" in fields:
            return self._with_figures(item)
        return {"title": item.title, "text": item.text} if item.title else {"text": item.text}

    def _with_figures(self, item: Item) -> dict[str, Any]:
        if item.title and not item.text:
            item = Item(paragraphs=[item.title])
        out: dict[str, Any] = {"title": item.title} if item.title else {}
        paragraphs = list(item.paragraphs)
        figures: list[SimpleNamespace] = []
        if paragraphs:
            last, figures = self.figures.trailing(paragraphs[-1])
            paragraphs[-1] = last
        out["text"] = "\n\n".join(p for p in paragraphs if p)
        if figures:
            out["figures"] = [_figure(f) for f in figures]
        return out

    def _shortcoming(self, text: str) -> dict[str, Any]:
        """A problem and its cause: the cause starts at the first sentence naming one."""
        gap = self.placeholder.search(text)
        if gap and not text[gap.end():].strip(" 。"):
            return {"problem": text[: gap.start()].strip(), "cause": self.std.blank("原因分析")}
        sentences = _SENTENCES.findall(text)
        at = next((i for i, s in enumerate(sentences) if any(c.search(s) for c in self.causes)), None)
        if at == 0 and len(sentences) > 1:
            at = 1 if any(c.search("".join(sentences[1:])) for c in self.causes) else None
        if at is None or at == 0:
            return {"problem": text.strip(), "cause": self.std.blank("原因分析")}
        cause = "".join(sentences[at:]).strip()
        prefix = self.phrases.cause_prefix
        if prefix and cause.startswith(prefix) and not any(c.search(cause[len(prefix):]) for c in self.causes):
            cause = cause[len(prefix):]
        return {"problem": "".join(sentences[:at]).strip(), "cause": cause}


def _figure(figure: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": figure.name, "unit": figure.unit, "value": figure.value}
    if figure.previous is not None:
        out["previous"] = figure.previous
    if figure.yoy is not None:
        out["yoy"] = figure.yoy
    return out
