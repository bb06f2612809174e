"""Reading drafts: encodings, Word structure, and refusing what cannot be read."""

from __future__ import annotations

import codecs
import os
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from paths import SEEDS

from drafter import reading as readers
from drafter.errors import DrafterError
from drafter.reading import zipguard


def _seed_text() -> str:
    return SEEDS[3].read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("gb18030"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.replace("\n", "\r\n").encode("gbk", errors="replace"),
    ],
    ids=["gb18030", "utf8-bom", "utf16le-bom", "utf16be-bom", "gbk-crlf"],
)
def test_text_encodings_read_the_same_paragraphs(tmp_path, encode):
    text = _seed_text()
    path = tmp_path / "draft.txt"
    path.write_bytes(encode(text))
    expected = [line.strip() for line in text.splitlines() if line.strip()]
    got = [b.text for b in readers.read(path).blocks]
    assert len(got) == len(expected)
    assert got[0] == expected[0] and got[-1][:20] == expected[-1][:20]


def test_docx_reads_body_and_table_cells_in_reading_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("甲段")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "表一", "表二"
    table.cell(1, 0).merge(table.cell(1, 1)).text = "合并格"
    inner = table.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "嵌套表"
    document.add_paragraph("")  # empty paragraphs are not paragraphs of the report
    document.add_paragraph("乙段")
    path = tmp_path / "t.docx"
    document.save(path)
    blocks = readers.read(path).blocks
    assert [b.text for b in blocks] == ["甲段", "表一", "表二", "嵌套表", "合并格", "乙段"]
    assert [b.index for b in blocks] == list(range(6))


def test_docx_heading_styles_outline_levels_and_bold(tmp_path):
    document = docx.Document()
    custom = document.styles.add_style("报告一级标题", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 1"]
    bold_style = document.styles.add_style("加粗正文", WD_STYLE_TYPE.PARAGRAPH)
    bold_style.font.bold = True
    document.add_paragraph("报告标题", style="Title")
    document.add_paragraph("二级", style="Heading 2")
    document.add_paragraph("继承一级", style="报告一级标题")
    outlined = document.add_paragraph("大纲三级")
    level = OxmlElement("w:outlineLvl")
    level.set(qn("w:val"), "2")
    outlined._p.get_or_add_pPr().append(level)
    document.add_paragraph("样式加粗", style="加粗正文")
    mixed = document.add_paragraph()
    mixed.add_run("半句加粗").bold = True
    mixed.add_run("半句不加粗")
    whole = document.add_paragraph()
    whole.add_run("整段").bold = True
    whole.add_run("加粗").bold = True
    path = tmp_path / "s.docx"
    document.save(path)
    blocks = readers.read(path).blocks
    got = [(b.kind, b.level, b.bold) for b in blocks]
    assert got == [
        ("title", 0, False),
        ("heading", 2, True),  # python-docx's Heading 2 style is bold
        ("heading", 1, True),
        ("heading", 3, False),
        ("paragraph", 0, True),
        ("paragraph", 0, False),
        ("paragraph", 0, True),
    ]
    assert blocks[2].style == "报告一级标题" and blocks[3].outline_level == 3


def test_docx_soft_line_breaks_inside_a_heading_are_joined(tmp_path):
    document = docx.Document()
    run = document.add_paragraph().add_run("一、2024年推进法治政府")
    run.add_break()
    run.add_text("建设的主要举措和成效")
    path = tmp_path / "b.docx"
    document.save(path)
    assert readers.read(path).blocks[0].text == "一、2024年推进法治政府建设的主要举措和成效"


def _zip_bomb(path, megabytes: int):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                member.write(chunk)
    return path


def test_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = _zip_bomb(tmp_path / "bomb.docx", 40)
    with pytest.raises(DrafterError) as caught:
        readers.read(path)
    assert "word/document.xml" in caught.value.message and "拒绝" in caught.value.message


def test_a_member_that_lies_about_its_size_fails_its_check_instead_of_inflating(tmp_path, monkeypatch):
    # Below the ratio and size limits, the declared size still caps what is read:
    # CPython's zipfile stops there and the CRC check then fails.
    path = tmp_path / "liar.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document/>" + b" " * 500_000)
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02", data.index(b"word/document.xml") + 1)
    while data[central + 46: central + 46 + 17] != b"word/document.xml":
        central = data.index(b"PK\x01\x02", central + 1)
    data[central + 24: central + 28] = (100).to_bytes(4, "little")  # declared uncompressed size
    path.write_bytes(bytes(data))
    with pytest.raises(DrafterError) as caught:
        readers.read(path)
    assert "无法作为 Word 文档打开" in caught.value.message


def test_zipguard_limits_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(zipguard, "MAX_TOTAL_BYTES", 1000)
    path = tmp_path / "big.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/media/image1.png", b"x" * 2000)
    with pytest.raises(DrafterError) as caught:
        zipguard.check(path.read_bytes(), str(path))
    assert "超过上限" in caught.value.message


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("empty.txt", b"", "空的"),
        ("empty.docx", b"", "空的"),
        ("blank.txt", "   \n\u3000\n\n".encode("utf-8"), "没有文字"),
        ("garbage.txt", bytes(range(256)) * 40, "二进制"),
        ("garbage.docx", bytes(range(256)) * 40, "不是 Word 文档"),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 200, "已损坏"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200, "旧版 .doc"),
        ("zipped.txt", b"PK\x03\x04" + b"\x00" * 200, "已损坏"),  # read by content: a (broken) zip
        ("report.doc", b"\xd0\xcf\x11\xe0", "另存为"),
        ("report.wps", b"\xd0\xcf\x11\xe0", "另存为"),
        ("report.pdf", b"%PDF-1.7", "PDF"),
        ("report.xlsx", b"PK\x03\x04", "已损坏"),
        ("picture.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "图片"),
        ("report.jpg", b"text", "不支持的文件类型"),
    ],
)
def test_unusable_inputs_raise_a_chinese_message_naming_the_file(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DrafterError) as caught:
        readers.read(path)
    assert expected in caught.value.message
    assert str(path) in caught.value.message


