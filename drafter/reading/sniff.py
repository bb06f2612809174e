"""What a file really is, from its first bytes (its extension only where the bytes
cannot tell, i.e. plain text), and what to tell the user when drafter cannot read it."""

from __future__ import annotations

from typing import Literal

Kind = Literal["docx", "text", "markdown"]

SAVE_AS_DOCX = "请用 Word 或 WPS 打开，点“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再检查新文件。"
SUPPORTED = "drafter 能读 .docx、.txt 和 .md 文件。"

TEXT_EXTENSIONS = (".txt", ".text")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
DOCX_EXTENSIONS = (".docx",)
# What ``drafter check FOLDER`` looks at: what drafter reads, and the Word/WPS
# formats it reads when their content is really .docx or LibreOffice converts them.
DRAFT_EXTENSIONS = (*DOCX_EXTENSIONS, ".doc", ".wps", *TEXT_EXTENSIONS, *MARKDOWN_EXTENSIONS)

# Formats people send that drafter cannot read, and what to do about each.
REFUSED = {
    ".doc": "这是旧版 Word 格式（.doc），drafter 读不了。" + SAVE_AS_DOCX,
    ".wps": "这是 WPS 文字的专有格式（.wps），drafter 读不了。" + SAVE_AS_DOCX,
    ".wpt": "这是 WPS 模板（.wpt），不是报告正文。" + SAVE_AS_DOCX,
    ".dot": "这是 Word 模板（.dot），不是报告正文。" + SAVE_AS_DOCX,
    ".dotx": "这是 Word 模板（.dotx），不是报告正文。" + SAVE_AS_DOCX,
    ".docm": "这是含宏的 Word 文档（.docm）。" + SAVE_AS_DOCX,
    ".rtf": "这是 RTF 格式，drafter 读不了。" + SAVE_AS_DOCX,
    ".odt": "这是 OpenDocument 格式（.odt），drafter 读不了。" + SAVE_AS_DOCX,
    ".pdf": (
        "PDF 无法可靠地还原段落和标题，drafter 不读 PDF。请找到原始的 Word/WPS 文件另存为 .docx，"
        "或把正文复制到记事本，保存为 .txt 后再检查。"
    ),
}

# Extensions of Word-processor files: with plain bytes inside, such a file is damaged.
WORD_EXTENSIONS = (*DOCX_EXTENSIONS, ".doc", ".wps", ".wpt", ".dot", ".dotx", ".docm", ".rtf", ".odt")

# What a file's first bytes say it really is, whatever its extension claims.
_MAGIC = (
    (b"PK\x03\x04", "zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # .doc, .wps, .xls (OLE2 compound file)
    (b"%PDF", "pdf"),
    (b"{\\rtf", "rtf"),
    (b"\x89PNG", "png"),
    (b"\xff\xd8\xff", "jpeg"),
)
MAGIC_NAMES = {"ole": "旧版 .doc/.wps", "pdf": ".pdf", "rtf": ".rtf", "zip": ".docx", "png": "图片（.png）",
               "jpeg": "图片（.jpg）"}
# What LibreOffice can turn into .docx, and the extension to hand it the file under.
CONVERTIBLE = {"ole": ".doc", "rtf": ".rtf"}


def magic(head: bytes) -> str | None:
    """``zip``, ``ole``, ``pdf``, ``rtf`` or None (plain bytes) for a file's first bytes."""
    return next((kind for prefix, kind in _MAGIC if head.startswith(prefix)), None)


def kind_of(extension: str) -> Kind | None:
    """The reader an extension asks for; None when drafter does not read it."""
    extension = extension.lower()
    if extension in DOCX_EXTENSIONS:
        return "docx"
    if extension in TEXT_EXTENSIONS:
        return "text"
    if extension in MARKDOWN_EXTENSIONS:
        return "markdown"
    return None
