"""Hypothesis profiles for the fuzz suite.

``ci`` (the default) is derandomized: the same examples every run, a few
dozen per property, so ``pytest -q`` stays quick and never flaky. ``long``
draws new random examples every run, many more of them; run it locally:

    HYPOTHESIS_PROFILE=long pytest tests/fuzz

What it finds becomes a case in test_named_cases.py.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_COMMON = dict(
    deadline=None,  # a render or a 5 MB parse has its own time; the corpus bounds time per case
    suppress_health_check=[
        HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,  # the fixtures used only pick a parser, the same for every example
    ],
    print_blob=True,
)
settings.register_profile("ci", derandomize=True, database=None, max_examples=30, **_COMMON)
settings.register_profile("long", max_examples=1500, **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_report_header(config) -> str:
    return f"hypothesis profile: {os.environ.get('HYPOTHESIS_PROFILE', 'ci')}"
