"""What a matcher or a built-in check reports, and what it is given to look at."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from drafter.checking.review.passages import Item, Passage, Subject
from drafter.standard import Standard, fill_year

_CONTEXT = 12  # characters quoted on each side of a hit
_LONG = 40  # a longer hit is quoted by its opening words
_SENTENCE_END = "。！？；!?;"
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?")


@dataclass
class Hit:
    """One place a rule fires: a span of a passage, or the whole report (passage None)."""

    passage: Passage | None
    start: int = 0
    end: int = 0
    fields: dict[str, Any] = field(default_factory=dict)  # filled into the message: {found}, {right} …
    excerpt: str | None = None  # instead of the text around the span

    @classmethod
    def at(cls, passage: Passage, m: re.Match[str] | tuple[int, int], **fields: Any) -> Hit:
        start, end = (m.start(), m.end()) if isinstance(m, re.Match) else m
        fields.setdefault("found", passage.text[start:end])
        return cls(passage, start, end, fields)

    @classmethod
    def on_item(cls, entry: Item, **fields: Any) -> Hit:
        """A hit on a whole item, quoted by its opening words."""
        fields.setdefault("found", "")
        return cls(entry.anchor, entry.offset, entry.offset, fields, excerpt=snippet(entry.text, 40))

    def quote(self) -> str | None:
        if self.excerpt is not None or self.passage is None:
            return self.excerpt
        text = self.passage.text
        if not text:
            return None
        if self.end <= self.start:
            return snippet(text[self.start:], 40)
        if self.end - self.start > _LONG:  # a whole sentence: its opening words are enough
            return snippet(text[self.start:self.end], _LONG)
        before = max(0, self.start - _CONTEXT)
        after = min(len(text), self.end + _CONTEXT)
        return ("…" if before else "") + text[before:after] + ("…" if after < len(text) else "")


@dataclass
class Context:
    """A rule's view of one subject: the passages in its scope, and the standard."""

    std: Standard
    subject: Subject
    passages: list[Passage]
    previous: Subject | None = None  # last year's report, with --previous

    @property
    def year(self) -> int | None:
        return self.subject.year

    def fill(self, pattern: str) -> str | None:
        """A pattern with {year}/{next_year} filled in; None when it needs a year the report lacks."""
        if "{year}" in pattern or "{next_year}" in pattern:
            return fill_year(pattern, self.year) if self.year else None
        return pattern


def snippet(text: str, limit: int = 30) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "……"


class SentenceSpans:
    """The sentence around a place in a text; each text is split once however many places are asked."""

    def __init__(self) -> None:
        self._split: dict[str, tuple[list[int], list[tuple[int, int]]]] = {}

    def around(self, text: str, at: int) -> tuple[int, int]:
        if text not in self._split:
            spans = sentences(text) or [(0, len(text))]
            self._split = {text: ([s for s, _ in spans], spans)}  # one text at a time: hits come in reading order
        starts, spans = self._split[text]
        return spans[max(0, bisect_right(starts, at) - 1)]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, end after its closing mark."""
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END:
            if text[start:i].strip():
                out.append((start, i + 1))
            start = i + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


def numbers(text: str) -> list[re.Match[str]]:
    return list(_NUMBER.finditer(text))
