"""The writer's requests: list and create inputs, open, check, preview, save, make the Word file.

Each handler takes JSON and answers JSON; the work is done by drafter's API
(validate, render, init, read), as on the command line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse

from drafter import api
from drafter.errors import DrafterError
from drafter.web import figures, formmodel, preview
from drafter.web.confine import Folder
from drafter.web.inputs import INPUT_SUFFIXES, OpenInputs
from drafter.web.replies import MAX_UPLOAD_BYTES, body_of, failure, findings_json, problems_json, refusal

DOWNLOADABLE = (".docx", ".md", ".yaml", ".yml")
_BAD_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


class Writer:
    def __init__(self, folder: Folder, standard: Any):
        self.folder = folder
        self.standard = standard
        self.form = formmodel.describe(api.input_schema(standard), standard)
        self.inputs = OpenInputs(folder, self.form)
        self._listed: dict[str, tuple[tuple[int, int], dict[str, Any]]] = {}  # name → (mtime, size), summary

    # ---- the list and new files -------------------------------------------------------

    def form_description(self, request: Request) -> JSONResponse:
        return JSONResponse({"form": self.form, "limits": {"upload": MAX_UPLOAD_BYTES}, "parts": [
            {"id": p.id, "name": p.name, "required": p.required} for p in self.standard.parts]})

    def files(self, request: Request) -> JSONResponse:
        inputs = [self._summary(path) for path in self.folder.files(INPUT_SUFFIXES)]
        folders = [self.folder.name(p) if p != self.folder.root else "" for p in self.folder.folders()]
        return JSONResponse({"folder": self.folder.root.name, "inputs": inputs, "folders": folders})

    async def create(self, request: Request) -> JSONResponse:
        return await run_in_threadpool(self._create, await body_of(request))

    def _create(self, body: dict[str, Any]) -> JSONResponse:
        unit = str(body.get("unit") or "").strip()
        year = body.get("year")
        if not unit:
            return failure("请填写报告单位全称，如“澄源县公安局”。", 422)
        if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
            return failure("报告年度应是 2000 到 2100 之间的年份，如 2025。", 422)
        name = str(body.get("file") or "").strip() or _BAD_NAME.sub("_", f"{unit}{year}年度报告") + ".yaml"
        if not name.lower().endswith(INPUT_SUFFIXES):
            name += ".yaml"
        try:
            path = self.inputs.path(name)
            if path.exists():
                return failure(f"“{name}”已经存在。请直接打开它，或换一个文件名。", 409)
            api.init(path, unit, year, standard=self.standard)
        except DrafterError as exc:
            return refusal(exc)
        return JSONResponse({"file": self.folder.name(path)})

    def _summary(self, path: Path) -> dict[str, Any]:
        name = self.folder.name(path)
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        if name in self._listed and self._listed[name][0] == stamp:
            return self._listed[name][1]
        try:
            validation = api.validate(path, name=name, standard=self.standard)
        except DrafterError as exc:
            summary: dict[str, Any] = {"file": name, "error": exc.message}
        else:
            meta = validation.report.meta
            levels = [f.level for f in validation.findings]
            summary = {"file": name, "unit": meta.unit, "year": meta.year, "complete": validation.complete,
                       "errors": levels.count("error"), "warnings": levels.count("warning")}
        self._listed[name] = (stamp, summary)
        return summary

    # ---- one input --------------------------------------------------------------------

    def open(self, request: Request) -> JSONResponse:
        name = request.query_params.get("file", "")
        try:
            edited, version = self.inputs.open(name)
        except DrafterError as exc:
            return refusal(exc)
        data = formmodel.display(self.form, edited.data)
        reply = {"file": name, "version": version, "data": data, "keeps_comments": edited.keeps_comments}
        return JSONResponse({**reply, **self._checked(name, edited.text, edited.data)})

    # The async handlers only read the request; the work runs in a worker thread so
    # that a long render never holds up the page's other requests.

    async def check(self, request: Request) -> JSONResponse:
        return await run_in_threadpool(self._check, *await self._edit_of(request))

    def _check(self, name: str, version: str, data: Any) -> JSONResponse:
        try:
            text = self.inputs.revised(name, version, data)
        except DrafterError as exc:
            return refusal(exc)
        return JSONResponse(self._checked(name, text, formmodel.coerce(self.form, data)))

    async def preview(self, request: Request) -> JSONResponse:
        return await run_in_threadpool(self._preview, *await self._edit_of(request))

    def _preview(self, name: str, version: str, data: Any) -> JSONResponse:
        try:
            text = self.inputs.revised(name, version, data)
            rendered = api.render(text.encode("utf-8"), name, standard=self.standard, format="md", allow_incomplete=True)
            document = api.read(rendered.data, "预览.md")
        except DrafterError as exc:
            return refusal(exc, f"暂时无法预览：{exc.message.rstrip('：:')}。请先改正表单中标红的栏目。")
        return JSONResponse({"html": preview.to_html(document, self.standard.placeholder_re)})

    async def save(self, request: Request) -> JSONResponse:
        return await run_in_threadpool(self._save, *await self._edit_of(request))

    def _save(self, name: str, version: str, data: Any) -> JSONResponse:
        try:
            new_version, edited = self.inputs.save(name, version, data)
        except DrafterError as exc:
            return refusal(exc)
        return JSONResponse({"version": new_version, "keeps_comments": edited.keeps_comments,
                             **self._checked(name, edited.text, edited.data)})

    async def word(self, request: Request) -> JSONResponse:
        return await run_in_threadpool(self._word, await body_of(request))

    def _word(self, body: dict[str, Any]) -> JSONResponse:
        """Render the saved input to .docx beside it (the page saves first)."""
        name = str(body.get("file", ""))
        try:
            path = self.inputs.path(name)
            validation = api.validate(path, name=name, standard=self.standard)
            errors = sum(f.level == "error" for f in validation.findings)
            if errors and not body.get("allow_incomplete"):
                return JSONResponse({"incomplete": errors, "error": (
                    f"输入还不完整，有 {errors} 处缺项。仍要生成草稿吗？缺项处会留下突出显示的【待补充】标记。")}, status_code=422)
            rendered = api.render(validation, standard=self.standard, allow_incomplete=True)
            target = path.parent / Path(rendered.default_name).name
            self.folder.path(self.folder.name(target), (".docx",))
            if target.exists() and not body.get("force"):
                return JSONResponse({"exists": self.folder.name(target), "error": (
                    f"“{self.folder.name(target)}”已经存在。要用新生成的文稿覆盖它吗？")}, status_code=409)
            rendered.save(target, force=bool(body.get("force")))
        except DrafterError as exc:
            return refusal(exc)
        word_file = self.folder.name(target)
        return JSONResponse({"file": word_file, "download": "/api/download?file=" + quote(word_file),
                             "incomplete": errors})

    def download(self, request: Request) -> Any:
        name = request.query_params.get("file", "")
        try:
            path = self.folder.path(name, DOWNLOADABLE)
        except DrafterError as exc:
            return refusal(exc)
        if not path.is_file():
            return failure(f"{name}：找不到这个文件。", 404)
        return FileResponse(path, filename=path.name)

    # ---- helpers ---------------------------------------------------------------------

    async def _edit_of(self, request: Request) -> tuple[str, str, Any]:
        body = await body_of(request)
        return str(body.get("file", "")), str(body.get("version", "")), body.get("data")

    def _checked(self, name: str, text: str, data: Any) -> dict[str, Any]:
        """validate's findings for ``text``, and the 同比 of each figure in ``data``."""
        try:
            validation = api.validate(text.encode("utf-8"), name, standard=self.standard)
        except DrafterError as exc:
            return {"complete": False, "findings": problems_json(exc), "parts": [], "unusable": exc.message,
                    "changes": figures.changes(self.form, data)}
        return {
            "complete": validation.complete,
            "findings": findings_json(validation.findings),
            "parts": [{"id": p.id, "name": p.name, "required": p.required, "items": p.items, "chars": p.chars,
                       "complete": p.complete} for p in validation.parts],
            "changes": figures.changes(self.form, data),
        }
