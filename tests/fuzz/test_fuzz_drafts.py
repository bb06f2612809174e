"""The draft readers are total: any .txt, .md or .docx gives a check result or a Chinese refusal naming the file.

Text drafts are drawn as arbitrary bytes and as report-like lines (numbered
headings, Markdown marks, comments, odd spaces and controls) in the
encodings offices use. Word drafts are real files (the rendered examples,
seeds typed into Word) with their zip or XML changed: members dropped or
truncated, bytes flipped, tags swapped, attributes set to hostile values.
Importing a draft (``drafter import``) reads it the same way and must be as total.
"""

from __future__ import annotations

import io
import re
import zipfile

from fuzz_support import assert_refusal, docx_bases, form_bases, run_cli, scaled, seed_texts
from hypothesis import event, given
from hypothesis import strategies as st

import drafter
from drafter.errors import DrafterError

LINE_PIECES = [
    "一、", "（一）", "1.", "（1）", "一是", "二、", "一一、", "十一、", "# ", "## ", "###### ", "> ", "- ", "* ", "1) ",
    "<!--", "-->", "```", "|甲|乙|", "---", "===", "\t", "　", "\u200b", "\u202e", "\x0c", "\x85", "\u2028", "\r",
    "主要举措", "存在的不足", "原因", "下一步", "第一责任人", "2025年", "特此报告。", "𠀀", "\ufeff",
]


@st.composite
def report_like(draw) -> str:
    if draw(st.booleans()):
        lines = seed_texts()[draw(st.integers(0, len(seed_texts()) - 1))].splitlines()
        start = draw(st.integers(0, max(0, len(lines) - 1)))
        lines = lines[start:start + draw(st.integers(1, 60))]
    else:
        lines = []
    for _ in range(draw(st.integers(0, 30))):
        piece = draw(st.sampled_from(LINE_PIECES) | st.text(max_size=12))
        at = draw(st.integers(0, len(lines)))
        if lines and at < len(lines) and draw(st.booleans()):
            lines[at] = piece + lines[at]
        else:
            lines.insert(at, piece)
    return "\n".join(lines)


encodings = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])


def _check(data: bytes, name: str, annotate: bool = False) -> None:
    try:
        result = drafter.check(data, name)
        event("checked")
        if annotate:  # a copy with Word comments, as `check --annotate` writes
            drafter.annotate(data, result, name)
    except DrafterError as exc:
        event("refused")
        assert_refusal(exc, name)


@scaled(40)
@given(st.binary(max_size=3000), st.sampled_from(["稿.txt", "稿.md", "稿.docx"]))
def test_any_bytes_are_checked_or_refused(data, name):
    _check(data, name)


@scaled(60)
@given(report_like(), encodings, st.sampled_from(["稿.txt", "稿.md"]))
def test_report_like_text_is_checked_or_refused(text, encoding, name):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "surrogatepass")
    _check(data, name)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info.filename) for info in archive.infolist()}


