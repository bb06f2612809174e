"""The layout style sheet: templates/styles/*.yaml loaded and checked.

The YAML holds the GB/T 9704 values (page, grid, fonts, paragraph styles); this
module gives them a checked shape and derives the numbers Word needs (line
pitch, character pitch) from the page and the grid, so they cannot disagree.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from drafter import yamlio
from drafter.files.memo import per_file
from drafter.resources import templates_dir
from drafter.yamlio import validation as modelcheck

STYLE_FILE = Path("styles") / "gbt9704.yaml"
MM_PER_PT = 25.4 / 72
FontProfile = Literal["gov", "windows"]
Align = Literal["left", "center", "right", "justify"]


def _color(value: str) -> str:
    if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value):
        return value
    raise ValueError(f"颜色“{value}”的写法不对：应写成 6 位十六进制数（Word 的 RGB 写法），"
                     "如 FF0000 是红色、000000 是黑色、808080 是灰色，两边加英文引号。")


def _page_text(value: str) -> str:
    if "{page}" in value:
        return value
    raise ValueError(f"页码文字“{value}”中没有 {{page}}：它标出页码数字的位置，如“— {{page}} —”。")


Color = Annotated[str, AfterValidator(_color)]
Highlight = Literal[
    "yellow", "green", "cyan", "magenta", "lightGray", "red", "blue",
    "darkYellow", "darkGreen", "darkCyan", "darkMagenta", "darkRed", "darkBlue", "darkGray",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Page(_Strict):
    width_mm: float = Field(gt=0)
    height_mm: float = Field(gt=0)
    margin_top_mm: float = Field(ge=0)
    margin_bottom_mm: float = Field(ge=0)
    margin_left_mm: float = Field(ge=0)
    margin_right_mm: float = Field(ge=0)


class Grid(_Strict):
    lines: int = Field(gt=0, le=100)
    chars: int = Field(gt=0, le=100)


class Font(_Strict):
    gov: str = Field(min_length=1)
    windows: str = Field(min_length=1)

    def name(self, profile: FontProfile) -> str:
        return self.gov if profile == "gov" else self.windows


class ParagraphStyle(_Strict):
    font: str
    size_pt: float = Field(gt=0, le=72)
    bold: bool = False
    align: Align = "justify"
    first_line_chars: float = Field(0, ge=0, le=10)
    line_pt: float | None = Field(None, gt=0, le=200)
    space_before_lines: float = Field(0, ge=0, le=10)
    space_after_lines: float = Field(0, ge=0, le=10)


class Styles(_Strict):
    body: ParagraphStyle
    title: ParagraphStyle
    recipient: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    heading3: ParagraphStyle
    heading4: ParagraphStyle


class Closing(_Strict):
    font: str
    size_pt: float = Field(gt=0, le=72)
    space_before_lines: float = Field(0, ge=0, le=10)
    right_chars: float = Field(ge=0, le=20)
    date_shift_chars: float = Field(ge=0, le=20)


class PageNumber(_Strict):
    font: str
    size_pt: float = Field(gt=0, le=72)
    below_type_area_mm: float = Field(ge=0)
    text: Annotated[str, AfterValidator(_page_text)]
    indent_chars: float = Field(0, ge=0, le=10)
    odd: Literal["left", "center", "right"]
    even: Literal["left", "center", "right"]


class Marker(_Strict):
    highlight: Highlight


class NumberLine(_Strict):
    """发文字号 and 签发人 on one line above the title of a report sent upward (GB/T 9704 7.2.4–7.2.5)."""

    font: str = "fangsong"
    name_font: str = "kaiti"
    size_pt: float = Field(16, gt=0, le=72)
    indent_chars: float = Field(1, ge=0, le=10)
    rule_color: Color = "FF0000"
    rule_pt: float = Field(1, gt=0, le=6)
    space_after_lines: float = Field(1, ge=0, le=10)


class Imprint(_Strict):
    """The 版记: 抄送 and 印发 between rules at the foot of the last page (GB/T 9704 7.4)."""

    font: str = "fangsong"
    size_pt: float = Field(14, gt=0, le=72)
    line_pt: float = Field(24, gt=0, le=200)
    indent_chars: float = Field(1, ge=0, le=10)
    thick_pt: float = Field(1, gt=0, le=6)
    thin_pt: float = Field(0.75, gt=0, le=6)
    page_bottom: bool = True


class FormNote(_Strict):
    """填写说明 in the Word form: small grey paragraphs in a style of their own, off the grid."""

    size_pt: float = Field(10.5, gt=0, le=72)
    color: Color = "808080"
    line_pt: float = Field(16, gt=0, le=200)
    space_pt: float = Field(3, ge=0, le=72)  # before and after


class FormTable(_Strict):
    """The Word form's tables (基本信息, figures, problems, plans): grey rules, a shaded header row."""

    size_pt: float = Field(12, gt=0, le=72)
    line_pt: float = Field(18, gt=0, le=200)
    padding_pt: float = Field(2, ge=0, le=72)  # above and below a cell's text
    rule_pt: float = Field(0.5, gt=0, le=6)
    rule_color: Color = "808080"
    header_fill: Color = "E7E6E6"


