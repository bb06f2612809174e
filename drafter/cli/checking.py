"""The reviewer's command: check."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from drafter.cli.app import app
from drafter.cli.common import RulesOption, SchemaAlias, StandardOption, err, guarded, load_rules, load_standard

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from drafter.checking.review import RuleSet
    from drafter.files.gather import Item
    from drafter.standard import Standard
    from drafter.views.batch import Entry

_PROGRESS_FROM = 4  # files; fewer are done before a bar would be worth drawing


@app.command("check")
def check_cmd(
    paths: list[Path] = typer.Argument(
        ..., metavar="PATH...",
        help="要检查的报告（.docx、.txt、.md；内容其实是 .docx 的 .wps 也行），或装有报告的文件夹（含子文件夹）。",
        show_default=False,
    ),
    standard: Path | None = StandardOption,
    schema: Path | None = SchemaAlias,
    fmt: str | None = typer.Option(
        None, "--format",
        help="输出格式：table（表格，给人看，默认）、json（给程序用）、xlsx（Excel 工作簿）、csv、html（可发邮件的网页）。"
        "不写时按 -o 的扩展名决定。",
        show_default=False,
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="FILE",
        help="把结果写入文件（.xlsx、.csv、.html 或 .json）；屏幕上照常显示汇总表。", show_default=False,
    ),
    detail: bool = typer.Option(False, "--detail", help="检查多个文件时，在汇总表之后列出每个文件的详细表格。"),
    annotate: Path | None = typer.Option(
        None, "--annotate", metavar="OUT.docx",
        help="写一份带批注的副本：每条意见作为 Word 批注标在对应段落上，文首批注汇总缺少的部分。原文件不动。",
        show_default=False,
    ),
    annotate_dir: Path | None = typer.Option(
        None, "--annotate-dir", metavar="DIR",
        help="检查多个文件或文件夹时，把每份报告的批注副本写入这个文件夹（保持原来的子文件夹结构）。",
        show_default=False,
    ),
    rules: Path | None = RulesOption,
    previous: Path | None = typer.Option(
        None, "--previous", metavar="LAST",
        help="去年的报告（.docx、.txt 或 .md）：找出照搬去年的段落、去年的安排今年没有下文。",
        show_default=False,
    ),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖（从不覆盖被检查的报告）。"),
) -> None:
    """检查别人写好的报告：必需的部分是否写齐、各在哪里，以及审阅时会被退回修改的内容问题。可一次检查一整个文件夹。

    必需部分：主要举措和成效、第一责任人职责情况、不足和原因、下一年度安排（“其他”可不写）。

    一个文件：给出每部分的状态（已找到/不完整/缺失）、依据（标题原文或段落开头）和位置（第几段），以及审查意见。

    多个文件或文件夹：先显示汇总表，每个文件一行（文件名、单位、年度、各部分 ✓△✗、意见条数、结论），需要处理的排在前面；加 --detail 再逐个显示详细表格。文件夹中的隐藏文件和 Word 临时文件（~$开头）不检查。

    内容审查（规则在 schemas/rules/ 中）：领导人姓名和规范提法、错别字、法律法规名称、有时效的提法、重复的句子、开头缺年度、“今年”“截至目前”、安排的年份、每条不足的原因和写法、不足与安排的对应、第一责任人职责要点、数字前后不一致、笼统的说法、个人信息、半角标点、没填的空白、部分太短。每条意见注明位置（第几段）、级别和原文。

    一次检查多个文件时，还找出几份报告中一模一样的句子；加 --previous 去年的报告，还找出照搬去年的段落和没有下文的安排。

    -o 汇总.xlsx / .csv / .html / .json 写出可以转发的结果：工作簿含“汇总”和“审查意见”两张表；网页是一个文件，不联网也能看。

    --annotate / --annotate-dir 写出带 Word 批注的副本，可直接退回给报告单位修改。

    .txt 可以是 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16。旧版 .doc、.wps：电脑上装有 LibreOffice 时自动转换后检查，否则请先另存为 .docx。

    退出码：0 全部齐全且没有错误级意见；1 有报告缺部分、不完整或有错误级意见（提醒和参考不影响）；2 有文件无法读取，或要求写出的批注副本没能写出（其余照常检查和输出）。

    示例：drafter check 收到的报告 -o 检查结果.xlsx --annotate-dir 退回意见
    """
    from drafter import api

    with guarded():
        chosen = api.output_format(output, fmt, writes="review")
    if chosen == "xlsx" and output is None:
        _refuse("xlsx 工作簿不能显示在屏幕上。请用 -o 指定文件名，例如 -o 检查结果.xlsx。")
    if annotate is not None and annotate_dir is not None:
        _refuse("--annotate 和 --annotate-dir 只能用一个：一个文件用 --annotate，多个文件或文件夹用 --annotate-dir。")
    std = load_standard(standard, schema)
    with guarded():
        found = api.find_drafts(paths)
    single = len(paths) == 1 and not found.folders
    if annotate is not None and not single:
        _refuse("--annotate 只用于一个文件。检查多个文件或文件夹时，请用 --annotate-dir 指定存放批注副本的文件夹。")
    _say_skipped(found.skipped)
    if not found.items:
        _refuse("给出的文件夹中没有可检查的报告（.docx、.txt、.md、.doc、.wps）。")
    ruleset = load_rules(std, rules)
    with guarded():  # a bug still ends the run with exit 3; unusable files do not
        entries = list(_checked(found.items, std, ruleset, previous))
        # Sentences shared by several reports: found across the batch, added to each report's findings.
        api.cross_check([e.result for e in entries if e.result is not None], rules=ruleset, standard=std)
    _show(entries, std, chosen if output is None else "table", single, detail)
    with guarded():
        inputs = tuple(item.path for item in found.items)
        if output is not None:
            data = api.review_file(entries, chosen, std, single)  # type: ignore[arg-type]
            _wrote(api.save(output, data, force=force, inputs=inputs))
        failed: list[str] = []
        if annotate is not None or annotate_dir is not None:
            from drafter.cli import annotating

            for path in annotating.write(found.items, entries, annotate, annotate_dir, force, failed):
                _wrote(path)
    from drafter.views.batch import exit_code

    raise typer.Exit(2 if failed else exit_code(entries))  # a copy asked for and not written: as an unusable file


def _checked(items: list[Item], std: Standard, rules: RuleSet, previous: Path | None) -> Iterator[Entry]:
    """Each item checked (on every core), in order; an unreadable one said on stderr as it comes."""
    from drafter import api
    from drafter.errors import DrafterError
    from drafter.views.batch import Entry

    outcomes = api.check_many([item.path for item in items], standard=std, rules=rules, previous=previous)
    with _Progress(len(items)) as advance:
        for item, outcome in zip(items, outcomes, strict=True):
            if isinstance(outcome, DrafterError):
                err(str(outcome))
                yield Entry(str(item.path), item.label, error=str(outcome))
            else:
                yield Entry(str(item.path), item.label, result=outcome)
            advance()


class _Progress:
    """A progress bar on a terminal for more than a few files; nothing at all otherwise (rich not even loaded)."""

    def __init__(self, total: int):
        self.total = total
        self.bar: Progress | None = None

    def __enter__(self):
        if self.total < _PROGRESS_FROM or not sys.stderr.isatty():
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = self.bar = Progress(TextColumn("检查中"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                  console=Console(stderr=True), transient=True)
        bar.start()
        task = bar.add_task("check", total=self.total)
        return lambda: bar.advance(task)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _show(entries: list[Entry], std: Standard, fmt: str, single: bool, detail: bool) -> None:
    if fmt != "table":  # JSON, CSV or HTML asked for on standard output
        from drafter import api

        data = api.review_file(entries, fmt, std, single)  # type: ignore[arg-type]
        stream = getattr(sys.stdout, "buffer", None)
        if stream is not None:
            sys.stdout.flush()
            stream.write(data)
            stream.flush()
        else:
            sys.stdout.write(data.decode("utf-8-sig"))
        return
    from rich.text import Text

    from drafter.views import check as view
    from drafter.views.batch import rows, totals
    from drafter.views.matrix import print_matrix

    console = _console()
    readable = [e.result for e in entries if e.result is not None]
    if single:
        for result in readable:
            view.print_table(result, console)
        return
    ordered = rows(entries)
    print_matrix(ordered, std, console)
    if detail:
        console.print()
        for row in ordered:
            if row.entry.result is not None:
                view.print_table(row.entry.result, console)
    console.print(Text(totals(entries), style="bold"))


def _say_skipped(skipped: dict[str, int]) -> None:
    if skipped:
        kinds = "、".join(f"{suffix} {n} 个" for suffix, n in sorted(skipped.items(), key=lambda kv: -kv[1]))
        print(f"提示：文件夹中另有 {sum(skipped.values())} 个文件不是可检查的报告格式，未检查（{kinds}）。",
              file=sys.stderr)


def _wrote(path: Path) -> None:
    print(f"已写出：{path}")


def _refuse(message: str) -> None:
    err(message)
    raise typer.Exit(2)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)
