"""Document → .docx bytes, laid out by a style sheet (GB/T 9704).

The steps, each in its own module: ``package`` drops the template's stray
parts and sets the document settings; ``styles`` defines the styles;
``page`` sets paper, margins, grid and page numbers; ``furniture`` adds the
number line, ``body`` the paragraphs and tables, ``furniture`` the 版记;
``package`` saves with fixed metadata. python-docx's API does the work where
it can; ``oxml`` holds the few elements it cannot write, ``parts`` the parts.
"""

from __future__ import annotations

import re

import docx
from docx.enum.text import WD_COLOR_INDEX

from drafter.document import Document
from drafter.drafting.stylesheet import FontProfile, StyleSheet
from drafter.drafting.wordfile import body, furniture, package, page, styles
from drafter.drafting.wordfile.layout import Layout
from drafter.drafting.wordfile.package import Properties
from drafter.drafting.wordfile.text import Marks

__all__ = ["Properties", "write"]


def write(
    document: Document,
    sheet: StyleSheet,
    markers: re.Pattern[str],
    properties: Properties,
    fonts: FontProfile = "gov",
) -> bytes:
    """The .docx file for ``document``; text matching ``markers`` is highlighted."""
    layout = Layout(sheet, fonts)
    marks = Marks(markers, WD_COLOR_INDEX.from_xml(sheet.marker.highlight))
    word = docx.Document()
    package.prune(word)
    package.configure(word)
    styles.define(word, layout, notes=any(b.kind == "note" for b in document.blocks))
    page.set_up(word, layout)
    furniture.number_line(word, document, layout, marks)
    body.fill(word, document, layout, marks)
    furniture.imprint(word, document, layout, marks)
    return package.save(word, properties, layout)
