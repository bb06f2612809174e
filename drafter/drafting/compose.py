"""Input → report text (drafter Markdown), through Jinja2 templates.

The templates write every word of the report. This module hands them the data
and a few mechanisms: numbering, year-on-year arithmetic, number formatting,
gap markers, sentence endings, where the title breaks. It writes no sentence.

Templates may come from a unit (``--templates DIR``), so they always run in a
sandbox, and the data they see is already Markdown-escaped: whatever an input
string contains (``{{ }}``, ``{% %}``, ``#``, ``*``) prints as literal text,
and a template author cannot forget to escape it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel

from drafter.document import markdown
from drafter.document.numbering import Numberer
from drafter.drafting import template_run
from drafter.drafting.input import Report
from drafter.drafting.stylesheet import em_width
from drafter.errors import DrafterError
from drafter.files.source import read_bytes
from drafter.files.textcodec import decode
from drafter.resources import templates_dir
from drafter.standard import Order, Standard, fill_year
from drafter.standard.model import FigureRules

REPORT_TEMPLATE = "report.md.j2"
FILENAME_TEMPLATE = "filename.txt.j2"

# Unicode names of sentence-final marks, full- and half-width (。！？；… and .!?;).
_FINAL = re.compile(r"FULL STOP|EXCLAMATION MARK|QUESTION MARK|SEMICOLON|ELLIPSIS")
_BAD_FILENAME = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
_REFERENCE = re.compile(r"\{([^{}\n]+)\}")


def environment(templates: Path | None = None) -> SandboxedEnvironment:
    """A sandboxed environment reading ``templates`` first, then the built-in files.

    The fallback lets a unit override only the files it changed.
    """
    folders = [templates_dir()]
    if templates is not None:
        if not templates.is_dir():
            raise DrafterError(
                f"{templates}：模板文件夹不存在。请先用 drafter templates export {templates} 导出内置模板，"
                "修改后再用 --templates 指定。"
            )
        folders.insert(0, templates)
    env = SandboxedEnvironment(
        loader=_TemplateFiles([str(f) for f in folders]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(yoy=yoy, number=number, ending=ending, place_figures=place_figures)
    return env


class _TemplateFiles(jinja2.FileSystemLoader):
    """jinja2's folder search, each file read like any file from a user: regular only, bounded, decoded strictly."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Any]:
        pieces = jinja2.loaders.split_template_path(template)
        path = next((p for p in (Path(folder, *pieces) for folder in self.searchpath) if p.is_file()), None)
        if path is None:
            raise jinja2.TemplateNotFound(template)
        data = read_bytes(path, str(path), _MAX_TEMPLATE_BYTES, lambda size: (
            f"{path}：模板文件有 {size // 1024} KB，超过上限 {_MAX_TEMPLATE_BYTES // 1024} KB，不像模板。请检查这个文件。"
        ))
        mtime = path.stat().st_mtime
        return decode(data, str(path))[0], str(path), lambda: path.is_file() and path.stat().st_mtime == mtime


_MAX_TEMPLATE_BYTES = 1 << 20


def render(report: Report, std: Standard, templates: Path | None = None, title_chars: float = 20) -> str:
    """The report as drafter Markdown.

    ``title_chars`` is how many title characters fit on a line (from the style
    sheet); a longer title is broken after the unit's name.
    """
    year = report.meta.year
    env = _configured(environment(templates), std, year)
    full_title = title(report, std)
    context = {
        "report": _view(report),
        "title": markdown.escape(full_title),
        "title_lines": [markdown.escape(line) for line in title_lines(full_title, report.meta.unit, title_chars)],
        "year": year,
        "next_year": year + 1,
        "layout": report.meta.layout,
        "order": list(_order(std, report.meta.order).sequence),
        "parts": {
            part.id: SimpleNamespace(
                id=part.id, name=markdown.escape(part.name),
                heading=markdown.escape(part.heading_for(year)), required=part.required,
            )
            for part in std.parts
        },
    }
    text = template_run.run(env, REPORT_TEMPLATE, context)
    return _tidy(text)


def figure_writer(std: Standard, year: int, templates: Path | None = None) -> Callable[[list[Any]], str]:
    """The words the templates write after a text for its ``figures`` (macro ``figures``), as plain text.

    Importing uses it to tell a sentence drafter wrote from the officer's own, many times over:
    the environment (and the macros it loads) is made once per writer.
    """
    env = _configured(environment(templates), std, year)
    source = '{% import "macros.md.j2" as m %}{{ m.figures(items) }}'

    def write(figures: list[Any]) -> str:
        text = template_run.run_string(env, source, {"items": [_view(f) for f in figures]})
        blocks = markdown.parse(text).blocks
        return blocks[0].text if blocks else ""

    return write


def _configured(env: SandboxedEnvironment, std: Standard, year: int) -> SandboxedEnvironment:
    """The filters, tests and globals that depend on the standard and the report year."""
    numberer = Numberer(std.numbering)
    env.filters.update(level=lambda n, level: numberer.format(level, n), inline=numberer.inline)
    env.globals["gap"] = std.gap
    env.filters["yoy"] = lambda figure: yoy(figure, std.figures)
    cause_cues = [re.compile(fill_year(c, year)) for c in std.role("problems").recognition.cause_cues]
    env.tests["cause_cued"] = lambda text: any(c.search(text) for c in cause_cues)
    return env


