"""The web application: pages, the JSON requests behind them, the gate in front.

``create_app`` wires the writer's and the reviewer's handlers to their
addresses; every request first passes :class:`drafter.web.security.Guard`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from drafter import api
from drafter.errors import DrafterError
from drafter.web.confine import Folder
from drafter.web.importing import Importer
from drafter.web.replies import refusal
from drafter.web.reviewer import Reviewer
from drafter.web.security import Gate, Guard
from drafter.web.writer import Writer

STATIC = Path(__file__).resolve().parent / "static"
PAGES = {"/": "index.html", "/edit": "edit.html", "/review": "review.html"}


def create_app(folder: Folder, gate: Gate, standard: Any = None) -> Starlette:
    std = standard or api.load_standard()
    rules = api.load_rules(std)  # prepared once: every check the page asks for runs the content review
    writer = Writer(folder, std, rules)
    importer = Importer(folder, std)
    reviewer = Reviewer(folder, std, rules)
    routes = [
        *(Route(path, _page(name)) for path, name in PAGES.items()),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        Route("/api/form", writer.form_description),
        Route("/api/files", writer.files),
        Route("/api/create", writer.create, methods=["POST"]),
        Route("/api/input", writer.open),
        Route("/api/check-input", writer.check, methods=["POST"]),
        Route("/api/preview", writer.preview, methods=["POST"]),
        Route("/api/save", writer.save, methods=["POST"]),
        Route("/api/word", writer.word, methods=["POST"]),
        Route("/api/download", writer.download),
        Route("/api/import-upload", importer.upload, methods=["POST"]),
        Route("/api/import-file", importer.from_folder, methods=["POST"]),
        Route("/api/drafts", reviewer.drafts),
        Route("/api/review-start", reviewer.start, methods=["POST"]),
        Route("/api/review-file", reviewer.check_file, methods=["POST"]),
        Route("/api/review-upload", reviewer.check_upload, methods=["POST"]),
        Route("/api/review-finish", reviewer.finish, methods=["POST"]),
        Route("/api/review-summary", reviewer.summary_file),
        Route("/api/review-copies", reviewer.copies),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(Guard, gate=gate)],
        exception_handlers={DrafterError: _refused},
    )


def _page(name: str) -> Any:
    def page(request: Request) -> FileResponse:
        return FileResponse(STATIC / name, media_type="text/html; charset=utf-8")

    return page


async def _refused(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DrafterError)
    return refusal(exc)
