"""The render pipeline: input → template text → Document → .docx (or the text itself).

Each step lives in its own module (compose, markdown, wordfile, and the 公文
furniture around the body); this one only chains them and picks the style
sheet, so the CLI stays a thin shell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from drafter.drafting import compose, furniture
from drafter.drafting.wordfile import writer as docx_writer
from drafter.document import markdown
from drafter.drafting import stylesheet
from drafter.drafting.input import Report
from drafter.errors import DrafterError
from drafter.standard import Standard
from drafter.drafting.stylesheet import FontProfile

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
    body, around = furniture.split(markdown.parse(text))
    meta = report.meta
    title = "".join(compose.title(report, std).split())
    # Dates come from the input so that rendering twice gives the same bytes.
    day = meta.date or dt.date(meta.year + 1, 1, 1)
    created = dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)
    properties = docx_writer.Properties(title=title, author=report.signer, created=created)
    data = docx_writer.write(body, sheet, std.placeholder_re, properties, fonts)
    return furniture.add(data, around, sheet, fonts)


def default_output(report: Report, fmt: Format, templates: Path | None = None) -> Path:
    """``<unit><year>年…报告.docx`` in the current folder (wording from filename.txt.j2)."""
    return Path(compose.file_stem(report, templates) + "." + fmt)


# The formats render writes, by the output file's extension.
EXTENSIONS: dict[str, Format] = {".docx": "docx", ".md": "md", ".markdown": "md"}
_OLD_WORD = (".doc", ".wps", ".dot", ".rtf", ".odt")


def output_format(output: Path | None, fmt: str | None) -> Format:
    """The format to write: ``--format`` if given, else the extension of ``-o`` (docx when neither).

    A format that disagrees with the extension, an extension drafter does not
    write (.doc, .wps …) and an output name without extension are refused.
    """
    if fmt is not None and fmt not in ("docx", "md"):
        raise DrafterError(f"--format 只能是 docx 或 md，而不是“{fmt}”。")
    if output is None:
        return fmt or "docx"  # type: ignore[return-value]
    if str(output) == "-":
        if fmt == "docx":
            raise DrafterError("Word 文稿不能输出到屏幕。请用 -o 指定文件名，或加 --format md 输出文字。")
        return "md"
    extension = output.suffix.lower()
    if extension in _OLD_WORD:
        raise DrafterError(
            f"{output}：drafter 生成的是 .docx 文稿（Word 2007 以后的格式，WPS 也能直接打开），"
            f"不能保存为“{extension}”。请把文件名改为 {output.with_suffix('.docx').name}。"
        )
    implied = EXTENSIONS.get(extension)
    if implied is None:
        shown = f"扩展名“{extension}”" if extension else "没有扩展名"
        raise DrafterError(
            f"{output}：输出文件名{shown}，不知道要生成哪种文件。"
            f"请写成 {output.stem or '报告'}.docx（Word 文稿）或 {output.stem or '报告'}.md（文字）。"
        )
    if fmt is not None and fmt != implied:
        raise DrafterError(
            f"--format {fmt} 与输出文件名“{output.name}”的扩展名不一致。"
            f"请去掉 --format（按扩展名生成 {implied}），或把文件名改为 {output.stem}.{fmt}。"
        )
    return implied
