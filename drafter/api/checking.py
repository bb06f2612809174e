"""Checking: a draft → its parts and findings; many drafts on every core; batch findings, views, annotated copies."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

from drafter.api.common import Source, load_standard, read, rules_of
from drafter.errors import DrafterError
from drafter.findings import Finding

if TYPE_CHECKING:
    from drafter.checking.recognize import CheckResult
    from drafter.checking.review import RuleSet, Subject
    from drafter.document import Document
    from drafter.files.gather import Gathered
    from drafter.standard import Standard
    from drafter.views.batch import Entry
    from drafter.views.outputs import OutputFormat


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
    ruleset = rules_of(std, rules)
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
    found = review_batch(subjects, rules_of(std, rules)) if len(subjects) > 1 else [[] for _ in results]
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
    setup = (std, rules_of(std, rules), _last_year(previous, std))
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
