"""Small shared mechanisms: numbering, the Markdown dialect, CJK spacing, decoding."""

from __future__ import annotations

import codecs

import pytest

from drafter.document import markdown
from drafter.document.cjk import tidy
from drafter.document.numbering import Numberer, cn, parse_cn
from drafter.errors import DrafterError
from drafter.files.textcodec import decode


@pytest.fixture(scope="module")
def numberer(std):
    return Numberer(std.numbering)


def test_chinese_numerals_round_trip():
    assert [cn(n) for n in (1, 9, 10, 11, 20, 35)] == ["一", "九", "十", "十一", "二十", "三十五"]
    assert all(parse_cn(cn(n)) == n for n in range(1, 100))


@pytest.mark.parametrize("slip", ["一一", "十一十", "二十二十", "十十", "零", ""])
def test_parse_cn_is_total_and_says_none_for_what_is_no_number(slip):
    assert parse_cn(slip) is None


@pytest.mark.parametrize("level", [1, 2, 3, 4])
@pytest.mark.parametrize("n", [1, 2, 10, 12])
def test_what_is_formatted_is_recognized_at_the_same_level(numberer, level, n):
    match = numberer.match(numberer.format(level, n) + "加强执法监督")
    assert (match.level, match.number, match.rest) == (level, n, "加强执法监督")


@pytest.mark.parametrize(
    "text, level, number",
    [
        ("一、总体情况", 1, 1), ("三. 问题", 1, 3), ("二，主要安排", 1, 2), ("第二部分 存在的问题", 1, 2),
        ("(一)半角括号", 2, 1), ("（十一）全角括号", 2, 11), ("( 二 )空格", 2, 2),
        ("1.以打开路", 3, 1), ("2、加强", 3, 2), ("3．全角点", 3, 3),
        ("（1）细目", 4, 1), ("(2)细目", 4, 2),
    ],
)
def test_real_world_numbering_variants(numberer, text, level, number):
    match = numberer.match(text)
    assert match is not None and (match.level, match.number) == (level, number)


@pytest.mark.parametrize("text", ["一是坚持学法", "2024年，全局", "1.08亿元的涉案资金", "十分重视", "二〇二四年"])
def test_body_text_is_not_heading_numbering(numberer, text):
    assert numberer.match(text) is None


def test_inline_enumeration(numberer):
    assert numberer.inline(3) == "三是"
    assert numberer.inline_match("三是强化监督") == 3
    assert numberer.inline_match("三、强化监督") is None


def test_markdown_structure():
    doc = markdown.parse(
        "# 报告标题\n\n::: recipient\n某县委：\n:::\n\n开头一段\n接着写。\n\n## 一、主要举措\n\n"
        "### （一）主题\n\n正文。\n\n::: signature\n某县公安局\n:::\n\n::: date\n2025年2月20日\n:::\n"
    )
    assert [(b.kind, b.level, b.text) for b in doc.blocks] == [
        ("title", 0, "报告标题"),
        ("recipient", 0, "某县委："),
        ("paragraph", 0, "开头一段接着写。"),
        ("heading", 1, "一、主要举措"),
        ("heading", 2, "（一）主题"),
        ("paragraph", 0, "正文。"),
        ("signature", 0, "某县公安局"),
        ("date", 0, "2025年2月20日"),
    ]
    assert [b.index for b in doc.blocks] == list(range(8))


def test_markdown_without_a_single_title_maps_hashes_to_levels():
    doc = markdown.parse("# 一、举措\n\n内容\n\n# 二、不足\n\n## （一）问题\n")
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("paragraph", 0), ("heading", 1), ("heading", 2)]


@pytest.mark.parametrize(
    "text",
    ["# 不是标题", "::: signature", "保留<!-- 这段 -->文字", "**不是加粗**", "- 不是列表", "> 不是引用", "a_b*c\\d", "{{ 7*7 }} {% if %}"],
)
def test_escaped_input_text_survives_literally(text):
    doc = markdown.parse(f"## 一、标题\n\n{markdown.escape(text)}\n")
    assert doc.blocks[-1].kind == "paragraph"
    assert doc.blocks[-1].text == tidy(text) and not doc.blocks[-1].bold  # input text arrives tidied


def test_markdown_reads_front_matter_comments_and_bold():
    doc = markdown.parse("---\ntitle: x\n---\n<!-- 注释 -->\n**加粗标题**\n\n正文\n")
    assert [(b.text, b.bold) for b in doc.blocks] == [("加粗标题", True), ("正文", False)]


@pytest.mark.parametrize(
    "raw, expected",
    [("按主题撰写， 每条写明", "按主题撰写，每条写明"), ("第一行\n第二行", "第一行第二行"),
     ("plain English words", "plain English words"), ("段一\n\n段二", "段一\n\n段二")],
)
def test_tidy_joins_chinese_lines(raw, expected):
    assert tidy(raw) == expected


def test_decode_order_and_refusals():
    text = "法治政府建设"
    assert decode(text.encode("utf-8"), "a") == (text, "UTF-8")
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8"), "a")[0] == text
    assert decode(text.encode("gb18030"), "a") == (text, "GB18030/GBK")
    assert decode(codecs.BOM_UTF16_BE + text.encode("utf-16-be"), "a")[0] == text
    with pytest.raises(DrafterError, match="二进制"):
        decode(b"PK\x03\x04\x00\x00binary", "a")
    with pytest.raises(DrafterError, match="控制字符"):
        decode(bytes(range(1, 9)) * 50, "a")


def test_gb18030_only_characters_decode():
    # 𠮷 and 㐀 exist in GB18030 but not in GBK: a GBK decoder would refuse the file.
    text = "法治政府建设𠮷㐀报告"
    assert decode(text.encode("gb18030"), "a") == (text, "GB18030/GBK")


@pytest.mark.parametrize("share, refused", [(0.002, False), (0.05, True)])
def test_control_characters_beyond_one_percent_mean_not_text(share, refused):
    body = "法治政府建设年度报告" * 200
    controls = int(len(body) * share)
    text = "\x01" * controls + body
    if refused:
        with pytest.raises(DrafterError, match="控制字符"):
            decode(text.encode("utf-8"), "a")
    else:
        assert decode(text.encode("utf-8"), "a")[0] == text


def test_markdown_comments_are_dropped_in_linear_time():
    import time

    doc = markdown.parse("正文一\n\n<!-- 批注 -->正文二\n\n<!-- 没有结束的批注\n\n正文三")
    assert [b.text for b in doc.blocks] == ["正文一", "正文二"]
    hostile = "<!--" * 100_000
    start = time.perf_counter()
    assert markdown.parse(hostile + "\n\n正文").blocks == []
    # A hang guard, not a speed target: linear work takes milliseconds, the
    # quadratic regex it replaces took over 20 s (the hostile-input bound).
    assert time.perf_counter() - start < 20


def test_chinese_numerals_are_written_for_any_count():
    assert [cn(n) for n in (100, 101, 110, 999, 1000, 1010, 2005)] == [
        "一百", "一百零一", "一百一十", "九百九十九", "一千", "一千零一十", "二千零五",
    ]
    assert cn(10000) == "10000" and cn(0) == "0"  # past what anyone numbers: digits, never an error
