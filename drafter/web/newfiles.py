"""Names and years for new inputs: a new report and an imported one are named the same way.

A new input is called after its unit and year (“澄源县公安局2025年度报告.yaml”)
unless the writer typed a name; characters Windows does not allow in file
names become “_”.
"""

from __future__ import annotations

import re
from typing import Any

from drafter.web.inputs import INPUT_SUFFIXES

_BAD_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_YEAR = re.compile(r"^\s*(\d{4})\s*年?\s*$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_MESSAGE = f"报告年度应是 {FIRST_YEAR} 到 {LAST_YEAR} 之间的年份，如 2025。"


def year_of(value: Any) -> int | None:
    """The year the writer typed (2025, "2025", "2025年"), or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        year = value
    else:
        found = _YEAR.match(str(value or ""))
        if not found:
            return None
        year = int(found.group(1))
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def input_name(unit: str, year: int) -> str:
    """The default name of a new input for ``unit`` and ``year``."""
    return _BAD_NAME.sub("_", f"{unit}{year}年度报告") + ".yaml"


def as_input(name: str) -> str:
    """A name the writer typed, as an input's name (``.yaml`` added when it has no input suffix)."""
    return name if name.lower().endswith(INPUT_SUFFIXES) else name + ".yaml"
