"""The document model shared by both directions.

Rendering builds a Document from template text and writes it to .docx;
checking reads a .docx/.txt/.md file into a Document and recognizes its parts.
A Document is a flat list of blocks in reading order; headings carry a level
(1 = 一、, 2 = （一）, 3 = 1., 4 = （1）) when it is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# docnumber/issuer (发文字号, 签发人) stand above the title of a report sent upward;
# cc and imprint (抄送, 印发机关和印发日期) form the 版记 at its end (GB/T 9704).
# note and table are the Word form's (drafter init x.docx): a grey 填写说明, a grid of cells.
BlockKind = Literal[
    "title", "recipient", "heading", "paragraph", "signature", "date", "docnumber", "issuer", "cc", "imprint",
    "note", "table",
]


@dataclass(frozen=True)
class Table:
    """The cells of a table block, header row first, and its columns' relative widths."""

    rows: tuple[tuple[str, ...], ...]
    weights: tuple[float, ...]

    def __post_init__(self) -> None:
        if any(len(row) != len(self.weights) for row in self.rows):
            raise ValueError("every row of a table has one cell per column")


@dataclass
class Block:
    kind: BlockKind
    text: str
    level: int = 0  # heading level 1..4; 0 when not a heading or unknown
    index: int = 0  # paragraph position in the source file, 0-based
    style: str | None = None  # the source's paragraph style name (.docx)
    outline_level: int | None = None  # the source's outline level, 1-based (.docx, .md)
    bold: bool = False  # the whole paragraph is bold in the source
    table: Table | None = None  # the cells of a "table" block
    # Which paragraph of the source this is (.docx: the ordinal of its w:p among all w:p
    # elements of the main document part, in document order), so findings can be put back there.
    origin: int | None = None


class TooManyBlocks(Exception):
    """A document reached its ``max_blocks``: readers stop there instead of parsing on."""

    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    source: str = ""
    max_blocks: int | None = None  # set by readers, so hostile files stop early
    converted_from: str | None = None  # the file was converted to .docx (by LibreOffice) from this, in words

    def add(self, kind: BlockKind, text: str, **attrs) -> Block:
        if self.max_blocks is not None and len(self.blocks) >= self.max_blocks:
            raise TooManyBlocks(self.max_blocks)
        block = Block(kind=kind, text=text, index=len(self.blocks), **attrs)
        self.blocks.append(block)
        return block

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]

    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)