class Form(_Strict):
    note: FormNote = Field(default_factory=FormNote)
    table: FormTable = Field(default_factory=FormTable)


class StyleSheet(_Strict):
    page: Page
    grid: Grid
    fonts: dict[str, Font] = Field(min_length=1)
    latin_font: str = Field(min_length=1)
    styles: Styles
    closing: Closing
    page_number: PageNumber
    marker: Marker
    number_line: NumberLine = NumberLine()
    imprint: Imprint = Imprint()
    form: Form = Field(default_factory=Form)

    @model_validator(mode="after")
    def _consistent(self) -> StyleSheet:
        if self.type_width_mm <= 0 or self.type_height_mm <= 0:
            raise ValueError("页边距之和超过了纸张尺寸，版心没有空间。请检查 page 中的数值。")
        if self.footer_distance_mm <= 0:
            raise ValueError(
                "page_number.below_type_area_mm 太大：页码会落到纸张以外。请减小它或增大 page.margin_bottom_mm。"
            )
        used = {f"styles.{name}.font": style.font for name, style in self.styles}
        used["closing.font"] = self.closing.font
        used["page_number.font"] = self.page_number.font
        used["number_line.font"] = self.number_line.font
        used["number_line.name_font"] = self.number_line.name_font
        used["imprint.font"] = self.imprint.font
        for where, font in used.items():
            if font not in self.fonts:
                raise ValueError(
                    f"{where} 写的字体“{font}”不在 fonts 中。可用的有：{'、'.join(self.fonts)}。"
                )
        return self

    @property
    def type_width_mm(self) -> float:
        return self.page.width_mm - self.page.margin_left_mm - self.page.margin_right_mm

    @property
    def type_height_mm(self) -> float:
        return self.page.height_mm - self.page.margin_top_mm - self.page.margin_bottom_mm

    @property
    def footer_distance_mm(self) -> float:
        """From the page's bottom edge to the page-number line's bottom (one line of its size)."""
        number = self.page_number
        return self.page.margin_bottom_mm - number.below_type_area_mm - number.size_pt * MM_PER_PT

    @property
    def line_pitch_pt(self) -> float:
        """Grid line pitch, rounded down to whole twips so all lines fit the type area."""
        return int(self.type_height_mm / MM_PER_PT / self.grid.lines * 20) / 20

    @property
    def char_pitch_pt(self) -> float:
        return self.type_width_mm / MM_PER_PT / self.grid.chars

    @property
    def title_chars(self) -> float:
        """How many full-width title characters fit on one line."""
        return self.type_width_mm / MM_PER_PT / self.styles.title.size_pt


def em_width(text: str) -> float:
    """Width in full-width characters: CJK, full-width forms and (as in Chinese
    typesetting) ambiguous-width punctuation such as quotes count 1, the rest ½."""
    return sum(1 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def path_in(templates: Path | None) -> Path:
    """The style sheet of a templates folder, falling back to the built-in one."""
    if templates is not None and (templates / STYLE_FILE).is_file():
        return templates / STYLE_FILE
    return templates_dir() / STYLE_FILE


def load(path: Path | None = None) -> StyleSheet:
    """Load and validate a style sheet (the built-in one when ``path`` is None); once per file and process."""
    return _load(Path(path) if path is not None else path_in(None))


@per_file
def _load(path: Path) -> StyleSheet:
    located = yamlio.load(path, aliases=True)
    return modelcheck.validate(StyleSheet, located, "版式样式表")
