"""Real Word files hide structure: automatic numbering, text boxes, tracked moves, Strict Open
XML, a .wps that is a .docx, old binary files. Read right, the seed truth table holds on each."""

from __future__ import annotations

import io
import shutil
import unicodedata
import zipfile

import docx
import pytest
from docx_fixtures import build, lines_of, repack
from paths import seed_file
from test_check_seeds import TRUTH
from word_structures import NUMBERER, in_text_boxes, leadership_first, numbered, with_moves

from drafter import reading as readers
from drafter.checking.recognize import recognize
from drafter.errors import DrafterError

_LEADERSHIP = [a for a in __import__("drafter").load_standard().part("leadership").recognition.aliases if "{" not in a]


def _leadership_first(lines, path):
    moved = leadership_first(lines, _LEADERSHIP)
    build(moved, path, styled=True)
    return path, moved


VARIANTS = {
    "leadership-first": _leadership_first,
    "numbering": lambda lines, path: numbered(lines, path, linked=False),
    "numbering-by-style": lambda lines, path: numbered(lines, path, linked=True),
    "text-boxes": in_text_boxes,
    "tracked-moves": with_moves,
}



def _canonical(line: str) -> tuple:
    match = NUMBERER.match(line)
    text = unicodedata.normalize("NFKC", line)
    return (match.level, match.number, unicodedata.normalize("NFKC", match.rest).strip()) if match else (text,)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("prefix", sorted(TRUTH))
def test_the_text_comes_back_once_in_order_and_the_truth_table_holds(prefix, variant, tmp_path, std):
    lines = lines_of(seed_file(prefix))
    path = VARIANTS[variant](lines, tmp_path / f"{prefix}.docx")
    if isinstance(path, tuple):  # a variant that also changes the order of the text
        path, lines = path
    if variant.startswith("numbering"):  # the numbering exists only in numbering.xml
        assert not any(NUMBERER.match(p.text) for p in docx.Document(path).paragraphs if p.text)
    document = readers.read(path)
    assert [_canonical(b.text) for b in document.blocks] == [_canonical(line) for line in lines]
    result = recognize(document, std)
    statuses = {p.id: p.status for p in result.parts}
    for part_id, allowed in TRUTH[prefix].items():
        assert statuses[part_id] in allowed, (part_id, statuses[part_id], [p.evidence for p in result.parts])
    if variant == "leadership-first" and prefix == "003":
        assert lines != lines_of(seed_file(prefix))  # the leadership section did move to the front
        assert not any(f.rule == "part.order" for f in result.findings)


def test_word_numbering_tells_sub_headings_from_parts(tmp_path, std):
    """Two measures sub-headings read like other parts; only Word's "（一）" shows their level."""
    lines = [
        "某区公安局2024年法治政府建设情况报告",
        "一、2024年推进法治政府建设的主要举措和成效",
        "（一）着眼下一步安排，健全执法制度体系",
        "全年制定执法制度12项，执法质量考评优秀率达到96%，案件办理更加规范。" * 3,
        "（二）正视执法短板不足，强化执法监督",
        "开展案件评查4次，评查案件320件，发现问题均已整改到位。" * 3,
        "二、党政主要负责人履行推进法治建设第一责任人职责情况",
        "局长主持召开党委会专题研究法治建设6次，年终专题述法。",
        "三、存在的不足和原因",
        "基层执法力量不足，主要原因是新警比例较高。",
        "四、2025年推进法治政府建设的主要安排",
        "将继续加强执法培训，完善执法监督机制。",
    ]
    path = numbered(lines, tmp_path / "numbered.docx", linked=True)
    result = recognize(readers.read(path), std)
    assert {p.id: p.status for p in result.parts if p.required} == dict.fromkeys(
        ("measures", "leadership", "shortcomings", "plans"), "found")
    plans = next(p for p in result.parts if p.id == "plans")
    assert plans.evidence.startswith("四、")


