"""Importing a report into a new input, as ``drafter import`` does: the writer's way in from last year.

The report comes as an upload or as a file in the folder: last year's report
(.docx, .txt, .md; moved forward to the year typed), or a Word form from
``drafter init`` that the writer wants to edit in the page. ``api.import_report``
reads and recognizes it; the YAML is written atomically beside the other
inputs (an upload: at the top of the folder; a file in the folder: beside
it), never over an existing file unless the writer confirmed it. The reply
carries the import's notes and the remarks it wrote beside fields, for the
editor to show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse

from drafter import api
from drafter.errors import DrafterError
from drafter.reading.sniff import DRAFT_EXTENSIONS
from drafter.web import newfiles
from drafter.web.confine import Folder
from drafter.web.inputs import FORM_SUFFIXES, INPUT_SUFFIXES
from drafter.web.replies import MAX_UPLOAD_BYTES, body_of, failure, read_limited, refusal, uploaded_name

REPORT_SUFFIXES = DRAFT_EXTENSIONS  # what drafter check reads, Word forms included


class Importer:
    def __init__(self, folder: Folder, standard: Any):
        self.folder = folder
        self.standard = standard

    async def upload(self, request: Request) -> JSONResponse:
        """The report in the body (its name in X-File-Name); year, file and force in the address."""
        name = uploaded_name(request)
        if not name.lower().endswith(REPORT_SUFFIXES):
            return failure(f"“{name or '（未命名）'}”：只能导入 {'、'.join(REPORT_SUFFIXES)} 文件。", 415)
        data = await read_limited(request, MAX_UPLOAD_BYTES, f"{name}：文件")
        asked = dict(request.query_params)
        return await run_in_threadpool(self._import, data, name, None, asked)

    async def from_folder(self, request: Request) -> JSONResponse:
        """A report or Word form in the folder: ``{"source": name, "year", "file", "force"}``."""
        asked = await body_of(request)
        name = str(asked.get("source") or "")
        path = self.folder.existing(name, REPORT_SUFFIXES)  # refused by the app's DrafterError handler
        return await run_in_threadpool(self._import, path, name, path, asked)

    def _import(self, source: Path | bytes, name: str, path: Path | None, asked: dict[str, Any]) -> JSONResponse:
        year = None
        if asked.get("year") not in (None, ""):
            year = newfiles.year_of(asked["year"])
            if year is None:
                return failure(newfiles.YEAR_MESSAGE, 422)
        force = asked.get("force") in (True, "1", "true")
        try:
            result = api.import_report(source, name, year, standard=self.standard)
            target = self._target(result, name, path, str(asked.get("file") or "").strip())
            shown = self.folder.name(target)
            if target.exists() and not force:
                return JSONResponse({"exists": shown, "error": (
                    f"“{shown}”已经存在。要用导入的内容覆盖它吗？")}, status_code=409)
            api.save(target, result.text, force=force, inputs=(path,) if path is not None else ())
        except DrafterError as exc:
            return refusal(exc)
        form = path is not None and path.suffix.lower() in FORM_SUFFIXES and api.is_form(path, name)
        return JSONResponse({"file": shown, "source": name, "form": form, "notes": result.notes,
                             "comments": result.comments})

    def _target(self, result: api.ImportResult, name: str, path: Path | None, given: str) -> Path:
        """Where the input goes: the name typed, else “unit+year年度报告.yaml” (the report's name when
        no unit was recognized) beside the source (an upload: at the top of the folder)."""
        if given:
            return self.folder.path(newfiles.as_input(given), INPUT_SUFFIXES)
        meta = result.data.get("meta") or {}
        unit, year = str(meta.get("unit") or ""), newfiles.year_of(meta.get("year"))
        if unit and year and not self.standard.placeholder_re.search(unit):
            file = newfiles.input_name(unit, year)
        else:
            file = Path(name).stem + (f"（{year}年度）" if year else "") + ".yaml"
        where = path.parent if path is not None else self.folder.root
        return self.folder.path(self.folder.name(where / file), INPUT_SUFFIXES)
