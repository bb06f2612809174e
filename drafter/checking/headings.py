"""Tell headings from body text in a Document read from someone's draft.

Signals, strongest first: a Word heading style or outline level (kept by the
reader as a ``heading`` block), the structural numbering 一、（一）1.（1） and
their real-world variants (the standard's ``numbering`` patterns), and short
standalone or bold lines. A numbered paragraph that goes on after its first
sentence ("（一）聚焦……。一是……") is a run-in heading: the first sentence is the
heading. Inline enumerations (一是……二是……) are body text. Web-page metadata
lines (page furniture such as 索引号 or 浏览次数), a bare date line above the
text, the title and the recipient line are set apart; a date line is never a heading.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from drafter.checking.prepared import per_standard
from drafter.document import Block, Document
from drafter.document.numbering import Numberer
from drafter.standard import Standard

Role = Literal["title", "front", "meta", "heading", "para", "back"]

_SENTENCE_END = "。！？；!?;"
_FIRST_SENTENCE = re.compile(rf"^(.*?)[{_SENTENCE_END}：:]")
_FRONT_KINDS: dict[str, Role] = {
    "title": "title", "recipient": "front", "docnumber": "front", "issuer": "front",
    "signature": "back", "date": "back", "cc": "back", "imprint": "back",
}


@dataclass
class Unit:
    """One block, classified."""

    block: Block
    role: Role
    level: int = 0  # heading level 1..4; 0 for a heading whose level is unknown (short or bold line)
    numbered: bool = False  # starts with structural numbering
    number: int = 0  # that number, e.g. 3 for "（三）"
    heading: str = ""  # heading words without numbering (a run-in heading: its first sentence)
    run_in: bool = False  # the heading shares its paragraph with body text
    inline: int | None = None  # number of an inline enumeration opening the paragraph (一是 → 1)
    shape: str = ""  # the numbering with its number taken out: "第#部分", "#", "(#)"

    @property
    def index(self) -> int:
        return self.block.index

    @property
    def text(self) -> str:
        return self.block.text

    @property
    def content(self) -> bool:
        return self.role in ("heading", "para")


_SPACES = re.compile(r"\s+")
_NUMBER = re.compile(r"[一二三四五六七八九十\d]+")


def normalize(text: str) -> str:
    """Full-width/half-width insensitive form for matching words (aliases, cues)."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def shape(prefix: str) -> str:
    """What kind of numbering a prefix is, whatever its number and separator."""
    return _NUMBER.sub("#", normalize(prefix)).rstrip("、,.:")


def first_sentence(text: str) -> str:
    m = _FIRST_SENTENCE.match(text)
    return m.group(1) if m else text


def analyser(std: Standard) -> Analyser:
    """The standard's analyser, made once per standard (it holds no document's state)."""
    return per_standard(std, "analyser", Analyser)


_REFERS = re.compile(r"\\\d|\(\?P=|\(\?\(")  # a back reference: group numbers would shift in an alternation


class _AnyOf:
    """Several patterns searched as one: each on its own, or (when they combine) in one pass."""

    def __init__(self, patterns: list[str]):
        self.each = [re.compile(p) for p in patterns]
        self.joined: re.Pattern[str] | None = None
        if patterns and not any(_REFERS.search(p) for p in patterns):
            try:  # one alternation finds a match exactly when one of them does
                self.joined = re.compile("|".join(f"(?:{p})" for p in patterns))
            except re.error:  # (a group name used twice, inline flags: searched one by one)
                pass

    def search(self, text: str) -> bool:
        if self.joined is not None:
            return self.joined.search(text) is not None
        return any(p.search(text) for p in self.each)


class Analyser:
    def __init__(self, std: Standard):
        self.rules = std.headings
        self.numberer = Numberer(std.numbering)
        self.metadata = _AnyOf(std.metadata_lines)
        self.closing = _AnyOf(std.closing.lines)
        self.date = re.compile(std.closing.date)
        # Words naming a part: a line carrying them after the first title line is a heading.
        self.part_words = [normalize(a) for p in std.parts for a in p.recognition.aliases if "{" not in a]

    def analyse(self, document: Document) -> list[Unit]:
        units: list[Unit] = []
        content = False  # a heading or paragraph came before (counted as we go: linear time)
        titles = 0
        for block in document.blocks:
            text = block.text.strip()
            if not text:
                continue
            if block.kind in _FRONT_KINDS:
                unit = Unit(block, _FRONT_KINDS[block.kind])
            elif self.metadata.search(text):
                unit = Unit(block, "meta")
            elif self.date.search(text):  # a bare date is never a heading: above the text, page furniture
                unit = Unit(block, "para" if content else "meta")
            elif not content and self._front_matter(block, titles):
                unit = Unit(block, "front" if text.endswith(("：", ":")) else "title")
            else:
                unit = self._classify(block)
            units.append(unit)
            content = content or unit.content
            titles += unit.role == "title"
        self._mark_closing(units)
        return units

    def _mark_closing(self, units: list[Unit]) -> None:
        """Closing formula and notes, the date, and the signature lines just before the date."""
        signatures = 0  # signature lines still allowed: up to two, right before a date
        for unit in reversed(units):
            if not unit.content:
                signatures = 2 if unit.role == "back" else signatures
                continue
            text = unit.text.strip()
            if self.date.search(text):
                signatures = 2
            elif self.closing.search(text):
                signatures = 0
            elif signatures and len(text) <= self.rules.title_max_chars and not unit.numbered and not any(
                ch in _SENTENCE_END + "【】" for ch in text
            ):
                signatures -= 1
            else:
                return
            unit.role = "back"

    def _front_matter(self, block: Block, titles: int) -> bool:
        """A title line (or a recipient line after it) before any content; ``titles`` title lines came before."""
        text = block.text.strip()
        if self.numberer.match(text) or len(text) > self.rules.title_max_chars:
            return False
        if text.endswith(("：", ":")):
            return titles > 0 and block.kind != "heading"
        # After the first title line, or on a line styled as a heading (some put
        # the title in Heading 1), words naming a part make it a heading.
        if (titles or block.kind == "heading") and any(word in normalize(text) for word in self.part_words):
            return False
        if block.kind == "heading" and titles:
            return False
        return not any(ch in _SENTENCE_END for ch in text) and titles < 3

    def _classify(self, block: Block) -> Unit:
        text = block.text.strip()
        numbering = self.numberer.match(text)
        if block.kind == "heading":
            words = numbering.rest if numbering else text
            level = numbering.level if numbering else block.level
            return Unit(block, "heading", level=level, numbered=bool(numbering),
                        number=numbering.number if numbering else 0, heading=words.strip(),
                        shape=shape(numbering.prefix) if numbering else "")
        if numbering:
            head = first_sentence(numbering.rest)
            body = numbering.rest[len(head):].lstrip(_SENTENCE_END + "：:").strip()
            return Unit(block, "heading", level=numbering.level, numbered=True, number=numbering.number,
                        heading=head.strip()[: self.rules.run_in_max_chars], run_in=bool(body),
                        shape=shape(numbering.prefix))
        inline = self.numberer.inline_match(text)
        if inline is None and self._standalone(text, block.bold):
            return Unit(block, "heading", heading=text.rstrip(_SENTENCE_END))
        return Unit(block, "para", inline=inline)

    def _standalone(self, text: str, bold: bool) -> bool:
        """A short line that stands alone like a heading (level unknown)."""
        if len(text) > self.rules.max_chars or text.endswith(("：", ":")):
            return False
        if bold:
            return True
        return not any(ch in _SENTENCE_END for ch in text)  # a short sentence ending in 。 is body text
