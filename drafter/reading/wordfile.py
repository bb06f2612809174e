"""A .docx file → Document (after zipguard has vetted the package).

Reads the main document part and its style and numbering parts straight
from the zip with lxml (python-docx builds a whole object model first, which
took longer than the rest of a check). Read, in reading order: body
paragraphs, table cells, and text boxes (each box where it is anchored,
before the text of the paragraph carrying it; of a box Word stores twice,
for new and old readers, once). Each paragraph keeps what the checker needs
to spot headings: the label Word's automatic numbering shows before it
(docxnumbering), the style name, the outline level (from the paragraph or
inherited through its style chain; level 9, "body text", stops the
inheritance), heading styles (also when a custom style is based on one, and
under the names a Chinese Word gives them) and whether the whole paragraph
is bold. Hyperlinks, tracked insertions and moved-in text are text; tracked
deletions and moved-away text (w:moveFrom) are not. Every block records its
source paragraph (``Block.origin``), so findings can be put back on it.
"""

from __future__ import annotations

from drafter.document import BlockKind, Document, cjk, wordstyles
from drafter.errors import DrafterError
from drafter.reading import zipguard
from drafter.reading.docxnumbering import ListNumbering
from drafter.reading.docxpackage import MC, MC_FALLBACK, BrokenPart, NotWordprocessing, Package, W, open_package
from drafter.reading.docxstyles import Styles, flag, properties


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


