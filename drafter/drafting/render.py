"""The render pipeline: input → template text → Document → .docx (or the text itself).

Each step lives in its own module (compose, markdown, wordfile); this one
only chains them and picks the style sheet, so the CLI stays a thin shell.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Literal

from drafter.drafting import compose
from drafter.drafting.wordfile import writer as docx_writer
from drafter.document import markdown
from drafter.drafting import stylesheet
from drafter.drafting.input import Report
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
