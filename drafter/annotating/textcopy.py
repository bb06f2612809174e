"""A .txt or .md draft laid out as a .docx, to carry the comments of its annotated copy.

The text goes through the writer ``render`` uses (GB/T 9704 layout); the
copy is read back to learn which of its paragraphs holds each block (the
writer joins the lines of a title into one paragraph), by their text in order.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from drafter.document import Document
from drafter.drafting import stylesheet
from drafter.drafting.wordfile import writer
from drafter.standard import Standard

_SPACE = re.compile(r"\s+")


def laid_out(document: Document, standard: Standard) -> tuple[bytes, dict[int, int]]:
    """The copy's bytes, and block index → the copy's paragraph ordinal."""
    from drafter.reading import wordfile

    sheet = stylesheet.load(stylesheet.path_in(None))
    properties = writer.Properties(title=Path(document.source).stem, author="drafter",
                                   created=dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
    data = writer.write(document, sheet, standard.placeholder_re, properties)
    written = [(_squash(b.text), b.origin) for b in wordfile.read(data, document.source).blocks]
    origins: dict[int, int] = {}
    at = 0
    for block in document.blocks:
        text = _squash(block.text)
        k = at
        while k < len(written) and text not in written[k][0]:
            k += 1
        origin = written[k][1] if k < len(written) else None
        if origin is not None:
            origins[block.index] = origin
            at = k  # not past it: the next title line may share this paragraph
    return data, origins


def _squash(text: str) -> str:
    return _SPACE.sub("", text)
