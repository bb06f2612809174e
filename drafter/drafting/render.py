"""The render pipeline: input → template text → Document → .docx (or the text itself).

Each step lives in its own module (compose, markdown, wordfile); this one
only chains them and picks the style sheet, so the CLI stays a thin shell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from drafter.document import markdown
from drafter.drafting import compose, stylesheet
from drafter.drafting.input import Report
from drafter.drafting.stylesheet import FontProfile
from drafter.drafting.wordfile import writer as docx_writer
from drafter.errors import DrafterError
from drafter.files import formats
from drafter.standard import Standard

Format = Literal["docx", "md"]


def draft(
    report: Report,
    std: Standard,
    fmt: Format = "docx",
    templates: Path | None = None,
    fonts: FontProfile = "gov",
) -> bytes:
    """The rendered draft as file content."""
    sheet = stylesheet.load(stylesheet.path_in(templates))
    text = compose.render(report, std, templates, title_chars=sheet.title_chars)
    if fmt == "md":
        return text.encode("utf-8")
    document = markdown.parse(text)
    meta = report.meta
    title = "".join(compose.title(report, std).split())
    # Dates come from the input so that rendering twice gives the same bytes.
    day = meta.date or dt.date(meta.year + 1, 1, 1)
    created = dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)
    properties = docx_writer.Properties(title=title, author=report.signer, created=created)
    return docx_writer.write(document, sheet, std.placeholder_re, properties, fonts)


def default_output(report: Report, fmt: Format, templates: Path | None = None) -> Path:
    """``<unit><year>年…报告.docx`` in the current folder (wording from filename.txt.j2)."""
    return Path(compose.file_stem(report, templates) + "." + fmt)


# The formats render writes, by the output file's extension.
EXTENSIONS: dict[str, Format] = {".docx": "docx", ".md": "md", ".markdown": "md"}
_OLD_WORD = (".doc", ".wps", ".dot", ".rtf", ".odt")
_LABELS = {"docx": "Word 文稿", "md": "文字"}


def output_format(output: Path | None, fmt: str | None) -> Format:
    """The format to write: ``--format`` if given, else the extension of ``-o`` (docx when neither).

    The rule every command shares (drafter.files.formats), plus render's own
    cases: ``-o -`` writes the text to the screen, and the old Word names
    (.doc, .wps …) are refused with what to write instead.
    """
    if output is not None and str(output) == "-":
        if fmt == "docx":
            raise DrafterError("Word 文稿不能输出到屏幕。请用 -o 指定文件名，或加 --format md 输出文字。")
        if fmt not in (None, "docx", "md"):
            raise DrafterError(f"--format 只能是 docx 或 md，而不是“{fmt}”。")
        return "md"
    extension = output.suffix.lower() if output is not None else ""
    if output is not None and extension in _OLD_WORD:
        raise DrafterError(
            f"{output}：drafter 生成的是 .docx 文稿（Word 2007 以后的格式，WPS 也能直接打开），"
            f"不能保存为“{extension}”。请把文件名改为 {output.with_suffix('.docx').name}。"
        )
    return formats.choose(output, fmt, EXTENSIONS, _LABELS, "docx")  # type: ignore[return-value]
