"""The reviewer's files: one batch of checked drafts written as JSON, a workbook, CSV or an HTML page.

Only JSON keeps the order the files were given in (programs match results to
inputs by place); the files for people list the drafts needing attention first.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

from drafter.views.batch import Entry, rows

if TYPE_CHECKING:
    from drafter.standard import Standard

OutputFormat = Literal["json", "xlsx", "csv", "html"]
# The file name extensions that ask for each format, and the formats in words ("table" is the screen's).
EXTENSIONS = {".json": "json", ".xlsx": "xlsx", ".csv": "csv", ".html": "html", ".htm": "html"}
LABELS = {"table": "屏幕上的表格", "json": "JSON", "xlsx": "Excel 工作簿", "csv": "CSV 表格", "html": "网页"}


def build(entries: list[Entry], format: OutputFormat, standard: Standard, single: bool = False) -> bytes:
    """The file's bytes; ``single``: JSON for one file given as such is one object, not a list."""
    if format == "json":
        payload = [entry_json(e) for e in entries]
        return json.dumps(payload[0] if single and len(payload) == 1 else payload,
                          ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    ordered = rows(entries)
    if format == "xlsx":
        from drafter.views import workbook

        return workbook.build(ordered, standard)
    if format == "csv":
        from drafter.views import csvfile

        return csvfile.build(ordered, standard)
    if format == "html":
        from drafter.views import htmlpage

        return htmlpage.build(ordered, standard)
    raise ValueError(f"unknown output format {format!r}")


def entry_json(entry: Entry) -> dict:
    from drafter.views.check import error_json, to_json

    if entry.result is None:
        return error_json(entry.file, entry.error or "")
    return to_json(entry.result, entry.file)
