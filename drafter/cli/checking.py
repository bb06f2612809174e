"""The reviewer's command: check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from drafter.cli.app import app
from drafter.cli.common import SchemaAlias, StandardOption, choice, err, guarded, load_standard

if TYPE_CHECKING:
    from rich.console import Console


@app.command("check")
def check_cmd(
    files: list[Path] = typer.Argument(
        ..., metavar="FILE...", help="要检查的报告（.docx、.txt 或 .md），可一次给多个。", show_default=False
    ),
    standard: Optional[Path] = StandardOption,
    schema: Optional[Path] = SchemaAlias,
    fmt: str = typer.Option("table", "--format", help="输出格式：table（表格，给人看）或 json（给程序用）。"),
) -> None:
    """检查别人写好的报告是否写齐了必需的部分，并指出每部分在哪里。

    必需部分：主要举措和成效、第一责任人职责情况、不足和原因、下一年度安排（“其他”可不写）。

    每部分给出状态（已找到/不完整/缺失）、依据（标题原文或段落开头）和位置（第几段）。

    顺序不合规定、不足没写原因、文件不像法治政府建设报告时给出提醒。

    .txt 可以是 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16；.doc、.wps、.pdf 请先另存为 .docx。

    退出码：0 必需部分齐全；1 有部分缺失或不完整；2 有文件无法读取（其余照常检查）。

    示例：drafter check 青岚区公安局2025年报告.docx
    """
    from drafter import api
    from drafter.errors import DrafterError
    from drafter.views import check as view

    choice("--format", fmt, ("table", "json"))
    console = _console() if fmt == "table" else None
    std = load_standard(standard, schema)
    payload: list[dict] = []
    results, unreadable = [], 0
    with guarded():  # a bug still ends the run with exit 3; unusable files do not
        # Several files are checked on every core, each result shown in the files' order.
        for path, outcome in zip(files, api.check_many(files, standard=std)):
            if isinstance(outcome, DrafterError):
                err(str(outcome))
                unreadable += 1
                payload.append(view.error_json(str(path), str(outcome)))
                continue
            results.append(outcome)
            payload.append(view.to_json(outcome))
            if console is not None:
                view.print_table(outcome, console)
    if console is None:
        import json

        print(json.dumps(payload if len(files) > 1 else payload[0], ensure_ascii=False, indent=2))
    elif len(files) > 1:
        view.print_summary(results, unreadable, console)
    raise typer.Exit(2 if unreadable else 0 if all(r.complete for r in results) else 1)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)
