"""WordprocessingML that python-docx has no API for, built as elements.

python-docx covers page size, margins, paragraph and character formatting,
tables, cell widths, footers and document properties; a Chinese official
document also needs the East Asian font of a run, the document grid, Chinese
line-spacing details, the PAGE field, document-wide defaults, a few settings,
paragraph rules and table borders, shading and position. Each function here
writes one of those. Children are inserted in the order the ECMA-376 schema
prescribes (``_ORDER``), so Word accepts the parts. Whole parts python-docx
does not build are in ``parts``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

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
        "w:pBdr": "top left bottom right between bar",
        "w:tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc"
        " tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange",
        "w:tblBorders": "top left start bottom right end insideH insideV",
        "w:tblCellMar": "top left start bottom right end",
        "w:tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign"
        " hideMark headers cellIns cellDel cellMerge tcPrChange",
    }.items()
}
_WORD_URI = "http://schemas.microsoft.com/office/word"
_EIGHTHS = 8  # border widths are in eighths of a point


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


def mark_size(ppr: etree._Element, size_pt: float) -> None:
    """The size of the paragraph mark, which sets the height of an empty paragraph."""
    rpr = _child(ppr, "w:rPr")
    _set(_child(rpr, "w:sz"), val=str(round(size_pt * 2)))
    complex_script_size(rpr, size_pt)


@dataclass(frozen=True)
class Rule:
    """A line drawn as a border: its width in points and its colour."""

    width_pt: float
    color: str = "000000"
    space_pt: int = 0  # distance from the text


def _line(element: etree._Element, rule: Rule | None) -> None:
    if rule is None:
        _set(element, val="nil")
    else:
        _set(element, val="single", sz=str(round(rule.width_pt * _EIGHTHS)), space=str(rule.space_pt),
             color=rule.color)


def rule_below(ppr: etree._Element, rule: Rule) -> None:
    """A line under the paragraph (Word: 下框线)."""
    _line(_child(_child(ppr, "w:pBdr"), "w:bottom"), rule)


# -- tables ----------------------------------------------------------------------


def table_width(tblpr: etree._Element, twips: int) -> None:
    """The table's width fixed in twips (python-docx sets only its columns)."""
    _set(_child(tblpr, "w:tblW"), w=str(twips), type="dxa")


def table_borders(tblpr: etree._Element, **edges: Rule | None) -> None:
    """Borders by edge (top, left, bottom, right, insideH, insideV); None draws none."""
    borders = _child(tblpr, "w:tblBorders")
    for edge, rule in edges.items():
        _line(_child(borders, f"w:{edge}"), rule)


def cell_margins(tblpr: etree._Element, left: int, right: int) -> None:
    """Default left and right cell margins in twips."""
    margins = _child(tblpr, "w:tblCellMar")
    _set(_child(margins, "w:left"), w=str(left), type="dxa")
    _set(_child(margins, "w:right"), w=str(right), type="dxa")


def float_in_type_area(tblpr: etree._Element, top: int, gap_above: int) -> None:
    """Fix the table ``top`` twips below the top of the type area, centred across it.

    An absolute offset from the margin, which Word, WPS and LibreOffice all
    honour (LibreOffice ignores "bottom" alignment); ``gap_above`` keeps text
    that flows past it away.
    """
    _set(_child(tblpr, "w:tblpPr"), leftFromText="0", rightFromText="0", topFromText=str(gap_above),
         bottomFromText="0", vertAnchor="margin", horzAnchor="margin", tblpXSpec="center", tblpY=str(top))


def cell_shading(tcpr: etree._Element, fill: str) -> None:
    """A cell's background colour (Word: 底纹)."""
    _set(_child(tcpr, "w:shd"), val="clear", color="auto", fill=fill)


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


def forget_template_history(settings: etree._Element) -> None:
    """Drop what python-docx's template says about its own past: that its text was
    spell-checked clean (Word would then not mark typos in the draft), its
    editing-session ids and its preview picture."""
    for tag in ("w:proofState", "w:rsids", "w:savePreviewPicture"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)


def theme_language(settings: etree._Element, lang: Language) -> None:
    """Which language's theme fonts apply, for text that names none."""
    _set(_child(settings, "w:themeFontLang"), val=lang.latin, eastAsia=lang.east_asian)
