"""Word comments anchored on whole paragraphs (python-docx ≥ 1.2 writes the comments part).

python-docx anchors a comment on runs; a paragraph may have none of its own
(all its text inside a hyperlink, a field or a tracked insertion), so the
range marks go at the paragraph's ends instead: a w:commentRangeStart first
(after the paragraph properties), a w:commentRangeEnd and the run carrying
the w:commentReference last. Word, WPS and LibreOffice show such a comment
on the whole paragraph.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

AUTHOR = "drafter"
INITIALS = "DR"


class Commenter:
    def __init__(self, word):
        self.word = word
        # The same numbering the reader gave Block.origin: every w:p of the body, in document order.
        self.paragraphs = list(word.element.body.iter(qn("w:p")))

    def add(self, origin: int | None, text: str) -> None:
        """A comment with ``text`` on paragraph ``origin`` (None or out of range: the first paragraph)."""
        if not self.paragraphs:
            self.paragraphs.append(self.word.add_paragraph()._p)
        p = self.paragraphs[origin] if origin is not None and 0 <= origin < len(self.paragraphs) else self.paragraphs[0]
        comment = self.word.comments.add_comment(text=text, author=AUTHOR, initials=INITIALS)
        ident = str(comment.comment_id)
        start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): ident})
        properties = p.find(qn("w:pPr"))
        p.insert(p.index(properties) + 1 if properties is not None else 0, start)
        p.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): ident}))
        reference = OxmlElement("w:r")
        reference.append(OxmlElement("w:commentReference", attrs={qn("w:id"): ident}))
        p.append(reference)
