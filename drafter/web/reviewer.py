"""The reviewer's requests: drafts in a sub-folder, or uploaded, checked as ``drafter check`` does.

Uploaded drafts are checked in memory and never written anywhere. Each draft
is one request, so the page can show progress and one unreadable file does
not hold up the rest.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from drafter import api
from drafter.errors import DrafterError
from drafter.web.confine import Folder
from drafter.web.replies import MAX_UPLOAD_BYTES, failure, findings_json, read_limited

DRAFT_SUFFIXES = (".docx", ".txt", ".md")
NAME_HEADER = "x-file-name"


class Reviewer:
    def __init__(self, folder: Folder, standard: Any):
        self.folder = folder
        self.standard = standard

    def drafts(self, request: Request) -> JSONResponse:
        """The drafts in a sub-folder (and below it)."""
        sub = request.query_params.get("folder", "")
        under = self.folder.path(sub) if sub else self.folder.root
        if not under.is_dir():
            return failure(f"“{sub}”不是本文件夹中的子文件夹。", 404)
        return JSONResponse({"drafts": [self.folder.name(p) for p in self.folder.files(DRAFT_SUFFIXES, under)]})

    async def check_file(self, request: Request) -> JSONResponse:
        name = request.query_params.get("file", "")
        path = self.folder.path(name, DRAFT_SUFFIXES)
        return JSONResponse(await run_in_threadpool(self._result, path, name))

    async def check_upload(self, request: Request) -> JSONResponse:
        name = unquote(request.headers.get(NAME_HEADER, "")).replace("\\", "/").rsplit("/", 1)[-1] or "（未命名）"
        data = await read_limited(request, MAX_UPLOAD_BYTES, f"{name}：文件")
        return JSONResponse(await run_in_threadpool(self._result, data, name))

    def _result(self, source: Any, name: str) -> dict[str, Any]:
        try:
            result = api.check(source, name, standard=self.standard)
        except DrafterError as exc:
            return {"file": name, "error": exc.message, "complete": False, "parts": [], "findings": []}
        return {
            "file": name,
            "complete": result.complete,
            "year": result.year,
            "parts": [{"id": p.id, "name": p.name, "required": p.required, "status": p.status,
                       "evidence": p.evidence, "position": p.position} for p in result.parts],
            "findings": findings_json(result.findings),
        }
