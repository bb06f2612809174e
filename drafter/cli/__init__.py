"""The ``drafter`` command line.

Each command is a thin shell: parse options, call one module, print, pick the
exit code. Heavy libraries (pydantic, python-docx, jinja2) are imported inside
commands so that ``drafter --help`` stays fast.

Exit codes, for every command: 0 success/complete, 1 completeness problems,
2 unusable input (the message says which file, where, and what to do).
"""

from __future__ import annotations

import os
import re
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


def _choice(option: str, value: str, allowed: tuple[str, ...]) -> None:
    """Refuse an option value outside ``allowed`` (exit 2, before any work)."""
    if value not in allowed:
        _err(f"{option} 只能是 {' 或 '.join(allowed)}，而不是“{value}”。")
        raise typer.Exit(2)


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
    from drafter.drafting import scaffold
    from drafter import standard

    with guarded():
        std = standard.load_standard(schema)
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

    from drafter.drafting import completeness
    from drafter.drafting import input as model
    from drafter import standard
    from drafter.views import validate as validate_view

    _choice("--format", fmt, ("table", "json"))
    with guarded():
        std = standard.load_standard(schema)
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

    from drafter.drafting import input as model
    from drafter.files.output import write_atomic

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

    必需部分：主要举措和成效、第一责任人职责情况、不足和原因、下一年度安排（“其他”可不写）。

    每部分给出状态（已找到/不完整/缺失）、依据（标题原文或段落开头）和位置（第几段）。

    顺序不合规定、不足没写原因、文件不像法治政府建设报告时给出提醒。

    .txt 可以是 UTF-8、GBK/GB18030 或带 BOM 的 UTF-16；.doc、.wps、.pdf 请先另存为 .docx。

    退出码：0 必需部分齐全；1 有部分缺失或不完整；2 有文件无法读取（其余照常检查）。

    示例：drafter check 万州区公安局2024年报告.docx
    """
    from rich.console import Console

    from drafter.views import check as checkview
    from drafter import reading as readers
    from drafter import standard
    from drafter.errors import DrafterError
    from drafter.checking.recognize import recognize

    _choice("--format", fmt, ("table", "json"))
    console = Console(highlight=False)
    results, unreadable = [], 0
    with guarded():
        std = standard.load_standard(schema)
        for path in files:
            try:
                result = recognize(readers.read(path), std)
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

# click's usage errors, said in Chinese. The pattern's groups fill the message.
_USAGE_MESSAGES = (
    (r"Missing argument '([^']+)'", "缺少参数 {0}。"),
    (r"Missing option '([^']+)'", "缺少选项 {0}。"),
    (r"No such option: (\S+)", "没有这个选项：{0}。"),
    (r"No such command '([^']+)'", "没有这个命令：{0}。可用的命令见 drafter --help。"),
    (r"Got unexpected extra arguments? \(([^)]*)\)", "多出了参数：{0}。"),
    (r"Option '([^']+)' requires an argument", "选项 {0} 后面需要跟一个值。"),
    (r"Invalid value for '([^']+)': (.*)", "参数 {0} 的值不对（{1}）。"),
)


def _usage_message(message: str) -> str:
    for pattern, chinese in _USAGE_MESSAGES:
        found = re.search(pattern, message)
        if found:
            return chinese.format(*found.groups())
    return f"命令用法有误（{message}）。"


@app.command("render")
def render_cmd(
    input_file: Path = typer.Argument(..., metavar="INPUT", help="填好的输入文件（YAML）。", show_default=False),
    output: Optional[Path] = typer.Option(
        None, "-o", "--output", metavar="OUT",
        help="输出文件名。不写时在当前文件夹生成“单位+年度+法治政府建设年度报告”；写 - 表示输出到屏幕（仅 --format md）。",
        show_default=False,
    ),
    fmt: str = typer.Option("docx", "--format", help="输出格式：docx（Word 文稿）或 md（Markdown 文字，便于快速查看）。"),
    allow_incomplete: bool = typer.Option(
        False, "--allow-incomplete", help="输入不完整时也生成草稿，缺项处写上突出显示的【待补充：…】标记。"
    ),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖。"),
    templates: Optional[Path] = typer.Option(
        None, "--templates", metavar="DIR",
        help="使用自定义模板文件夹（由 drafter templates export 导出后修改）；其中没有的文件仍用内置模板。",
        show_default=False,
    ),
    fonts: str = typer.Option(
        "gov", "--fonts",
        help="字体方案：gov 用仿宋_GB2312 等公文字体，并登记 Windows 字体作替代；windows 直接用仿宋、楷体等 Windows 自带字体。",
    ),
    schema: Optional[Path] = SchemaOption,
) -> None:
    """按 GB/T 9704-2012《党政机关公文格式》生成 Word 文稿。

    先做与 drafter validate 相同的检查：输入不完整时列出缺项、不生成文件（退出码 1）；加 --allow-incomplete 则照样生成草稿，缺项处留下突出显示的【待补充：…】标记，定稿前逐一补齐。

    文字由模板生成（标题、开头、各部分、署名和日期），版式按样式表排版：A4 纸，3号仿宋正文，每页 22 行、每行 28 字，页码“— 1 —”单页居右、双页居左；标题是 Word 的标题样式，导航窗格可看到提纲。

    同一输入文件每次生成的文稿完全相同。不会覆盖已有文件（除非加 --force），也不会改动输入文件。

        drafter render 隆化县公安局2024.yaml
        drafter render 隆化县公安局2024.yaml -o 报告草稿.docx --allow-incomplete
        drafter render 隆化县公安局2024.yaml --format md -o -
    """
    from drafter.drafting import completeness
    from drafter.drafting import input as model
    from drafter.drafting import render
    from drafter import standard
    from drafter.files.output import write_atomic

    _choice("--format", fmt, ("docx", "md"))
    _choice("--fonts", fonts, ("gov", "windows"))
    if output == Path("-") and fmt != "md":
        _err("Word 文稿不能输出到屏幕。请用 -o 指定文件名，或加 --format md 输出文字。")
        raise typer.Exit(2)
    with guarded():
        std = standard.load_standard(schema)
        report, located = model.load(input_file)
        findings = completeness.check(report, std, located)
    errors = [f for f in findings if f.severity == "error"]
    if errors and not allow_incomplete:
        _err(f"{input_file}：输入不完整，有 {len(errors)} 处缺项，未生成文稿。请逐条补全：")
        for finding in errors:
            print(f"  {finding.location}  {finding.message}", file=sys.stderr)
        print("补全后重新运行；如需先生成一份草稿，加 --allow-incomplete，缺项处会留下【待补充】标记。", file=sys.stderr)
        raise typer.Exit(1)
    with guarded():
        data = render.draft(report, std, fmt, templates, fonts)
        if output == Path("-"):
            sys.stdout.write(data.decode("utf-8"))
            return
        target = output or render.default_output(report, fmt, templates)
        write_atomic(target, data, force=force, inputs=(input_file,))
    if errors:
        print(f"已生成草稿 {target}（不完整：{len(errors)} 处缺项，文中已用突出显示的标记标出）。", file=sys.stderr)
    else:
        print(f"已生成 {target}", file=sys.stderr)
    warnings = len(findings) - len(errors)
    if warnings:
        print(f"另有 {warnings} 处提醒，运行 drafter validate {input_file} 查看。", file=sys.stderr)


templates_app = typer.Typer(
    help="管理报告模板：导出内置模板，供单位修改措辞和版式。",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(templates_app, name="templates")


@templates_app.command("export")
def templates_export_cmd(
    directory: Path = typer.Argument(..., metavar="DIR", help="导出到这个文件夹（不存在时自动建立）。", show_default=False),
    force: bool = typer.Option(False, "--force", help="文件夹中已有同名文件时覆盖。"),
) -> None:
    """把内置模板复制到 DIR，供单位修改后使用。

    导出的内容：report.md.j2（报告正文的措辞和结构）、parts/ 与 macros.md.j2（各部分的写法）、filename.txt.j2（默认文件名）、styles/gbt9704.yaml（版式：页边距、字体、字号、页码）。修改后生成文稿时指定该文件夹：

        drafter templates export 我局模板
        drafter render 输入.yaml --templates 我局模板

    DIR 中已有同名文件时不覆盖任何文件，除非加 --force。
    """
    from drafter.drafting import templates_export

    with guarded():
        written = templates_export.export(directory, force=force)
    print(f"已导出 {len(written)} 个模板文件到 {directory}。修改后用 drafter render INPUT --templates {directory} 生成文稿。",
          file=sys.stderr)


def main() -> None:
    """Console entry point: command-line usage errors in Chinese, exit code 2."""
    try:
        code = app(prog_name="drafter", standalone_mode=False)
    except Exception as exc:
        # Usage errors come from the click layer typer is built on; they are
        # recognized by shape (exit code 2 and a message), not by class, so
        # this holds whether typer vendors click or depends on it.
        if getattr(exc, "exit_code", None) != 2 or not hasattr(exc, "format_message"):
            raise
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError" and ctx is not None:
            print(ctx.get_help())
            sys.exit(0)
        name = ctx.command_path if ctx is not None else "drafter"
        _err(f"{_usage_message(exc.format_message())}运行 {name} --help 查看用法。")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
