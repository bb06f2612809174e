"""What a review reads: passages of text with their part and place, from a draft or an input.

One shape serves both directions. From a draft (a Document and what
recognition found: its sections and each paragraph's role) a passage is a
paragraph with its position; from an input (the filled YAML and its Located
marks) a passage is one typed string with its line, column and path. Items
are the enumerated entries of a part (一是…, （一）…, or an input's list
entries): the shortcoming and plan rules judge them one by one.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel

from drafter.document import Document
from drafter.document.numbering import Numberer
from drafter.standard import Standard
from drafter.yamlio import Loc, Located, format_loc
from drafter.yamlio import validation as modelcheck

if TYPE_CHECKING:  # (an input is reviewed without loading recognition)
    from drafter.checking.results import CheckResult

Kind = Literal["title", "heading", "para"]
# The scope of the title and the opening paragraphs, which belong to no part (rules' ``parts``).
FRONT = "front"
SourceKind = Literal["draft", "input"]

_SENTENCE_START = re.compile(r"(?:^|(?<=[。；;！？!?：:]))\s*")
# Input fields by what they hold: headings, prose, and the cross-references between items.
_HEADING_FIELDS = {"title"}
_SKIPPED_FIELDS = {"id", "answers", "topic", "unit"}


@dataclass(frozen=True)
class Passage:
    text: str
    part: str | None  # the standard's part id; None for the title and the opening
    kind: Kind
    position: int | None = None  # draft: paragraph index, 0-based
    line: int | None = None  # input: where the string is
    col: int | None = None
    path: str | None = None
    place: str | None = None  # input: the path in words (第2条不足的“原因”)
    anchor: str | None = None  # a Word form input: its paragraph (第3部分第2段)
    opening: bool = False  # the report's opening paragraph(s), before any part

    @property
    def where(self) -> str:
        """The rule scope this passage falls in: a part id, or FRONT."""
        return self.part or FRONT

    @property
    def said_at(self) -> str:
        """Where the passage stands, in the words a message names places in (第3段, 第12行)."""
        if self.position is not None:
            return f"第{self.position + 1}段"
        if self.anchor:  # a Word-form input: its part and paragraph
            return self.anchor
        if self.line is not None:
            return f"第{self.line}行"
        return self.place or "前文"


@dataclass
class Item:
    """One enumerated entry of a part: a shortcoming, a plan, a leadership point."""

    part: str
    text: str
    anchor: Passage  # the passage it starts in
    offset: int = 0  # where it starts in the anchor's text
    id: str | None = None  # input: the entry's id, and the shortcoming a plan answers
    answers: str | None = None


@dataclass
class Subject:
    """Everything the rules look at in one draft or input."""

    file: str
    source: SourceKind
    year: int | None
    passages: list[Passage]
    items: MutableMapping[str, list[Item]] = field(default_factory=dict)
    parts: dict[str, list[Passage]] = field(default_factory=dict)  # each part present on its own: its body
    anchors: dict[str, Passage] = field(default_factory=dict)  # where a part-wide finding is reported
    # What several rules work out from the same text (its sentences …), worked out once per subject.
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)


# -- drafts ---------------------------------------------------------------------


def from_draft(document: Document, result: CheckResult, std: Standard) -> Subject:
    """Passages from a draft: its title, headings and paragraphs (not web-page furniture, the
    recipient line or the signature), each with the part recognition put it in."""
    roles = result.roles
    part_of: dict[int, str] = {}
    headings: dict[int, int | None] = {}  # section start → its standalone part heading, if it has one
    for k, section in enumerate(result.sections):
        for position in range(section.start, section.end):
            if roles.get(position) in ("heading", "para"):
                part_of[position] = section.part
        standalone = roles.get(section.start) == "heading" and section.how in ("heading", "themed")
        headings[k] = section.start if standalone else None
    passages: list[Passage] = []
    first_part = min(part_of, default=len(document.blocks))  # the opening comes before every part
    opening_seen = False
    by_position: dict[int, Passage] = {}
    for block in document.blocks:
        role = result.roles.get(block.index)
        if role not in ("title", "heading", "para"):
            continue  # empty lines, web-page furniture, the recipient line, signature and date
        part = part_of.get(block.index)
        opening = role == "para" and part is None and block.index < first_part and not opening_seen
        opening_seen = opening_seen or opening
        kind: Kind = "title" if role == "title" else "heading" if role == "heading" else "para"
        passage = Passage(block.text.strip(), part, kind, position=block.index, opening=opening)
        passages.append(passage)
        by_position[block.index] = passage
    subject = Subject(document.source, "draft", result.year, passages)
    numberer = Numberer(std.numbering)
    inline = re.compile(std.numbering.inline.pattern.removeprefix("^"))
    for k, section in enumerate(result.sections):
        heading = headings[k]
        body = [by_position[p] for p in range(section.start, section.end) if p in by_position and p != heading]
        subject.parts.setdefault(section.part, []).extend(body)
        anchor = by_position.get(heading) if heading is not None else (body[0] if body else None)
        if anchor is not None:
            subject.anchors.setdefault(section.part, anchor)
    subject.items = _Items(subject.parts, numberer, inline)
    return subject


class _Items(dict):
    """A draft's items by part, each part split the first time a rule asks for it (the rules that
    judge items one by one read two or three parts, and splitting the long ones costs)."""

    def __init__(self, parts: dict[str, list[Passage]], numberer: Numberer, inline: re.Pattern[str]):
        super().__init__()
        self.parts, self.numberer, self.inline = parts, numberer, inline

    def __missing__(self, part: str) -> list[Item]:
        if part not in self.parts:
            raise KeyError(part)
        items = self[part] = split_items(part, self.parts[part], self.numberer, self.inline)
        return items

    def get(self, part: str, default: Any = None) -> Any:
        try:
            return self[part]
        except KeyError:
            return default


def split_items(part: str, passages: list[Passage], numberer: Numberer, inline: re.Pattern[str]) -> list[Item]:
    """Entries of a part: by its first kind of numbering (（一） or 一是, ``inline`` matching at a
    sentence start), else one per paragraph."""
    marks: list[tuple[int, int, tuple[str, int]]] = []  # (passage, offset, kind of numbering)
    for k, passage in enumerate(passages):
        numbered = numberer.match(passage.text)
        if numbered is not None:
            marks.append((k, 0, ("number", numbered.level)))
        for m in _SENTENCE_START.finditer(passage.text):
            if m.end() < len(passage.text) and inline.match(passage.text, m.end()) is not None:
                if not (numbered is not None and m.end() == 0):
                    marks.append((k, m.end(), ("inline", 0)))
    if not marks:
        body = [p for p in passages if p.kind == "para"]
        if len(body) > 1 and len(body[0].text) < 80:
            body = body[1:]  # a short first paragraph introduces the entries
        return [Item(part, p.text, p) for p in body]
    top = marks[0][2]
    marks = [m for m in marks if m[2] == top]
    items = []
    for n, (k, offset, _) in enumerate(marks):
        end_k, end_offset = (marks[n + 1][0], marks[n + 1][1]) if n + 1 < len(marks) else (len(passages), 0)
        if end_k == k:
            text = passages[k].text[offset:end_offset]
        else:
            text = passages[k].text[offset:] + "".join(p.text for p in passages[k + 1:end_k])
            if end_k < len(passages):
                text += passages[end_k].text[:end_offset]
        items.append(Item(part, text.strip(), passages[k], offset))
    return items


# -- inputs ---------------------------------------------------------------------


def from_input(report: BaseModel, located: Located, std: Standard, year: int | None) -> Subject:
    """Passages from a filled input: every string the officer typed, at its line."""
    subject = Subject(located.file, "input", year, [])

    def passage(loc: Loc, text: str, kind: Kind, part: str | None, opening: bool = False) -> Passage:
        line, col = located.position(loc)
        return Passage(text, part, kind, line=line, col=col, path=format_loc(loc), opening=opening,
                       place=modelcheck.place(type(report), loc) or None, anchor=modelcheck.anchor(located, loc))

    meta = getattr(report, "meta", None)
    if meta is not None and getattr(meta, "title", None):
        subject.passages.append(passage(("meta", "title"), meta.title, "title", None))
    for i, text in enumerate(getattr(report, "preamble", []) or []):
        subject.passages.append(passage(("preamble", i), text, "para", None, opening=True))
    for part in std.parts:
        entries = getattr(report, part.id, None) or []
        if not entries:
            continue
        subject.anchors[part.id] = passage((part.id,), "", "heading", part.id)
        body, items = [], []
        for i, entry in enumerate(entries):
            texts = [passage(loc, text, kind, part.id) for loc, text, kind in _strings(entry, (part.id, i))]
            body.extend(texts)
            if texts:
                items.append(Item(part.id, "".join(t.text for t in texts), texts[0],
                                  id=getattr(entry, "id", None), answers=getattr(entry, "answers", None)))
        subject.passages.extend(body)
        subject.parts[part.id] = [p for p in body if p.kind == "para"]
        subject.items[part.id] = items
    return subject


def _strings(value: Any, loc: Loc) -> list[tuple[Loc, str, Kind]]:
    """Prose in an input entry, in order: titles as headings, texts as paragraphs, figures as the
    sentence they become."""
    if isinstance(value, str):
        return [(loc, value, "heading" if loc and loc[-1] in _HEADING_FIELDS else "para")] if value.strip() else []
    if isinstance(value, list):
        return [s for i, item in enumerate(value) for s in _strings(item, loc + (i,))]
    if isinstance(value, BaseModel):
        names = type(value).model_fields
        if {"name", "value"} <= set(names):  # a figure: "全年破获刑事案件538起"
            figure: Any = value  # (of whichever input model: known by its fields)
            number = figure.value
            shown = f"{number:g}" if isinstance(number, float) else str(number)
            return [(loc, f"{figure.name}{shown}{getattr(figure, 'unit', '')}", "para")]
        return [s for name in names if name not in _SKIPPED_FIELDS
                for s in _strings(getattr(value, name), loc + (name,))]
    return []
