"""The built-in checks a rule file can name, each with the parameters it takes.

A check reads a Context (one report's passages in the rule's scope, and the
standard) and yields Hits; a batch check reads every report of a run at once.
Checks hold mechanisms only: the words, patterns and thresholds come from the
rule files' ``params``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from drafter.checking.review.checks import copying, figures, leadership, parts, privacy, shortcomings, terms, years


@dataclass(frozen=True)
class Check:
    params: type[BaseModel]
    run: Callable[..., Any]
    scope: Literal["report", "batch"] = "report"


CHECKS: dict[str, Check] = {
    "garbled_terms": Check(terms.TermsParams, terms.garbled_terms),
    "law_names": Check(terms.LawParams, terms.law_names),
    "periods": Check(years.PeriodParams, years.periods),
    "opening_year": Check(years.OpeningParams, years.opening_year),
    "year_compare": Check(years.YearParams, years.year_compare),
    "no_cause": Check(shortcomings.NoCauseParams, shortcomings.no_cause),
    "boilerplate": Check(shortcomings.BoilerplateParams, shortcomings.boilerplate),
    "external": Check(shortcomings.ExternalParams, shortcomings.external),
    "unanswered": Check(shortcomings.UnansweredParams, shortcomings.unanswered),
    "leadership_facts": Check(leadership.FactParams, leadership.leadership_facts),
    "stated_changes": Check(figures.ChangeParams, figures.stated_changes),
    "restated": Check(figures.RestatedParams, figures.restated),
    "id_numbers": Check(privacy.IdParams, privacy.id_numbers),
    "names": Check(privacy.NameParams, privacy.names),
    "part_length": Check(parts.LengthParams, parts.part_length),
    "blanks": Check(parts.BlankParams, parts.blanks),
    "repeated": Check(copying.RepeatParams, copying.repeated),
    "previous_year": Check(copying.PreviousParams, copying.previous_year),
    "not_followed": Check(copying.FollowParams, copying.not_followed),
    "shared_text": Check(copying.SharedParams, copying.shared_text, scope="batch"),
}
