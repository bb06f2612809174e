"""Open a .docx package: its main document, styles and numbering as lxml trees.

Parts are found through the package's relationships, as Word does, not by
their usual names. Strict Open XML files (ISO/IEC 29500 Strict, which Word
writes on request and some converters by default) use other namespace names
for the same vocabulary; their names are mapped to the usual (transitional)
ones before parsing, so one reader serves both.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree

_STRICT = "http://purl.oclc.org/ooxml/"
# Strict namespace → transitional namespace (also the relationship types, which share the stems).
_STRICT_NAMES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main", b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships", b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing", b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/officeDocument/math", b"http://schemas.openxmlformats.org/officeDocument/2006/math"),
)
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MC_FALLBACK = f"{{{MC}}}Fallback"  # a copy of content for readers that do not know the mc:Choice
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# Entities are never expanded and nothing is fetched: the file comes from someone else.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)

# What a zip that is not a Word document is, by a member only that kind has.
_OTHER_KINDS = (
    ("xl/workbook.xml", "Excel 表格（.xlsx）"),
    ("ppt/presentation.xml", "PowerPoint 演示文稿（.pptx）"),
    ("content.xml", "OpenDocument 文档（.odt 等）"),
)


class BrokenPart(ValueError):
    """A part whose XML cannot be parsed: its zip member and the line."""

    def __init__(self, member: str, line: int | None):
        super().__init__(member)
        self.member, self.line = member, line


class NotWordprocessing(ValueError):
    """A zip that is some other kind of document; ``kind`` says which, in words."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


@dataclass
class Package:
    document: etree._Element  # w:document
    styles: etree._Element | None
    numbering_xml: bytes | None  # parsed only if a paragraph is in a list (most drafts have none)
    strict: bool  # the file is Strict Open XML (read through the namespace mapping)
    numbering_member: str = ""

    @property
    def numbering(self) -> etree._Element | None:
        if self.numbering_xml is None:
            return None
        return _parse(self.numbering_xml, self.strict, self.numbering_member)


def open_package(data: bytes) -> Package:
    """The package's parts; ValueError (or a zip error) when it is not a readable Word document."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        main, strict = _target(archive, "", "officeDocument")
        if main is None or main not in names:
            kind = next((k for member, k in _OTHER_KINDS if member in names), None)
            raise NotWordprocessing(kind) if kind else ValueError("no main document part")
        document = _parse(archive.read(main), strict, main)
        if document.tag != f"{{{W}}}document":
            raise ValueError(f"{main} is not a WordprocessingML document")
        rels = _relationships(archive, main)
        parts, members = {}, {}
        for kind in ("styles", "numbering"):
            member, _ = _target(archive, main, kind, rels)
            parts[kind] = archive.read(member) if member in names else None
            members[kind] = member or ""
    styles = _parse(parts["styles"], strict, members["styles"]) if parts["styles"] is not None else None
    return Package(document, styles, parts["numbering"], strict, members["numbering"])


def _parse(xml: bytes, strict: bool, member: str = "") -> etree._Element:
    if strict:
        for old, new in _STRICT_NAMES:
            xml = xml.replace(old, new)
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise BrokenPart(member, exc.lineno) from None


def _relationships(archive: zipfile.ZipFile, source: str) -> etree._Element | None:
    """The relationships part of ``source`` (the package's, for ""), or None."""
    folder, base = posixpath.split(source)
    try:
        return etree.fromstring(archive.read(posixpath.join(folder, "_rels", base + ".rels")), _PARSER)
    except KeyError:
        return None


def _target(archive: zipfile.ZipFile, source: str, kind: str, root=None) -> tuple[str | None, bool]:
    """The member ``source``'s (the package's, for "") first internal relationship of type ``kind`` names,
    and whether that relationship is a Strict Open XML one (``root``: its relationships, if read)."""
    folder = posixpath.dirname(source)
    root = root if root is not None else _relationships(archive, source)
    if root is None:
        return None, False
    wanted = {_RELATIONSHIP + kind: False, _STRICT + "officeDocument/relationships/" + kind: True}
    for rel in root.iterfind(f"{{{_RELS}}}Relationship"):
        strict = wanted.get(rel.get("Type", ""))
        if strict is not None and rel.get("TargetMode") != "External":
            target = rel.get("Target", "")
            path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            return posixpath.normpath(path), strict
    return None, False
