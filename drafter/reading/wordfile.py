"""A .docx file → Document (after zipguard has vetted the package).

Reads body paragraphs and table-cell paragraphs in reading order, with what
the checker needs to spot headings: the style name, the outline level (from
the paragraph or inherited through its style chain), heading styles (also when
a custom style is based on one) and whether the whole paragraph is bold.
"""

from __future__ import annotations

import io

from drafter.document import cjk
from drafter.document import wordstyles
from drafter.document import Document
from drafter.errors import DrafterError
from drafter.reading import zipguard

_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}


def _xpath(expression: str):
    from lxml import etree

    return etree.XPath(expression, namespaces=_NS)


# Compiled once: python-docx's element.xpath() recompiles on every call.
_STYLE_ID = _xpath("./w:pPr/w:pStyle/@w:val")
_OUTLINE = _xpath("./w:pPr/w:outlineLvl/@w:val")
_RUNS = _xpath(".//w:r[not(ancestor::w:txbxContent)]")
_RUN_TEXT = _xpath("./w:t/text()")
_RUN_CONTENT = _xpath("./*[self::w:t or self::w:tab or self::w:br or self::w:cr]")
_BOLD = _xpath("./w:rPr/w:b")
_CHAR_STYLE = _xpath("./w:rPr/w:rStyle/@w:val")
_BODY_OUTLINE = 9  # w:outlineLvl 9 means "body text": it stops inheritance


def read(data: bytes, name: str, max_blocks: int | None = None) -> Document:
    """The .docx file's content (bytes) as a Document; ``name`` is for messages."""
    import docx
    from docx.oxml.ns import qn

    zipguard.check(data, name)
    try:
        word = docx.Document(io.BytesIO(data))
    except Exception:  # python-docx reports broken packages with many exception types
        raise DrafterError(
            f"{name}：无法作为 Word 文档打开（文件损坏，或是改了扩展名的其他格式）。"
            "请用 Word 或 WPS 打开后“另存为” .docx 再检查。"
        ) from None
    styles = _Styles(word)
    paragraph_tag = qn("w:p")
    containers = {qn(t) for t in ("w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:customXml")}
    document = Document(source=name, max_blocks=max_blocks)
    # An explicit stack instead of recursion: nesting depth is the file's choice.
    stack = [iter(word.element.body)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == paragraph_tag:
            _add_paragraph(document, element, styles)
        elif element.tag in containers:
            stack.append(iter(element))
    return document


def _add_paragraph(document: Document, p, styles: _Styles) -> None:
    text = _text(p)
    if not text:
        return
    style_id = next(iter(_STYLE_ID(p)), None)
    chain = styles.chain(style_id)
    outline = _outline_level(p, chain)
    heading_level = next((lv for s in chain if (lv := wordstyles.heading_level(s.name))), None)
    style_name = chain[0].name if chain else None
    matter = wordstyles.matter_kind(style_name)
    if matter:
        document.add(matter, text, style=style_name, outline_level=outline)
        return
    level = outline or heading_level
    bold = _all_bold(p, chain, styles)
    if level:
        document.add("heading", text, level=min(level, 4), style=style_name, outline_level=outline, bold=bold)
    else:
        document.add("paragraph", text, style=style_name, outline_level=outline, bold=bold)


def _text(p) -> str:
    # Runs in the paragraph itself, hyperlinks and tracked insertions included;
    # text boxes anchored in it are separate stories and are left out.
    parts = []
    for run in _RUNS(p):
        for node in _RUN_CONTENT(run):
            local = node.tag.rsplit("}", 1)[-1]
            parts.append(node.text or "" if local == "t" else ("\n" if local in ("br", "cr") else " "))
    text = "".join(parts)
    return cjk.join_lines(text.split("\n")) if "\n" in text else text.strip()


def _outline_level(p, chain) -> int | None:
    """1-based outline level, or None for body text."""
    for element in (p, *(s.element for s in chain)):
        values = _OUTLINE(element)
        if values and values[0].isdigit():
            value = int(values[0])
            return None if value >= _BODY_OUTLINE else value + 1
    return None


def _all_bold(p, chain, styles: _Styles) -> bool:
    """True when every run carrying visible text is bold, directly or by style."""
    paragraph_bold = next((s.font.bold for s in chain if s.font.bold is not None), None)
    seen = False
    for r in _RUNS(p):
        if not "".join(_RUN_TEXT(r)).strip():
            continue
        seen = True
        bold = _flag(_BOLD(r))
        if bold is None:
            char_style = next(iter(_CHAR_STYLE(r)), None)
            bold = next((s.font.bold for s in styles.chain(char_style, character=True) if s.font.bold is not None), None)
        if not (bold if bold is not None else paragraph_bold):
            return False
    return seen


def _flag(elements: list) -> bool | None:
    """A w:b-like toggle: absent → None, present without w:val or with a true value → True."""
    if not elements:
        return None
    value = elements[0].get(f"{{{_NS['w']}}}val")
    return value is None or value.lower() not in ("0", "false", "off")


class _Styles:
    """Style lookup by id, following ``basedOn`` links (cycles cut)."""

    def __init__(self, word):
        from docx.enum.style import WD_STYLE_TYPE

        self._by_id = {s.style_id: s for s in word.styles if s.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER)}
        self._default = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._cache: dict[tuple[str | None, bool], list] = {}

    def chain(self, style_id: str | None, character: bool = False) -> list:
        key = (style_id, character)
        if key not in self._cache:
            style = self._by_id.get(style_id) if style_id else None
            if style is None and not character:
                style = self._default
            chain, seen = [], set()
            while style is not None and style.style_id not in seen:
                seen.add(style.style_id)
                chain.append(style)
                style = style.base_style
            self._cache[key] = chain
        return self._cache[key]
