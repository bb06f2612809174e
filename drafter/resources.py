"""Where the bundled data lives: inside the wheel, or at the repository top."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the bundled ``schemas`` or ``templates`` directory.

    An installed wheel carries them inside the package (see pyproject.toml);
    a source checkout keeps them beside the package.
    """
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def default_standard_path() -> Path:
    return data_dir("schemas") / "rule_of_law_report.yaml"


def templates_dir() -> Path:
    return data_dir("templates")
