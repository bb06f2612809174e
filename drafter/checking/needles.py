"""What a regular expression cannot match without: a few literal strings, one of which is in
every text it matches, read from the parsed expression.

Most of the patterns checking runs (the review's rules, the placeholder markers) find nothing
in most reports, and a scan of a whole report by Python's regex engine costs far more than
looking for a literal; a scan whose needles are all absent is skipped, and finds exactly what it
would have found: nothing. Needles come
from literal runs the expression must pass through (in sequence, in a repetition of at least
one, in every alternative, in a lookahead); an expression without any, or one that ignores
case, has none and is always scanned.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache
from typing import Any

# The parser of Python's own regex compiler (renamed in Python 3.11).
if sys.version_info >= (3, 11):
    from re import _constants as _op
    from re import _parser as _parse
else:
    import sre_constants as _op
    import sre_parse as _parse

_MOST = 8  # needles looked for at most; more cost as much as the scan they would save
Needles = tuple[str, ...]


def may_match(regex: re.Pattern[str], text: str) -> bool:
    """False only when ``regex`` certainly has no match in ``text``."""
    known = _known.get(id(regex))
    if known is None or known[0] is not regex:
        if len(_known) > 4096:  # patterns made afresh for every report (a year filled in) come and go
            _known.clear()
        written = needles(regex)
        # Each needle as a regex of its own: the engine looks for a literal faster than ``in`` does.
        searched = None if written is None else tuple(re.compile(re.escape(n)) for n in written)
        known = _known[id(regex)] = (regex, searched)
    found = known[1]
    return found is None or any(n.search(text) for n in found)


# By the compiled expression (kept here, so its id stays its own): a pattern's hash is worked out
# from its whole compiled code at every lookup, too slow for a check made at every scan.
_known: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], ...] | None]] = {}


@lru_cache(maxsize=2048)
def needles(regex: re.Pattern[str]) -> Needles | None:
    """Strings one of which every text matched by ``regex`` contains; None when there are none to use."""
    if regex.flags & re.IGNORECASE or not isinstance(regex.pattern, str):
        return None
    try:
        # (typeshed's SubPattern lacks __iter__; it iterates through __getitem__)
        parsed = list(_parse.parse(regex.pattern, regex.flags))  # type: ignore[call-overload]
    except Exception:  # noqa: BLE001 (an expression this reading does not follow is simply scanned)
        return None
    if _opens_with_literal(parsed):
        return None  # the regex engine itself looks for that literal first, as fast as ``in``
    return _best(_required(parsed))


def _opens_with_literal(items: list[tuple[Any, Any]]) -> bool:
    while items and items[0][0] is _op.SUBPATTERN and not items[0][1][1]:  # a group without flags
        items = list(items[0][1][3])
    return bool(items) and items[0][0] is _op.LITERAL


def _best(choices: list[frozenset[str]]) -> Needles | None:
    """Of several sets that each hold a needle, the one quickest to rule out: few, long strings."""
    usable = [c for c in choices if c and len(c) <= _MOST and all(c)]
    if not usable:
        return None
    best = max(usable, key=lambda c: (min(map(len, c)) >= 2, -len(c), min(map(len, c))))
    return tuple(sorted(best, key=lambda s: (-len(s), s)))


def _required(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Sets of strings, each set holding one string found in every match of the sequence ``items``."""
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _op.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset(["".join(run)]))
            run = []
        if op is _op.SUBPATTERN:
            _, add_flags, _, body = av
            if not add_flags & re.IGNORECASE:
                out.extend(_required(list(body)))
        elif op is _op.BRANCH:
            each = [_best(_required(list(alternative))) for alternative in av[1]]
            if all(each):
                out.append(frozenset(s for found in each for s in found))  # type: ignore[union-attr]
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_required(list(av[2])))
        elif op is _ATOMIC:
            out.extend(_required(list(av)))
        elif op is _op.IN and all(kind is _op.LITERAL for kind, _ in av):  # [X×]: one of these characters
            out.append(frozenset(chr(ch) for _, ch in av))
        elif op is _op.ASSERT:  # a lookahead or lookbehind: its text is in the string too
            out.extend(_required(list(av[1])))
    if run:
        out.append(frozenset(["".join(run)]))
    return out


_REPEATS = tuple(getattr(_op, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_op, name))
_ATOMIC = getattr(_op, "ATOMIC_GROUP", object())
