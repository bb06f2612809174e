"""What every fuzz property asserts about an outcome, and the inputs it starts from."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import paths
from hypothesis import settings
from typer.testing import CliRunner

from drafter.cli import app
from drafter.errors import DrafterError

CJK = re.compile(r"[\u4e00-\u9fff]")
# Words of PyYAML's, pydantic's, Jinja's and Python's own messages: none may reach the user.
ENGLISH = re.compile(
    r"\b(?:expected|found|while (?:scanning|parsing)|mapping values|could not|not allowed|Traceback|"
    r"Error|Input should|Exception|object has no attribute|invalid literal|unsupported|NoneType)\b"
)


def scaled(examples: int) -> settings:
    """This many examples under the ci profile, proportionally more under the long one."""
    base = settings.get_profile("ci").max_examples
    return settings(max_examples=max(1, examples * settings.default.max_examples // base))


def assert_refusal(exc: DrafterError, file: str, lines: int | None = None) -> None:
    """A refusal as the user sees it: Chinese, naming the file, each problem located, no English."""
    text = str(exc)
    assert exc.exit_code in (1, 2), text
    assert CJK.search(exc.message), text
    assert file in exc.message or all(p.file == file for p in exc.problems), text
    assert not ENGLISH.search(text), text
    for problem in exc.problems:
        assert problem.line is not None or problem.anchor, text
        if problem.line is not None and lines is not None:
            assert 1 <= problem.line <= lines + 1, text
        assert CJK.search(problem.message), text


def run_cli(*args: object) -> tuple[int, str]:
    """``drafter ARGS`` in this process: the exit code and everything printed."""
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), output
    assert "内部错误" not in output and "Traceback" not in output, output
    return result.exit_code, output


@functools.cache
def example_texts() -> tuple[str, ...]:
    """The bundled example inputs."""
    return tuple(path.read_text(encoding="utf-8") for path in paths.EXAMPLES)


@functools.cache
def yaml_texts() -> tuple[str, ...]:
    """Every YAML text drafter reads: the example inputs, the standard, the style sheet."""
    root = paths.ROOT
    extra = [root / "schemas" / "rule_of_law_report.yaml", root / "templates" / "styles" / "gbt9704.yaml"]
    return example_texts() + tuple(p.read_text(encoding="utf-8") for p in extra)


@functools.cache
def seed_texts() -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8") for path in paths.SEEDS)


@functools.cache
def docx_bases() -> tuple[bytes, ...]:
    """Real .docx files to mutate: the examples as drafter renders them, two seeds typed into Word styles."""
    import tempfile

    import docx_fixtures

    import drafter

    found = [drafter.render(path).data for path in paths.EXAMPLES]
    with tempfile.TemporaryDirectory() as folder:
        for seed in paths.SEEDS[:2]:
            target = Path(folder) / f"{seed.stem}.docx"
            docx_fixtures.build(docx_fixtures.lines_of(seed), target, styled=True)
            found.append(target.read_bytes())
    return tuple(found)


@functools.cache
def form_bases() -> tuple[bytes, ...]:
    """Word forms as ``drafter init x.docx`` writes them (blank, for the examples' units)."""
    from drafter import standard
    from drafter.drafting.form import writer

    std = standard.load_standard()
    return tuple(writer.write(std, unit, 2025) for unit in ("澄源县公安局", "东溟市公安局"))
