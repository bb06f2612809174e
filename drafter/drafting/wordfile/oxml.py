"""WordprocessingML that python-docx has no API for, built as elements.

python-docx covers page size, margins, paragraph and character formatting,
footers and document properties; a Chinese official document also needs the
East Asian font of a run, the document grid, Chinese line-spacing details,
the PAGE field, document-wide defaults, a few settings and the font table.
Each function here writes one of those. Children are inserted in the order
the ECMA-376 schema prescribes (``_ORDER``), so Word accepts the parts.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from drafter.drafting.wordfile.layout import Language

# Child order of the elements touched here (ECMA-376 Part 4, wml.xsd).
_ORDER = {
    tag: tuple(f"w:{name}" if ":" not in name else name for name in names.split())
    for tag, names in {
        "w:pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr"
        " shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN"
        " bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc"
        " textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
        "w:rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof"
        " snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText"
        " vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange",
        "w:sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders"
        " lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid"
        " printerSettings sectPrChange",
        "w:styles": "docDefaults latentStyles style",
        "w:docDefaults": "rPrDefault pPrDefault",
        "w:settings": "writeProtection view zoom removePersonalInformation removeDateAndTime"
        " doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth"
        " printFormsData embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins"
        " alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop"
        " hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate"
        " linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView"
        " trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride"
        " styleLockTheme styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone"
        " doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders"
        " bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing"
        " drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery"
        " doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin"
        " doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne"
        " strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture"
        " doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText"
        " doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags"
        " alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids"
        " m:mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats"
        " doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType sl:schemaLibrary"
        " shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator",
    }.items()
}
_WORD_URI = "http://schemas.microsoft.com/office/word"
_EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_GB2312_CHARSET = "86"


def _child(parent: etree._Element, tag: str) -> etree._Element:
    """The parent's ``tag`` child, created in schema order when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    child = OxmlElement(tag)
    later = _successors(parent.tag, tag)
    successor = next((c for c in parent if c.tag in later), None)
    if successor is None:
        parent.append(child)
    else:
        successor.addprevious(child)
    return child


@functools.cache
def _successors(parent: str, tag: str) -> frozenset[str]:
    """Clark names of the children that come after ``tag`` in ``parent`` (a Clark name)."""
    # Containers of a single kind of child (w:rPrDefault …) have no order to keep.
    order = _ORDER.get("w:" + etree.QName(parent).localname, (tag,))
    return frozenset(qn(name) for name in order[order.index(tag) + 1:])


def _set(element: etree._Element, **attributes: str) -> etree._Element:
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


# -- run properties -----------------------------------------------------------


def run_fonts(rpr: etree._Element, latin: str, east_asian: str) -> None:
    """All four font slots of a run, as python-docx sets only the Latin ones.

    The hint says quotes, dashes and ellipses (characters both scripts share)
    take the East Asian font, as Chinese text expects.
    """
    _set(_child(rpr, "w:rFonts"), ascii=latin, eastAsia=east_asian, hAnsi=latin, cs=latin, hint="eastAsia")


def complex_script_size(rpr: etree._Element, size_pt: float) -> None:
    _set(_child(rpr, "w:szCs"), val=str(round(size_pt * 2)))


def tracking(rpr: etree._Element, twips: int) -> None:
    """Character spacing (Word: 字符间距) in twips, negative to condense."""
    _set(_child(rpr, "w:spacing"), val=str(twips))


def language(rpr: etree._Element, lang: Language) -> None:
    _set(_child(rpr, "w:lang"), val=lang.latin, eastAsia=lang.east_asian, bidi="ar-SA")


def document_defaults(styles: etree._Element, latin: str, east_asian: str, size_pt: float, lang: Language) -> None:
    """Replace the template's w:docDefaults: fonts, size and language of all text;
    widow/orphan control off, so a full page holds every line of the grid."""
    old = styles.find(qn("w:docDefaults"))
    if old is not None:
        styles.remove(old)
    defaults = _child(styles, "w:docDefaults")
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    run_fonts(rpr, latin, east_asian)
    _set(_child(rpr, "w:sz"), val=str(round(size_pt * 2)))
    complex_script_size(rpr, size_pt)
    language(rpr, lang)
    _set(_child(_child(_child(defaults, "w:pPrDefault"), "w:pPr"), "w:widowControl"), val="0")


# -- paragraph properties -----------------------------------------------------


