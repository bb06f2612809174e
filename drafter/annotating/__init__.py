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
from drafter.errors import DrafterError

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
    """The annotated copy's bytes."""
    import docx

    document = loaded.document
    if loaded.docx is not None:
        data = loaded.docx
        origins = {b.index: b.origin for b in document.blocks if b.origin is not None}
    else:
        from drafter.annotating.textcopy import laid_out

        data, origins = laid_out(document, standard)
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx reads transitional packages only (not Strict Open XML)
        raise DrafterError(
            f"{result.file}：这个 Word 文件的格式（如“严格 Open XML”）无法加批注，检查结果不受影响。"
            "请用 Word 或 WPS 另存为普通的“Word 文档（*.docx）”后再生成批注副本。"
        ) from None
    commenter = Commenter(word)
    first = min(origins, default=None)
    top = origins[first] if first is not None else None
    commenter.add(top, wording.summary(result, standard))
    for finding in sorted(result.findings, key=lambda f: (f.position is not None, f.position or 0)):
        place = origins.get(finding.position, top) if finding.position is not None else top
        commenter.add(place, wording.finding(finding))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()
