"""A .docx style part: what a paragraph takes from its style chain.

Styles are indexed by id and looked at only when a paragraph uses them (a
template declares a few hundred styles, a draft uses a handful); what a
paragraph style gives (name, heading level, outline level, bold, list
numbering) is computed once per style.
"""

from __future__ import annotations

from typing import NamedTuple

from lxml import etree

from drafter.document import wordstyles
from drafter.reading.docxpackage import MC, W

_NS = {"w": W}
_VAL = f"{{{W}}}val"
_BODY_OUTLINE = 9  # w:outlineLvl 9 means "body text": it stops inheritance
# Word writes these built-in names in lower case and shows them capitalised.
_UI_NAMES = {n: n.title() for n in ("caption", "footer", "header", *(f"heading {i}" for i in range(1, 10)))}


def xpath(expression: str) -> etree.XPath:
    return etree.XPath(expression, namespaces={**_NS, "mc": MC}, smart_strings=False)

_OUTLINE = xpath("./w:pPr/w:outlineLvl/@w:val")
_BOLD = xpath("./w:rPr/w:b")
_NAME = xpath("./w:name/@w:val")
_BASED_ON = xpath("./w:basedOn/@w:val")
_NUM_ID = xpath("./w:pPr/w:numPr/w:numId/@w:val")
_NUM_LEVEL = xpath("./w:pPr/w:numPr/w:ilvl/@w:val")


def first(found: list):
    return found[0] if found else None


def flag(element) -> bool | None:
    """A w:b-like toggle: absent → None, present without w:val or with a true value → True."""
    return None if element is None else on(element.get(_VAL))


def on(value: str | None) -> bool:
    return value is None or value.lower() not in ("0", "false", "off")


def outline_of(element) -> tuple[bool, int | None]:
    """Whether ``element`` (a paragraph or a style) sets an outline level, and the level (1-based; None: body text)."""
    return _outline(first(_OUTLINE(element)))


def _outline(text: str | None) -> tuple[bool, int | None]:
    if text is not None and text.isascii() and text.isdigit() and len(text) < 4:  # a stranger's file: "²", "9" * 5000
        value = int(text)
        return True, None if value >= _BODY_OUTLINE else value + 1
    return False, None


def numbering_of(element) -> tuple[str | None, str | None]:
    """The list a paragraph or style puts itself in: (numId, ilvl), each None when not set here."""
    return first(_NUM_ID(element)), first(_NUM_LEVEL(element))


class Properties(NamedTuple):
    """What a paragraph's own properties (w:pPr) say, as the single-purpose lookups above would."""

    style: str | None  # w:pStyle
    num_id: str | None  # w:numPr
    num_level: str | None
    outline: tuple[bool, int | None]  # as outline_of
    gone: bool  # its paragraph mark is deleted or moved away (w:rPr/w:del, w:moveFrom)


_PPR_CHILDREN = xpath("./w:pPr/*")
_P_STYLE, _NUM_PR, _NUM_ID_TAG, _ILVL, _OUTLINE_TAG, _RPR = (
    f"{{{W}}}{t}" for t in ("pStyle", "numPr", "numId", "ilvl", "outlineLvl", "rPr"))
_GONE = {f"{{{W}}}del", f"{{{W}}}moveFrom"}


def properties(p) -> Properties:
    """A paragraph's properties in one look at its w:pPr (each value the first one set, in document order)."""
    style = num_id = level = outline = None
    gone = False
    for element in _PPR_CHILDREN(p):
        tag = element.tag
        if tag == _P_STYLE:
            style = style if style is not None else element.get(_VAL)
        elif tag == _NUM_PR:
            for child in element:
                if child.tag == _NUM_ID_TAG and num_id is None:
                    num_id = child.get(_VAL)
                elif child.tag == _ILVL and level is None:
                    level = child.get(_VAL)
        elif tag == _OUTLINE_TAG:
            outline = outline if outline is not None else element.get(_VAL)
        elif tag == _RPR and not gone:
            gone = any(child.tag in _GONE for child in element)
    return Properties(style, num_id, level, _outline(outline), gone)


class Style:
    """One w:style: its id, display name, element, own bold setting and the id of its basedOn style."""

    __slots__ = ("id", "name", "element", "bold", "based_on")

    def __init__(self, element):
        self.id = element.get(f"{{{W}}}styleId")
        name = first(_NAME(element))
        self.name = _UI_NAMES.get(name, name) if name is not None else None
        self.element = element
        self.bold = flag(first(_BOLD(element)))
        self.based_on = first(_BASED_ON(element))


class ParagraphStyle(NamedTuple):
    """What a paragraph takes from its style chain."""

    id: str | None  # the style's id (list levels may be linked to it)
    name: str | None  # the paragraph style's own name
    heading_level: int | None  # from a built-in heading style in the chain
    outline: int | None  # the first outline level set in the chain (None: body text or none)
    bold: bool | None  # the first bold setting in the chain
    num_id: str | None  # list numbering set in the chain (numId, ilvl)
    num_level: str | None


class Styles:
    """Style lookup by id, following ``basedOn`` links (cycles cut)."""

    def __init__(self, root):
        self._first: dict[str | None, etree._Element] = {}  # basedOn names the first style with an id
        self._by_id: dict[str | None, etree._Element] = {}  # paragraph and character styles
        self._default = None  # the last default paragraph style wins, as in Word
        for element in root.iterfind("w:style", _NS) if root is not None else ():
            style_id = element.get(f"{{{W}}}styleId")
            self._first.setdefault(style_id, element)
            kind = element.get(f"{{{W}}}type", "paragraph")
            if kind in ("paragraph", "character"):
                self._by_id[style_id] = element
            default = element.get(f"{{{W}}}default")
            if kind == "paragraph" and default is not None and on(default):
                self._default = element
        self._styles: dict[etree._Element, Style] = {}
        self._cache: dict[tuple[str | None, bool], list[Style]] = {}
        self._paragraph: dict[str | None, ParagraphStyle] = {}

    def paragraph(self, style_id: str | None) -> ParagraphStyle:
        if style_id not in self._paragraph:
            chain = self.chain(style_id)
            outline = next((level for found, level in map(outline_of, (s.element for s in chain)) if found), None)
            lists = [numbering_of(s.element) for s in chain]
            self._paragraph[style_id] = ParagraphStyle(
                chain[0].id if chain else None,
                chain[0].name if chain else None,
                next((lv for s in chain if (lv := wordstyles.heading_level(s.name))), None),
                outline,
                next((s.bold for s in chain if s.bold is not None), None),
                next((num for num, _ in lists if num is not None), None),
                next((lvl for _, lvl in lists if lvl is not None), None),
            )
        return self._paragraph[style_id]

    def chain(self, style_id: str | None, character: bool = False) -> list[Style]:
        key = (style_id, character)
        if key not in self._cache:
            element = self._by_id.get(style_id) if style_id else None
            if element is None and not character:
                element = self._default
            chain: list[Style] = []
            seen: set[str | None] = set()
            while element is not None:
                style = self._styles.get(element) or self._styles.setdefault(element, Style(element))
                if style.id in seen:
                    break
                seen.add(style.id)
                chain.append(style)
                element = self._first.get(style.based_on) if style.based_on is not None else None
            self._cache[key] = chain
        return self._cache[key]

    def numbering_style(self, style_id: str) -> tuple[str | None, str | None]:
        """A numbering style's list (for w:numStyleLink), or (None, None)."""
        element = self._first.get(style_id)
        return numbering_of(element) if element is not None else (None, None)
