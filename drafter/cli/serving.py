"""The page's command: serve."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli.app import app
from drafter.cli.common import err, guarded

WEB_EXTRA = 'pip install "drafter[web]"'


@app.command("serve")
def serve_cmd(
    folder: Path = typer.Argument(Path("."), metavar="[DIR]", help="要处理的文件夹（默认：当前文件夹）。网页只读写这个文件夹中的文件。"),
    port: int = typer.Option(0, "--port", min=0, max=65535, help="端口号。不写时自动选一个空闲端口。", show_default=False),
    no_browser: bool = typer.Option(False, "--no-browser", help="不自动打开浏览器（网址仍会显示在终端里）。"),
    host: str | None = typer.Option(
        None, "--host", metavar="H",
        help="监听的地址。默认只监听本机 127.0.0.1，其他电脑无法访问；指定后会给出警告。", show_default=False,
    ),
) -> None:
    """在本机打开 drafter 网页：填写报告、实时检查、预览、生成 Word，以及审阅收到的报告。

    网页只在本机运行，不连接互联网，不把任何内容发到别处；只读写 DIR 这一个文件夹。
    启动后终端里显示一个带口令（token）的网址，浏览器会自动打开它；没有这个口令的访问一律拒绝。

    写报告：列出文件夹中的输入文件，新建（单位、年度），在表单中逐项填写；缺什么、哪里不对，
    在对应的栏目旁边随写随提示；右侧预览报告全文；“保存”写回 YAML 文件（保留注释），
    “生成 Word”在输入文件旁边生成 .docx 并提供下载。

    审阅：选择几份报告（上传或选择一个子文件夹），一张表看清每份报告缺哪些部分，逐份查看问题。

    需要网页组件：pip install "drafter[web]"。按 Ctrl+C 停止。

        drafter serve 我的报告
        drafter serve --port 8765 --no-browser
    """
    try:
        import ruamel.yaml  # noqa: F401
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        err(f"drafter serve 需要网页组件，当前没有安装。请先运行：{WEB_EXTRA}")
        raise typer.Exit(2) from None
    from drafter.web.server import serve

    with guarded():
        serve(folder, host, port, not no_browser, say=lambda line: print(line, flush=True))
