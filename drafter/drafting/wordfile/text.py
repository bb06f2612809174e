"""Runs of text with placeholder markers highlighted, wherever the writer puts text.

Body paragraphs, table cells and the 版记 all go through ``Marks.runs``, so a
blank left in the input (【待填写：…】) stands out the same way everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from docx.enum.text import WD_COLOR_INDEX
from docx.text.run import Run


@dataclass(frozen=True)
class Marks:
    """The placeholder markers to highlight, and the highlight colour."""

    pattern: re.Pattern[str]
    highlight: WD_COLOR_INDEX

    def runs(self, paragraph, text: str, bold: bool = False) -> list[Run]:
        """Append ``text`` to a python-docx paragraph; each marker is a highlighted run of its own."""
        added = []
        at = 0
        for found in self.pattern.finditer(text):
            if found.start() > at:
                added.append(_run(paragraph, text[at:found.start()], bold))
            marker = _run(paragraph, found.group(0), bold)
            marker.font.highlight_color = self.highlight
            added.append(marker)
            at = found.end()
        if at < len(text):
            added.append(_run(paragraph, text[at:], bold))
        return added


def _run(paragraph, text: str, bold: bool) -> Run:
    run = paragraph.add_run(text)
    if bold:
        run.bold = True
    return run
