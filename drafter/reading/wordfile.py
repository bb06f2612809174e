"""A .docx file → Document (after zipguard has vetted the package).

Reads the main document part and its style part straight from the zip with
lxml: python-docx builds a whole object model first, which took longer than
the rest of a check. What is read: body paragraphs and table-cell paragraphs
in reading order, with what the checker needs to spot headings: the style
name, the outline level (from the paragraph or inherited through its style
chain; level 9, "body text", stops the inheritance), heading styles (also
when a custom style is based on one, and under the names a Chinese Word
gives them) and whether the whole paragraph is bold (directly, through a
character style, or through the paragraph's style chain). Hyperlinks and
tracked insertions are text; tracked deletions and text boxes are not.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import NamedTuple

from lxml import etree

from drafter.document import Document, cjk, wordstyles
from drafter.errors import DrafterError
from drafter.reading import zipguard

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W, "r": "http://schemas.openxmlformats.org/package/2006/relationships"}
_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAIN, _STYLES = _RELATIONSHIP + "officeDocument", _RELATIONSHIP + "styles"
# Entities are never expanded and nothing is fetched: the file comes from someone else.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _xpath(expression: str) -> etree.XPath:
    return etree.XPath(expression, namespaces=_NS, smart_strings=False)


# Compiled once (faster on lxml than chains of find()).
_RUNS = _xpath(".//w:r[not(ancestor::w:txbxContent)]")
_STYLE_ID = _xpath("./w:pPr/w:pStyle/@w:val")
_OUTLINE = _xpath("./w:pPr/w:outlineLvl/@w:val")
_BOLD = _xpath("./w:rPr/w:b")
_CHAR_STYLE = _xpath("./w:rPr/w:rStyle/@w:val")
_NAME = _xpath("./w:name/@w:val")
_BASED_ON = _xpath("./w:basedOn/@w:val")
_VAL = _w("val")
_TEXT, _BREAKS, _TAB = _w("t"), {_w("br"), _w("cr")}, _w("tab")
_BODY_OUTLINE = 9  # w:outlineLvl 9 means "body text": it stops inheritance
_PARAGRAPH = _w("p")
_CONTAINERS = {_w(t) for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")}
# Word writes these built-in names in lower case and shows them capitalised.
_UI_NAMES = {n: n.title() for n in ("caption", "footer", "header", *(f"heading {i}" for i in range(1, 10)))}


def _first(found: list):
    return found[0] if found else None


def read(data: bytes, name: str, max_blocks: int | None = None) -> Document:
    """The .docx file's content (bytes) as a Document; ``name`` is for messages."""
    zipguard.check(data, name)
    try:
        body, styles = _open(data)
    except _Broken as exc:
        raise DrafterError(f"{name}：无法作为 Word 文档打开（{exc}）。请用 Word 或 WPS 打开后“另存为” .docx 再检查。") from None
    except Exception:  # a broken package fails in many ways (zip, CRC, XML, missing parts)
        raise DrafterError(
            f"{name}：无法作为 Word 文档打开（文件损坏，或是改了扩展名的其他格式）。"
            "请用 Word 或 WPS 打开后“另存为” .docx 再检查。"
        ) from None
    document = Document(source=name, max_blocks=max_blocks)
    # An explicit stack instead of recursion: nesting depth is the file's choice.
    stack = [iter(body)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == _PARAGRAPH:
            _add_paragraph(document, element, styles)
        elif element.tag in _CONTAINERS:
            stack.append(iter(element))
    return document


class _Broken(Exception):
    """A package part that is missing or unreadable, said in Chinese with the part's name."""


def _open(data: bytes) -> tuple[etree._Element, _Styles]:
    """The main document's w:body and its styles, found through the package's relationships."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        main = _target(archive, "", _MAIN)
        if main is None or main not in archive.namelist():
            raise _Broken("缺少 Word 正文部分 word/document.xml，文件不完整或不是 Word 文档")
        root = _xml(archive, main)
        if root.tag != _w("document"):
            raise _Broken(f"其中的 {main} 不是 Word 正文，文件已损坏")
        part = _target(archive, main, _STYLES)
        styles = _xml(archive, part) if part in archive.namelist() else None
    body = root.find(_w("body"))
    if body is None:
        raise _Broken(f"其中的 {main} 没有正文（w:body），文件不完整")
    return body, _Styles(styles)


def _xml(archive: zipfile.ZipFile, member: str) -> etree._Element:
    try:
        return etree.fromstring(archive.read(member), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _Broken(f"其中的 {member} 第 {exc.lineno} 行 XML 格式错误，文件已损坏") from None


def _target(archive: zipfile.ZipFile, source: str, kind: str) -> str | None:
    """The zip member that ``source``'s (the package's, for "") first relationship of type ``kind`` points to."""
    folder, base = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", base + ".rels")
    if rels not in archive.namelist():
        return None
    root = _xml(archive, rels)
    for rel in root.iterfind("r:Relationship", _NS):
        if rel.get("Type") == kind and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            return posixpath.normpath(path)
    return None


def _add_paragraph(document: Document, p, styles: _Styles) -> None:
    runs = _RUNS(p)
    text = _text(runs)
    if not text:
        return
    style = styles.paragraph(_first(_STYLE_ID(p)))
    found, outline = _outline_of(p)
    if not found:
        outline = style.outline
    matter = wordstyles.matter_kind(style.name)
    if matter:
        document.add(matter, text, style=style.name, outline_level=outline)
        return
    level = outline or style.heading_level
    bold = _all_bold(runs, style.bold, styles)
    if level:
        document.add("heading", text, level=min(level, 4), style=style.name, outline_level=outline, bold=bold)
    else:
        document.add("paragraph", text, style=style.name, outline_level=outline, bold=bold)


def _text(runs: list) -> str:
    # Runs in the paragraph itself, hyperlinks and tracked insertions included
    # (a deletion's text is w:delText, not w:t); text boxes anchored in it are
    # separate stories and are left out.
    parts = []
    for run in runs:
        for node in run:
            if node.tag == _TEXT:
                parts.append(node.text or "")
            elif node.tag in _BREAKS:
                parts.append("\n")
            elif node.tag == _TAB:
                parts.append(" ")
    text = "".join(parts)
    return cjk.join_lines(text.split("\n")) if "\n" in text else text.strip()


def _outline_of(element) -> tuple[bool, int | None]:
    """Whether ``element`` (a paragraph or a style) sets an outline level, and the level (1-based; None: body text)."""
    text = _first(_OUTLINE(element))
    if text is not None and text.isascii() and text.isdigit() and len(text) < 4:  # a stranger's file: "²", "9" * 5000
        value = int(text)
        return True, None if value >= _BODY_OUTLINE else value + 1
    return False, None


def _all_bold(runs: list, paragraph_bold: bool | None, styles: _Styles) -> bool:
    """True when every run carrying visible text is bold, directly or by style."""
    seen = False
    for r in runs:
        if not "".join(t.text or "" for t in r.iterchildren(_TEXT)).strip():
            continue
        seen = True
        bold = _flag(_first(_BOLD(r)))
        if bold is None:
            char_style = _first(_CHAR_STYLE(r))
            bold = next((s.bold for s in styles.chain(char_style, character=True) if s.bold is not None), None)
        if not (bold if bold is not None else paragraph_bold):
            return False
    return seen


def _flag(element) -> bool | None:
    """A w:b-like toggle: absent → None, present without w:val or with a true value → True."""
    return None if element is None else _on(element.get(_VAL))


def _on(value: str | None) -> bool:
    return value is None or value.lower() not in ("0", "false", "off")


class _Style:
    """One w:style: its id, display name, element, own bold setting and the id of its basedOn style."""

    __slots__ = ("id", "name", "element", "bold", "based_on")

    def __init__(self, element):
        self.id = element.get(_w("styleId"))
        name = _first(_NAME(element))
        self.name = _UI_NAMES.get(name, name) if name is not None else None
        self.element = element
        self.bold = _flag(_first(_BOLD(element)))
        self.based_on = _first(_BASED_ON(element))


class _ParagraphStyle(NamedTuple):
    """What a paragraph takes from its style chain."""

    name: str | None  # the paragraph style's own name
    heading_level: int | None  # from a built-in heading style in the chain
    outline: int | None  # the first outline level set in the chain (None: body text or none)
    bold: bool | None  # the first bold setting in the chain


class _Styles:
    """Style lookup by id, following ``basedOn`` links (cycles cut).

    A template declares a few hundred styles and a draft uses a handful:
    styles are indexed by id, and looked at only when a paragraph uses them.
    """

    def __init__(self, root):
        self._first: dict[str | None, etree._Element] = {}  # basedOn names the first style with an id
        self._by_id: dict[str | None, etree._Element] = {}  # paragraph and character styles
        self._default = None  # the last default paragraph style wins, as in Word
        for element in root.iterfind("w:style", _NS) if root is not None else ():
            style_id = element.get(_w("styleId"))
            self._first.setdefault(style_id, element)
            kind = element.get(_w("type"), "paragraph")
            if kind in ("paragraph", "character"):
                self._by_id[style_id] = element
            default = element.get(_w("default"))
            if kind == "paragraph" and default is not None and _on(default):
                self._default = element
        self._styles: dict[etree._Element, _Style] = {}
        self._cache: dict[tuple[str | None, bool], list[_Style]] = {}
        self._paragraph: dict[str | None, _ParagraphStyle] = {}

    def paragraph(self, style_id: str | None) -> _ParagraphStyle:
        if style_id not in self._paragraph:
            chain = self.chain(style_id)
            outline = next((level for found, level in map(_outline_of, (s.element for s in chain)) if found), None)
            self._paragraph[style_id] = _ParagraphStyle(
                chain[0].name if chain else None,
                next((lv for s in chain if (lv := wordstyles.heading_level(s.name))), None),
                outline,
                next((s.bold for s in chain if s.bold is not None), None),
            )
        return self._paragraph[style_id]

    def chain(self, style_id: str | None, character: bool = False) -> list[_Style]:
        key = (style_id, character)
        if key not in self._cache:
            element = self._by_id.get(style_id) if style_id else None
            if element is None and not character:
                element = self._default
            chain: list[_Style] = []
            seen: set[str | None] = set()
            while element is not None:
                style = self._styles.get(element) or self._styles.setdefault(element, _Style(element))
                if style.id in seen:
                    break
                seen.add(style.id)
                chain.append(style)
                element = self._first.get(style.based_on) if style.based_on is not None else None
            self._cache[key] = chain
        return self._cache[key]
