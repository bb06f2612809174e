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

from typing import Any

from drafter.api.checking import (
    annotate,
    annotated_name,
    check,
    check_many,
    cross_check,
    find_drafts,
    review_file,
)
from drafter.api.common import load_rules, load_standard, output_format, read, save
from drafter.api.drafting import (
    ImportResult,
    IncompleteInput,
    InputFile,
    Rendered,
    Validation,
    export_templates,
    import_report,
    init,
    input_schema,
    is_form,
    load_input,
    render,
    validate,
)
from drafter.errors import DrafterError

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


