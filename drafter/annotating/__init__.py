"""The reviewer's return copy: the draft with every finding as a Word comment on its paragraph.

Findings name paragraphs by position (``Block.index``); the reader recorded
which source paragraph each block came from (``Block.origin``, the ordinal
of its w:p in the main document part), so each comment goes on the very
paragraph the finding is about, in a copy of the original package (styles,
pictures and all; the original file is only read). A .txt or .md draft has
no package: its text is laid out as a report (the same writer ``render``
uses) and the comments go into that copy.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from drafter.annotating import wording
from drafter.annotating.comments import Commenter

if TYPE_CHECKING:
    from pathlib import Path

    from drafter.checking.recognize import CheckResult
    from drafter.reading import Loaded
    from drafter.standard import Standard


COPY_SUFFIX = "（审阅意见）"  # added to the copy's name, so it is never taken for the original


def copy_name(draft: Path) -> Path:
    """Where a draft's annotated copy goes: the same place, the name marked, always a .docx."""
    return draft.with_name(draft.stem + COPY_SUFFIX + ".docx")


def annotated(loaded: Loaded, result: CheckResult, standard: Standard) -> bytes:
    """The annotated copy's bytes.

    A .docx that python-docx cannot carry through (Strict Open XML, or a package the
    reader could still read but with broken relationships) gets the .txt treatment:
    its text laid out as a report, the comments on that copy, and the top comment
    saying why the original's layout is not kept.
    """
    from drafter.annotating.textcopy import laid_out

    document = loaded.document
    if loaded.docx is not None:
        origins = {b.index: b.origin for b in document.blocks if b.origin is not None}
        try:
            return _commented(loaded.docx, origins, result, standard, None)
        except _Unusable:
            data, origins = laid_out(document, standard)
            return _commented(data, origins, result, standard, wording.RELAID)
    data, origins = laid_out(document, standard)
    return _commented(data, origins, result, standard, None)


class _Unusable(Exception):
    """python-docx could not open or save the package."""


def _commented(data: bytes, origins: dict[int, int], result: CheckResult, standard: Standard,
               note: str | None) -> bytes:
    import docx

    try:
        word = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx reads transitional packages only, and only whole ones
        raise _Unusable from None
    commenter = Commenter(word)
    first = min(origins, default=None)
    top = origins[first] if first is not None else None
    summary = wording.summary(result, standard)
    commenter.add(top, f"{summary}\n{note}" if note else summary)
    for finding in sorted(result.findings, key=lambda f: (f.position is not None, f.position or 0)):
        place = origins.get(finding.position, top) if finding.position is not None else top
        commenter.add(place, wording.finding(finding))
    # A relationship python-docx loaded but cannot write back (no Type, no Id) fails the save
    # half-way, leaving its zip writer open: found before writing instead.
    if any(not (rel.reltype and rel.rId and rel.target_ref) for rel in word.part.package.iter_rels()):
        raise _Unusable
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
