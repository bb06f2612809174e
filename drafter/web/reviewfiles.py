"""The reviewer's downloads, made from a checked batch by the same engine as ``drafter check``.

The workbook and the HTML report are ``api.review_file``'s (as ``check -o``
writes them); an annotated copy is ``api.annotate``'s (as ``--annotate``),
named as the command names it (报告（审阅意见）.docx); all copies of a batch
come as one zip keeping each draft's place below the folder checked (as
``--annotate-dir`` lays them out). Everything is built in memory and sent
to the browser.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from starlette.responses import Response

from drafter import api
from drafter.errors import DrafterError
from drafter.web.batches import Batch, BatchGone

FORMATS = {"xlsx": ("审阅结果", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
           "html": ("审阅结果", "text/html; charset=utf-8")}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_FAILED_NOTE = "未能生成的批注副本.txt"


@dataclass
class Download:
    data: bytes
    name: str
    media_type: str

    def response(self) -> Response:
        # The name in RFC 6266 form: browsers keep the Chinese characters.
        disposition = f"attachment; filename*=utf-8''{quote(self.name)}"
        return Response(self.data, media_type=self.media_type, headers={"content-disposition": disposition})


def summary(batch: Batch, format: str, standard: Any) -> Download:
    """The batch as a workbook or an HTML report."""
    if format not in FORMATS:
        raise DrafterError(f"不支持下载“{format}”格式。可下载 Excel 工作簿（xlsx）或网页（html）。")
    stem, media = FORMATS[format]
    data = api.review_file(batch.ordered(), format, standard)  # type: ignore[arg-type]
    return Download(data, f"{stem}（{batch.title}）.{format}", media)


def one_copy(batch: Batch, n: int, standard: Any, rules: Any) -> Download:
    """One draft's annotated copy."""
    entry = batch.entries.get(n)
    if entry is None:
        raise BatchGone("这批报告中没有这一份。请重新检查后再下载。")
    if entry.result is None:
        raise DrafterError(f"{entry.label}：这份报告无法读取，没有批注副本。")
    name = api.annotated_name(PurePosixPath(entry.label).name).name
    return Download(_annotated(batch, n, standard, rules), name, DOCX_TYPE)


def all_copies(batch: Batch, standard: Any, rules: Any) -> Download:
    """Every readable draft's annotated copy in one zip; the ones that could not be made listed in a note."""
    out = io.BytesIO()
    failed: list[str] = []
    taken: set[str] = set()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in sorted(batch.entries):
            entry = batch.entries[n]
            if entry.result is None:
                failed.append(f"{entry.label}：{entry.error}")
                continue
            try:
                data = _annotated(batch, n, standard, rules)
            except DrafterError as exc:
                failed.append(f"{entry.label}：{exc.message}")
                continue
            archive.writestr(_unique(api.annotated_name(PurePosixPath(entry.label)).as_posix(), taken), data)
        if failed:
            note = "以下报告没有生成批注副本：\r\n" + "\r\n".join(failed) + "\r\n"
            archive.writestr(_FAILED_NOTE, note.encode("utf-8-sig"))  # with BOM: Notepad on older Windows
    return Download(out.getvalue(), f"批注副本（{batch.title}）.zip", "application/zip")


def _annotated(batch: Batch, n: int, standard: Any, rules: Any) -> bytes:
    entry = batch.entries[n]
    source = batch.sources.get(n)
    if source is None:
        raise DrafterError("上传的报告太多，这一份已不在内存中。请重新上传它后再下载批注副本。")
    # The findings shown (batch ones included) while the draft is as checked; else it is checked anew.
    result = entry.result if batch.still_as_checked(n) else None
    return api.annotate(source, result, name=entry.file, standard=standard, rules=rules)


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or 名（2）.docx when two drafts of the batch share it (two uploads of one name)."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        path = Path(name)
        candidate = (path.with_name(f"{path.stem}（{number}）{path.suffix}")).as_posix()
    taken.add(candidate)
    return candidate