def _numbering_doc(tmp_path, levels_xml: str, paragraphs: list[tuple[str, int, str]], extra="") -> list[str]:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    body = document.element.body
    for num_id, ilvl, text in paragraphs:
        body.insert(len(body) - 1, parse_xml(
            f'<w:p {nsdecls("w")}><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
            f'</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'))
    document.part.numbering_part._element = parse_xml(
        f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="0">{levels_xml}</w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>{extra}</w:numbering>')
    path = tmp_path / "n.docx"
    document.save(path)
    return [b.text for b in readers.read(path).blocks]


def _lvl(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def test_counters_restart_per_level_and_levels_show_their_parents(tmp_path):
    levels = _lvl(0, "chineseCounting", "%1、") + _lvl(1, "decimal", "%1.%2") + _lvl(2, "decimal", "（%3）")
    texts = _numbering_doc(tmp_path, levels, [
        ("1", 0, "甲"), ("1", 1, "乙"), ("1", 1, "丙"), ("1", 2, "丁"), ("1", 0, "戊"), ("1", 1, "己"), ("1", 2, "庚"),
    ])
    assert texts == ["一、甲", "一.1乙", "一.2丙", "（1）丁", "二、戊", "二.1己", "（1）庚"]


def test_lvl_restart_zero_keeps_counting_and_is_lgl_shows_decimals(tmp_path):
    levels = _lvl(0, "chineseCounting", "第%1部分") + _lvl(1, "chineseCounting", "%1.%2", extra='<w:lvlRestart w:val="0"/><w:isLgl/>')
    texts = _numbering_doc(tmp_path, levels, [("1", 0, "甲"), ("1", 1, "乙"), ("1", 0, "丙"), ("1", 1, "丁")])
    assert texts == ["第一部分甲", "1.1乙", "第二部分丙", "2.2丁"]


def test_start_overrides_bullets_and_other_formats(tmp_path):
    levels = (_lvl(0, "decimalEnclosedCircle", "%1") + _lvl(1, "bullet", "●") + _lvl(2, "upperRoman", "%3)")
              + _lvl(3, "ideographTraditional", "%4、"))
    extra = ('<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
             '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>')
    texts = _numbering_doc(tmp_path, levels, [
        ("1", 0, "甲"), ("1", 1, "乙"), ("1", 2, "丙"), ("1", 2, "丁"), ("1", 3, "戊"), ("2", 0, "己"), ("0", 0, "庚"),
    ], extra)
    assert texts == ["①甲", "乙", "I)丙", "II)丁", "甲、戊", "⑤己", "庚"]


def _to_strict(data: bytes) -> bytes:
    """A package rewritten with the Strict Open XML namespaces (as Word's "Strict" save does)."""
    pairs = [
        (b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", b"http://purl.oclc.org/ooxml/wordprocessingml/main"),
        (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships", b"http://purl.oclc.org/ooxml/officeDocument/relationships"),
        (b"http://schemas.openxmlformats.org/drawingml/2006/main", b"http://purl.oclc.org/ooxml/drawingml/main"),
    ]

    def strict(name: str, content: bytes) -> bytes:
        for old, new in pairs:
            content = content.replace(old, new)
        return content

    return repack(data, strict)


def test_strict_open_xml_is_read_and_annotated_on_a_relaid_copy_that_says_why(tmp_path, std):
    import drafter

    source = tmp_path / "plain.docx"
    numbered(lines_of(seed_file("003")), source, linked=True)
    strict = tmp_path / "strict.docx"
    strict.write_bytes(_to_strict(source.read_bytes()))
    assert b"purl.oclc.org" in zipfile.ZipFile(strict).read("word/document.xml")
    assert [b.text for b in readers.read(strict).blocks] == [b.text for b in readers.read(source).blocks]
    result = drafter.check(strict)
    assert result.complete
    copy = docx.Document(io.BytesIO(drafter.annotate(strict)))  # python-docx cannot write Strict back
    texts = [c.text for c in copy.comments]
    assert len(texts) == len(result.findings) + 1
    assert "严格 Open XML" in texts[0] and "重新排版" in texts[0]
    assert [p.text for p in copy.paragraphs if p.text][:3] == [b.text for b in readers.read(source).blocks][:3]


def test_files_are_sniffed_by_content_not_by_extension(tmp_path):
    source = tmp_path / "a.docx"
    numbered(lines_of(seed_file("003")), source, linked=False)
    for name in ("报告.wps", "报告.txt", "报告"):
        disguised = tmp_path / name
        disguised.write_bytes(source.read_bytes())
        assert readers.read(disguised).blocks[1].text.startswith("一、")
    spreadsheet = tmp_path / "表.docx"
    with zipfile.ZipFile(spreadsheet, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DrafterError, match="Excel"):
        readers.read(spreadsheet)


@pytest.fixture
def old_doc(tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice makes the old binary .doc for this test")
    import subprocess

    source = tmp_path / "src.docx"
    document = docx.Document()
    for line in lines_of(seed_file("003")):
        document.add_paragraph(line)
    document.save(source)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=300)
    doc = tmp_path / "src.doc"
    assert doc.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    return doc


def test_an_old_binary_doc_is_converted_with_libreoffice_and_says_so(old_doc, tmp_path):
    import drafter

    wps = tmp_path / "报告.wps"
    wps.write_bytes(old_doc.read_bytes())
    for path in (old_doc, wps):
        result = drafter.check(path)
        assert result.complete
        assert result.findings[0].rule == "read.converted" and "LibreOffice" in result.findings[0].message


def test_without_libreoffice_an_old_binary_doc_gets_the_save_as_message(old_doc, monkeypatch):
    monkeypatch.setenv("DRAFTER_SOFFICE", "")
    with pytest.raises(DrafterError, match="另存为"):
        readers.read(old_doc)


def test_a_conversion_that_hangs_is_stopped(old_doc, monkeypatch, tmp_path):
    from drafter.reading import convert

    hanging = tmp_path / "soffice"
    hanging.write_text("#!/bin/sh\nsleep 30\n", encoding="utf-8")
    hanging.chmod(0o755)
    monkeypatch.setenv("DRAFTER_SOFFICE", str(hanging))
    monkeypatch.setattr(convert, "TIME_LIMIT", 1)
    with pytest.raises(DrafterError, match="超过 1 秒"):
        readers.read(old_doc)
