"""Inputs written for an older format version keep loading: they are brought up to date, with a notice.

``meta.version`` says which format an input was written for; none means
version 1 (before the version existed). Each step changes the parsed data in
place and says what it did, so the officer can update the file and see the
notice go away. Notices are info-level findings: they never make an input
incomplete.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.drafting import values
from drafter.errors import DrafterError
from drafter.findings import Finding
from drafter.standard import Standard
from drafter.yamlio import Loc, Located, format_loc

RULE = "input.migrated"


def version_of(data: Any) -> int | None:
    """The input's format version as written (None when absent or not a number)."""
    meta = data.get("meta") if isinstance(data, dict) else None
    raw = meta.get("version") if isinstance(meta, dict) else None
    if raw is None:
        return None
    try:
        return int(str(raw).strip())
    except ValueError:
        return None  # the model reports it


def migrate(located: Located, std: Standard | None = None) -> list[Finding]:
    """Bring ``located.data`` to the current format; the notices say what changed."""
    from drafter.drafting.input import FORMAT_VERSION
    from drafter.standard import load_standard

    version = version_of(located.data) or 1
    if version > FORMAT_VERSION:
        line, _ = located.position(("meta", "version"))
        raise DrafterError(
            f"{located.file}：输入文件的格式版本是 {version}（第{line}行），比本程序支持的 {FORMAT_VERSION} 新。"
            f"请升级 drafter，或把 version 改为 {FORMAT_VERSION} 并删去新版本才有的内容。"
        )
    notices: list[Finding] = []
    if version < 2:
        notices += _to_2(located, std or load_standard())
    return notices


def _notice(located: Located, loc: Loc, message: str) -> Finding:
    line, col = located.position(loc)
    return Finding(RULE, "info", message, file=located.file, line=line, col=col, path=format_loc(loc))


def _to_2(located: Located, std: Standard) -> list[Finding]:
    """Version 2 has 抄送 (cc) and keeps paragraph breaks typed as blank lines."""
    notices = []
    meta = located.data.get("meta")
    patterns = [re.compile(p) for p in std.addressing.cc_only]
    if isinstance(meta, dict) and isinstance(meta.get("recipients"), list) and patterns:
        kept: list[Any] = []
        moved: list[Any] = []
        for name in meta["recipients"]:
            (moved if isinstance(name, str) and any(p.search(name) for p in patterns) else kept).append(name)
        if moved:
            meta["recipients"] = kept
            cc = meta.get("cc")
            meta["cc"] = (cc if isinstance(cc, list) else [cc] if cc else []) + moved
            notices.append(_notice(located, ("meta", "recipients"), (
                f"主送机关中的“{'、'.join(moved)}”已改为抄送：按省级指引，依法治办列在文末版记的抄送中，不列主送。"
                "请在文件中把它移到 meta 的 cc 下，并在 meta 中写上 version: 2，此提示即消失。"
            )))
    breaks = [(loc, n) for loc, n in _texts(located.data, ()) if n]
    if breaks:
        first = breaks[0][0]
        notices.append(_notice(located, first, (
            f"文字中空一行现在表示另起一段（共 {sum(n for _, n in breaks)} 处，第一处在这里）；"
            "旧版本会把前后两段连成一段。确认分段无误后，在 meta 中写上 version: 2，此提示即消失。"
        )))
    return notices


def _texts(value: Any, loc: Loc):
    """(place, paragraph breaks typed as one line break) for every string in the data."""
    if isinstance(value, str):
        yield loc, values.single_line_breaks(value)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, loc + (i,))
    elif isinstance(value, dict):
        for key, item in value.items():
            if key != "meta":
                yield from _texts(item, loc + (key,))
