"""What a matcher or a built-in check reports, and what it is given to look at."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any

from drafter.checking.needles import may_match
from drafter.checking.prepared import per_object
from drafter.checking.review.passages import Item, Passage, Subject
from drafter.document.cjk import snippet
from drafter.standard import Standard, fill_known_year

_CONTEXT = 12  # characters quoted on each side of a hit
_LONG = 40  # a longer hit is quoted by its opening words
SENTENCE_END = "。！？；!?;"


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


@lru_cache(maxsize=1024)
def pattern(text: str) -> re.Pattern[str]:
    """A rule file's regular expression, compiled once; ^ and $ mark paragraph starts and ends,
    as they did when a pattern ran over one paragraph at a time. (Only ^ and $ read that flag:
    a pattern without them is compiled as the rule file's validation compiled it, and re's own
    cache gives that one back.)"""
    return re.compile(text, re.MULTILINE if "^" in text or "$" in text else 0)


def prepared(params: Any, name: str, build: Any) -> Any:
    """What a check works out from its parameters (tables, compiled terms), once per rule."""
    return per_object(params, ("params", name), build)


class Scope:
    """The passages a rule looks at, also joined into one text (a line break between them) so that
    a pattern runs once over the report rather than once per paragraph."""

    def __init__(self, passages: list[Passage]):
        self.passages = passages
        texts = [p.text for p in passages]
        self.starts = list(accumulate([len(t) + 1 for t in texts[:-1]], initial=0)) if texts else []
        self.text = "\n".join(texts)

    def finditer(
        self, regex: re.Pattern[str], text: str | None = None
    ) -> Iterator[tuple[Passage, int, int, re.Match[str]]]:
        """(passage, start, end, match) for each match of ``regex`` in the joined text (or in ``text``,
        the joined text with characters masked); a match running into the next paragraph is left out."""
        text = self.text if text is None else text
        if not may_match(regex, text):
            return
        for m in regex.finditer(text):
            passage, base = self.at(m.start())
            if m.end() - base <= len(passage.text):
                yield passage, m.start() - base, m.end() - base, m

    def at(self, offset: int) -> tuple[Passage, int]:
        """The passage holding ``offset`` of the joined text, and where that passage starts."""
        k = bisect_right(self.starts, offset) - 1
        return self.passages[k], self.starts[k]


@dataclass
class Context:
    """A rule's view of one subject: the passages in its scope, and the standard."""

    std: Standard
    subject: Subject
    scope: Scope
    previous: Subject | None = None  # last year's report, with --previous

    @property
    def passages(self) -> list[Passage]:
        return self.scope.passages

    @property
    def year(self) -> int | None:
        return self.subject.year

    def sentences(self, text: str) -> list[tuple[int, int]]:
        """:func:`sentences` of one of the subject's texts, split once however many rules ask."""
        split = self.subject.memo.setdefault("sentences", {})
        spans = split.get(text)
        if spans is None:
            spans = split[text] = sentences(text)
        return spans

    def fill(self, pattern: str) -> str | None:
        """A pattern with {year}/{next_year} filled in; None when it needs a year the report lacks."""
        return fill_known_year(pattern, self.year)


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


# A sentence: up to and with its closing mark (or to the end); one with nothing but spaces before
# its mark is no sentence (and a match never starts inside one, which has no other character).
_SENTENCE = re.compile(rf"\s*[^{SENTENCE_END}\s][^{SENTENCE_END}]*(?:[{SENTENCE_END}]|$)")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, end after its closing mark."""
    return [m.span() for m in _SENTENCE.finditer(text)]