def test_word_package_that_is_not_a_document_is_refused(tmp_path):
    path = tmp_path / "sheet.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types xmlns='http://schemas.openxmlformats.org/package/2006/content-types'/>")
    with pytest.raises(DrafterError) as caught:
        readers.read(path)
    assert "无法作为 Word 文档打开" in caught.value.message


def test_huge_text_is_refused_by_size_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(readers.MAX_TEXT_BYTES + 1)  # sparse: costs no disk or memory
    with pytest.raises(DrafterError) as caught:
        readers.read(path)
    assert "超过上限" in caught.value.message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DrafterError, match="找不到"):
        readers.read(tmp_path / "nope.docx")
    with pytest.raises(DrafterError, match="文件夹"):
        readers.read(tmp_path)


def test_too_many_paragraphs_are_refused(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("短行\n" * (readers.MAX_PARAGRAPHS + 1), encoding="utf-8")
    with pytest.raises(DrafterError) as caught:
        readers.read(path)
    assert f"超过 {readers.MAX_PARAGRAPHS} 段" in caught.value.message


@pytest.mark.parametrize("name", ["many.txt", "many.md", "many.docx"])
def test_the_paragraph_limit_stops_reading_early(tmp_path, monkeypatch, name):
    from drafter.document import Document

    monkeypatch.setattr(readers, "MAX_PARAGRAPHS", 50)
    added = {"n": 0}
    real_add = Document.add

    def counting_add(self, *args, **kwargs):
        added["n"] += 1
        return real_add(self, *args, **kwargs)

    monkeypatch.setattr(Document, "add", counting_add)
    path = tmp_path / name
    if name.endswith(".docx"):
        document = docx.Document()
        for _ in range(500):
            document.add_paragraph("短行")
        document.save(path)
    else:
        path.write_text("短行\n\n" * 500, encoding="utf-8")
    with pytest.raises(DrafterError, match="超过 50 段"):
        readers.read(path)
    assert added["n"] <= 51  # stopped at the limit, not after parsing everything


def _zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return path


def test_a_highly_compressed_picture_is_refused_by_its_ratio(tmp_path):
    # Not XML and small in total: only the compression ratio gives it away.
    path = _zip(tmp_path / "ratio.docx",
                [("[Content_Types].xml", "<Types/>"), ("word/media/image1.png", b"\0" * 5_000_000)])
    with pytest.raises(DrafterError) as caught:
        readers.read(path)
    assert "压缩比" in caught.value.message and "image1.png" in caught.value.message


def test_an_oversized_xml_part_is_refused_by_its_size(tmp_path, monkeypatch):
    monkeypatch.setattr(zipguard, "MAX_XML_BYTES", 50_000)
    incompressible = bytes(random.Random(1).getrandbits(8) for _ in range(60_000))
    path = _zip(tmp_path / "xml.docx", [("word/document.xml", incompressible)])
    with pytest.raises(DrafterError) as caught:
        zipguard.check(path.read_bytes(), str(path))
    assert "word/document.xml" in caught.value.message and "超过上限" in caught.value.message


def test_a_package_with_thousands_of_members_is_refused_by_their_number(tmp_path):
    path = _zip(tmp_path / "many.docx", [(f"word/media/{i}.bin", b"") for i in range(zipguard.MAX_MEMBERS + 1)])
    with pytest.raises(DrafterError) as caught:
        zipguard.check(path.read_bytes(), str(path))
    assert f"{zipguard.MAX_MEMBERS + 1} 个文件" in caught.value.message


def test_devices_fifos_and_folders_are_refused_at_once(tmp_path, cli_process):
    fifo = tmp_path / "x.docx"
    os.mkfifo(fifo)
    fifo_yaml = tmp_path / "x.yaml"
    os.mkfifo(fifo_yaml)
    folder = tmp_path / "报告.docx"
    folder.mkdir()
    for path in (fifo, Path("/dev/zero"), folder):
        with pytest.raises(DrafterError) as caught:
            readers.read(path)
        assert str(path) in caught.value.message
    # Through the CLI, with a time limit: nothing waits for a writer or reads forever.
    for args in (("check", fifo), ("check", "/dev/zero"), ("validate", fifo_yaml), ("render", fifo_yaml)):
        run = cli_process(*args, timeout=20)
        assert run.exit_code == 2 and "普通文件" in run.stderr, (args, run.stderr)


def test_a_file_larger_than_it_said_is_cut_off_at_the_limit(tmp_path, monkeypatch):
    from drafter.files import source

    path = tmp_path / "a.txt"
    path.write_bytes("法治".encode() * 1000)
    with pytest.raises(DrafterError, match="超过上限"):
        source.read_bytes(path, "a.txt", 100, lambda size: f"a.txt：{size} 超过上限")
