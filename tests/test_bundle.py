"""The offline bundle: built for Linux x86_64 and this Python, installed into a fresh venv with
pip's index switched off, then used: it renders the example and serves the page."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile

import pytest
from paths import EXAMPLES, ROOT

pytest.importorskip("packaging")

from drafter.offline import closure  # noqa: E402
from drafter.offline.targets import PLATFORMS  # noqa: E402

PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"


def _clean_env() -> dict[str, str]:
    """No pip settings of this machine: the install sees only the bundle."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env


@pytest.mark.slow
@pytest.mark.skipif(platform.system() != "Linux" or platform.machine() != "x86_64",
                    reason="installs the Linux x86_64 set")
def test_the_bundle_installs_offline_and_works(tmp_path, cli_process):
    run = cli_process("bundle", "-o", tmp_path, "--platform", "linux_x86_64", "--python", PYTHON, "--source", ROOT)
    assert run.exit_code == 0, run.stderr
    archive = tmp_path / "drafter-离线安装包-0.1.0.zip"
    with zipfile.ZipFile(archive) as bundle:
        names = bundle.namelist()
        top = "drafter-离线安装包-0.1.0/"
        for script in ("安装.bat", "启动.bat", "install.sh", "启动.sh", "使用说明.txt"):
            assert top + script in names
        assert "Python" in bundle.read(top + "使用说明.txt").decode("utf-8-sig")
        assert "--no-index" in bundle.read(top + "安装.bat").decode("gbk")
        bundle.extractall(tmp_path / "unpacked")
    folder = tmp_path / "unpacked" / "drafter-离线安装包-0.1.0"
    install = subprocess.run(["sh", str(folder / "install.sh")], capture_output=True, text=True,
                             env={**_clean_env(), "PYTHON": sys.executable}, timeout=600)
    assert install.returncode == 0, install.stdout + install.stderr
    drafter_exe = folder / "venv" / "bin" / "drafter"
    example = next(p for p in EXAMPLES if p.name == "county_standard.yaml")
    out = tmp_path / "报告.docx"
    rendered = subprocess.run([str(drafter_exe), "render", str(example), "-o", str(out)],
                              capture_output=True, text=True)
    assert rendered.returncode == 0, rendered.stderr
    assert zipfile.is_zipfile(out)

    served = tmp_path / "served"
    served.mkdir()
    server = subprocess.Popen([str(drafter_exe), "serve", str(served), "--no-browser"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    try:
        url = next(line for line in server.stdout if "http://" in line).split("：", 1)[1].strip()
        base = url.split("/?")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base + "/api/files", timeout=10)
        assert refused.value.code == 403
        request = urllib.request.Request(base + "/api/files", headers={"X-Drafter-Token": url.split("token=")[1]})
        deadline = time.monotonic() + 10
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert reply.status == 200 and time.monotonic() < deadline
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_windows_only_dependencies_are_found_by_the_windows_markers(tmp_path):
    """typer needs colorama on Windows only: a folder resolved on Linux lacks it, and the closure says so."""
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    made = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), "typer"],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip("pip could not fetch typer: " + made.stderr[-200:])
    lacking_win = {r.name for r in closure.missing(wheels, "typer", PLATFORMS["win_amd64"], "3.12")}
    lacking_linux = {r.name for r in closure.missing(wheels, "typer", PLATFORMS["linux_x86_64"], "3.12")}
    assert "colorama" in lacking_win and "colorama" not in lacking_linux
