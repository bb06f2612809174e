"""Whitespace in Chinese text.

YAML's folded scalars (``>-``) and wrapped Markdown lines join lines with a
space, which is right for English and wrong for Chinese: "撰写， 每条" must
read "撰写，每条". One rule serves the input model, the standard and the
Markdown reader.
"""

from __future__ import annotations

import re

_WIDE = r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]"
_SPACE_NEAR_WIDE = re.compile(
    rf"(?<={_WIDE})[ \t\u3000]*\n?[ \t\u3000]*(?={_WIDE})|(?<={_WIDE})[ \t]+|[ \t]+(?={_WIDE})"
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_COUNTED = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]+")


def snippet(text: str, limit: int = 30) -> str:
    """The text as quoted in a message: cut at ``limit`` characters, marked with ……"""
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "……"


def count_chars(text: str) -> int:
    """Characters that carry content: CJK, digits and letters (no punctuation, spaces)."""
    return sum(map(len, _COUNTED.findall(text)))


def tidy(text: str) -> str:
    """Drop whitespace next to Chinese characters; keep blank-line paragraph breaks."""
    paragraphs = _PARAGRAPH_BREAK.split(text.strip())
    cleaned = []
    for para in paragraphs:
        para = _SPACE_NEAR_WIDE.sub("", para)
        cleaned.append(re.sub(r"\s+", " ", para).strip())
    return "\n\n".join(p for p in cleaned if p)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines of one paragraph."""
    return tidy(" ".join(line.strip() for line in lines))
