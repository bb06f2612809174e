"""The writer's commands: init, validate, render, schema, templates export."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from drafter.cli.app import Typer, app
from drafter.cli.common import RulesOption, SchemaAlias, StandardOption, choice, err, guarded, load_rules, load_standard


@app.command("init")
def init_cmd(
    path: Path = typer.Argument(
        ..., metavar="PATH", help="要生成的输入文件：.yaml（文字输入文件）或 .docx（用 Word/WPS 填写的表单）。",
        show_default=False,
    ),
    unit: str = typer.Option(..., "--unit", help="报告单位全称，如“澄源县公安局”。", show_default=False),
    year: str = typer.Option(..., "--year", help="报告年度，如 2025（写成 2025年 也可以）。", show_default=False),
    standard: Path | None = StandardOption,
    schema: Path | None = SchemaAlias,
    force: bool = typer.Option(False, "--force", help="文件已存在时覆盖。"),
) -> None:
    """生成一份待填写的输入文件：YAML 文件，或用 Word/WPS 填写的表单（文件名以 .docx 结尾时）。

    每个需要填写的地方都标成【待填写：…】（Word 表单中黄色突出显示），旁边的说明写明写什么、写多少。

    Word 表单中各部分是标题，数据填在“指标/本年数值/上年数值/单位”表格里，灰色的填写说明可留可删；填好的 .docx 可直接用于 drafter validate、render 和 import。

    生成 YAML 时同目录还会生成 drafter-input.schema.json，用 VS Code 编辑时可自动补全、标出错误。已有同名文件时不会覆盖，除非加 --force。

    示例：drafter init 2025年度报告.docx --unit 澄源县公安局 --year 2025
    """
    from drafter import api

    std = load_standard(standard, schema)
    with guarded():
        written = api.init(path, unit.strip(), year, standard=std, force=force)
    for item in written:
        print(f"已生成 {item}")
    print(f"下一步：打开 {path} 填写所有【待填写】处，然后运行 drafter validate {path}")


@app.command("validate")
def validate_cmd(
    inputs: list[Path] = typer.Argument(
        ..., metavar="INPUT...", help="填好的输入文件（YAML，或 drafter init 生成的 Word 表单 .docx），可以一次写多个。",
        show_default=False,
    ),
    standard: Path | None = StandardOption,
    schema: Path | None = SchemaAlias,
    fmt: str = typer.Option("table", "--format", help="输出格式：table（表格，给人看）或 json（给程序用）。"),
    rules: Path | None = RulesOption,
) -> None:
    """检查输入文件是否完整：必填部分、最少条数、每条不足是否写了原因、是否还有 init 留下的【待填写】空白（含没填的数值）、成文日期和开头的年份。

    字数少于指引只作提醒。每处问题说明位置：第2条不足的“原因”（第112行）；Word 表单为“第3部分第2段”。

    同时做内容审查（与 drafter check 用同一套规则）：领导人姓名和规范提法、错别字、法律法规名称、
    “今年”“截至目前”、安排的年份、第一责任人职责要点（含次数）、数字前后不一致、笼统的说法、个人信息等，
    每条注明位置。审查意见不影响“是否完整”。

    退出码：0 完整且没有错误级的审查意见；1 有缺项（列出每处的行号和改法）或有错误级的审查意见；
    2 文件无法使用（编码、YAML 格式或字段类型错误）。
    一次检查多个文件时取最严重的结果；--format json 对多个文件输出一个列表。
    """
    import json

    from rich.console import Console

    from drafter import api
    from drafter.views import validate as view

    choice("--format", fmt, ("table", "json"))
    std = load_standard(standard, schema)
    ruleset = load_rules(std, rules)
    console = Console()
    payloads, worst = [], 0
    for path in inputs:
        try:
            with guarded():
                validation = api.validate(path, standard=std, rules=ruleset)
        except typer.Exit as stop:
            worst = max(worst, stop.exit_code)
            payloads.append({"file": str(path), "complete": False, "error": "文件无法使用，见错误输出。"})
            continue
        flawed = any(f.level == "error" for f in validation.review)
        worst = max(worst, 0 if validation.complete and not flawed else 1)
        payloads.append(view.payload(validation.file, validation.parts, validation.all_findings, validation.complete))
        if fmt == "table":
            view.show(console, validation.file, validation.parts, validation.findings, validation.review)
    if fmt == "json":
        print(json.dumps(payloads[0] if len(payloads) == 1 else payloads, ensure_ascii=False, indent=2))
    raise typer.Exit(worst)


@app.command("schema")
def schema_cmd(
    as_json: bool = typer.Option(True, "--json", help="输出输入文件的 JSON Schema（目前唯一的格式）。"),
    output: Path | None = typer.Option(None, "-o", "--output", help="写入文件而不是屏幕。"),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖。"),
) -> None:
    """输出输入文件的 JSON Schema，供 VS Code 等编辑器自动补全和标错。

    drafter init 生成的文件第一行已指向它；把它保存下来，编辑器就能离线使用：

        drafter schema --json -o drafter-input.schema.json
    """
    import json

    from drafter import api

    with guarded():
        text = json.dumps(api.input_schema(), ensure_ascii=False, indent=2) + "\n"
        if output is None:
            sys.stdout.write(text)
        else:
            api.save(output, text, force=force)
            print(f"已写入 {output}", file=sys.stderr)


@app.command("render")
def render_cmd(
    input_file: Path = typer.Argument(
        ..., metavar="INPUT", help="填好的输入文件（YAML，或 drafter init 生成的 Word 表单 .docx）。", show_default=False
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="OUT",
        help="输出文件名。不写时在当前文件夹生成“单位+年度+法治政府建设年度报告”；写 - 表示输出到屏幕（仅 --format md）。",
        show_default=False,
    ),
    fmt: str | None = typer.Option(
        None, "--format",
        help="输出格式：docx（Word 文稿）或 md（Markdown 文字，便于快速查看）。不写时按 -o 的扩展名决定，没有 -o 时为 docx。",
        show_default=False,
    ),
    allow_incomplete: bool = typer.Option(
        False, "--allow-incomplete", help="输入不完整时也生成草稿，缺项处写上突出显示的【待补充：…】标记。"
    ),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖。"),
    templates: Path | None = typer.Option(
        None, "--templates", metavar="DIR",
        help="使用自定义模板文件夹（由 drafter templates export 导出后修改）；其中没有的文件仍用内置模板。",
        show_default=False,
    ),
    fonts: str = typer.Option(
        "gov", "--fonts",
        help="字体方案：gov 用仿宋_GB2312 等公文字体，并登记 Windows 字体作替代；windows 直接用仿宋、楷体等 Windows 自带字体。",
    ),
    standard: Path | None = StandardOption,
    schema: Path | None = SchemaAlias,
    rules: Path | None = RulesOption,
) -> None:
    """按 GB/T 9704-2012《党政机关公文格式》生成 Word 文稿。

    先做与 drafter validate 相同的检查：输入不完整时列出缺项、不生成文件（退出码 1）；加 --allow-incomplete 则照样生成草稿，缺项处留下突出显示的【待补充：…】标记，定稿前逐一补齐。

    文字由模板生成（标题、开头、各部分、署名和日期），版式按样式表排版：A4 纸，3号仿宋正文，每页 22 行、每行 28 字，页码“— 1 —”单页居右、双页居左；标题是 Word 的标题样式，导航窗格可看到提纲。

    同一输入文件每次生成的文稿完全相同。不会覆盖已有文件（除非加 --force），也不会改动输入文件。

    生成哪种文件由 -o 的扩展名决定（.docx 为 Word 文稿，.md 为文字）；--format 与扩展名不一致、写成 .doc 或没有扩展名时不生成，并说明怎么改。

    内容审查的意见（错别字、提法、年份、个人信息等，与 drafter validate 相同）在生成后列出，供定稿前修改，不影响生成。

        drafter render 澄源县公安局2025.yaml
        drafter render 澄源县公安局2025.yaml -o 报告草稿.docx --allow-incomplete
        drafter render 澄源县公安局2025.yaml -o 报告.md
        drafter render 澄源县公安局2025.yaml --format md -o -
    """
    from drafter import api
    from drafter.findings import LEVEL_WORDS

    choice("--fonts", fonts, ("gov", "windows"))
    with guarded():
        fmt = api.output_format(output, fmt)
    std = load_standard(standard, schema)
    # The review runs once the draft is written, when its advice is shown (an incomplete input
    # stops before); rules the user named (a unit's file, or a standard's folder) are checked first.
    ruleset = load_rules(std, rules) if rules is not None or standard is not None or schema is not None else None
    with guarded():
        validation = api.validate(input_file, standard=std, review=False)
    errors = [f for f in validation.findings if f.level == "error"]
    if errors and not allow_incomplete:
        err(f"{input_file}：输入不完整，有 {len(errors)} 处缺项，未生成文稿。请逐条补全：")
        for finding in errors:
            place = f"{finding.place}：" if finding.place else ""
            print(f"  {finding.location}  {place}{finding.message}", file=sys.stderr)
        print("补全后重新运行；如需先生成一份草稿，加 --allow-incomplete，缺项处会留下【待补充】标记。", file=sys.stderr)
        raise typer.Exit(1)
    with guarded():
        rendered = api.render(validation, standard=std, format=fmt,  # type: ignore[arg-type]
                              templates=templates, fonts=fonts, allow_incomplete=True)  # type: ignore[arg-type]
        if output == Path("-"):
            sys.stdout.write(rendered.data.decode("utf-8"))
            return
        target = rendered.save(output, force=force)
    if errors:
        print(f"已生成草稿 {target}（不完整：{len(errors)} 处缺项，文中已用突出显示的标记标出）。", file=sys.stderr)
    else:
        print(f"已生成 {target}", file=sys.stderr)
    warnings = len(validation.findings) - len(errors)
    if warnings:
        print(f"另有 {warnings} 处提醒，运行 drafter validate {input_file} 查看。", file=sys.stderr)
    ruleset = ruleset if ruleset is not None else load_rules(std, None)
    with guarded():
        advice = api.validate(validation.input, standard=std, rules=ruleset).review
    if advice:
        print(f"审查意见 {len(advice)} 条（不影响生成，请在定稿前修改）：", file=sys.stderr)
        for finding in advice:
            print(f"  {finding.location}  [{LEVEL_WORDS[finding.level]}] {finding.message}", file=sys.stderr)



templates_app = Typer(
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
    from drafter import api

    with guarded():
        written = api.export_templates(directory, force=force)
    print(f"已导出 {len(written)} 个模板文件到 {directory}。修改后用 drafter render INPUT --templates {directory} 生成文稿。",
          file=sys.stderr)