_TEXT, _BREAKS, _TAB = _w("t"), {_w("br"), _w("cr")}, _w("tab")
_RUN_PROPERTIES, _B, _R_STYLE, _VAL = _w("rPr"), _w("b"), _w("rStyle"), _w("val")
_PARAGRAPH, _RUN, _BOX = _w("p"), _w("r"), _w("txbxContent")
_CONTAINERS = {_w(t) for t in ("tbl", "tr", "tc", "sdt", "sdtContent", "customXml")}
# What runs sit in inside a paragraph (w:del and w:moveFrom are left out: deleted and moved-away text).
# mc:AlternateContent holds the same content twice: its first mc:Choice is read, never the mc:Fallback.
_INLINE = {_w(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "sdt", "sdtContent", "fldSimple", "customXml",
                           "dir", "bdo")} | {f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice"}


class _Own:
    """Stands on the stack for a paragraph's own text, read after the text boxes anchored in it."""

    __slots__ = ("p",)

    def __init__(self, p):
        self.p = p


def read(data: bytes, name: str, max_blocks: int | None = None) -> Document:
    """The .docx file's content (bytes) as a Document; ``name`` is for messages."""
    zipguard.check(data, name)
    try:
        package = open_package(data)
    except NotWordprocessing as exc:
        raise DrafterError(f"{name}：这是{exc.kind}，不是 Word 文档。请打开报告正文的 Word 文件，"
                           "或把正文另存为 .docx 后再检查。") from None
    except BrokenPart as exc:
        raise _broken(name, f"其中的 {exc.member} 第 {exc.line} 行 XML 格式错误，文件已损坏") from None
    except Exception:  # a broken package fails in many ways (zip, CRC, XML, missing parts)
        raise DrafterError(
            f"{name}：无法作为 Word 文档打开（文件损坏，或是改了扩展名的其他格式）。"
            "请用 Word 或 WPS 打开后“另存为” .docx 再检查。"
        ) from None
    if package.document.find(_w("body")) is None:
        raise _broken(name, "正文部分没有 w:body，文件不完整")
    try:
        return _Reader(package, Document(source=name, max_blocks=max_blocks)).read()
    except BrokenPart as exc:  # the numbering part, parsed only when a paragraph is in a list
        raise _broken(name, f"其中的 {exc.member} 第 {exc.line} 行 XML 格式错误，文件已损坏") from None


def _broken(name: str, what: str) -> DrafterError:
    return DrafterError(f"{name}：无法作为 Word 文档打开（{what}）。请用 Word 或 WPS 打开后“另存为” .docx 再检查。")


class _Reader:
    def __init__(self, package: Package, document: Document):
        self.document = document
        self.body = package.document.find(_w("body"))
        self.styles = Styles(package.styles)
        self.package = package
        self._numbering: ListNumbering | None = None
        self.origin: dict = {}
        self.boxes: dict = {}

    def read(self) -> Document:
        if self.body is None:
            return self.document
        self.origin = {p: n for n, p in enumerate(self.body.iter(_PARAGRAPH))}
        for box in self.body.iter(_BOX):
            if not any(a.tag == MC_FALLBACK for a in box.iterancestors()):
                anchor = next(box.iterancestors(_PARAGRAPH), None)
                if anchor is not None:
                    self.boxes.setdefault(anchor, []).append(box)
        # An explicit stack instead of recursion: nesting depth is the file's choice.
        stack = [iter(self.body)]
        while stack:
            element = next(stack[-1], None)
            if element is None:
                stack.pop()
            elif isinstance(element, _Own):
                self._paragraph(element.p)
            elif element.tag == _PARAGRAPH:
                boxes = self.boxes.get(element)
                if boxes:
                    stack.append(iter([*(child for box in boxes for child in box), _Own(element)]))
                else:
                    self._paragraph(element)
            elif element.tag in _CONTAINERS:
                stack.append(iter(element))
        return self.document

    @property
    def numbering(self) -> ListNumbering:
        if self._numbering is None:
            self._numbering = ListNumbering(self.package.numbering, self.styles)
        return self._numbering

    def _paragraph(self, p) -> None:
        runs = _runs(p)
        text = _text(runs)
        own = properties(p)
        style = self.styles.paragraph(own.style)
        num_id, ilvl = own.num_id, own.num_level
        if (num_id is not None or style.num_id is not None) and not own.gone:
            label = self.numbering.label(num_id or style.num_id, ilvl if ilvl is not None else style.num_level,
                                         style.id)
            if label and text:
                text = label + text
        if not text:
            return
        found, outline = own.outline
        if not found:
            outline = style.outline
        origin = self.origin.get(p)
        matter = wordstyles.matter_kind(style.name)
        if matter:
            self.document.add(matter, text, style=style.name, outline_level=outline, origin=origin)
            return
        level = outline or style.heading_level
        bold = _all_bold(runs, style.bold, self.styles)
        kind: BlockKind = "heading" if level else "paragraph"
        self.document.add(kind, text, level=min(level, 4) if level else 0, style=style.name,
                          outline_level=outline, bold=bold, origin=origin)


def _runs(p) -> list:
    """The paragraph's own runs: through hyperlinks, insertions, fields and the like, never into a run
    (text boxes live inside runs) nor into deleted or moved-away text."""
    out, stack = [], [iter(p)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == _RUN:
            out.append(element)
        elif element.tag in _INLINE:
            stack.append(iter(element))
    return out


def _text(runs: list) -> str:
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


def _all_bold(runs: list, paragraph_bold: bool | None, styles: Styles) -> bool:
    """True when every run carrying visible text is bold, directly or by style."""
    seen = False
    for r in runs:
        if not any((t.text or "").strip() for t in r.iterchildren(_TEXT)):
            continue
        seen = True
        bold, char_style = _run_format(r)
        if bold is None:
            bold = next((s.bold for s in styles.chain(char_style, character=True) if s.bold is not None), None)
        if not (bold if bold is not None else paragraph_bold):
            return False
    return seen


def _run_format(r) -> tuple[bool | None, str | None]:
    """A run's own bold setting (the first w:b in its w:rPr) and character style (the first w:rStyle
    with a value), in one look at its properties."""
    bold = style = None
    found_bold = False
    for props in r.iterchildren(_RUN_PROPERTIES):
        for element in props:
            if element.tag == _B and not found_bold:
                bold, found_bold = flag(element), True
            elif element.tag == _R_STYLE and style is None:
                style = element.get(_VAL)
    return bold, style
