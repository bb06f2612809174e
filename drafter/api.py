"""drafter's public Python API. The command line calls only this.

Drafting::

    import drafter
    validation = drafter.validate("examples/county_standard.yaml")
    if validation.complete:
        drafter.render(validation).save("报告.docx")

Checking::

    result = drafter.check("收到的报告/某区公安局.docx")
    print(result.complete, [(p.id, p.status) for p in result.parts])
    print([(f.rule, f.where, f.message) for f in result.findings])

Both directions run the content review (rules as data in ``schemas/rules/``;
``rules=`` names a unit's own rule file, or a RuleSet from :func:`load_rules`).
Its findings never change ``complete``.

Every function accepts a path, or the file's bytes with a ``name``; every
failure to use a file is a :class:`DrafterError` with a Chinese message
(``exit_code`` 2), and an incomplete input given to :func:`render` is an
:class:`IncompleteInput` (``exit_code`` 1) unless ``allow_incomplete``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from drafter.checking.recognize import CheckResult
from drafter.checking.review import RuleSet
from drafter.document import Document
from drafter.drafting.completeness import PartSummary
from drafter.drafting.input import Report
from drafter.errors import DrafterError
from drafter.findings import Finding, has_errors
from drafter.standard import Standard
from drafter.yamlio import Located

Source = Path | str | bytes
Format = Literal["docx", "md"]
Fonts = Literal["gov", "windows"]

__all__ = [
    "CheckResult", "DrafterError", "IncompleteInput", "InputFile", "Rendered", "RuleSet", "Validation",
    "check", "check_many", "export_templates", "init", "input_schema", "load_input", "load_rules", "load_standard",
    "read", "render", "validate",
]
Rules = RuleSet | Path | str | None


class IncompleteInput(DrafterError):
    """render() was given an input with errors and not told to allow it."""

    exit_code = 1

    def __init__(self, validation: Validation):
        errors = [f for f in validation.findings if f.level == "error"]
        super().__init__(f"{validation.file}：输入不完整，有 {len(errors)} 处缺项，未生成文稿。")
        self.validation = validation


@dataclass
class InputFile:
    """An input file, parsed and type-checked; ``located`` knows every value's line."""

    file: str
    report: Report
    located: Located


@dataclass
class Validation:
    """What validate found in an input: per-part summaries, completeness findings (they decide
    ``complete``) and the content review's findings (advice that never blocks render)."""

    input: InputFile
    parts: list[PartSummary]
    findings: list[Finding]
    review: list[Finding] = field(default_factory=list)

    @property
    def file(self) -> str:
        return self.input.file

    @property
    def report(self) -> Report:
        return self.input.report

    @property
    def complete(self) -> bool:
        return not has_errors(self.findings)

    @property
    def all_findings(self) -> list[Finding]:
        """Completeness and content findings together, in file order."""
        return sorted(self.findings + self.review, key=lambda f: (f.line is None, f.line or 0, f.col or 0))


@dataclass
class Rendered:
    """A rendered draft: the file's bytes and where it would go by default."""

    data: bytes
    format: Format
    validation: Validation
    default_name: str
    written: list[Path] = field(default_factory=list)

    def save(self, path: Path | str | None = None, force: bool = False) -> Path:
        """Write atomically to ``path`` (default: ``default_name`` here); never over the input."""
        from drafter.files.output import write_atomic

        target = Path(path) if path is not None else Path(self.default_name)
        inputs = (Path(self.validation.file),) if Path(self.validation.file).exists() else ()
        written = write_atomic(target, self.data, force=force, inputs=inputs)
        self.written.append(written)
        return written


def load_standard(path: Path | str | None = None) -> Standard:
    """The report standard: the bundled one, or a unit's own file."""
    if path is None:
        return _bundled_standard()
    from drafter.standard import load_standard as load

    return load(Path(path))


@lru_cache(maxsize=1)
def _bundled_standard() -> Standard:
    from drafter.standard import load_standard as load

    return load(None)


def load_rules(standard: Standard | None = None, rules: Path | str | None = None) -> RuleSet:
    """The content review's rules: the standard's rule folder, changed by a unit's file if given."""
    from drafter.checking.review import load_rules as load

    return load(standard or load_standard(), Path(rules) if rules is not None else None)


def _rules(std: Standard, rules: Rules) -> RuleSet:
    return rules if isinstance(rules, RuleSet) else load_rules(std, rules)


