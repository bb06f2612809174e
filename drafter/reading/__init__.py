"""The reading side: a draft (.docx, .txt, .md; a path or its bytes) → Document.

What a file is comes from its content, not its name: a .wps or .txt that is
really a .docx is read as one; an old binary Word/WPS file or RTF is
converted with LibreOffice when it is on the machine (readers are told so),
and otherwise gets the "save as .docx" message; only plain text needs its
extension (.md is Markdown, anything else is text).

Every failure is a DrafterError naming the file and what to do, because the
people who run ``drafter check`` receive files from others and cannot debug
them. Sizes are checked before anything is parsed, so memory stays bounded.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from drafter.document import Document, TooManyBlocks
from drafter.errors import DrafterError
from drafter.files.source import NOT_A_FILE, is_special, read_bytes
from drafter.reading import sniff

MAX_TEXT_BYTES = 16 * 1024 * 1024  # a long annual report is about 100 KB of text
MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_PARAGRAPHS = 20000  # a 100-page report has about 1 000; bounds the checking time


@dataclass
class Loaded:
    """A draft as read: the Document, and the .docx it was read from (None for text)."""

    document: Document
    docx: bytes | None


def read(source: Path | str | bytes, name: str | None = None) -> Document:
    """The draft as a Document; DrafterError (exit 2) when it cannot be used.

    ``source`` is a path, or the file's bytes with ``name`` (its file name;
    the extension matters only for plain text: .md is read as Markdown).
    """
    return load(source, name).document


def load(source: Path | str | bytes, name: str | None = None) -> Loaded:
    """Like :func:`read`, also giving the .docx bytes the Document came from (to annotate a copy)."""
    if isinstance(source, bytes):
        data, name = source, name or "（未命名）"
    else:
        path = Path(source)
        name = name or str(path)
        data = _read_file(path, name)
    try:
        loaded = _parse(data, name, Path(name).suffix.lower())
        _drop_controls(loaded.document)
    except TooManyBlocks:
        raise DrafterError(
            f"{name}：文件超过 {MAX_PARAGRAPHS} 段，已停止读取。一份年度报告通常只有几百段，请确认选对了文件。"
        ) from None
    if not any(block.text.strip() for block in loaded.document.blocks):
        raise DrafterError(f"{name}：文件中没有文字内容。请确认选对了文件。")
    return loaded


# What a text cannot hold: C0 and C1 controls (tab and line breaks aside), lone
# surrogates, U+FFFE/U+FFFF. A draft may carry them (a .txt saved by some tool, a
# C1 control in a Word run); they mean nothing to a reader, and whatever is made
# from the draft (a report's JSON, an imported input's YAML) must not inherit them.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def _drop_controls(document: Document) -> None:
    for block in document.blocks:
        if _CONTROLS.search(block.text):
            block.text = _CONTROLS.sub("", block.text)


def _read_file(path: Path, name: str) -> bytes:
    if os.path.isdir(path):
        raise DrafterError(f"{name}：这是一个文件夹，不是文件。请指定报告文件，例如 {path}/报告.docx。")
    if not os.path.lexists(path):
        raise DrafterError(f"{name}：找不到这个文件。请检查文件名和路径是否正确。")
    if is_special(path):
        raise DrafterError(f"{name}：{NOT_A_FILE}")
    return read_bytes(path, name, MAX_DOCX_BYTES, lambda size: _too_big(name, size, MAX_DOCX_BYTES, word=True))


def _too_big(name: str, size: int, limit: int, word: bool) -> str:
    if word:
        return (f"{name}：文件有 {size / 1048576:.0f} MB，超过上限 {limit // 1048576} MB。"
                "请删除文中的大图片后另存为 .docx 再检查。")
    return (f"{name}：文件大小 {size / 1048576:.1f} MB，超过上限 {limit / 1048576:.0f} MB。"
            "年度报告正文通常不超过 1 MB，请确认选对了文件。")


def _parse(data: bytes, name: str, extension: str) -> Loaded:
    if not data:
        raise DrafterError(f"{name}：文件是空的（0 字节）。请确认选对了文件，或文件已保存完整。")
    found = sniff.magic(data[:8])
    if found == "zip":
        return Loaded(_word(data, name), data)
    if found in sniff.CONVERTIBLE:
        return _converted(data, name, extension, found)
    if found is not None:
        said = sniff.REFUSED.get(f".{found}") or f"这其实是{sniff.MAGIC_NAMES[found]}文件，不是报告正文。{sniff.SUPPORTED}"
        raise DrafterError(f"{name}：{said}")
    if extension in sniff.WORD_EXTENSIONS:
        raise DrafterError(f"{name}：文件已损坏或不是 Word 文档（.docx 文件应是 zip 格式）。" + sniff.SAVE_AS_DOCX)
    kind = sniff.kind_of(extension) if extension else "text"
    if kind is None:
        raise DrafterError(f"{name}：不支持的文件类型“{extension}”。{sniff.SUPPORTED}Word/WPS 文档请先另存为 .docx。")
    if len(data) > MAX_TEXT_BYTES:
        raise DrafterError(_too_big(name, len(data), MAX_TEXT_BYTES, word=False))
    from drafter.reading import text

    if kind == "markdown":
        return Loaded(text.read_markdown(data, name, MAX_PARAGRAPHS), None)
    return Loaded(text.read_text(data, name, MAX_PARAGRAPHS), None)


def _word(data: bytes, name: str) -> Document:
    from drafter.reading import wordfile

    return wordfile.read(data, name, MAX_PARAGRAPHS)


def _converted(data: bytes, name: str, extension: str, found: str) -> Loaded:
    """An old binary Word/WPS file or RTF: converted with LibreOffice, or the save-as message."""
    from drafter.reading import convert

    what = sniff.MAGIC_NAMES[found]
    misnamed = f"扩展名是 {extension}，但内容其实是{what}格式。" if extension in sniff.DOCX_EXTENSIONS else ""
    if convert.program() is None:
        refused = sniff.REFUSED.get(extension) or sniff.REFUSED[".rtf" if found == "rtf" else ".doc"]
        raise DrafterError(f"{name}：{misnamed + sniff.SAVE_AS_DOCX if misnamed else refused}")
    try:
        docx = convert.to_docx(data, sniff.CONVERTIBLE[found], MAX_DOCX_BYTES)
    except convert.ConversionFailed as exc:
        raise DrafterError(f"{name}：{misnamed or f'这是{what}格式的文件。'}{exc}") from None
    document = _word(docx, name)
    document.converted_from = what
    return Loaded(document, docx)
