"""The .docx package around the text: which parts it holds, settings, properties, bytes.

python-docx starts from its own template; the parts of it that do not belong
in a report go, the ones that describe the draft are written from the input.
The bytes are deterministic: no clock, fixed zip metadata, so the same input
gives the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart

from drafter.drafting.wordfile import oxml, parts
from drafter.drafting.wordfile.layout import LANGUAGE, Layout

APPLICATION = "drafter"
# ECMA-376 wants w:zoom's percent; Word opens at 100 %.
_ZOOM_PERCENT = 100
_COMPATIBILITY_MODE = 15  # Word 2013 and later
# Template parts that do not belong in a report: its thumbnail, Word-for-Mac
# properties (replaced below), customXml, a Word 2010 style copy, nine list
# definitions no style uses, and a font table of fonts the draft does not use.
_DROP_PACKAGE_RELS = (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES)
_DROP_DOCUMENT_RELS = (
    RT.CUSTOM_XML, RT.NUMBERING, RT.FONT_TABLE,
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects",
)


@dataclass(frozen=True)
class Properties:
    """Document properties (File → Properties in Word)."""

    title: str
    author: str
    created: dt.datetime  # from the input, never the clock
    # Custom properties (name, text), in order; Word and WPS keep them when the file is saved again.
    custom: tuple[tuple[str, str], ...] = ()


def prune(document) -> None:
    """Drop the template parts that do not belong in a report."""
    _drop(document.part.package.rels, _DROP_PACKAGE_RELS)
    _drop(document.part.rels, _DROP_DOCUMENT_RELS)


def _drop(rels, reltypes: tuple[str, ...]) -> None:
    for rid, rel in list(rels.items()):
        if rel.reltype in reltypes:
            rels.pop(rid)


def configure(document) -> None:
    """Settings: open at 100 %, lay out as current Word does, Chinese theme fonts,
    spelling to be checked."""
    settings = document.settings.element
    oxml.forget_template_history(settings)
    oxml.zoom(settings, _ZOOM_PERCENT)
    oxml.compatibility_mode(settings, _COMPATIBILITY_MODE)
    oxml.theme_language(settings, LANGUAGE)


def save(document, properties: Properties, layout: Layout) -> bytes:
    """The finished file: properties and font table added, zip metadata fixed."""
    _describe(document, properties)
    package = document.part.package
    package.relate_to(
        XmlPart(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, parts.app_properties(APPLICATION), package),
        RT.EXTENDED_PROPERTIES,
    )
    if properties.custom:
        package.relate_to(
            XmlPart(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES,
                    parts.custom_properties(properties.custom), package),
            RT.CUSTOM_PROPERTIES,
        )
    document.part.relate_to(
        XmlPart(PackURI("/word/fontTable.xml"), CT.WML_FONT_TABLE, _font_table(layout), package),
        RT.FONT_TABLE,
    )
    raw = io.BytesIO()
    document.save(raw)
    return _fixed_zip(raw.getvalue(), properties.created)


def _describe(document, properties: Properties) -> None:
    core = document.core_properties
    core.title = properties.title
    core.author = core.last_modified_by = properties.author
    core.created = core.modified = properties.created
    core.revision = 1
    core.comments = core.subject = core.keywords = core.category = ""
    core.language = LANGUAGE.east_asian


def _font_table(layout: Layout):
    """The fonts the draft uses; in the gov profile each names its Windows stand-in."""
    sheet = layout.sheet
    cjk: dict[str, str | None] = {}
    for font in sheet.fonts.values():
        name = font.name(layout.profile)
        if name != sheet.latin_font:
            cjk.setdefault(name, font.windows if layout.profile == "gov" and font.windows != name else None)
    return parts.font_table(sheet.latin_font, cjk.items())


def _fixed_zip(data: bytes, created: dt.datetime) -> bytes:
    """The same members with fixed metadata (python-docx stamps the current time)."""
    stamp = (max(created.year, 1980), created.month, created.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
