"""drafter: draft and check annual rule-of-law reports (法治政府建设年度报告).

Public API (see ``drafter.api``)::

    load_standard, load_input, load_rules, validate, render, read, check, check_many, cross_check,
    import_report, init, input_schema, export_templates, output_format, save,
    find_drafts, review_file, annotate (the reviewer's batch: folders, office files, return copies),
    DrafterError, IncompleteInput, InputFile, Validation, Rendered, CheckResult, ImportResult, RuleSet, Checked

Data flow, one package per stage:

    standard/   the report standard (schemas/*.yaml) loaded and checked
    drafting/   input YAML → completeness → text (templates/*.j2) → Document → .docx
    document/   the Document model both directions share, Markdown, numbering
    reading/    .docx/.txt/.md → Document
    checking/   Document → headings → parts; review/: content rules (schemas/rules/) → findings
    views/      tables and JSON for people and programs
    cli/        the command line, a thin shell over the API

Below them: ``yamlio`` (YAML with line numbers, Chinese validation messages),
``files`` (decoding, atomic writes), ``findings`` and ``errors``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = (
    "load_standard", "load_input", "load_rules", "validate", "render", "read", "check", "check_many", "cross_check",
    "import_report", "output_format", "init", "input_schema", "export_templates", "save", "find_drafts", "review_file",
    "annotate", "annotated_name", "is_form", "DrafterError", "IncompleteInput", "InputFile", "Validation", "Rendered",
    "CheckResult", "ImportResult",
    "RuleSet", "Checked",
)
__all__ = [*_API, "__version__"]

if TYPE_CHECKING:
    from drafter.api import (  # noqa: F401
        Checked,
        CheckResult,
        DrafterError,
        ImportResult,
        IncompleteInput,
        InputFile,
        Rendered,
        RuleSet,
        Validation,
        annotate,
        annotated_name,
        check,
        check_many,
        cross_check,
        export_templates,
        find_drafts,
        import_report,
        init,
        input_schema,
        is_form,
        load_input,
        load_rules,
        load_standard,
        output_format,
        read,
        render,
        review_file,
        save,
        validate,
    )


def __getattr__(name: str) -> Any:
    # Imported on first use: `drafter --help` must not pay for pydantic and python-docx.
    if name in _API:
        from drafter import api

        return getattr(api, name)
    raise AttributeError(f"module 'drafter' has no attribute {name!r}")
