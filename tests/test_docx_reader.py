"""The .docx reader on what Word and WPS put in files: style chains, outline
levels, bold by style, hyperlinks, tracked changes, text boxes, odd packages."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from drafter import reading as readers
from drafter.errors import DrafterError


def _outline(element, level: int) -> None:
    outline = OxmlElement("w:outlineLvl")
    outline.set(qn("w:val"), str(level))
    element.get_or_add_pPr().append(outline)


def _blocks(document, tmp_path, name="d.docx"):
    path = tmp_path / name
    document.save(path)
    return readers.read(path).blocks


def _paragraph_xml(document, inner: str) -> None:
    """Append a paragraph written as WordprocessingML (what python-docx has no API for)."""
    p = parse_xml(f"<w:p {nsdecls('w', 'r')}>{inner}</w:p>")
    document.element.body.insert(len(document.element.body) - 1, p)  # before w:sectPr


def test_outline_level_9_is_body_text_and_stops_inheritance(tmp_path):
    document = docx.Document()
    outlined = document.styles.add_style("提纲一级", WD_STYLE_TYPE.PARAGRAPH)
    _outline(outlined.element, 0)
    body_like = document.styles.add_style("提纲下的正文", WD_STYLE_TYPE.PARAGRAPH)
    body_like.base_style = outlined
    _outline(body_like.element, 9)
    document.add_paragraph("按样式是一级", style="提纲一级")
    own = document.add_paragraph("本段自设为正文", style="提纲一级")
    _outline(own._p, 9)
    document.add_paragraph("样式设为正文", style="提纲下的正文")
    blocks = _blocks(document, tmp_path)
    assert [(b.kind, b.level, b.outline_level) for b in blocks] == [
        ("heading", 1, 1),
        ("paragraph", 0, None),
        ("paragraph", 0, None),
    ]


def test_chinese_names_of_built_in_styles_are_recognized(tmp_path):
    document = docx.Document()
    for name in ("标题 2", "标题", "日期"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("某县公安局2024年法治政府建设情况报告", style="标题")
    document.add_paragraph("（一）健全制度", style="标题 2")
    document.add_paragraph("2025年2月20日", style="日期")
    blocks = _blocks(document, tmp_path)
    assert [(b.kind, b.level, b.style) for b in blocks] == [
        ("title", 0, "标题"), ("heading", 2, "标题 2"), ("date", 0, "日期"),
    ]


def test_bold_through_a_character_style_and_through_the_default_paragraph_style(tmp_path):
    document = docx.Document()
    strong = document.styles.add_style("强调文字", WD_STYLE_TYPE.CHARACTER)
    strong.font.bold = True
    paragraph = document.add_paragraph()
    paragraph.add_run("字符样式加粗", style="强调文字")
    document.add_paragraph("普通正文")
    first = _blocks(document, tmp_path, "a.docx")
    assert [b.bold for b in first] == [True, False]
    document.styles["Normal"].font.bold = True  # the default style: every unstyled paragraph
    second = _blocks(document, tmp_path, "b.docx")
    assert [b.bold for b in second] == [True, True]


def test_hyperlinks_and_insertions_are_text_deletions_are_not_and_a_text_box_is_its_own_paragraph(tmp_path):
    document = docx.Document()
    _paragraph_xml(
        document,
        '<w:r><w:t>详见</w:t></w:r>'
        '<w:hyperlink r:id="rId99"><w:r><w:t>门户网站</w:t></w:r></w:hyperlink>'
        '<w:ins w:id="1" w:author="甲" w:date="2025-01-01T00:00:00Z"><w:r><w:t>公开栏目</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="甲" w:date="2025-01-01T00:00:00Z"><w:r><w:delText>已删除</w:delText></w:r></w:del>'
        '<w:r><w:t>。</w:t></w:r>'
        '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
        '<w:p><w:r><w:t>文本框里的字</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>',
    )
    box, block = _blocks(document, tmp_path)
    assert block.text == "详见门户网站公开栏目。"
    assert box.text == "文本框里的字"  # read where it is anchored, before the anchoring paragraph's text


def test_a_cycle_of_based_on_styles_ends(tmp_path):
    document = docx.Document()
    first = document.styles.add_style("甲样式", WD_STYLE_TYPE.PARAGRAPH)
    second = document.styles.add_style("乙样式", WD_STYLE_TYPE.PARAGRAPH)
    second.base_style = first
    first.base_style = second
    document.add_paragraph("循环的样式", style="甲样式")
    (block,) = _blocks(document, tmp_path)
    assert (block.kind, block.style) == ("paragraph", "甲样式")


def _repack(data: bytes, rename: dict[str, str], edit=lambda name, content: content) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = rename.get(info.filename, info.filename)
            target.writestr(name, edit(name, source.read(info.filename)))
    return out.getvalue()


def _saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_the_main_document_is_found_through_the_package_relationships():
    document = docx.Document()
    document.add_paragraph("正文在另一个部件里", style="Heading 1")

    def point_to_new_names(name, content):
        if name == "_rels/.rels":
            return content.replace(b"word/document.xml", b"/word/main.xml")
        if name == "[Content_Types].xml":
            return content.replace(b"/word/document.xml", b"/word/main.xml")
        return content

    data = _repack(
        _saved(document),
        {"word/document.xml": "word/main.xml", "word/_rels/document.xml.rels": "word/_rels/main.xml.rels"},
        point_to_new_names,
    )
    (block,) = readers.read(data, "改名.docx").blocks
    assert (block.kind, block.level, block.text) == ("heading", 1, "正文在另一个部件里")


def test_a_document_without_a_style_part_is_read():
    document = docx.Document()
    document.add_paragraph("没有样式表")
    data = _repack(
        _saved(document), {},
        lambda name, content: content.replace(b'Target="styles.xml"', b'Target="missing.xml"'),
    )
    (block,) = readers.read(data, "无样式.docx").blocks
    assert (block.kind, block.style, block.bold) == ("paragraph", None, False)


@pytest.mark.parametrize(
    "member, content",
    [
        ("word/document.xml", b"<x:workbook xmlns:x='urn:example'/>"),  # a part, but not a Word document
        ("word/document.xml", b"<w:document"),  # broken XML
        ("_rels/.rels", b"<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'/>"),
    ],
    ids=["not-a-document", "broken-xml", "no-main-part"],
)
def test_packages_without_a_readable_main_document_are_refused(member, content):
    document = docx.Document()
    document.add_paragraph("正文")
    data = _repack(_saved(document), {}, lambda name, old: content if name == member else old)
    with pytest.raises(DrafterError) as caught:
        readers.read(data, "坏文件.docx")
    assert "无法作为 Word 文档打开" in caught.value.message and "坏文件.docx" in caught.value.message


def test_entities_declared_in_the_file_are_not_expanded():
    document = docx.Document()
    document.add_paragraph("占位")
    body = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">'
        b'<!ENTITY word "\xe5\xb1\x95\xe5\xbc\x80">]>'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>\xe6\xad\xa3\xe6\x96\x87&secret;&word;</w:t></w:r></w:p></w:body></w:document>"
    )
    data = _repack(_saved(document), {}, lambda name, old: body if name == "word/document.xml" else old)
    (block,) = readers.read(data, "实体.docx").blocks
    assert block.text == "正文"


def test_paragraphs_inside_content_controls_and_custom_xml_are_read_in_order(tmp_path):
    document = docx.Document()
    document.add_paragraph("第一段")
    body = document.element.body
    wrapped = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>内容控件里的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    custom = parse_xml(
        f"<w:customXml {nsdecls('w')} w:element='报告'><w:p><w:r><w:t>自定义标记里的段落</w:t></w:r></w:p></w:customXml>"
    )
    body.insert(len(body) - 1, wrapped)
    body.insert(len(body) - 1, custom)
    document.add_paragraph("最后一段")
    assert [b.text for b in _blocks(document, tmp_path)] == ["第一段", "内容控件里的段落", "自定义标记里的段落", "最后一段"]
