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
    for path, result in zip(paths, drafter.check_many(paths)):  # on every core, in order
        print(path, result if isinstance(result, drafter.DrafterError) else result.complete)

Both directions run the content review (rules as data in ``schemas/rules/``;
``rules=`` names a unit's own rule file, or takes a RuleSet from :func:`load_rules`).
Its findings never change ``complete``. :func:`cross_check` adds the findings that
need a whole batch (sentences shared across reports).

Every function accepts a path, or the file's bytes with a ``name``; every
failure to use a file is a :class:`DrafterError` with a Chinese message
(``exit_code`` 2), and an incomplete input given to :func:`render` is an
:class:`IncompleteInput` (``exit_code`` 1) unless ``allow_incomplete``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, Literal

from drafter.errors import DrafterError
from drafter.findings import Finding, has_errors

if TYPE_CHECKING:  # loaded by the functions that need them: drafting and checking load only their own side
    from drafter.checking.recognize import CheckResult
    from drafter.checking.review import RuleSet, Subject
    from drafter.document import Document
    from drafter.drafting.completeness import PartSummary
    from drafter.drafting.input import Report
    from drafter.files.gather import Gathered
    from drafter.standard import Standard
    from drafter.views.batch import Entry
    from drafter.views.batch import Entry as Checked  # noqa: F401
    from drafter.views.outputs import OutputFormat
    from drafter.yamlio import Located

Source = Path | str | bytes
Format = Literal["docx", "md"]
Fonts = Literal["gov", "windows"]

__all__ = [
    "CheckResult", "Checked", "DrafterError", "ImportResult", "IncompleteInput", "InputFile", "Rendered", "RuleSet",
    "Validation", "annotate", "annotated_name", "check", "check_many", "cross_check", "export_templates", "find_drafts",
    "import_report", "init", "input_schema", "is_form", "load_input", "load_rules", "load_standard", "output_format",
    "read", "render", "review_file", "save", "validate",
]


def __getattr__(name: str) -> Any:
    if name == "CheckResult":  # check's result type, without loading the checking side for drafting
        from drafter.checking.recognize import CheckResult

        return CheckResult
    if name == "Checked":  # one file of a reviewer's batch: its CheckResult, or why it could not be read
        from drafter.views.batch import Entry

        return Entry
    if name == "RuleSet":
        from drafter.checking.review import RuleSet

        return RuleSet
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


def _rules(std: Standard, rules: RuleSet | Path | str | None) -> RuleSet:
    from drafter.checking.review import RuleSet

    return rules if isinstance(rules, RuleSet) else load_rules(std, rules)


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
    ruleset = _rules(std, rules) if review else None
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
    from drafter.drafting import importer, values

    std = standard or load_standard()
    target_year = None
    if year is not None:
        try:
            target_year = values.year(year)
        except ValueError as exc:
            raise DrafterError(f"--year：{exc}") from None
    label = name or (str(source) if not isinstance(source, bytes) else "（未命名）")
    folder = Path(templates) if templates is not None else None
    form = importer.from_form(source, name, std, target_year, folder)
    if form is not None:
        imported = form
    else:
        document = read(source, name)
        imported = importer.import_document(document, check(document, standard=std), std, target_year, folder)
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


def read(source: Source, name: str | None = None) -> Document:
    """A draft (.docx, .txt, .md) as the shared document model."""
    from drafter import reading

    return reading.read(source, name)


def check(
    source: Source | Document, name: str | None = None, standard: Standard | None = None,
    rules: RuleSet | Path | str | None = None, previous: Source | Document | Subject | None = None,
) -> CheckResult:
    """Which of the standard's parts a draft contains, where, and what a reviewer would send it back for.

    ``previous`` is last year's report, for the rules that compare with it.
    """
    from drafter.checking.recognize import recognize
    from drafter.checking.review import from_draft, review
    from drafter.document import Document

    std = standard or load_standard()
    ruleset = _rules(std, rules)
    last_year = _last_year(previous, std)
    document = source if isinstance(source, Document) else read(source, name)
    result = recognize(document, std)
    subject = from_draft(document, result, std)
    result.findings.extend(review(subject, ruleset, std, last_year))
    result.passages = subject.passages
    if document.converted_from:  # said, so a reviewer knows the text went through a conversion
        result.findings.insert(0, Finding(
            "read.converted", "info",
            f"这是{document.converted_from}格式的文件，已用 LibreOffice 转换为 .docx 后检查（个别格式可能与原文件不同）。",
        ))
    return result


def _last_year(previous: Source | Document | Subject | None, std: Standard) -> Subject | None:
    """Last year's report as the review reads it."""
    from drafter.checking.recognize import recognize
    from drafter.checking.review import Subject, from_draft
    from drafter.document import Document

    if previous is None or isinstance(previous, Subject):
        return previous
    document = previous if isinstance(previous, Document) else read(previous)
    return from_draft(document, recognize(document, std), std)


def cross_check(results: list[CheckResult], rules: RuleSet | Path | str | None = None,
                standard: Standard | None = None) -> list[list[Finding]]:
    """The findings that need a whole batch (sentences shared by several reports), added to each
    result's findings and returned per result."""
    from drafter.checking.review import Subject, review_batch

    std = standard or load_standard()
    subjects = [Subject(r.file, "draft", r.year, r.passages) for r in results]
    found = review_batch(subjects, _rules(std, rules)) if len(subjects) > 1 else [[] for _ in results]
    for result, extra in zip(results, found, strict=True):
        result.findings.extend(extra)
    return found


def check_many(
    sources: Iterable[Source], standard: Standard | None = None, jobs: int | None = None,
    rules: RuleSet | Path | str | None = None, previous: Source | Document | None = None,
) -> Iterator[CheckResult | DrafterError]:
    """check() for many drafts on every core: one item per source, in the sources' order.

    A draft that cannot be used gives its DrafterError in its place (the same
    message check() raises) and the others go on; any other exception is a
    bug and is raised. ``jobs`` is the number of worker processes; by
    default one per CPU, but no more than one per four drafts (starting a
    worker costs more than checking a few drafts). With one worker
    everything runs in this process.
    """
    from drafter import workers

    items = list(sources)
    std = standard or load_standard()
    setup = (std, _rules(std, rules), _last_year(previous, std))
    jobs = min(jobs or min(workers.cpu_count(), len(items) // 4), len(items))
    if jobs <= 1:
        return (_check_or_error(source, *setup) for source in items)
    # Loaded here once, before the pool: forked workers start with them.
    from drafter.checking import recognize, review  # noqa: F401
    from drafter.reading import text, wordfile  # noqa: F401

    return workers.ordered_map(_check_in_worker, items, _worker_start, setup, jobs)


def annotate(
    source: Source, result: CheckResult | None = None, name: str | None = None, standard: Standard | None = None,
    rules: RuleSet | Path | str | None = None,
) -> bytes:
    """A copy of the draft (.docx) carrying each finding as a Word comment on its paragraph, and a
    comment at the top summing up missing and incomplete parts. The original is only read.

    ``result`` is the draft's CheckResult if already checked (e.g. by
    check_many, with batch findings); otherwise the draft is checked here. A
    .txt or .md draft gets a .docx copy of its text, laid out as a report.
    """
    from drafter import reading
    from drafter.annotating import annotated

    std = standard or load_standard()
    loaded = reading.load(source, name)
    if result is None:
        result = check(loaded.document, standard=std, rules=rules)
    return annotated(loaded, result, std)


def annotated_name(draft: PurePath | str) -> Path:
    """The annotated copy's name for a draft: ``收到的/某局.txt`` → ``收到的/某局（审阅意见）.docx``."""
    from drafter.annotating import copy_name

    return copy_name(Path(draft))


def find_drafts(paths: Iterable[Path | str]) -> Gathered:
    """The drafts ``paths`` name: files as given, folders walked for the kinds drafter reads.

    Hidden files and the temporary files Word and WPS leave (``~$报告.docx``)
    are passed over; ``skipped`` counts other files found in the folders.
    """
    from drafter.files.gather import gather
    from drafter.reading.sniff import DRAFT_EXTENSIONS

    return gather([Path(p) for p in paths], DRAFT_EXTENSIONS)


def review_file(
    checked: Iterable[Entry], format: OutputFormat, standard: Standard | None = None, single: bool = False
) -> bytes:
    """A batch of checked drafts as a file for the reviewer's office: ``xlsx``, ``csv``, ``html`` or ``json``.

    ``checked`` holds one :class:`Checked` per input file, readable or not,
    in the order given; ``single`` makes JSON one object instead of a list.
    """
    from drafter.views import outputs

    return outputs.build(list(checked), format, standard or load_standard(), single)


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


def _check_or_error(source: Source, standard: Standard, rules: RuleSet, previous: Subject | None
                    ) -> CheckResult | DrafterError:
    try:
        return check(source, standard=standard, rules=rules, previous=previous)
    except DrafterError as exc:
        return exc


# In a worker process: the standard, the review rules and last year's report it was started with.
_worker_setup: tuple[Standard, RuleSet, Subject | None] | None = None


def _worker_start(standard: Standard, rules: RuleSet, previous: Subject | None) -> None:
    global _worker_setup
    _worker_setup = (standard, rules, previous)


def _check_in_worker(source: Source) -> CheckResult | DrafterError:
    assert _worker_setup is not None, "a worker checks only after _worker_start"
    return _check_or_error(source, *_worker_setup)