def title(report: Report, std: Standard) -> str:
    """The report's title: the input's own, else the standard's pattern."""
    return report.meta.title or std.title_for(report.meta.unit, report.meta.year)


def file_stem(report: Report, templates: Path | None = None) -> str:
    """The default output file name (without extension), from filename.txt.j2."""
    env = environment(templates)
    meta = report.meta
    context = {"unit": meta.unit, "year": meta.year, "next_year": meta.year + 1}
    stem = _BAD_FILENAME.sub("_", template_run.run(env, FILENAME_TEMPLATE, context).strip()).strip(" .")
    if not stem:
        raise DrafterError(f"{FILENAME_TEMPLATE}：生成的文件名为空。请检查该模板，或用 -o 指定输出文件名。")
    return stem


def title_lines(title: str, unit: str, width: float) -> list[str]:
    """Where the title breaks: as the input says, else after the unit's name.

    GB/T 9704 wants a long title in several lines without splitting a word; the
    unit's name is the one boundary known without a dictionary. Otherwise the
    title stays one line and the word processor wraps it.
    """
    if "\n" in title:
        return [line.strip() for line in title.splitlines() if line.strip()]
    rest = title[len(unit):]
    if em_width(title) > width and unit and title.startswith(unit) and em_width(rest) <= width:
        return [unit, rest]
    return [title]


def yoy(figure: Any, rules: FigureRules | None = None) -> SimpleNamespace | None:
    """Year-on-year change of a figure, as numbers; the template words it.

    ``direction`` is "up", "down" or "flat"; ``change`` is a percentage, or
    percentage points (``points`` true) when the figure is itself a percentage,
    rounded to the standard's decimals (one rule for the whole draft). None when
    there is nothing to compare, the ratio is undefined (previous 0), the figure
    says ``yoy: false``, or, by the standard's ``rules`` unless the figure says
    ``yoy: true``, the previous value is too small or the figure is a stock count.
    """
    value, previous = figure.value, figure.previous
    wanted = getattr(figure, "yoy", None)
    if previous is None or value is None or wanted is False:
        return None
    points = figure.unit.strip() in ("%", "\uff05")  # half- or full-width percent sign
    decimals = rules.decimals if rules is not None else FigureRules().decimals
    if rules is not None and wanted is None:
        name = getattr(figure, "name", "")
        small = not points and abs(rules.base(previous, figure.unit)) < rules.yoy_min_previous
        if small or any(w in name for w in rules.stock_words):
            return None
    if points:
        change = _round(abs(Decimal(str(value)) - Decimal(str(previous))), decimals)
    elif previous == 0:
        return SimpleNamespace(direction="flat", change=0, points=False) if value == 0 else None
    else:
        ratio = abs(Decimal(str(value)) - Decimal(str(previous))) / abs(Decimal(str(previous))) * 100
        change = _round(ratio, decimals)
    direction = "flat" if change == 0 else ("up" if value > previous else "down")
    return SimpleNamespace(direction=direction, change=change, points=points)


def place_figures(text: str, figures: list[Any]) -> SimpleNamespace:
    """Where the figures go: ``{名称}`` in the text puts the figure of that name there.

    ``pieces`` alternates text and figures in reading order; ``rest`` are the
    figures no reference names, which the template writes after the text. A
    ``{…}`` naming no figure stays as written.
    """
    by_name = {f.name: f for f in figures if f.name}
    pieces: list[Any] = []
    placed: set[int] = set()
    at = 0
    for found in _REFERENCE.finditer(text):
        figure = by_name.get(found.group(1).strip())
        if figure is None or id(figure) in placed:
            continue
        if found.start() > at:
            pieces.append(text[at:found.start()])
        pieces.append(figure)
        placed.add(id(figure))
        at = found.end()
    if at < len(text):
        pieces.append(text[at:])
    return SimpleNamespace(pieces=pieces, rest=[f for f in figures if id(f) not in placed])


def number(value: Any) -> str:
    """A number as officers write it: no thousands separator, at most two decimals."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"number filter expects a number, got {type(value).__name__}")
    text = format(_round(Decimal(str(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def ending(text: str, mark: str) -> str:
    """``text`` ending with a sentence-final mark: appends ``mark`` unless it already has one.

    Closing quotes and brackets are looked through: 说“好。” already ends.
    """
    stripped = text.rstrip()
    core = stripped
    while core and unicodedata.category(core[-1]) in ("Pf", "Pe"):
        core = core[:-1]
    if core and _FINAL.search(unicodedata.name(core[-1], "")):
        return stripped
    return stripped + mark


def _order(std: Standard, order_id: str) -> Order:
    """The input's order; an unknown id (already a completeness error) falls back to the first."""
    return next((o for o in std.orders if o.id == order_id), std.orders[0])


def _round(value: Decimal, decimals: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _view(value: Any) -> Any:
    """The input as the template sees it: plain namespaces, every string escaped."""
    if isinstance(value, str):
        return markdown.escape(value)
    if isinstance(value, list):
        return [_view(item) for item in value]
    if isinstance(value, BaseModel):
        fields = {name: _view(getattr(value, name)) for name in type(value).model_fields}
        if isinstance(value, Report):
            fields["signer"] = markdown.escape(value.signer)
        return SimpleNamespace(**fields)
    return value


def _tidy(text: str) -> str:
    """Normalise blank lines so templates need no whitespace-control gymnastics."""
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"
