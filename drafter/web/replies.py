"""Request bodies in, JSON replies out: size limits and the shapes the page reads."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import JSONResponse

from drafter.errors import DrafterError, Problem
from drafter.findings import Finding

MAX_JSON_BYTES = 2 * 1024 * 1024  # an input's data as JSON; the county example is about 20 KB
MAX_UPLOAD_BYTES = 30 * 1024 * 1024  # a draft sent for review, pictures included


class TooLarge(DrafterError):
    pass


async def read_limited(request: Request, limit: int, what: str) -> bytes:
    """The request body, refused (TooLarge) past ``limit`` bytes before it is all read."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise TooLarge(too_large(what, limit))
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(too_large(what, limit))
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(what: str, limit: int) -> str:
    return f"{what}超过上限 {limit // 1048576} MB，未处理。"


async def body_of(request: Request) -> dict[str, Any]:
    """The JSON object a page request carries (DrafterError when it is not one)."""
    raw = await read_limited(request, MAX_JSON_BYTES, "提交的内容")
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        raise DrafterError("请求内容不是有效的 JSON。") from None
    if not isinstance(body, dict):
        raise DrafterError("请求内容应是一个 JSON 对象。")
    return body


NAME_HEADER = "x-file-name"  # an upload's file name, percent-encoded by the page


def uploaded_name(request: Request) -> str:
    """The uploaded file's own name, without any folders the browser sent."""
    return unquote(request.headers.get(NAME_HEADER, "")).replace("\\", "/").rsplit("/", 1)[-1]


def refusal(exc: DrafterError, message: str | None = None) -> JSONResponse:
    """A DrafterError as a reply: 403 outside the folder, 404 no such file or a batch gone,
    409 a stale save, 413 too large, else 400."""
    from drafter.web.batches import BatchGone
    from drafter.web.confine import NotInFolder, OutsideFolder
    from drafter.web.inputs import Conflict

    statuses = ((OutsideFolder, 403), (NotInFolder, 404), (BatchGone, 404), (Conflict, 409), (TooLarge, 413))
    status = next((code for kind, code in statuses if isinstance(exc, kind)), 400)
    return failure(message or exc.message, status, exc.problems)


def failure(message: str, status: int, problems: list[Problem] | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "findings": [_problem(p) for p in problems or []]}, status_code=status)


def findings_json(findings: list[Finding]) -> list[dict[str, Any]]:
    return [f.as_dict() for f in findings]


def validation_json(validation: Any) -> dict[str, Any]:
    """validate's answer as the page shows it: completeness ``findings`` (缺项 and notices) and the
    content ``review`` (审查意见) apart, each finding with the path of the field it concerns."""
    return {
        "complete": validation.complete,
        "findings": findings_json(validation.findings),
        "review": findings_json(validation.review),
        "parts": [{"id": p.id, "name": p.name, "required": p.required, "items": p.items, "chars": p.chars,
                   "complete": p.complete} for p in validation.parts],
    }


def unusable_json(exc: DrafterError) -> dict[str, Any]:
    """An input that cannot be read, in the same shape: its problems as findings."""
    return {"complete": False, "findings": problems_json(exc), "review": [], "parts": [], "unusable": exc.message}


def problems_json(exc: DrafterError) -> list[dict[str, Any]]:
    """An unusable input's problems in the findings' shape, so the page places them the same way."""
    if not exc.problems:
        return [{"rule": "input.unusable", "level": "error", "message": exc.message, "path": None, "where": "全文"}]
    return [_problem(p) for p in exc.problems]


def _problem(problem: Problem) -> dict[str, Any]:
    where = f"第{problem.line}行" if problem.line else "全文"
    return {"rule": "input.invalid", "level": "error", "message": problem.message, "path": problem.path or None,
            "line": problem.line, "col": problem.col, "where": where}
