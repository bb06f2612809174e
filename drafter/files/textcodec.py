"""Decode text files the way Chinese offices save them.

Order, each step strict (no replacement characters): a byte-order mark decides
(UTF-8, UTF-16 LE/BE); otherwise UTF-8; otherwise GB18030 (a superset of GBK
and GB2312, what Notepad and WPS write as "ANSI" on Chinese Windows). UTF-8 is
tried first because GBK text almost never forms valid UTF-8, while the reverse
is common. Whatever decodes must also look like text: binary data that happens
to decode is refused.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files.source import read_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8（带 BOM）"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)

# Control characters other than tab, newline, carriage return and form feed.
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)} | {127}


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding label). Raise DrafterError for non-text data."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise DrafterError(
                    f"{name}：文件开头标明是 {label} 编码，但第 {exc.start} 字节处内容不符合该编码。"
                    "请用记事本或 WPS 打开后“另存为”UTF-8 编码再试。"
                ) from None
            return _require_text(text, name), label
    if b"\x00" in data[:65536]:
        # No text encoding drafter accepts without a BOM has NUL bytes; say so
        # rather than "unknown encoding".
        raise DrafterError(
            f"{name}：文件含有二进制内容，不是文本文件（如果是不带 BOM 的 UTF-16 文本，"
            "请用记事本“另存为”UTF-8 编码）。请提供 .docx、.txt 或 .md 文件。"
        )
    try:
        return _require_text(data.decode("utf-8"), name), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return _require_text(data.decode("gb18030"), name), "GB18030/GBK"
    except UnicodeDecodeError:
        raise DrafterError(
            f"{name}：无法识别文件编码（既不是 UTF-8，也不是 GBK/GB18030）。"
            "请用记事本或 WPS 打开后“另存为”UTF-8 编码再试。"
        ) from None


def _require_text(text: str, name: str) -> str:
    if "\x00" in text:
        raise DrafterError(f"{name}：文件含有二进制内容，不是文本文件。请提供 .docx、.txt 或 .md 文件。")
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if sample and bad / len(sample) > 0.01:
        raise DrafterError(f"{name}：文件含有大量控制字符，不像文本文件。请提供 .docx、.txt 或 .md 文件。")
    return text


def read_text(path: Path, max_bytes: int) -> tuple[str, str]:
    """Read and decode a text file no larger than ``max_bytes``."""
    data = read_bytes(path, str(path), max_bytes, lambda size: (
        f"{path}：文件大小 {size / 1048576:.1f} MB，超过上限 {max_bytes / 1048576:.0f} MB。"
        "输入文件和年度报告正文通常不超过 1 MB，请确认选对了文件。"
    ))
    return decode(data, str(path))