def load_input(source: Source | InputFile, name: str | None = None) -> InputFile:
    """Parse and type-check an input file (YAML)."""
    if isinstance(source, InputFile):
        return source
    from drafter.drafting import input as model

    report, located = model.load(source, name)
    return InputFile(located.file, report, located)


def validate(
    source: Source | InputFile, name: str | None = None, standard: Standard | None = None, rules: Rules = None,
) -> Validation:
    """Is the input complete, judged against the standard? And what would a reviewer say about its text?"""
    from drafter.checking.review import from_input, review
    from drafter.drafting import completeness
    from drafter.drafting.input import check_standard

    std = standard or load_standard()
    check_standard(std)
    ruleset = _rules(std, rules)
    loaded = load_input(source, name)
    findings = completeness.check(loaded.report, std, loaded.located)
    subject = from_input(loaded.report, loaded.located, std, loaded.report.meta.year)
    content = review(subject, ruleset, std)
    return Validation(loaded, completeness.summarize(loaded.report, std, findings), findings, content)


def render(
    source: Source | InputFile | Validation,
    name: str | None = None,
    *,
    standard: Standard | None = None,
    format: Format = "docx",
    templates: Path | str | None = None,
    fonts: Fonts = "gov",
    allow_incomplete: bool = False,
    rules: Rules = None,
) -> Rendered:
    """The report laid out as .docx (or its Markdown text), after the same checks as validate."""
    from drafter.drafting import render as chain

    std = standard or load_standard()
    validation = source if isinstance(source, Validation) else validate(source, name, std, rules)
    if not validation.complete and not allow_incomplete:
        raise IncompleteInput(validation)
    folder = Path(templates) if templates is not None else None
    data = chain.draft(validation.report, std, format, folder, fonts)
    default = chain.default_output(validation.report, format, folder)
    return Rendered(data, format, validation, str(default))


def read(source: Source, name: str | None = None) -> Document:
    """A draft (.docx, .txt, .md) as the shared document model."""
    from drafter import reading

    return reading.read(source, name)


def check(
    source: Source | Document, name: str | None = None, standard: Standard | None = None, rules: Rules = None,
    previous: Source | Document | None = None,
) -> CheckResult:
    """Which of the standard's parts a draft contains, where, and what a reviewer would send it back for.

    ``previous`` is last year's report, for the rules that compare with it.
    """
    (result,) = check_many([source], [name], standard, rules, previous)
    if isinstance(result, DrafterError):
        raise result
    return result


def check_many(
    sources: list[Source | Document], names: list[str | None] | None = None, standard: Standard | None = None,
    rules: Rules = None, previous: Source | Document | None = None,
) -> list[CheckResult | DrafterError]:
    """check() for a batch: one result per source, in order (a file that cannot be read is its
    DrafterError), plus the findings that need the whole batch (text shared across units)."""
    from drafter.checking.recognize import recognize
    from drafter.checking.review import from_draft, review, review_batch

    std = standard or load_standard()
    ruleset = _rules(std, rules)
    last_year = None
    if previous is not None:
        old = previous if isinstance(previous, Document) else read(previous)
        last_year = from_draft(old, recognize(old, std), std)
    out: list[CheckResult | DrafterError] = []
    subjects, checked = [], []
    for source, name in zip(sources, names or [None] * len(sources)):
        try:
            document = source if isinstance(source, Document) else read(source, name)
        except DrafterError as exc:
            out.append(exc)
            continue
        result = recognize(document, std)
        subject = from_draft(document, result, std)
        result.findings.extend(review(subject, ruleset, std, last_year))
        out.append(result)
        subjects.append(subject)
        checked.append(result)
    if len(subjects) > 1:
        for result, extra in zip(checked, review_batch(subjects, ruleset)):
            result.findings.extend(extra)
    return out


def init(path: Path | str, unit: str, year: int, standard: Standard | None = None, force: bool = False) -> list[Path]:
    """Write a fill-in input file for ``unit`` and ``year`` (and the editor's JSON Schema beside it)."""
    from drafter.drafting import scaffold

    return scaffold.init(Path(path), standard or load_standard(), unit, year, force)


def input_schema(standard: Standard | None = None) -> dict:
    """The input file's JSON Schema (draft 2020-12), for editors and other tools."""
    from drafter.drafting import input as model

    return model.json_schema(standard or load_standard())


def export_templates(directory: Path | str, force: bool = False) -> list[Path]:
    """Copy the built-in templates and style sheet out, for a unit to adapt."""
    from drafter.drafting import templates_export

    return templates_export.export(Path(directory), force=force)
