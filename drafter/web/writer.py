"""The writer's requests: list and create inputs, open, check, preview, save, make the Word file.

Each handler takes JSON and answers JSON; the work is done by drafter's API
(validate, render, init, read), as on the command line. A Word form input is
opened read-only (its findings point at paragraphs); the page edits it once
:mod:`drafter.web.importing` has turned it into YAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse

from drafter import api
from drafter.errors import DrafterError
from drafter.web import figures, formmodel, newfiles, preview
from drafter.web.confine import Folder
from drafter.web.inputs import FORM_SUFFIXES, INPUT_SUFFIXES, OpenInputs
from drafter.web.listing import InputList
from drafter.web.replies import MAX_UPLOAD_BYTES, body_of, failure, refusal, unusable_json, validation_json

DOWNLOADABLE = (".docx", ".md", ".yaml", ".yml")
_RENDERED_ASIDE = "（文稿）"  # added to a generated file's name when it would take the Word form's own name


class Writer:
    def __init__(self, folder: Folder, standard: Any, rules: Any):
        self.folder = folder
        self.standard = standard
        self.rules = rules  # the review's rules, prepared once for the server's life
        self.form = formmodel.describe(api.input_schema(standard), standard)
        self.inputs = OpenInputs(folder, self.form)
        self.listing = InputList(folder, standard, rules)

    # ---- the list and new files -------------------------------------------------------

    def form_description(self, request: Request) -> JSONResponse:
        return JSONResponse({"form": self.form, "limits": {"upload": MAX_UPLOAD_BYTES}, "parts": [
            {"id": p.id, "name": p.name, "short": p.short or p.name, "required": p.required}
            for p in self.standard.parts]})

    async def files(self, request: Request) -> JSONResponse:
        return JSONResponse(await run_in_threadpool(self._files))

    def _files(self) -> dict[str, Any]:
        folders = [self.folder.name(p) if p != self.folder.root else "" for p in self.folder.folders()]
        return {"folder": self.folder.root.name, "inputs": self.listing.summaries(), "folders": folders}

    async def create(self, request: Request) -> JSONResponse:
        return await run_in_threadpool(self._create, await body_of(request))

    def _create(self, body: dict[str, Any]) -> JSONResponse:
        unit = str(body.get("unit") or "").strip()
        year = newfiles.year_of(body.get("year"))
        if not unit:
            return failure("请填写报告单位全称，如“澄源县公安局”。", 422)
        if year is None:
            return failure(newfiles.YEAR_MESSAGE, 422)
        name = newfiles.as_input(str(body.get("file") or "").strip() or newfiles.input_name(unit, year))
        try:
            path = self.inputs.path(name)
            if path.exists():
                return failure(f"“{name}”已经存在。请直接打开它，或换一个文件名。", 409)
            api.init(path, unit, year, standard=self.standard)
        except DrafterError as exc:
            return refusal(exc)
        return JSONResponse({"file": self.folder.name(path)})

    # ---- one input --------------------------------------------------------------------

    async def open(self, request: Request) -> JSONResponse:
        name = request.query_params.get("file", "")
        if name.lower().endswith(FORM_SUFFIXES):
            return await run_in_threadpool(self._open_form, name)
        return await run_in_threadpool(self._open, name)

    def _open(self, name: str) -> JSONResponse:
        try:
            edited, version = self.inputs.open(name)
        except DrafterError as exc:
            return refusal(exc)
        data = formmodel.display(self.form, edited.data)
        reply = {"file": name, "kind": "yaml", "version": version, "data": data,
                 "keeps_comments": edited.keeps_comments}
        return JSONResponse({**reply, **self._checked(name, edited.text, edited.data)})

    def _open_form(self, name: str) -> JSONResponse:
        """A Word form, read-only: its data in the form, its findings placed by path and named by paragraph."""
        try:
            path = self.folder.path(name, FORM_SUFFIXES)
            validation = api.validate(path, name=name, standard=self.standard, rules=self.rules)
        except DrafterError as exc:
            return refusal(exc)
        data = validation.input.located.data
        return JSONResponse({"file": name, "kind": "form", "readonly": True, "data": formmodel.display(self.form, data),
                             **validation_json(validation), "changes": figures.changes(self.form, data)})

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
            if name.lower().endswith(FORM_SUFFIXES):  # read-only: the form as it is on disk
                source: Any = self.folder.path(name, FORM_SUFFIXES)
            else:
                source = self.inputs.revised(name, version, data).encode("utf-8")
            rendered = api.render(source, name, standard=self.standard, format="md", allow_incomplete=True,
                                  rules=self.rules)
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
            path = self.folder.path(name, INPUT_SUFFIXES + FORM_SUFFIXES)
            validation = api.validate(path, name=name, standard=self.standard, rules=self.rules)
            errors = sum(f.level == "error" for f in validation.findings)
            if errors and not body.get("allow_incomplete"):
                return JSONResponse({"incomplete": errors, "error": (
                    f"输入还不完整，有 {errors} 处缺项。仍要生成草稿吗？缺项处会留下突出显示的【待补充】标记。")}, status_code=422)
            rendered = api.render(validation, standard=self.standard, allow_incomplete=True)
            target = path.parent / Path(rendered.default_name).name
            if target.name.lower() == path.name.lower():  # a Word form named as its report would be
                target = target.with_name(target.stem + _RENDERED_ASIDE + target.suffix)
            self.folder.path(self.folder.name(target), (".docx",))
            if target.exists() and not body.get("force"):
                return JSONResponse({"exists": self.folder.name(target), "error": (
                    f"“{self.folder.name(target)}”已经存在。要用新生成的文稿覆盖它吗？")}, status_code=409)
            api.save(target, rendered.data, force=bool(body.get("force")), inputs=(path,))
        except DrafterError as exc:
            return refusal(exc)
        word_file = self.folder.name(target)
        return JSONResponse({"file": word_file, "download": "/api/download?file=" + quote(word_file),
                             "incomplete": errors})

    def download(self, request: Request) -> Any:
        name = request.query_params.get("file", "")
        try:
            path = self.folder.existing(name, DOWNLOADABLE)
        except DrafterError as exc:
            return refusal(exc)
        return FileResponse(path, filename=path.name)

    # ---- helpers ---------------------------------------------------------------------

    async def _edit_of(self, request: Request) -> tuple[str, str, Any]:
        body = await body_of(request)
        return str(body.get("file", "")), str(body.get("version", "")), body.get("data")

    def _checked(self, name: str, text: str, data: Any) -> dict[str, Any]:
        """validate's findings and review for ``text`` (as ``drafter validate`` reads the saved file),
        and the 同比 of each figure in ``data``."""
        try:
            validation = api.validate(text.encode("utf-8"), name, standard=self.standard, rules=self.rules)
        except DrafterError as exc:
            return {**unusable_json(exc), "changes": figures.changes(self.form, data)}
        return {**validation_json(validation), "changes": figures.changes(self.form, data)}