def _pack(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


XML_PIECES = [
    b"<w:p>", b"</w:p>", b"<w:body>", b"</w:body>", b"<w:tbl><w:tr><w:tc>", b"<w:sdt><w:sdtContent>",
    b'<w:outlineLvl w:val="\xc2\xb2"/>', b'<w:pStyle w:val=""/>', b"<!DOCTYPE d [<!ENTITY e \"x\">]>", b"&e;",
    b"<w:t>\xe4\xb8\x80\xe3\x80\x81</w:t>", b"<w:br/>", b"<w:tab/>", b"\x00", b"<?pi x?>", b"<!-- -->",
    b"<![CDATA[x]]>",
    b'xmlns:w="urn:x"', b"<w:r><w:t>", b"</w:t></w:r>", b"<w:txbxContent>", b"<w:del>", b"<w:ins>",
    b'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>',
    b'<w:pPr><w:numPr><w:ilvl w:val="9"/><w:numId w:val="999"/></w:numPr></w:pPr>',
    b"<w:moveFrom>", b"<w:moveTo>", b"<mc:AlternateContent>", b"<w:fldSimple>", b"<w:hyperlink>",
]
VALUES = [b"1", b"0", b"9", b"x", b"-3", b"99999999999999999999", b"\xc2\xb2", b"", b"\xef\xbc\x91", b"true", b"off"]


class Blob(bytes):
    """A drawn file, shown by its size when Hypothesis reports a failing example (reproduce it with the blob)."""

    def __repr__(self) -> str:
        return f"<{len(self)} bytes>"


@st.composite
def changed_docx(draw, bases=docx_bases) -> bytes:
    data = bases()[draw(st.integers(0, len(bases()) - 1))]
    for _ in range(draw(st.integers(1, 3))):
        if data[:2] != b"PK":
            break
        try:
            members = _members(data)
        except Exception:  # flipped bytes broke the zip for good: check it as it is
            break
        parts = sorted(n for n in members if n.endswith((".xml", ".rels"))) or sorted(members)
        if not parts:
            break
        name = draw(st.sampled_from(parts))
        xml = members[name]
        op = draw(st.sampled_from(["drop", "insert", "cut", "swap tags", "values", "flip", "truncate", "no body",
                                   "lists"]))
        if op == "drop":
            del members[name]
        elif op == "insert":
            at = draw(st.integers(0, len(xml)))
            members[name] = xml[:at] + draw(st.sampled_from(XML_PIECES)) + xml[at:]
        elif op == "cut":
            at = draw(st.integers(0, len(xml)))
            members[name] = xml[:at] + xml[at + draw(st.integers(1, 400)):]
        elif op == "swap tags":
            tags = sorted(set(re.findall(rb"<(w:\w+)", xml)))
            if tags:
                members[name] = xml.replace(draw(st.sampled_from(tags)), draw(st.sampled_from(tags)))
        elif op == "values":
            members[name] = re.sub(rb'w:val="[^"]*"', lambda _: b'w:val="' + draw(st.sampled_from(VALUES)) + b'"', xml)
        elif op == "lists":  # every paragraph in a list, so the numbering part is read
            numbered = b'<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            members[name] = xml.replace(b"<w:p>", numbered)
        elif op == "no body":
            members[name] = re.sub(rb"<w:body>.*</w:body>", b"", xml, flags=re.S)
        if op in ("flip", "truncate"):
            raw = bytearray(data)
            if op == "flip":
                for _ in range(draw(st.integers(1, 12))):
                    raw[draw(st.integers(0, len(raw) - 1))] = draw(st.integers(0, 255))
            else:
                raw = raw[: draw(st.integers(0, len(raw)))]
            data = bytes(raw)
        else:
            data = _pack(members)
    return Blob(data)


@scaled(60)
@given(changed_docx(), st.booleans())
def test_changed_word_files_are_checked_and_annotated_or_refused(data, annotate):
    _check(data, "稿.docx", annotate)


@scaled(15)
@given(changed_docx() | report_like().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_importing_a_changed_draft_gives_an_input_or_a_refusal(data):
    name = "稿.docx" if data[:2] == b"PK" else "稿.txt"
    try:
        imported = drafter.import_report(data, name)
    except DrafterError as exc:
        assert_refusal(exc, name)
    else:
        drafter.validate(imported.text.encode("utf-8"), "稿.yaml")  # what import writes always loads


@scaled(6)
@given(changed_docx())
def test_check_through_the_command_line_ends_with_0_1_or_2(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("check") / "稿.docx"
    path.write_bytes(data)
    run_cli("check", path)


@scaled(30)
@given(changed_docx(form_bases))
def test_a_changed_word_form_validates_or_is_refused(data):
    try:
        drafter.validate(data, "填写表.docx")
        event("validated")
    except DrafterError as exc:
        event("refused")
        assert_refusal(exc, "填写表.docx")
