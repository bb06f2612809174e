"""Document → .docx bytes, laid out by a style sheet (GB/T 9704).

The steps, each in its own module: ``package`` drops the template's stray
parts and sets the document settings; ``styles`` defines the styles;
``page`` sets paper, margins, grid and page numbers; ``body`` adds the
paragraphs; ``package`` saves with fixed metadata. python-docx's API does the
work where it can; ``oxml`` holds the few elements it cannot write.
"""

from __future__ import annotations

import re

import docx

from drafter.document import Document
from drafter.drafting.stylesheet import FontProfile, StyleSheet
from drafter.drafting.wordfile import body, package, page, styles
from drafter.drafting.wordfile.layout import Layout
from drafter.drafting.wordfile.package import Properties

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
    word = docx.Document()
    package.prune(word)
    package.configure(word)
    styles.define(word, layout)
    page.set_up(word, layout)
    body.fill(word, document, layout, markers)
    return package.save(word, properties, layout)
