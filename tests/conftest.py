"""Shared fixtures: the standard and two ways to run the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

import pytest
from typer.testing import CliRunner

from drafter import standard as standard_mod
from drafter.cli import app
from drafter.yamlio import loader


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session")
def std():
    return standard_mod.load_standard()


@pytest.fixture
def cli():
    """Run the CLI in-process: ``cli("validate", path)`` → Run."""
    runner = CliRunner()

    def run(*args) -> Run:
        result = runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def cli_process():
    """Run ``python -m drafter`` as a real process (to see tracebacks, if any)."""

    def run(*args, cwd=None, timeout=120, env=None) -> Run:
        proc = subprocess.run(
            [sys.executable, "-m", "drafter", *map(str, args)],
            capture_output=True, text=True, encoding="utf-8", cwd=cwd, timeout=timeout,
            env={**os.environ, **env} if env else None,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run


# Both YAML parsers drafter may run on: libyaml where PyYAML has it, the pure-Python one always.
_PARSERS = [
    pytest.param(loader.CLoader, id="libyaml", marks=pytest.mark.skipif(loader.CLoader is None, reason="no libyaml")),
    pytest.param(loader.PythonLoader, id="python"),
]


@pytest.fixture(params=_PARSERS)
def parser(request, monkeypatch):
    monkeypatch.setattr(loader, "Loader", request.param)
    return request.param
