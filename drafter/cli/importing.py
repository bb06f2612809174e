"""The writer's way in from last year's report: import."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from drafter.cli.app import app
from drafter.cli.common import SchemaAlias, StandardOption, guarded, load_standard


@app.command("import")
def import_cmd(
    source: Path = typer.Argument(
        ..., metavar="FILE", help="已有的报告（.docx、.txt、.md），或 drafter init 生成并填好的 Word 表单。",
        show_default=False,
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", metavar="INPUT.yaml", help="要生成的输入文件。不写时为当前文件夹中与报告同名的 .yaml。",
        show_default=False,
    ),
    year: str | None = typer.Option(
        None, "--year", help="要写的报告年度（如 2025，写成 2025年 也可以）。比原报告的年度晚时，按新年度改写。",
        show_default=False,
    ),
    force: bool = typer.Option(False, "--force", help="输出文件已存在时覆盖。"),
    templates: Path | None = typer.Option(
        None, "--templates", metavar="DIR", help="原报告是用自定义模板生成的时，指定该模板文件夹，以便认出模板写的句子。",
        show_default=False,
    ),
    standard: Path | None = StandardOption,
    schema: Path | None = SchemaAlias,
) -> None:
    """把一份已有的报告变成填好大半的输入文件（YAML），接着用 validate、render。

    用与 drafter check 相同的方法认出各部分：单位、主送、落款和日期；主要举措按主题和条目（标题作主题，“一是……”作条目）；第一责任人履职情况；不足（认出写原因的句子时拆成问题和原因，否则原因留待填写）；下一年度安排。原文的句子照录，drafter 模板自己写的句子（引语、结束语、同比句）不会当作原文导入。

    用去年的报告起草今年的：加 --year 今年的年度。年份顺延；正文中的数据改为待填（去年的数记为上年数值 previous，生成时自动算同比）；去年的安排列在举措部分前的注释里（“去年安排：……，今年落实情况？”），安排部分留待填写。

    导入结果总能被 validate 读取（退出码 0 或 1）。已有同名文件时不覆盖，除非加 --force。

        drafter import 2024年度报告.docx -o 2024年度报告.yaml
        drafter import 2024年度报告.docx -o 2025年度报告.yaml --year 2025
    """
    from drafter import api

    std = load_standard(standard, schema)
    with guarded():
        result = api.import_report(source, year=year, standard=std, templates=templates)
        target = result.save(output, force=force)
    print(f"已生成 {target}", file=sys.stderr)
    for note in result.notes:
        print(f"  {note}", file=sys.stderr)
    print(f"下一步：打开 {target} 核对、补写【待填写】处，然后运行 drafter validate {target}", file=sys.stderr)
