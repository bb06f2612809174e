"""The reviewer's command: check."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from drafter.cli.app import app
from drafter.cli.common import RulesOption, SchemaAlias, StandardOption, choice, err, guarded, load_rules, load_standard

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
    rules: Optional[Path] = RulesOption,
    previous: Optional[Path] = typer.Option(
        None, "--previous", metavar="LAST",
        help="去年的报告（.docx、.txt 或 .md）：找出照搬去年的段落、去年的安排今年没有下文。",
        show_default=False,
    ),
) -> None:
    """检查别人写好的报告：必需的部分是否写齐、各在哪里，以及审阅时会被退回修改的内容问题。

    必需部分：主要举措和成效、第一责任人职责情况、不足和原因、下一年度安排（“其他”可不写）。每部分给出状态（已找到/不完整/缺失）、依据（标题原文或段落开头）和位置（第几段）。

    内容审查（规则在 schemas/rules/ 中）：领导人姓名和规范提法、错别字、法律法规名称、有时效的提法、重复的句子、开头缺年度、“今年”“截至目前”、安排的年份、每条不足的原因和写法、不足与安排的对应、第一责任人职责要点、数字前后不一致、笼统的说法、个人信息、半角标点、没填的空白、部分太短。每条意见注明位置（第几段）、级别和原文。

    一次检查多个文件时，还找出几份报告中一模一样的句子；加 --previous 去年的报告，还找出照搬去年的段落和没有下文的安排。

    .txt 可以是 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16；.doc、.wps、.pdf 请先另存为 .docx。

    退出码：0 必需部分齐全且没有错误级的审查意见；1 有部分缺失或不完整，或有错误级的审查意见（提醒和参考不影响）；2 有文件无法读取（其余照常检查）。

    示例：drafter check 青岚区公安局2025年报告.docx --previous 青岚区公安局2024年报告.docx
    """
    from drafter import api
    from drafter.errors import DrafterError
    from drafter.views import check as view

    choice("--format", fmt, ("table", "json"))
    console = _console() if fmt == "table" else None
    std = load_standard(standard, schema)
    ruleset = load_rules(std, rules)
    outcomes: list = []  # each file's CheckResult, or the DrafterError saying why it cannot be read
    with guarded():  # a bug still ends the run with exit 3; unusable files do not
        # Several files are checked on every core, each result shown in the files' order.
        for path, outcome in zip(files, api.check_many(files, standard=std, rules=ruleset, previous=previous)):
            outcomes.append(outcome)
            if isinstance(outcome, DrafterError):
                err(str(outcome))
            elif console is not None:
                view.print_table(outcome, console)
        results = [o for o in outcomes if not isinstance(o, DrafterError)]
        shared = api.cross_check(results, rules=ruleset, standard=std)  # sentences shared across the batch
    unreadable = len(outcomes) - len(results)
    if console is None:
        import json

        payload = [view.error_json(str(path), str(o)) if isinstance(o, DrafterError) else view.to_json(o)
                   for path, o in zip(files, outcomes)]
        print(json.dumps(payload if len(files) > 1 else payload[0], ensure_ascii=False, indent=2))
    elif len(files) > 1:
        view.print_batch_findings([(r.file, found) for r, found in zip(results, shared)], console)
        view.print_summary(results, unreadable, console)
    flawless = all(r.complete and not any(f.level == "error" for f in r.findings) for r in results)
    raise typer.Exit(2 if unreadable else 0 if flawless else 1)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)
