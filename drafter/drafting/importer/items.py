"""A part's text as a list of items: sub-headings, 一是……二是…… enumerations, plain paragraphs.

The classified units (``checking.headings``) of one part become entries in
reading order; an entry is a heading (with the rest of its paragraph when it
is a run-in heading) or a paragraph. ``Splitter.items`` turns entries into
Items: a heading starts an item titled by it, which holds everything up to
the next heading; elsewhere an enumeration (一是, 二是 … counted in order
across paragraphs, 一是 may restart the count) starts an item whose first
short sentence is its title, and a paragraph after an item continues it.
Paragraphs before the first item lead the part (its intro or a summary).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.checking.headings import Unit
from drafter.document.numbering import parse_cn
from drafter.standard import Standard

_SENTENCE = "。！？；!?;"
_TITLE_END = "。"


@dataclass
class Entry:
    text: str  # a paragraph's text, or a heading's words
    heading: bool = False
    level: int = 0
    rest: str = ""  # a run-in heading: the text after its first sentence
    position: int = 0  # Block.index


@dataclass
class Item:
    title: str = ""
    paragraphs: list[str] = field(default_factory=list)
    kind: str = "plain"  # heading, enumerated or plain
    level: int = 0
    position: int = 0

    @property
    def text(self) -> str:
        return "\n\n".join(p for p in self.paragraphs if p)

    def full_text(self) -> str:
        """Title and text as one text, the way the writer reads them."""
        head = (self.title + _TITLE_END) if self.title else ""
        paragraphs = [p for p in self.paragraphs if p]
        if not paragraphs:
            return head
        return "\n\n".join([head + paragraphs[0], *paragraphs[1:]])


def entries(units: list[Unit]) -> list[Entry]:
    """The content units as entries (run-in headings keep the rest of their paragraph)."""
    out = []
    for unit in units:
        if unit.role == "heading":
            rest = unit.text.split(unit.heading, 1)[-1].lstrip(_SENTENCE + "：: ") if unit.run_in else ""
            out.append(Entry(unit.heading.strip().rstrip(_SENTENCE), True, unit.level, rest, unit.index))
        elif unit.role == "para":
            out.append(Entry(unit.text.strip(), position=unit.index))
    return out


class Splitter:
    """Splits paragraphs at enumerations and titles items, by the standard's rules."""

    def __init__(self, std: Standard):
        inline = std.numbering.inline.pattern.lstrip("^")
        self.enumeration = re.compile(rf"(?:^|(?<=[{_SENTENCE}]))\s*{inline}")
        self.title_max = std.headings.item_title_max_chars

    def items(self, found: list[Entry]) -> tuple[list[str], list[Item]]:
        """(leading paragraphs, items).

        A heading's item owns everything up to the next heading, enumerations
        included (they are the writer's own list inside it); elsewhere
        enumerations split the text into items.
        """
        lead: list[str] = []
        items: list[Item] = []
        expected, under_heading = 1, False
        for entry in found:
            if entry.heading:
                items.append(Item(entry.text, [entry.rest] if entry.rest else [], "heading", entry.level,
                                  entry.position))
                under_heading = True
            elif under_heading:
                items[-1].paragraphs.append(entry.text)
            else:
                expected = self._split(entry.text, entry.position, lead, items, expected)
        return lead, items

    def groups(self, found: list[Entry]) -> list[list[Entry]]:
        """``found`` cut where a lead paragraph is followed by an enumeration starting again at 一是.

        Drafts that lost a heading show exactly this: the theme's lead
        sentence, then a fresh 一是……二是……, in the same paragraph or the
        next; each such stretch is a group.
        """
        out: list[list[Entry]] = [[]]
        enumerated = False
        for n, entry in enumerate(found):
            first = None if entry.heading else self._first(entry.text)
            after = found[n + 1] if n + 1 < len(found) else None
            then = self._first(after.text) if after is not None and not after.heading else None
            led = first is not None and first[0] == 1 and first[1] > 0
            plain_led = first is None and not entry.heading and then is not None and then == (1, 0)
            if enumerated and (led or plain_led):
                out.append([])
                enumerated = False
            out[-1].append(entry)
            enumerated = enumerated or first is not None
        return [group for group in out if group]

    def _first(self, text: str) -> tuple[int | None, int] | None:
        """(number, offset) of the first enumeration in ``text``; the number None for a slip (一一)."""
        found = self.enumeration.search(text)
        return (parse_cn(found.group("n")), found.start("n")) if found else None

    def _split(self, text: str, position: int, lead: list[str], items: list[Item], expected: int) -> int:
        cuts = []
        for match in self.enumeration.finditer(text):
            number = parse_cn(match.group("n"))
            if number in (expected, 1):
                cuts.append(match)
                expected = number + 1
        before = text[: cuts[0].start()].strip() if cuts else text.strip()
        if before:
            (items[-1].paragraphs if items else lead).append(before)
        for n, match in enumerate(cuts):
            end = cuts[n + 1].start() if n + 1 < len(cuts) else len(text)
            body = text[match.end():end].strip()
            title, rest = self.title(body)
            items.append(Item(title, [rest] if rest else [], "enumerated", 0, position))
        return expected

    def title(self, text: str) -> tuple[str, str]:
        """A short first sentence ending in 。 with more text after it is the item's title."""
        found = re.match(rf"([^{_SENTENCE}]{{1,{self.title_max}}}){_TITLE_END}", text)
        if found and text[found.end():].strip():
            return found.group(1), text[found.end():].strip()
        return "", text


def plain(entries_: list[Entry]) -> list[str]:
    """Every entry as a paragraph of text (headings with their rest)."""
    return [e.text + (_TITLE_END + e.rest if e.rest else "") if e.heading else e.text for e in entries_]
