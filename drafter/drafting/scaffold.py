"""``drafter init``: write a fill-in input file for a unit and year.

The skeleton is a template (templates/init.yaml.j2); its comments come from the
standard's guidance and the input model's field descriptions, so they never
drift from what validate checks.
"""

from __future__ import annotations

import json
import textwrap
import unicodedata
from pathlib import Path

from drafter.drafting import compose, values
from drafter.drafting import input as model
from drafter.errors import DrafterError
from drafter.files.output import write_atomic
from drafter.files.source import read_bytes
from drafter.standard import Standard

SCHEMA_FILE = "drafter-input.schema.json"
_COMMENT_WIDTH = 38  # CJK characters per comment line


def skeleton(std: Standard, unit: str, year: int, file_name: str) -> str:
    env = compose.environment()
    env.filters["yaml_str"] = lambda s: json.dumps(str(s), ensure_ascii=False)
    env.filters["comment_lines"] = lambda s: textwrap.wrap(" ".join(str(s).split()), _COMMENT_WIDTH)
    template = env.get_template("init.yaml.j2")
    return template.render(
        version=model.FORMAT_VERSION,
        unit=unit,
        year=year,
        yoy_min=std.figures.yoy_min_previous,
        next_year=year + 1,
        file_name=file_name,
        schema_file=SCHEMA_FILE,
        parts=std.parts,
        orders=std.orders,
        topics=[f"{t.id}（{t.name}）" for t in std.topics],
        facts=[f.name for f in std.leadership_facts],
        blank=std.blank,
        describe=model.describe,
    )


def parse_year(year: int | str) -> int:
    """The report year from 2025 or "2025年"; DrafterError in Chinese otherwise."""
    try:
        value = values.year(year)
    except ValueError as exc:
        raise DrafterError(f"--year：{exc}") from None
    if not 2000 <= value <= 2100:
        raise DrafterError(f"--year：{value} 不像报告年度，请写 2000 到 2100 之间的年份，如 2025。")
    return value


def check_unit(unit: str) -> str:
    """The unit's name as typed on the command line, or a refusal saying what is wrong."""
    unit = unit.strip()
    if not unit:
        raise DrafterError("--unit 不能为空。请写上报告单位全称，例如 --unit 澄源县公安局。")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in unit):
        raise DrafterError("--unit 中含有换行、控制字符或无法识别的字符。单位名称应写在一行里，例如 --unit 澄源县公安局。")
    return unit


def init(path: Path, std: Standard, unit: str, year: int, force: bool) -> list[Path]:
    """Write the skeleton, and the JSON Schema beside it for editors; a .docx path gets the Word form.

    The schema file is only created, or refreshed when it is drafter's own
    output; a different file of that name is left alone.
    """
    unit = check_unit(unit)
    if path.suffix.lower() == ".docx":
        from drafter.drafting.form import writer as form

        return [write_atomic(path, form.write(std, unit, year), force=force)]
    # A name the file system's encoding cannot show (bytes that are not UTF-8) is quoted escaped in the comments.
    text = skeleton(std, unit, year, path.name.encode("utf-8", "backslashreplace").decode("utf-8"))
    written = [write_atomic(path, text, force=force)]
    schema_path = path.parent / SCHEMA_FILE
    schema = model.json_schema(std)
    schema_text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    if not schema_path.exists():
        written.append(write_atomic(schema_path, schema_text))
    elif _ours(schema_path, schema["title"]) not in (None, schema_text):
        written.append(write_atomic(schema_path, schema_text, force=True))
    return written


def _ours(path: Path, title: str) -> str | None:
    """The file's text when it is a schema drafter wrote (a regular file, read with a bound), else None."""
    try:
        text = read_bytes(path, str(path), 1 << 22, lambda size: "").decode("utf-8")
        data = json.loads(text)
    except (DrafterError, ValueError):
        return None
    return text if isinstance(data, dict) and data.get("title") == title else None
