"""The ``drafter`` command line.

Each command is a thin shell: parse options, call one module, print, pick the
exit code. Heavy libraries (pydantic, python-docx, jinja2) are imported inside
commands so that ``drafter --help`` stays fast.

Exit codes, for every command: 0 success/complete, 1 completeness problems,
2 unusable input (the message says which file, where, and what to do).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import typer

from drafter import __version__

app = typer.Typer(
    name="drafter",
    help=(
        "起草和检查法治政府建设年度报告。\n\n"
        "典型流程：drafter init 生成输入文件 → 填写 → drafter validate 检查完整性 → "
        "drafter render 生成 Word 文稿；收到别人写的报告时用 drafter check 检查是否缺项。"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)

SchemaOption = typer.Option(
    None, "--schema", metavar="FILE", help="使用自定义的报告标准文件（默认用内置标准）。", show_default=False
)


@contextmanager
def guarded() -> Iterator[None]:
    """Turn DrafterError into a Chinese message on stderr and exit code 2."""
    from drafter.errors import DrafterError

    try:
        yield
    except DrafterError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _err("已中断。")
        raise typer.Exit(130) from None
    except Exception as exc:  # a bug in drafter, not the user's fault
        if os.environ.get("DRAFTER_DEBUG"):
            raise
        _err(
            f"drafter 内部错误（{type(exc).__name__}：{exc}）。这不是您的操作问题；"
            "请把所用命令和输入文件发给维护人员。设置环境变量 DRAFTER_DEBUG=1 可查看详细信息。"
        )
        raise typer.Exit(3) from None


def _err(message: str) -> None:
    print(f"错误：{message}" if not message.startswith("错误") else message, file=sys.stderr)


def _version(value: bool) -> None:
    if value:
        print(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="显示版本号后退出。"
    ),
) -> None:
    """起草和检查法治政府建设年度报告。"""


@app.command("init")
def init_cmd(
    path: Path = typer.Argument(..., metavar="PATH", help="要生成的输入文件，如 2024年度报告.yaml。", show_default=False),
    unit: str = typer.Option(..., "--unit", help="报告单位全称，如“隆化县公安局”。", show_default=False),
    year: int = typer.Option(..., "--year", min=2000, max=2100, help="报告年度，如 2024。", show_default=False),
    schema: Optional[Path] = SchemaOption,
    force: bool = typer.Option(False, "--force", help="文件已存在时覆盖。"),
) -> None:
    """生成一份待填写的输入文件（YAML）。

    文件里每个需要填写的地方都标成【待填写：…】，旁边的注释说明写什么、写多少；
    同目录还会生成 drafter-input.schema.json，用 VS Code 编辑时可自动补全、标出错误。
    已有同名文件时不会覆盖，除非加 --force。

    示例：drafter init 2024年度报告.yaml --unit 隆化县公安局 --year 2024
    """
    from drafter import scaffold, standard

    with guarded():
        std = standard.load(schema)
        written = scaffold.init(path, std, unit.strip(), year, force)
    for item in written:
        print(f"已生成 {item}")
    print(f"下一步：打开 {path} 填写所有【待填写】处，然后运行 drafter validate {path}")


@app.command("validate")
def validate_cmd(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT...", help="填好的输入文件（YAML），可以一次写多个。", show_default=False),
    schema: Optional[Path] = SchemaOption,
    fmt: str = typer.Option("table", "--format", help="输出格式：table（表格，给人看）或 json（给程序用）。"),
) -> None:
    """检查输入文件是否完整：必填部分、最少条数和字数、每条不足是否写了原因、
    是否还有 init 留下的【待填写】空白、第一责任人职责要点、年份是否前后一致。

    退出码：0 完整；1 有缺项（列出每处的行号和改法）；2 文件无法使用（编码、YAML 格式或字段类型错误）。
    一次检查多个文件时取最严重的结果；--format json 对多个文件输出一个列表。
    """
    import json

    from rich.console import Console

    from drafter import completeness, model, standard, validate_view

    if fmt not in ("table", "json"):
        _err(f"--format 只能是 table 或 json，而不是“{fmt}”。")
        raise typer.Exit(2)
    with guarded():
        std = standard.load(schema)
    console = Console()
    payloads, worst = [], 0
    for path in inputs:
        try:
            with guarded():
                report, located = model.load(path)
        except typer.Exit as stop:
            worst = max(worst, stop.exit_code)
            payloads.append({"file": str(path), "complete": False, "error": "文件无法使用，见错误输出。"})
            continue
        findings = completeness.check(report, std, located)
        parts = completeness.summarize(report, std, findings)
        worst = max(worst, 0 if completeness.is_complete(findings) else 1)
        payloads.append(validate_view.payload(str(path), parts, findings))
        if fmt == "table":
            validate_view.show(console, str(path), parts, findings)
    if fmt == "json":
        print(json.dumps(payloads[0] if len(payloads) == 1 else payloads, ensure_ascii=False, indent=2))
    raise typer.Exit(worst)


@app.command("schema")
def schema_cmd(
    as_json: bool = typer.Option(True, "--json", help="输出输入文件的 JSON Schema（目前唯一的格式）。"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写入文件而不是屏幕。"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖。"),
) -> None:
    """输出输入文件的 JSON Schema，供 VS Code 等编辑器自动补全和标错。

    drafter init 生成的文件第一行已指向它；把它保存下来，编辑器就能离线使用：

        drafter schema --json -o drafter-input.schema.json
    """
    import json

    from drafter import model
    from drafter.output import write_atomic

    with guarded():
        text = json.dumps(model.json_schema(), ensure_ascii=False, indent=2) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            write_atomic(output, text, force=force)
            print(f"已写入 {output}", file=sys.stderr)


@app.command("check")
def check_cmd(
    files: list[Path] = typer.Argument(
        ..., metavar="FILE...", help="要检查的报告（.docx、.txt 或 .md），可一次给多个。", show_default=False
    ),
    schema: Optional[Path] = SchemaOption,
    fmt: str = typer.Option("table", "--format", help="输出格式：table（表格，给人看）或 json（给程序用）。"),
) -> None:
    """检查别人写好的报告是否写齐了必需的部分，并指出每部分在哪里。

    必需部分：主要举措和成效、党政主要负责人履行第一责任人职责情况、存在的不足和原因、
    下一年度主要安排（“其他需要报告的情况”可不写）。每部分给出状态（已找到/不完整/缺失）、
    依据（标题原文或段落开头）和位置（第几段）；顺序不合规定、不足没写原因、
    文件不像法治政府建设报告时给出提醒。.txt 可以是 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16；
    .doc、.wps、.pdf 请先用 Word 或 WPS 另存为 .docx。

    退出码：0 必需部分齐全；1 有部分缺失或不完整；2 有文件无法读取（其余文件照常检查）。

    示例：drafter check 万州区公安局2024年报告.docx
    """
    from rich.console import Console

    from drafter import checkview, readers, standard
    from drafter.errors import DrafterError
    from drafter.recognize import recognise

    if fmt not in ("table", "json"):
        _err(f"--format 只能是 table 或 json，而不是“{fmt}”。")
        raise typer.Exit(2)
    console = Console(highlight=False)
    results, unreadable = [], 0
    with guarded():
        std = standard.load(schema)
        for path in files:
            try:
                result = recognise(readers.read(path), std)
            except DrafterError as exc:
                _err(str(exc))
                unreadable += 1
                continue
            results.append(result)
            if fmt == "table":
                checkview.print_table(result, console)
    if fmt == "json":
        import json

        payload = [checkview.to_json(r) for r in results]
        print(json.dumps(payload if len(files) > 1 else (payload[0] if payload else None), ensure_ascii=False, indent=2))
    elif len(files) > 1:
        checkview.print_summary(results, unreadable, console)
    raise typer.Exit(2 if unreadable else 0 if all(r.complete for r in results) else 1)

def main() -> None:
    app()


if __name__ == "__main__":
    main()
