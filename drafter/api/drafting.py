"""Drafting: an input (YAML or Word form) → validation → a rendered draft; import of a report; new inputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from drafter.api.common import Source, load_standard, read, rules_of, save
from drafter.errors import DrafterError
from drafter.findings import Finding, has_errors

if TYPE_CHECKING:
    from drafter.checking.review import RuleSet
    from drafter.drafting.completeness import PartSummary
    from drafter.drafting.input import Report
    from drafter.standard import Standard
    from drafter.yamlio import Located

Format = Literal["docx", "md"]
Fonts = Literal["gov", "windows"]


class IncompleteInput(DrafterError):
    """render() was given an input with errors and not told to allow it."""

    exit_code = 1

    def __init__(self, validation: Validation):
        errors = [f for f in validation.findings if f.level == "error"]
        super().__init__(f"{validation.file}：输入不完整，有 {len(errors)} 处缺项，未生成文稿。")
        self.validation = validation


@dataclass
class InputFile:
    """An input file (YAML or a drafter Word form), parsed and type-checked.

    ``located`` knows every value's line (or form paragraph); ``notices`` say
    what was changed to bring an older format version up to date.
    """

    file: str
    report: Report
    located: Located
    notices: list[Finding] = field(default_factory=list)


@dataclass
class Validation:
    """What validate found in an input: per-part summaries and located findings."""

    input: InputFile
    parts: list[PartSummary]
    findings: list[Finding]  # completeness (and format notices): these decide ``complete``
    review: list[Finding] = field(default_factory=list)  # the content review: advice, never blocking

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
        target = Path(path) if path is not None else Path(self.default_name)
        inputs = (Path(self.validation.file),) if Path(self.validation.file).exists() else ()
        written = save(target, self.data, force=force, inputs=inputs)
        self.written.append(written)
        return written


def load_input(source: Source | InputFile, name: str | None = None, standard: Standard | None = None) -> InputFile:
    """Parse and type-check an input file: YAML, or a Word form written by ``init`` (.docx)."""
    if isinstance(source, InputFile):
        return source
    from drafter.drafting import input as model

    std = standard or load_standard()
    located = model.read(source, name, std)
    report, notices = model.build(located, std)
    return InputFile(located.file, report, located, notices)


def validate(
    source: Source | InputFile, name: str | None = None, standard: Standard | None = None,
    rules: RuleSet | Path | str | None = None, *, review: bool = True,
) -> Validation:
    """Is the input complete, judged against the standard? (Format-update notices come first.)
    And what would a reviewer say about its text (``review``)?

    ``review=False`` leaves the content review out (its rules are not even loaded; ``review``
    stays empty): for a caller that needs completeness first and the advice only later, if at all.
    """
    from drafter.drafting import completeness
    from drafter.drafting.input import check_standard

    std = standard or load_standard()
    check_standard(std)
    ruleset = rules_of(std, rules) if review else None
    loaded = load_input(source, name, std)
    findings = loaded.notices + completeness.check(loaded.report, std, loaded.located)
    content = []
    if ruleset is not None:
        from drafter.checking.review import from_input
        from drafter.checking.review import review as run_review

        content = run_review(from_input(loaded.report, loaded.located, std, loaded.report.meta.year), ruleset, std)
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
    rules: RuleSet | Path | str | None = None,
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


@dataclass
class ImportResult:
    """A report turned into an input: the YAML ``text`` (with comments), its data, and what to know.

    ``notes`` concern the whole import; ``comments`` are the remarks the text
    carries beside a key or item (last year's plans beside the measures, last
    year's date), by the item's path as findings spell it (``meta.date``).
    """

    text: str
    data: dict
    notes: list[str]
    source: str
    default_name: str
    written: list[Path] = field(default_factory=list)
    comments: dict[str, list[str]] = field(default_factory=dict)

    def save(self, path: Path | str | None = None, force: bool = False) -> Path:
        """Write atomically to ``path`` (default: ``default_name`` here); never over the report read."""
        target = Path(path) if path is not None else Path(self.default_name)
        inputs = (Path(self.source),) if Path(self.source).exists() else ()
        written = save(target, self.text, force=force, inputs=inputs)
        self.written.append(written)
        return written


def import_report(
    source: Source,
    name: str | None = None,
    year: int | str | None = None,
    *,
    standard: Standard | None = None,
    templates: Path | str | None = None,
) -> ImportResult:
    """A report (.docx, .txt, .md; or a Word form from ``init``) as a prefilled input.

    The report is read and recognized as by :func:`check`; its parts become the
    input's parts. With ``year`` later than the report's own (last year's
    report, this year's input), it is moved forward: years shift, figures keep
    last year's number as ``previous`` with this year's left blank, and last
    year's plans become notes beside the measures.
    """
    from drafter.drafting import importer, scaffold

    std = standard or load_standard()
    target_year = scaffold.parse_year(year) if year is not None else None
    label = name or (str(source) if not isinstance(source, bytes) else "（未命名）")
    folder = Path(templates) if templates is not None else None
    form = importer.from_form(source, name, std, target_year, folder)
    if form is not None:
        imported = form
    else:
        from drafter.checking.recognize import recognize  # the parts as check() finds them; no review

        document = read(source, name)
        imported = importer.import_document(document, recognize(document, std), std, target_year, folder)
    from drafter.yamlio import format_loc

    stem = Path(label).stem or "导入"
    comments = {format_loc(loc): list(lines) for loc, lines in imported.comments.items()}
    return ImportResult(imported.yaml(label), imported.data, imported.notes, label, f"{stem}.yaml", comments=comments)


def is_form(source: Source, name: str | None = None) -> bool:
    """Whether a .docx is a Word form written by :func:`init` (an input), rather than a report.

    DrafterError when the file cannot be read, or the zip guard refuses it.
    """
    from drafter.drafting.form import reader

    data, label = reader.load_bytes(source, name)
    return reader.is_form(data, label)


def init(
    path: Path | str, unit: str, year: int | str, standard: Standard | None = None, force: bool = False,
) -> list[Path]:
    """Write a fill-in input for ``unit`` and ``year`` (2025 or "2025年").

    A ``.docx`` path gets a Word form to fill in Word or WPS; any other name a
    YAML file (and the editor's JSON Schema beside it).
    """
    from drafter.drafting import scaffold

    return scaffold.init(Path(path), standard or load_standard(), unit, scaffold.parse_year(year), force)


def input_schema(standard: Standard | None = None) -> dict:
    """The input file's JSON Schema (draft 2020-12), for editors and other tools."""
    from drafter.drafting import input as model

    return model.json_schema(standard or load_standard())


def export_templates(directory: Path | str, force: bool = False) -> list[Path]:
    """Copy the built-in templates and style sheet out, for a unit to adapt."""
    from drafter.drafting import templates_export

    return templates_export.export(Path(directory), force=force)
