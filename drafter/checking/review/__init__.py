"""Content review: the defects a reviewer sends a report back for, found by rules kept as data.

The rules live in YAML files (one per family) in the folder the standard names
(``schemas/rules/``); a unit adds or switches off rules with its own file. The
engine is generic: ``passages`` turns a draft (Document + recognized parts) or
an input (the filled YAML and its line marks) into one shape, ``matchers``
and ``checks`` find hits in it, ``engine`` makes them findings.

    rules = load_rules(std.rules_dir, unit_file)
    findings = review(from_draft(document, result, std), rules, std)
"""

from drafter.checking.review.engine import review, review_batch
from drafter.checking.review.loading import Rule, RuleSet, load_rules
from drafter.checking.review.passages import Passage, Subject, from_draft, from_input

__all__ = ["Passage", "Rule", "RuleSet", "Subject", "from_draft", "from_input", "load_rules", "review", "review_batch"]
