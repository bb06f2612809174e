"""The ``drafter`` command line.

Each command is a thin shell: parse options, call one module, print, pick the
exit code. Heavy libraries (pydantic, python-docx, jinja2) are imported inside
commands so that ``drafter --help`` stays fast.

Exit codes, for every command: 0 success/complete, 1 completeness problems,
2 unusable input (the message says which file, where, and what to do).
"""

from __future__ import annotations

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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
