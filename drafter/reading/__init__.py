"""The reading side: a draft (.docx, .txt, .md; a path or its bytes) → Document.

Every failure is a DrafterError naming the file and what to do, because the
people who run ``drafter check`` receive files from others and cannot debug
them. Sizes are checked before anything is parsed, so memory stays bounded.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from drafter.document import Document, TooManyBlocks
from drafter.errors import DrafterError
from drafter.files.source import NOT_A_FILE, is_special, read_bytes
from drafter.reading import sniff

MAX_TEXT_BYTES = 16 * 1024 * 1024  # a long annual report is about 100 KB of text
MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_PARAGRAPHS = 20000  # a 100-page report has about 1 000; bounds the checking time


def read(source: Path | str | bytes, name: str | None = None) -> Document:
    """The draft as a Document; DrafterError (exit 2) when it cannot be used.

    ``source`` is a path, or the file's bytes with ``name`` (its file name,
    whose extension says how to read it; without one the content decides).
    """
    if isinstance(source, bytes):
        data = source
        name = name or "（未命名）"
        extension = Path(name).suffix.lower()
        if not extension:
            extension = ".docx" if sniff.magic(data[:8]) == "zip" else ".txt"
    else:
        path = Path(source)
        name = name or str(path)
        extension = path.suffix.lower()
        data = _read_file(path, name, extension)
    _refuse_by_extension(name, extension)
    try:
        document = _parse(data, name, extension)
        _drop_controls(document)
    except TooManyBlocks:
        raise DrafterError(
            f"{name}：文件超过 {MAX_PARAGRAPHS} 段，已停止读取。一份年度报告通常只有几百段，请确认选对了文件。"
        ) from None
    if not any(block.text.strip() for block in document.blocks):
        raise DrafterError(f"{name}：文件中没有文字内容。请确认选对了文件。")
    return document


# What a text cannot hold: C0 and C1 controls (tab and line breaks aside), lone
# surrogates, U+FFFE/U+FFFF. A draft may carry them (a .txt saved by some tool, a
# C1 control in a Word run); they mean nothing to a reader, and whatever is made
# from the draft (a report's JSON, an imported input's YAML) must not inherit them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _drop_controls(document: Document) -> None:
    for block in document.blocks:
        if _CONTROLS.search(block.text):
            block.text = _CONTROLS.sub("", block.text)


def _refuse_by_extension(name: str, extension: str) -> None:
    if extension in sniff.REFUSED:
        raise DrafterError(f"{name}：{sniff.REFUSED[extension]}")
    if sniff.kind_of(extension) is None:
        shown = f"“{extension}”" if extension else "（没有扩展名）"
        raise DrafterError(f"{name}：不支持的文件类型{shown}。{sniff.SUPPORTED}Word/WPS 文档请先另存为 .docx。")


def _read_file(path: Path, name: str, extension: str) -> bytes:
    if os.path.isdir(path):  # before the extension: a folder has none to judge by
        raise DrafterError(f"{name}：这是一个文件夹，不是文件。请指定报告文件，例如 {path}/报告.docx。")
    if not os.path.lexists(path):
        raise DrafterError(f"{name}：找不到这个文件。请检查文件名和路径是否正确。")
    if is_special(path):
        raise DrafterError(f"{name}：{NOT_A_FILE}")
    _refuse_by_extension(name, extension)
    limit = MAX_DOCX_BYTES if sniff.kind_of(extension) == "docx" else MAX_TEXT_BYTES
    return read_bytes(path, name, limit, lambda size: _too_big(name, size, limit, extension))


def _too_big(name: str, size: int, limit: int, extension: str) -> str:
    if sniff.kind_of(extension) == "docx":
        return (f"{name}：文件有 {size / 1048576:.0f} MB，超过上限 {limit // 1048576} MB。"
                "请删除文中的大图片后另存为 .docx 再检查。")
    return (f"{name}：文件大小 {size / 1048576:.1f} MB，超过上限 {limit / 1048576:.0f} MB。"
            "年度报告正文通常不超过 1 MB，请确认选对了文件。")


def _parse(data: bytes, name: str, extension: str) -> Document:
    if not data:
        raise DrafterError(f"{name}：文件是空的（0 字节）。请确认选对了文件，或文件已保存完整。")
    kind = sniff.kind_of(extension)
    found = sniff.magic(data[:8])
    if kind == "docx":
        if found == "ole":
            raise DrafterError(
                f"{name}：扩展名是 .docx，但内容其实是旧版 .doc 或 .wps 格式，或是设置了打开密码的 Word 文档"
                "（加密的文档请先在 Word 或 WPS 中取消密码）。" + sniff.SAVE_AS_DOCX
            )
        if found != "zip":
            raise DrafterError(f"{name}：文件已损坏或不是 Word 文档（.docx 文件应是 zip 格式）。" + sniff.SAVE_AS_DOCX)
        from drafter.reading import wordfile

        return wordfile.read(data, name, MAX_PARAGRAPHS)
    if found == "zip":
        raise DrafterError(f"{name}：这其实是 Word（.docx）或其他压缩格式的文件，不是纯文本。请把扩展名改回 .docx 再检查。")
    if found is not None:
        raise DrafterError(f"{name}：这其实是 {sniff.MAGIC_NAMES[found]} 文件，不是纯文本。" + sniff.SAVE_AS_DOCX)
    from drafter.reading import text

    if kind == "markdown":
        return text.read_markdown(data, name, MAX_PARAGRAPHS)
    return text.read_text(data, name, MAX_PARAGRAPHS)
