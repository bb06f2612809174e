"""YAML files that remember where every value came from, checked against pydantic models.

``load``/``parse`` give plain data plus the file:line:col of every path in it
(``build`` turns parser events into data within fixed bounds; ``syntax`` and
``slips`` explain a syntax error on the line where the mistake is);
``validate`` builds a model from that data and turns every error into a
located Chinese message. The standard, the style sheet and the input all load
through here.
"""

from drafter.yamlio.loader import load, parse
from drafter.yamlio.located import Loc, Located, format_loc
from drafter.yamlio.validation import validate

__all__ = ["Loc", "Located", "format_loc", "load", "parse", "validate"]
