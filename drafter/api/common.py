"""What both directions share: the standard, the review's rules, reading a draft, writing an output."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from drafter.checking.review import RuleSet
    from drafter.document import Document
    from drafter.standard import Standard

Source = Path | str | bytes


def save(path: Path | str, data: bytes | str, force: bool = False, inputs: tuple[Path, ...] = ()) -> Path:
    """Write an output atomically: never over an existing file without ``force``, never over an input."""
    from drafter.files.output import write_atomic

    return write_atomic(Path(path), data, force=force, inputs=tuple(Path(i) for i in inputs))


def load_standard(path: Path | str | None = None) -> Standard:
    """The report standard: the bundled one, or a unit's own file (read once per process while unchanged)."""
    from drafter.standard import load_standard as load

    return load(Path(path) if path is not None else None)


def load_rules(standard: Standard | None = None, rules: Path | str | None = None) -> RuleSet:
    """The content review's rules: the standard's rule folder, changed by a unit's file if given."""
    from drafter.checking.review import load_rules as load

    return load(standard or load_standard(), Path(rules) if rules is not None else None)


def rules_of(std: Standard, rules: RuleSet | Path | str | None) -> RuleSet:
    from drafter.checking.review import RuleSet

    return rules if isinstance(rules, RuleSet) else load_rules(std, rules)


def output_format(
    output: Path | str | None, format: str | None = None, writes: Literal["draft", "review"] = "draft"
) -> str:
    """The format a command writes: ``format`` if given, else the output file's extension.

    ``writes="draft"`` (render): docx or md. ``writes="review"`` (check):
    table (the screen's), json, xlsx, csv or html. DrafterError when the two
    disagree, or the name asks for a format the command does not write.
    """
    path = Path(output) if output is not None else None
    if writes == "review":
        from drafter.files import formats
        from drafter.views.outputs import EXTENSIONS, LABELS

        return formats.choose(path, format, EXTENSIONS, LABELS, "table", screen=("table",))
    from drafter.drafting import render as chain

    return chain.output_format(path, format)


def read(source: Source, name: str | None = None) -> Document:
    """A draft (.docx, .txt, .md) as the shared document model."""
    from drafter import reading

    return reading.read(source, name)
