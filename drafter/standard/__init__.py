"""The report standard: what the report consists of and how its parts are recognized.

The standard is data (``schemas/rule_of_law_report.yaml``); this package gives
it a checked shape (``model``) and loads it.
"""

from drafter.standard.model import (
    Numbering,
    Order,
    Part,
    Standard,
    Topic,
    fill_known_year,
    fill_year,
    load_standard,
)

__all__ = ["Numbering", "Order", "Part", "Standard", "Topic", "fill_known_year", "fill_year", "load_standard"]
