"""The reviewer's requests: drafts in a sub-folder, or uploaded, checked as ``drafter check`` does.

A review is a batch (:mod:`drafter.web.batches`): started, then one request
per draft (so the page shows progress and one unreadable file does not hold
up the rest), then finished, which adds the findings that need the whole
batch. Each draft's row is the one the terminal's matrix and the workbook
show (``drafter.views.batch``: verdict, order, count of findings), so the
page never disagrees with them. The downloads (:mod:`drafter.web.reviewfiles`)
are made from the batch. Uploaded drafts are checked in memory and never
written anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from drafter import api
from drafter.errors import DrafterError
from drafter.reading.sniff import DRAFT_EXTENSIONS
from drafter.views.batch import MARKS, STATUS_WORDS, Row, rows, totals
from drafter.web import reviewfiles
from drafter.web.batches import Batch, Batches
from drafter.web.confine import Folder
from drafter.web.replies import (
    MAX_UPLOAD_BYTES,
    TooLarge,
    body_of,
    failure,
    findings_json,
    read_limited,
    too_large,
    uploaded_name,
)

DRAFT_SUFFIXES = DRAFT_EXTENSIONS  # the drafts drafter check DIR finds
SIZE_HEADER = "x-file-size"
UPLOADED = "上传的报告"


class Reviewer:
    def __init__(self, folder: Folder, standard: Any, rules: Any):
        self.folder = folder
        self.standard = standard
        self.rules = rules
        self.batches = Batches()

    def drafts(self, request: Request) -> JSONResponse:
        """The drafts in a sub-folder (and below it)."""
        sub = request.query_params.get("folder", "")
        under = self.folder.path(sub) if sub else self.folder.root
        if not under.is_dir():
            return failure(f"“{sub}”不是本文件夹中的子文件夹。", 404)
        return JSONResponse({"drafts": [self.folder.name(p) for p in self.folder.files(DRAFT_SUFFIXES, under)]})

    # ---- a batch: start, one draft at a time, finish ---------------------------------------

    async def start(self, request: Request) -> JSONResponse:
        """``{"folder": name}`` for a sub-folder's drafts (""：the whole folder), nothing for uploads."""
        body = await body_of(request)
        sub = body.get("folder")
        if sub is None:
            title = UPLOADED
        else:
            under = self.folder.path(str(sub)) if sub else self.folder.root
            title = under.name
        return JSONResponse({"batch": self.batches.start(title).id})

    async def check_file(self, request: Request) -> JSONResponse:
        name = request.query_params.get("file", "")
        path = self.folder.path(name, DRAFT_SUFFIXES)
        label = self._label(name, request.query_params.get("under"))
        return JSONResponse(await run_in_threadpool(self._checked, path, name, label, request))

    async def check_upload(self, request: Request) -> JSONResponse:
        name = uploaded_name(request) or "（未命名）"
        try:
            # The page sends only the size of a file it knows to be too large.
            size = request.headers.get(SIZE_HEADER, "")
            if size.isdigit() and int(size) > MAX_UPLOAD_BYTES:
                raise TooLarge(too_large(f"{name}：文件", MAX_UPLOAD_BYTES))
            data = await read_limited(request, MAX_UPLOAD_BYTES, f"{name}：文件")
        except TooLarge as exc:  # refused, and listed in the batch as a file that could not be checked
            self._record(request, api.Checked(name, name, error=exc.message), b"")
            raise
        return JSONResponse(await run_in_threadpool(self._checked, data, name, name, request))

    async def finish(self, request: Request) -> JSONResponse:
        batch = self.batches.get(str((await body_of(request)).get("batch", "")))
        return JSONResponse(await run_in_threadpool(self._finished, batch))

    def _checked(self, source: Path | bytes, name: str, label: str, request: Request) -> dict[str, Any]:
        """One draft checked; added to the batch named in the address, if any."""
        if request.query_params.get("batch"):
            self.batches.get(request.query_params["batch"])  # gone: said before the work is done
        try:
            entry = api.Checked(name, label, result=api.check(source, name, standard=self.standard, rules=self.rules))
        except DrafterError as exc:
            entry = api.Checked(name, label, error=exc.message)
        return {"n": self._record(request, entry, source), **row_json(rows([entry])[0])}

    def _record(self, request: Request, entry: api.Checked, source: Path | bytes) -> int | None:
        """Add ``entry`` to the batch the address names (as draft ``n``); its ``n``."""
        batch_id, n = request.query_params.get("batch"), _number(request.query_params.get("n"))
        if batch_id and n is not None:
            self.batches.add(self.batches.get(batch_id), n, entry, source)
        return n

    def _finished(self, batch: Batch) -> dict[str, Any]:
        batch.finish(self.standard, self.rules)
        entries = batch.ordered()
        places = {id(entry): n for n, entry in sorted(batch.entries.items())}
        return {"batch": batch.id, "title": batch.title, "totals": totals(entries),
                "legend": [{"mark": MARKS[s], "words": STATUS_WORDS[s]} for s in MARKS],
                "rows": [{"n": places[id(row.entry)], **row_json(row)} for row in rows(entries)]}

    # ---- downloads --------------------------------------------------------------------------

    async def summary_file(self, request: Request) -> Response:
        batch = self._finished_batch(request)
        fmt = request.query_params.get("format", "")
        return (await run_in_threadpool(reviewfiles.summary, batch, fmt, self.standard)).response()

    async def copies(self, request: Request) -> Response:
        """One draft's annotated copy (``n``), or all of the batch's in a zip."""
        batch = self._finished_batch(request)
        n = _number(request.query_params.get("n"))
        if n is not None:
            made = await run_in_threadpool(reviewfiles.one_copy, batch, n, self.standard, self.rules)
        else:
            made = await run_in_threadpool(reviewfiles.all_copies, batch, self.standard, self.rules)
        return made.response()

    def _finished_batch(self, request: Request) -> Batch:
        batch = self.batches.get(request.query_params.get("batch", ""))
        if not batch.finished:
            raise DrafterError("这批报告还没有检查完。请等一览表下方显示“已检查”后再下载。")
        return batch

    def _label(self, name: str, under: str | None) -> str:
        """The draft's name below the folder chosen (as ``check`` names it), else its name in DIR."""
        if under and name.startswith(under.rstrip("/") + "/"):
            return name[len(under.rstrip("/")) + 1:]
        return name


def row_json(row: Row) -> dict[str, Any]:
    """One draft as the page's matrix and list show it."""
    return {
        "file": row.entry.file, "label": row.label, "error": row.entry.error,
        "unit": row.unit, "year": row.year, "verdict": row.verdict, "verdict_words": row.verdict_words,
        "note": row.note, "counted": row.counted,
        "levels": {level: row.count(level) for level in ("error", "warning", "info")},
        "cells": [{"part": c.part, "status": c.status, "mark": c.mark, "words": c.words, "evidence": c.evidence,
                   "where": c.where} for c in row.cells],
        "findings": findings_json(row.findings),
    }


def _number(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdigit() and len(text) < 7 else None
