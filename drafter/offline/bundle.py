"""Build the offline bundle: drafter's wheel, every dependency's wheel per target, scripts, instructions.

Wheels come from ``pip download`` per platform and Python version; what pip
leaves out for a target (dependencies behind that target's markers) is found
by :mod:`drafter.offline.closure` and fetched explicitly. Each target is then
installed with ``pip install --dry-run --no-index`` from the bundle's folder
alone, so a bundle that would need the network is never written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

from packaging.requirements import Requirement

from drafter import __version__
from drafter.errors import DrafterError
from drafter.files.output import check_target
from drafter.offline import closure
from drafter.offline.targets import PLATFORMS, PYTHONS, Platform, pip_target_options

ROOT_REQUIREMENT = "drafter[web]"
FILES = Path(__file__).resolve().parent / "files"
# What goes into the zip: (file in files/, name in the bundle, encoding, line end, executable).
# The .bat files are GBK with CRLF: cmd.exe on Chinese Windows reads them in code page 936.
SCRIPTS = (
    ("install.bat", "安装.bat", "gbk", "\r\n", False),
    ("start.bat", "启动.bat", "gbk", "\r\n", False),
    ("install.sh", "install.sh", "utf-8", "\n", True),
    ("start.sh", "启动.sh", "utf-8", "\n", True),
    ("readme.txt", "使用说明.txt", "utf-8-sig", "\r\n", False),
)
_MAX_ROUNDS = 6


def bundle_name(version: str = __version__) -> str:
    return f"drafter-离线安装包-{version}"


def build(out_dir: Path, *, source: Path | None = None, wheel: Path | None = None,
          platforms: Iterable[str] = tuple(PLATFORMS), pythons: Iterable[str] = PYTHONS,
          force: bool = False, say: Callable[[str], None] = print) -> Path:
    """Write ``out_dir/drafter-离线安装包-<version>.zip`` and return its path."""
    targets = [PLATFORMS[p] for p in platforms]
    versions = list(pythons)
    zip_path = Path(out_dir) / f"{bundle_name()}.zip"
    check_target(zip_path, force)
    with tempfile.TemporaryDirectory(prefix="drafter-bundle-") as tmp:
        stage = Path(tmp) / bundle_name()
        wheels = stage / "wheels"
        wheels.mkdir(parents=True)
        own = shutil.copy(wheel or _own_wheel(source, Path(tmp)), wheels)
        for platform in targets:
            for python in versions:
                say(f"收集 {platform.name}、Python {python} 所需的安装文件……")
                _collect(wheels, Path(own), platform, python)
                _verify_offline(wheels, platform, python, Path(tmp))
        _write_scripts(stage, targets, versions)
        _zip(stage, zip_path)
    return zip_path


def _own_wheel(source: Path | None, tmp: Path) -> Path:
    source = source or _checkout()
    if source is None or not (source / "pyproject.toml").is_file():
        raise DrafterError(
            "找不到 drafter 的源代码，无法打包 drafter 本身。请在源代码文件夹中运行，或用 --source 指定源代码文件夹，"
            "或用 --wheel 指定已构建的 drafter wheel 文件。"
        )
    out = tmp / "own"
    _pip("wheel", "--no-deps", "--wheel-dir", str(out), str(source), what="构建 drafter 的 wheel")
    return next(out.glob("drafter-*.whl"))


def _checkout() -> Path | None:
    """The source tree this drafter runs from (an editable or source install), if any."""
    here = Path(__file__).resolve().parents[2]
    project = here / "pyproject.toml"
    return here if project.is_file() and 'name = "drafter"' in project.read_text(encoding="utf-8") else None


def _collect(wheels: Path, own: Path, platform: Platform, python: str) -> None:
    options = pip_target_options(platform, python)
    _pip("download", *options, "--dest", str(wheels), f"{own}[web]", what=f"下载 {platform.name} 的依赖")
    for _ in range(_MAX_ROUNDS):
        lacking = closure.missing(wheels, ROOT_REQUIREMENT, platform, python)
        if not lacking:
            return
        # Named without their markers: pip would judge those for this machine again.
        names = [_unmarked(r) for r in lacking]
        _pip("download", "--no-deps", *options, "--dest", str(wheels), *names, what=f"下载 {platform.name} 专用的依赖")
    raise DrafterError(f"{platform.name}、Python {python}：依赖始终收集不全（{'、'.join(map(str, lacking))}）。")


def _unmarked(requirement: Requirement) -> str:
    extras = f"[{','.join(sorted(requirement.extras))}]" if requirement.extras else ""
    return f"{requirement.name}{extras}{requirement.specifier}"


def _verify_offline(wheels: Path, platform: Platform, python: str, tmp: Path) -> None:
    """pip resolves the whole install from the bundle alone, as the offline machine will."""
    _pip("install", "--dry-run", "--ignore-installed", "--no-index", "--find-links", str(wheels),
         *pip_target_options(platform, python), "--target", str(tmp / "dry-run"), ROOT_REQUIREMENT,
         what=f"离线安装检验（{platform.name}、Python {python}）", offline=True)
    lacking = closure.missing(wheels, ROOT_REQUIREMENT, platform, python)
    if lacking:
        raise DrafterError(f"{platform.name}、Python {python}：安装包缺少 {'、'.join(map(str, lacking))}。")


def _pip(*args: str, what: str, offline: bool = False) -> None:
    env = dict(os.environ)
    if offline:  # only the bundle's folder: no index, no configured mirrors or extra folders
        env["PIP_CONFIG_FILE"] = os.devnull
        for name in ("PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_NO_INDEX"):
            env.pop(name, None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    run = subprocess.run([sys.executable, "-m", "pip", *args, "--quiet"], capture_output=True, text=True,
                         encoding="utf-8", errors="replace", env=env)
    if run.returncode != 0:
        detail = "\n".join(line for line in run.stderr.splitlines() if line.strip() and "WARNING: Location" not in line)
        raise DrafterError(f"{what}失败。打包需要能访问 Python 软件源（PyPI 或其镜像）。pip 的输出：\n{detail[-2000:]}")


def _write_scripts(stage: Path, targets: list[Platform], pythons: list[str]) -> None:
    values = {
        "version": __version__,
        "pythons": "、".join(pythons),
        "first": pythons[0], "last": pythons[-1],
        "platforms": "、".join(p.name for p in targets),
        "py_order": " ".join(reversed(pythons)),
        "last_tuple": pythons[-1].replace(".", ", "),
    }
    for source, name, encoding, newline, _ in SCRIPTS:
        text = (FILES / source).read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        (stage / name).write_bytes(text.replace("\n", newline).encode(encoding))


def _zip(stage: Path, target: Path) -> None:
    executable = {name for _, name, _, _, is_exec in SCRIPTS if is_exec}
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(stage.rglob("*")):
                if not path.is_file():
                    continue
                info = zipfile.ZipInfo(path.relative_to(stage.parent).as_posix(), date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (0o755 if path.name in executable else 0o644) << 16
                archive.writestr(info, path.read_bytes())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
