"""The draft's paragraphs: one per block, in its style; tables for table blocks.

The 公文 elements around the body (number line, 版记) are ``furniture``'s.
"""

from __future__ import annotations

from docx.shared import Twips

from drafter.document import Block, Document
from drafter.document.wordstyles import BUILT_IN
from drafter.drafting.stylesheet import em_width
from drafter.drafting.wordfile import furniture, styles, tables
from drafter.drafting.wordfile.layout import Layout
from drafter.drafting.wordfile.text import Marks


def fill(document, blocks: Document, layout: Layout, marks: Marks) -> None:
    """Add a paragraph per block; consecutive title blocks are lines of one title."""
    by_kind = {key: document.styles[name] for key, (_, name) in BUILT_IN.items()}
    if any(b.kind == "note" for b in blocks.blocks):
        by_kind["note"] = document.styles[styles.NOTE[1]]
    normal = document.styles["Normal"]
    indents = _closing_indents([b for b in blocks.blocks if b.kind in ("signature", "date")], layout)
    title = None
    for block in blocks.blocks:
        if block.kind in furniture.KINDS:
            continue
        if block.kind == "title":
            if title is None:
                title = document.add_paragraph(style=by_kind["title"])
            else:
                title.add_run().add_break()
            marks.runs(title, block.text, block.bold)
            continue
        title = None
        if block.kind == "table" and block.table is not None:
            tables.add(document, block.table, layout, marks)
            continue
        key = block.level if block.kind == "heading" else block.kind
        paragraph = document.add_paragraph(style=by_kind.get(key, normal))
        if block.kind in indents:
            fmt = paragraph.paragraph_format
            fmt.right_indent = Twips(layout.chars(indents[block.kind]))
            if block.kind == "signature":
                fmt.space_before = Twips(layout.lines(layout.sheet.closing.space_before_lines))
        marks.runs(paragraph, block.text, block.bold)


def _closing_indents(blocks: list[Block], layout: Layout) -> dict[str, float]:
    """Right indents (in characters) of signature and date, per GB/T 9704 7.3.5.

    The signature sits ``right_chars`` from the right; the date's first
    character is ``date_shift_chars`` right of the signature's; a date that
    would then come closer than ``right_chars`` to the edge moves the pair left.
    """
    closing = layout.sheet.closing
    text = {b.kind: b.text for b in blocks}
    if "date" not in text:
        return {"signature": closing.right_chars} if "signature" in text else {}
    sig, date = em_width(text.get("signature", "")), em_width(text["date"])
    date_right = max(closing.right_chars, closing.right_chars + sig - date - closing.date_shift_chars)
    indents = {"date": date_right}
    if "signature" in text:
        indents["signature"] = date_right + date + closing.date_shift_chars - sig
    return indents
