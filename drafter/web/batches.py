"""The reviewer's batches: the drafts checked together, kept in memory for the downloads.

The page checks a batch one draft per request (so it can show progress),
then finishes it: the findings that need the whole batch (sentences shared
by several reports) are added, as ``drafter check`` adds them. The workbook,
the HTML report and the annotated copies are made from the batch on request
and sent to the browser; nothing is written into the folder.

An uploaded draft's bytes are kept for its annotated copy, within a memory
budget shared by all batches (the oldest batches go first); a draft in the
folder is read again from there. Only the last few batches are kept.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter import api
from drafter.errors import DrafterError
from drafter.web.confine import Stamp, stamp

KEPT_BATCHES = 4
KEPT_BYTES = 256 * 1024 * 1024  # uploaded drafts' bytes across the kept batches


class BatchGone(DrafterError):
    """A batch the server no longer (or never) had."""


@dataclass
class Batch:
    id: str
    title: str  # for the downloads' names: the folder checked, or 上传的报告
    entries: dict[int, api.Checked] = field(default_factory=dict)  # by the draft's place in the batch, from 0
    sources: dict[int, Path | bytes | None] = field(default_factory=dict)  # None: an upload not kept (budget)
    # a folder draft's (mtime, size) when checked
    stamps: dict[int, Stamp | None] = field(default_factory=dict)
    finished: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def kept_bytes(self) -> int:
        return sum(len(s) for s in self.sources.values() if isinstance(s, bytes))

    def ordered(self) -> list[api.Checked]:
        return [self.entries[n] for n in sorted(self.entries)]

    def still_as_checked(self, n: int) -> bool:
        """Whether draft ``n`` is what was checked: an upload always; a folder draft while unchanged on disk."""
        source = self.sources.get(n)
        return not isinstance(source, Path) or stamp(source) == self.stamps.get(n)

    def finish(self, standard: Any, rules: Any) -> None:
        """Add the batch's cross-checked findings to each draft's (once)."""
        with self.lock:
            if self.finished:
                return
            results = [e.result for e in self.ordered() if e.result is not None]
            api.cross_check(results, rules=rules, standard=standard)
            self.finished = True


class Batches:
    def __init__(self, keep: int = KEPT_BATCHES, budget: int = KEPT_BYTES):
        self.keep = keep
        self.budget = budget
        self._batches: OrderedDict[str, Batch] = OrderedDict()
        self._lock = threading.Lock()

    def start(self, title: str) -> Batch:
        batch = Batch(secrets.token_urlsafe(12), title)
        with self._lock:
            self._batches[batch.id] = batch
            while len(self._batches) > self.keep:
                self._batches.popitem(last=False)
        return batch

    def get(self, batch_id: str) -> Batch:
        with self._lock:
            batch = self._batches.get(batch_id)
        if batch is None:
            raise BatchGone("这批报告的检查结果已不在内存中（drafter 重新启动过，或之后又检查了好几批）。请重新检查后再下载。")
        return batch

    def add(self, batch: Batch, n: int, entry: api.Checked, source: Path | bytes) -> None:
        """Draft ``n`` of ``batch`` checked; an upload's bytes kept while the budget allows."""
        stored: Path | bytes | None = source
        with self._lock:
            if isinstance(source, bytes):
                self._make_room(len(source), batch)
                kept = sum(b.kept_bytes for b in self._batches.values()) + len(source) <= self.budget
                stored = source if kept else None
            with batch.lock:
                if batch.finished:
                    raise DrafterError("这批报告已经检查完毕，不能再加入。请重新开始检查。")
                batch.entries[n] = entry
                batch.sources[n] = stored
                batch.stamps[n] = stamp(stored) if isinstance(stored, Path) else None

    def _make_room(self, size: int, current: Batch) -> None:
        """Forget the oldest other batches until ``size`` more bytes fit."""
        for old in [b for b in self._batches.values() if b is not current]:
            if sum(b.kept_bytes for b in self._batches.values()) + size <= self.budget:
                return
            del self._batches[old.id]

