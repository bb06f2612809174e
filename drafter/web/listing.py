"""The inputs in the folder as the start page lists them: YAML files and Word forms, each with its verdict.

A Word form is a .docx written by ``drafter init 报告.docx``; the other .docx
files in the folder (last year's report, the Word files the page generated)
are reports, not inputs, and are left out. What each file is and what
validate says about it are kept per file until the file changes on disk.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from drafter import api
from drafter.errors import DrafterError
from drafter.web import confine
from drafter.web.confine import Folder, Stamp
from drafter.web.inputs import FORM_SUFFIXES, INPUT_SUFFIXES


class InputList:
    def __init__(self, folder: Folder, standard: Any, rules: Any):
        self.folder = folder
        self.standard = standard
        self.rules = rules
        self._forms: dict[Path, tuple[Stamp, bool]] = {}
        self._summaries: dict[Path, tuple[Stamp, dict[str, Any]]] = {}
        self._lock = threading.Lock()

    def summaries(self) -> list[dict[str, Any]]:
        out = []
        for path in self.folder.files(INPUT_SUFFIXES + FORM_SUFFIXES):
            stamp = confine.stamp(path)
            if stamp is None or (path.suffix.lower() in FORM_SUFFIXES and not self._is_form(path, stamp)):
                continue
            out.append(self._summary(path, stamp))
        return out

    def _is_form(self, path: Path, stamp: Stamp) -> bool:
        with self._lock:
            known = self._forms.get(path)
        if known and known[0] == stamp:
            return known[1]
        try:
            form = api.is_form(path, self.folder.name(path))
        except DrafterError:  # unreadable or refused by the zip guard: not a form anyone can fill in
            form = False
        with self._lock:
            self._forms[path] = (stamp, form)
        return form

    def _summary(self, path: Path, stamp: Stamp) -> dict[str, Any]:
        with self._lock:
            known = self._summaries.get(path)
        if known and known[0] == stamp:
            return known[1]
        name = self.folder.name(path)
        kind = "form" if path.suffix.lower() in FORM_SUFFIXES else "yaml"
        try:
            validation = api.validate(path, name=name, standard=self.standard, rules=self.rules)
        except DrafterError as exc:
            summary: dict[str, Any] = {"file": name, "kind": kind, "error": exc.message}
        else:
            meta = validation.report.meta
            levels = [f.level for f in validation.findings]
            summary = {"file": name, "kind": kind, "unit": meta.unit, "year": meta.year,
                       "complete": validation.complete, "errors": levels.count("error"),
                       "warnings": levels.count("warning"), "review": len(validation.review),
                       "review_errors": sum(f.level == "error" for f in validation.review)}
        with self._lock:
            self._summaries[path] = (stamp, summary)
        return summary

