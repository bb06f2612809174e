"""The style sheet's numbers in Word's units (twips, points), and the draft's language.

Every length the writer puts into the .docx is derived here from the style
sheet, so styles, page and body cannot disagree about a character's width or
a line's height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from drafter.drafting.stylesheet import FontProfile, ParagraphStyle, StyleSheet


@dataclass(frozen=True)
class Language:
    """w:lang of the text: Word's proofing and its Chinese line-breaking rules follow it."""

    latin: str
    east_asian: str


# The reports are Chinese; Latin text in them (figures, names) is tagged English.
LANGUAGE = Language(latin="en-US", east_asian="zh-CN")
TWIPS_PER_MM = 1440 / 25.4


class Layout:
    """A style sheet with one font profile, measured for Word."""

    def __init__(self, sheet: StyleSheet, profile: FontProfile):
        self.sheet = sheet
        self.profile = profile
        # Character spacing in twips that fits ``grid.chars`` body characters on a
        # line; rounded down, as 28 characters must fit, not 27.9.
        self.tracking = math.floor((sheet.char_pitch_pt - sheet.styles.body.size_pt) * 20)
        self.pitch = round(sheet.line_pitch_pt * 20)
        # The type area (版心): width in whole twips, height exact for placing things at its foot.
        self.width = round(sheet.type_width_mm * TWIPS_PER_MM)
        self.height = sheet.type_height_mm * TWIPS_PER_MM

    def font(self, role: str) -> str:
        """The font name of a style sheet font role (``fangsong`` …) in this profile."""
        return self.sheet.fonts[role].name(self.profile)

    def chars(self, count: float) -> int:
        """Width in twips of ``count`` body characters as laid out (size plus spacing)."""
        return round(count * (self.sheet.styles.body.size_pt * 20 + self.tracking))

    def lines(self, count: float) -> int:
        """Height in twips of ``count`` grid lines."""
        return round(count * self.pitch)

    def line(self, style: ParagraphStyle) -> int:
        """A style's exact line height in twips: its own, else the grid's."""
        return round(style.line_pt * 20) if style.line_pt else self.pitch