def first_line_chars(ppr: etree._Element, chars: float) -> None:
    """First-line indent in characters (hundredths), which Word and WPS keep when
    the font size changes; w:firstLine (twips) stays for other readers."""
    _set(_child(ppr, "w:ind"), firstLineChars=str(round(chars * 100)))


def outline_level(ppr: etree._Element, level: int) -> None:
    """Outline level (0 = level 1): what the navigation pane shows."""
    _set(_child(ppr, "w:outlineLvl"), val=str(level))


def no_autospace(ppr: etree._Element) -> None:
    """No automatic gap between Chinese and Latin text or digits, so widths are as computed."""
    _set(_child(ppr, "w:autoSpaceDE"), val="0")
    _set(_child(ppr, "w:autoSpaceDN"), val="0")


def no_grid_snap(ppr: etree._Element) -> None:
    """Ignore the document grid: LibreOffice would round an own line height up to whole grid lines."""
    _set(_child(ppr, "w:snapToGrid"), val="0")


# -- section, fields, settings ------------------------------------------------


def line_grid(sectpr: etree._Element, pitch_twips: int) -> None:
    """A line grid (文档网格 “只指定行网格”) of the given pitch.

    Characters per line come from character spacing, not from a "lines and
    characters" grid: LibreOffice lays such a grid out with wide gaps, while
    spacing gives the same count in Word, WPS and LibreOffice.
    """
    _set(_child(sectpr, "w:docGrid"), type="lines", linePitch=str(pitch_twips))


def page_field(paragraph, shown: str = "1") -> None:
    """Append a PAGE field (the page's number) to a python-docx paragraph."""
    _field_char(paragraph.add_run(), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    paragraph.add_run().element.append(instruction)
    _field_char(paragraph.add_run(), "separate")
    paragraph.add_run(shown)
    _field_char(paragraph.add_run(), "end")


def _field_char(run, kind: str) -> None:
    run.element.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))


def zoom(settings: etree._Element, percent: int) -> None:
    """The zoom Word opens at; the schema requires w:percent."""
    _set(_child(settings, "w:zoom"), percent=str(percent))


def compatibility_mode(settings: etree._Element, mode: int) -> None:
    """Word's layout version (15 = Word 2013 and later: no 兼容模式 banner)."""
    compat = _child(settings, "w:compat")
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            break
    else:
        # compatSetting is last in w:compat's sequence.
        setting = OxmlElement("w:compatSetting")
        compat.append(setting)
    _set(setting, name="compatibilityMode", uri=_WORD_URI, val=str(mode))


def theme_language(settings: etree._Element, lang: Language) -> None:
    """Which language's theme fonts apply, for text that names none."""
    _set(_child(settings, "w:themeFontLang"), val=lang.latin, eastAsia=lang.east_asian)


# -- parts python-docx does not build ---------------------------------------


def font_table(latin: str, cjk: Iterable[tuple[str, str | None]]) -> etree._Element:
    """A w:fonts part: the Latin font, then each CJK font with its stand-in.

    w:altName is how a .docx says "if this font is missing, use that one";
    Word applies it, and the GB2312 charset steers other substitutions
    (WPS, LibreOffice) towards a Chinese font.
    """
    fonts = OxmlElement("w:fonts")
    entry = _set(etree.SubElement(fonts, qn("w:font")), name=latin)
    _font_class(entry, charset="00", family="roman", pitch="variable")
    for name, alt in cjk:
        entry = _set(etree.SubElement(fonts, qn("w:font")), name=name)
        if alt:
            _set(etree.SubElement(entry, qn("w:altName")), val=alt)
        _font_class(entry, charset=_GB2312_CHARSET, family="modern", pitch="fixed")
    return fonts


def _font_class(entry: etree._Element, charset: str, family: str, pitch: str) -> None:
    for tag, value in (("charset", charset), ("family", family), ("pitch", pitch)):
        _set(etree.SubElement(entry, qn(f"w:{tag}")), val=value)


def app_properties(application: str) -> etree._Element:
    """docProps/app.xml naming the program that made the file."""
    properties = etree.Element(f"{{{_EXTENDED_PROPERTIES}}}Properties", nsmap={None: _EXTENDED_PROPERTIES})
    etree.SubElement(properties, f"{{{_EXTENDED_PROPERTIES}}}Application").text = application
    etree.SubElement(properties, f"{{{_EXTENDED_PROPERTIES}}}DocSecurity").text = "0"
    return properties
