"""The offline bundle's command: bundle."""

from __future__ import annotations

from pathlib import Path

import typer

from drafter.cli.app import app
from drafter.cli.common import err, guarded


@app.command("bundle")
def bundle_cmd(
    output: Path = typer.Option(..., "-o", "--output", metavar="DIR", help="安装包写到这个文件夹。", show_default=False),
    platforms: list[str] | None = typer.Option(
        None, "--platform", metavar="P",
        help="只为这些平台打包：win_amd64、linux_x86_64、linux_aarch64（可写多次；默认三者都有）。", show_default=False,
    ),
    pythons: list[str] | None = typer.Option(
        None, "--python", metavar="X.Y", help="只为这些 Python 版本打包（可写多次；默认 3.10–3.13）。", show_default=False,
    ),
    source: Path | None = typer.Option(None, "--source", metavar="DIR", help="drafter 源代码文件夹（默认：当前运行的这份）。", show_default=False),
    wheel: Path | None = typer.Option(None, "--wheel", metavar="FILE", help="直接使用已构建的 drafter wheel 文件。", show_default=False),
    force: bool = typer.Option(False, "--force", help="安装包已存在时覆盖。"),
) -> None:
    """制作离线安装包，供不能上网的电脑（如公安内网）安装 drafter。

    在一台能上网的电脑上运行，生成 DIR/drafter-离线安装包-<版本>.zip，其中有 drafter 和它用到的
    全部组件（含网页组件），适用于 Windows x64、Linux x86_64、Linux aarch64 上的 Python 3.10–3.13；
    还有“安装.bat”“启动.bat”（Windows，双击即可）、install.sh、启动.sh（Linux）和“使用说明.txt”。

    打包时按每个目标平台各自的条件收集依赖（例如只有 Windows 才需要的组件），并逐一检验
    不连网（pip --no-index）也能装全，检验不过就不生成安装包。

        drafter bundle -o 安装包
        drafter bundle -o 安装包 --platform linux_aarch64 --python 3.11
    """
    try:
        import packaging  # noqa: F401
    except ImportError:
        err('drafter bundle 需要 packaging 组件：pip install packaging')
        raise typer.Exit(2) from None
    from drafter.offline import bundle
    from drafter.offline.targets import PLATFORMS, PYTHONS

    unknown = [p for p in platforms or [] if p not in PLATFORMS] + [v for v in pythons or [] if v not in PYTHONS]
    if unknown:
        err(f"不支持：{'、'.join(unknown)}。平台可选 {'、'.join(PLATFORMS)}；Python 可选 {'、'.join(PYTHONS)}。")
        raise typer.Exit(2)
    if not output.is_dir():
        err(f"{output}：文件夹不存在。请先建立它。")
        raise typer.Exit(2)
    with guarded():
        path = bundle.build(output, source=source, wheel=wheel, platforms=platforms or tuple(PLATFORMS),
                            pythons=pythons or PYTHONS, force=force, say=lambda line: print(line, flush=True))
    size = path.stat().st_size / 1048576
    print(f"已生成 {path}（{size:.0f} MB）。拷到目标电脑，解压后按“使用说明.txt”安装。")
