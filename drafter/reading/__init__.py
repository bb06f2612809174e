"""Read a draft (.docx, .txt, .md) into the shared Document model.

Every failure is a DrafterError naming the file and what to do, because the
people who run ``drafter check`` receive files from others and cannot debug
them. Sizes are checked before anything is read, so memory stays bounded.
"""

from __future__ import annotations

from pathlib import Path

from drafter.document import markdown
from drafter.document import Document
from drafter.errors import DrafterError
from drafter.files.textcodec import read_text

MAX_TEXT_BYTES = 16 * 1024 * 1024  # a long annual report is about 100 KB of text
MAX_DOCX_BYTES = 100 * 1024 * 1024
MAX_PARAGRAPHS = 20000  # a 100-page report has about 1 000; bounds the checking time

_SAVE_AS_DOCX = "请用 Word 或 WPS 打开，点“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再检查新文件。"
_SUPPORTED = "drafter check 能检查 .docx、.txt 和 .md 文件。"

# Formats people send that drafter cannot read, and what to do about each.
_REFUSED = {
    ".doc": "这是旧版 Word 格式（.doc），drafter 读不了。" + _SAVE_AS_DOCX,
    ".wps": "这是 WPS 文字的专有格式（.wps），drafter 读不了。" + _SAVE_AS_DOCX,
    ".wpt": "这是 WPS 模板（.wpt），不是报告正文。" + _SAVE_AS_DOCX,
    ".dot": "这是 Word 模板（.dot），不是报告正文。" + _SAVE_AS_DOCX,
    ".dotx": "这是 Word 模板（.dotx），不是报告正文。" + _SAVE_AS_DOCX,
    ".docm": "这是含宏的 Word 文档（.docm）。" + _SAVE_AS_DOCX,
    ".rtf": "这是 RTF 格式，drafter 读不了。" + _SAVE_AS_DOCX,
    ".odt": "这是 OpenDocument 格式（.odt），drafter 读不了。" + _SAVE_AS_DOCX,
    ".pdf": (
        "PDF 无法可靠地还原段落和标题，drafter 不读 PDF。请找到原始的 Word/WPS 文件另存为 .docx，"
        "或把正文复制到记事本，保存为 .txt 后再检查。"
    ),
}

# What a file's first bytes say it really is, whatever its extension claims.
_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # .doc, .wps, .xls (OLE2 compound file)
    (b"%PDF", "pdf"),
    (b"{\\rtf", "rtf"),
)


def read(path: Path) -> Document:
    """The file as a Document; DrafterError (exit 2) when it cannot be used."""
    path = Path(path)
    ext = path.suffix.lower()
    size = _size(path)
    if ext in _REFUSED:
        raise DrafterError(f"{path}：{_REFUSED[ext]}")
    if ext not in (".docx", ".txt", ".text", ".md", ".markdown"):
        shown = f"“{ext}”" if ext else "（没有扩展名）"
        raise DrafterError(f"{path}：不支持的文件类型{shown}。{_SUPPORTED}Word/WPS 文档请先另存为 .docx。")
    if size == 0:
        raise DrafterError(f"{path}：文件是空的（0 字节）。请确认选对了文件，或文件已保存完整。")
    kind = _sniff(path)
    if ext == ".docx":
        document = _read_docx(path, size, kind)
    else:
        document = _read_text(path, kind, markdown_dialect=ext in (".md", ".markdown"))
    if not any(block.text.strip() for block in document.blocks):
        raise DrafterError(f"{path}：文件中没有文字内容。请确认选对了文件。")
    if len(document.blocks) > MAX_PARAGRAPHS:
        raise DrafterError(
            f"{path}：文件有 {len(document.blocks)} 段，超过上限 {MAX_PARAGRAPHS} 段。"
            "一份年度报告通常只有几百段，请确认选对了文件。"
        )
    return document


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            raise DrafterError(f"{path}：这是一个文件夹，不是文件。请指定报告文件，例如 {path}/报告.docx。")
        return path.stat().st_size
    except FileNotFoundError:
        raise DrafterError(f"{path}：找不到这个文件。请检查文件名和路径是否正确。") from None
    except OSError as exc:
        raise DrafterError(f"{path}：无法读取文件（{exc.strerror or exc}）。请确认文件有读取权限。") from None


def _sniff(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise DrafterError(f"{path}：无法读取文件（{exc.strerror or exc}）。请确认文件有读取权限。") from None
    return next((kind for magic, kind in _MAGIC if head.startswith(magic)), None)


def _read_text(path: Path, kind: str | None, markdown_dialect: bool) -> Document:
    if kind == "zip":
        raise DrafterError(f"{path}：这其实是 Word（.docx）或其他压缩格式的文件，不是纯文本。请把扩展名改回 .docx 再检查。")
    if kind in ("ole", "pdf", "rtf"):
        real = {"ole": ".doc/.wps", "pdf": ".pdf", "rtf": ".rtf"}[kind]
        raise DrafterError(f"{path}：这其实是 {real} 文件，不是纯文本。" + _SAVE_AS_DOCX)
    text, _encoding = read_text(path, MAX_TEXT_BYTES)
    if markdown_dialect:
        return markdown.parse(text, source=str(path))
    document = Document(source=str(path))
    for line in text.splitlines():
        if line.strip():
            document.add("paragraph", line.strip())
    return document


def _read_docx(path: Path, size: int, kind: str | None) -> Document:
    if kind == "ole":
        raise DrafterError(f"{path}：扩展名是 .docx，但内容其实是旧版 .doc 或 .wps 格式。" + _SAVE_AS_DOCX)
    if kind != "zip":
        raise DrafterError(f"{path}：文件已损坏或不是 Word 文档（.docx 文件应是 zip 格式）。" + _SAVE_AS_DOCX)
    if size > MAX_DOCX_BYTES:
        raise DrafterError(
            f"{path}：文件有 {size / 1048576:.0f} MB，超过上限 {MAX_DOCX_BYTES // 1048576} MB。"
            "请删除文中的大图片后另存为 .docx 再检查。"
        )
    from drafter.reading import wordfile as docxread
    from drafter.reading import zipguard

    zipguard.check(path)
    return docxread.read(path)
