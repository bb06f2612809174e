"""Whole parts python-docx does not build: the font table and the extended and custom properties.

Each is built as elements, children in the order their schema prescribes,
and added to the package by ``package`` through python-docx's OPC API.
"""

from __future__ import annotations

from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

_EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VARIANT_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
# The format id ECMA-376 Part 1, 22.3.2.2 gives user-defined properties; ids start at 2.
_USER_DEFINED = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_FIRST_PID = 2
_GB2312_CHARSET = "86"


def font_table(latin: str, cjk: Iterable[tuple[str, str | None]]) -> etree._Element:
    """A w:fonts part: the Latin font, then each CJK font with its stand-in.

    w:altName is how a .docx says "if this font is missing, use that one";
    Word applies it, and the GB2312 charset steers other substitutions
    (WPS, LibreOffice) towards a Chinese font.
    """
    fonts = OxmlElement("w:fonts")
    entry = _word(fonts, "font", name=latin)
    _font_class(entry, charset="00", family="roman", pitch="variable")
    for name, alt in cjk:
        entry = _word(fonts, "font", name=name)
        if alt:
            _word(entry, "altName", val=alt)
        _font_class(entry, charset=_GB2312_CHARSET, family="modern", pitch="fixed")
    return fonts


def _font_class(entry: etree._Element, charset: str, family: str, pitch: str) -> None:
    for tag, value in (("charset", charset), ("family", family), ("pitch", pitch)):
        _word(entry, tag, val=value)


def _word(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    element = etree.SubElement(parent, qn(f"w:{tag}"))
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def app_properties(application: str) -> etree._Element:
    """docProps/app.xml naming the program that made the file."""
    properties = etree.Element(f"{{{_EXTENDED_PROPERTIES}}}Properties", nsmap={None: _EXTENDED_PROPERTIES})
    etree.SubElement(properties, f"{{{_EXTENDED_PROPERTIES}}}Application").text = application
    etree.SubElement(properties, f"{{{_EXTENDED_PROPERTIES}}}DocSecurity").text = "0"
    return properties


def custom_properties(items: Iterable[tuple[str, str]]) -> etree._Element:
    """docProps/custom.xml: text properties by name (Word: 文件 → 属性 → 自定义), in the given order."""
    properties = etree.Element(
        f"{{{_CUSTOM_PROPERTIES}}}Properties", nsmap={None: _CUSTOM_PROPERTIES, "vt": _VARIANT_TYPES},
    )
    for pid, (name, value) in enumerate(items, start=_FIRST_PID):
        entry = etree.SubElement(
            properties, f"{{{_CUSTOM_PROPERTIES}}}property", fmtid=_USER_DEFINED, pid=str(pid), name=name,
        )
        etree.SubElement(entry, f"{{{_VARIANT_TYPES}}}lpwstr").text = value
    return properties
