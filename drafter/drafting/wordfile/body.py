"""The draft's paragraphs: one per block, in its style; placeholder markers highlighted."""

from __future__ import annotations

import re

from docx.enum.text import WD_COLOR_INDEX
from docx.shared import Twips

from drafter.document import Block, Document
from drafter.document.wordstyles import BUILT_IN
from drafter.drafting.stylesheet import em_width
from drafter.drafting.wordfile.layout import Layout


def fill(document, blocks: Document, layout: Layout, markers: re.Pattern[str]) -> None:
    """Add a paragraph per block; consecutive title blocks are lines of one title."""
    styles = {key: document.styles[name] for key, (_, name) in BUILT_IN.items()}
    normal = document.styles["Normal"]
    highlight = WD_COLOR_INDEX.from_xml(layout.sheet.marker.highlight)
    indents = _closing_indents([b for b in blocks.blocks if b.kind in ("signature", "date")], layout)
    title = None
    for block in blocks.blocks:
        if block.kind == "title":
            if title is None:
                title = document.add_paragraph(style=styles["title"])
            else:
                title.add_run().add_break()
            _runs(title, block, markers, highlight)
            continue
        title = None
        key = block.level if block.kind == "heading" else block.kind
        paragraph = document.add_paragraph(style=styles.get(key, normal))
        if block.kind in indents:
            fmt = paragraph.paragraph_format
            fmt.right_indent = Twips(layout.chars(indents[block.kind]))
            if block.kind == "signature":
                fmt.space_before = Twips(layout.lines(layout.sheet.closing.space_before_lines))
        _runs(paragraph, block, markers, highlight)


def _runs(paragraph, block: Block, markers: re.Pattern[str], highlight: WD_COLOR_INDEX) -> None:
    """The block's text; each placeholder marker is a highlighted run of its own."""
    at = 0
    for found in markers.finditer(block.text):
        if found.start() > at:
            _run(paragraph, block.text[at:found.start()], block.bold)
        _run(paragraph, found.group(0), block.bold).font.highlight_color = highlight
        at = found.end()
    if at < len(block.text):
        _run(paragraph, block.text[at:], block.bold)


def _run(paragraph, text: str, bold: bool):
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    return run


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
