"""Build .docx drafts the way Word hides structure: automatic numbering (on Normal paragraphs,
or linked through heading styles), text boxes (stored twice, for new and old readers) and
tracked moves. From a seed's lines, so the truth table can be checked on each variant."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafter import standard
from drafter.document.numbering import Numberer

NUMBERER = Numberer(standard.load_standard().numbering)
# Word's own level texts for the four levels of GB/T 9704 numbering.
LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]
_MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
_SHAPES = ('xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"')


def _text_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{_escape(text)}</w:t></w:r>'


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _append(document, xml: str) -> None:
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))  # before w:sectPr


def _numbering_xml(linked: bool, overrides: list[tuple[int, int, int]]) -> str:
    levels = []
    for ilvl, (fmt, text) in enumerate(LEVELS):
        style = f'<w:pStyle w:val="Heading{ilvl + 1}"/>' if linked else ""
        levels.append(f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{style}'
                      f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>')
    nums = ['<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>']
    for num_id, ilvl, start in overrides:
        nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="0"/>'
                    f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>')
    return (f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="0">'
            f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>{"".join(nums)}</w:numbering>')


def numbered(lines: list[str], path: Path, linked: bool) -> Path:
    """Typed numbering (一、（一）1.（1）) replaced by Word's automatic numbering.

    ``linked``: standalone numbered lines take Heading N, whose style carries the list
    (level linked through w:pStyle); run-in headings carry the list themselves. Where the
    typed number is not what Word would count next, the paragraph starts a new list
    instance with a start override, as Word's "restart numbering" does.
    """
    document = docx.Document()
    counters: dict[int, int] = {}
    overrides: list[tuple[int, int, int]] = []
    for line in lines:
        match = NUMBERER.match(line)
        if match is None:
            _append(document, f"<w:p {nsdecls('w')}>{_text_run(line)}</w:p>")
            continue
        ilvl = match.level - 1
        expected = counters.get(ilvl, 0) + 1
        num_id = 1
        if match.number != expected:
            num_id = 2 + len(overrides)
            overrides.append((num_id, ilvl, match.number))
        counters[ilvl] = match.number
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        standalone = not any(ch in match.rest for ch in "。；！？")
        if linked and standalone:
            style = f'<w:pStyle w:val="Heading{match.level}"/>'
            numbering = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>' if num_id != 1 else ""
        else:
            style = ""
            numbering = f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        _append(document, f"<w:p {nsdecls('w')}><w:pPr>{style}{numbering}</w:pPr>{_text_run(match.rest)}</w:p>")
    if linked:
        for level in range(1, 5):
            style = document.styles[f"Heading {level}"].element
            style.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="1"/></w:numPr>'))
    document.part.numbering_part._element = parse_xml(_numbering_xml(linked, overrides))
    document.save(path)
    return path


def _box(text: str) -> str:
    inner = f"<w:txbxContent><w:p>{_text_run(text)}</w:p></w:txbxContent>"
    return (f"<w:p {nsdecls('w')} {_MC} {_SHAPES}><w:r><mc:AlternateContent>"
            f'<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData '
            f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>{inner}'
            f"</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            f"<mc:Fallback><w:pict><v:shape><v:textbox>{inner}</v:textbox></v:shape></w:pict></mc:Fallback>"
            f"</mc:AlternateContent></w:r></w:p>")


def in_text_boxes(lines: list[str], path: Path) -> Path:
    """The first line and every top-level heading in a text box of its own, anchored where it stood."""
    document = docx.Document()
    for n, line in enumerate(lines):
        match = NUMBERER.match(line)
        if n == 0 or (match and match.level == 1 and not any(ch in match.rest for ch in "。；")):
            _append(document, _box(line))
        else:
            _append(document, f"<w:p {nsdecls('w')}>{_text_run(line)}</w:p>")
    document.save(path)
    return path


_REVISION = 'w:author="审核人" w:date="2025-01-10T09:00:00Z"'


def with_moves(lines: list[str], path: Path) -> Path:
    """Every top-level heading and the last paragraph were moved by a reviewer with tracked
    changes on: each is at its place as moved-in text, and its old copy (moved-away text) stands
    right after the first paragraph."""
    document = docx.Document()
    moved = {n for n, line in enumerate(lines)
             if (m := NUMBERER.match(line)) and m.level == 1} | {len(lines) - 1}
    for n, line in enumerate(lines):
        if n in moved:
            _append(document, f"<w:p {nsdecls('w')}><w:moveTo w:id=\"{100 + n}\" {_REVISION}>{_text_run(line)}"
                              "</w:moveTo></w:p>")
        else:
            _append(document, f"<w:p {nsdecls('w')}>{_text_run(line)}</w:p>")
        if n == 0:
            for k in sorted(moved):
                _append(document, f"<w:p {nsdecls('w')}><w:pPr><w:rPr><w:moveFrom w:id=\"{200 + k}\" {_REVISION}/>"
                                  f"</w:rPr></w:pPr><w:moveFrom w:id=\"{300 + k}\" {_REVISION}>{_text_run(lines[k])}"
                                  "</w:moveFrom></w:p>")
    document.save(path)
    return path


def leadership_first(lines: list[str], aliases: list[str]) -> list[str]:
    """The top-level section whose heading names the leadership part moved to the front (before the
    first numbered line after the opening paragraph), top-level numbers renumbered: the order many
    2024 district reports use. Lines without such a section, or whose section runs to the end
    (where it ends cannot be told), come back unchanged."""
    tops = [n for n, line in enumerate(lines) if (m := NUMBERER.match(line)) and m.level == 1]
    named = next((n for n in tops if any(a in lines[n] for a in aliases)), None)
    if named is None:
        return list(lines)
    end = next((n for n in tops if n > named), None)
    if end is None:
        return list(lines)
    moved, rest = lines[named:end], lines[:named] + lines[end:]
    first = next((n for n, line in enumerate(rest) if n >= 1 and NUMBERER.match(line)), len(rest))
    out = rest[:first] + moved + rest[first:]
    heads = {lines[n] for n in tops}
    number = 0
    for n, line in enumerate(out):
        if line in heads:
            number += 1
            out[n] = NUMBERER.format(1, number) + NUMBERER.match(line).rest
    return out
