"""Figures in a report's text: the sentences drafter wrote for them, and numbers to carry into next year.

Both directions use the templates as the authority. The wording of a 同比
clause, the separator between figures and the sentence's end are learnt by
rendering known figures through the templates; a sentence is taken for one
drafter wrote only if rendering the figures read from it gives the sentence
back exactly. Units come from the standard (``figures.units``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

from drafter.drafting import compose
from drafter.standard import Standard

_NUMBER = r"\d+(?:\.\d+)?"
# Where a figure's name begins: after the previous clause (a 、 joins words inside a name).
_CLAUSE_END = "，,；;。：:（）()“”‘’《》\n"


@dataclass
class Found:
    """A figure written in a text: ``name`` then the number and unit, maybe a 同比 clause."""

    start: int  # where the name begins
    number: int  # where the number begins
    end: int  # after the number, unit and 同比 clause
    name: str
    value: float
    unit: str


class Figures:
    def __init__(self, std: Standard, year: int, templates: Path | None = None):
        self.std, self.year = std, year
        self.sentence = compose.figure_writer(std, year, templates)
        units = sorted(std.figures.units, key=len, reverse=True)
        approximate = std.figures.approximate
        scaled = [s + a for s in std.figures.scales for a in approximate]
        prefix = "|".join(re.escape(p) for p in sorted(scaled + approximate, key=len, reverse=True))
        unit = f"(?:{prefix})?(?:{'|'.join(re.escape(u) for u in units)})" if units else "(?!)"
        self.unit = unit
        self.number = re.compile(rf"(?<![\d.])(?P<value>{_NUMBER})(?P<unit>{unit})")
        self.changes, self.separator, self.end = self._learn()

    def _learn(self) -> tuple[list[tuple[re.Pattern[str], str, bool]], str, str]:
        """The 同比 clauses, the separator and the end the templates write, from rendered examples."""
        probes = [("up", False, 130, 100, "件"), ("down", False, 70, 100, "件"), ("flat", False, 100, 100, "件"),
                  ("up", True, 35, 5, "%"), ("down", True, 5, 35, "%")]
        changes = []
        for direction, points, value, previous, unit in probes:
            figure = _figure("", value, previous, unit, yoy=True)
            text = self.sentence([figure])
            head = compose.number(value) + unit
            clause = text[len(head):-1] if text.startswith(head) else ""
            if not clause:
                continue
            amount = "30"
            pattern = re.escape(clause).replace(re.escape(amount), f"(?P<amount>{_NUMBER})", 1)
            changes.append((re.compile(pattern), direction, points))
        # In the writer's own text the same clause may come with half-width punctuation or spaces.
        self.loose = [
            re.compile(re.sub(r"[，,]", r"[，,]\\s*", p.pattern).replace("%", "[%％]"))
            for p, _, _ in changes
        ]
        pair = self.sentence([_figure("", 1, None, "件"), _figure("", 2, None, "件")])
        separator = pair[len("1件"):-len("2件") - 1] if pair.startswith("1件") else "；"
        end = pair[-1:] if pair else "。"
        return changes, separator, end

    # -- a sentence drafter wrote after a text ---------------------------------

    def trailing(self, text: str) -> tuple[str, list[SimpleNamespace]]:
        """``text`` without its last sentence and the figures in it, when drafter wrote that sentence."""
        body = text.rstrip()
        if not body.endswith(self.end):
            return text, []
        cut = max(body.rfind(mark, 0, len(body) - 1) for mark in "。！？")
        sentence = body[cut + 1:]
        clauses = sentence[: -len(self.end)].split(self.separator)
        matched = [self._matching(c) for c in clauses]
        figures = [f for f in matched if f is not None]
        if not figures or len(figures) < len(matched) or self.sentence(figures) != sentence:
            return text, []
        return body[: cut + 1], figures

    def _matching(self, clause: str) -> SimpleNamespace | None:
        """The figure the templates write as ``clause`` (last year's value found within rounding)."""
        figure = self._clause(clause)
        if figure is None:
            return None
        candidates = [figure]
        if figure.previous is not None:
            step = 10.0 ** -_decimals(figure.previous)
            candidates += [_figure(figure.name, figure.value, figure.previous + d, figure.unit)
                           for d in (step, -step, 2 * step, -2 * step)]
        for candidate in candidates:
            # 同比 on a base the standard calls too small is kept as written (yoy: true).
            for wanted in (None, True):
                candidate.yoy = wanted
                if self.sentence([candidate]) == clause + self.end:
                    return candidate
        return None

    def _clause(self, clause: str) -> SimpleNamespace | None:
        found = re.fullmatch(rf"(?P<name>.+?)(?P<value>{_NUMBER})(?P<unit>{self.unit})(?P<change>.*)", clause)
        if not found or any(ch in found.group("name") for ch in _CLAUSE_END + self.separator + self.end):
            return None  # a figure's name is one clause; longer sentences are the writer's own
        value = _number(found.group("value"))
        rest = found.group("change")
        if not rest:
            return _figure(found.group("name"), value, None, found.group("unit"))
        for pattern, direction, points in self.changes:
            change = pattern.fullmatch(rest)
            if change:
                written = change.groupdict().get("amount") or "0"
                previous = _previous(value, float(written), direction, points, found.group("value"), written)
                return _figure(found.group("name"), value, previous, found.group("unit"))
        return None

    # -- numbers in the writer's text ----------------------------------------

    def find(self, text: str) -> list[Found]:
        """Every “name + number + unit” in ``text``, with the 同比 clause after it if any."""
        out: list[Found] = []
        for match in self.number.finditer(text):
            if (match.start() > 0 and text[match.start() - 1] in "第") or (out and match.start() < out[-1].end):
                continue
            start, floor = match.start(), out[-1].end if out else 0
            while start > floor and text[start - 1] not in _CLAUSE_END:
                start -= 1
            end = match.end()
            for pattern in self.loose:
                change = pattern.match(text, end)
                if change:
                    end = change.end()
                    break
            name = text[start:match.start()].strip().strip("、")
            out.append(Found(start, match.start(), end, name, _number(match.group("value")), match.group("unit")))
        return out


def _figure(
    name: str, value: float | None, previous: float | None, unit: str, yoy: bool | None = None
) -> SimpleNamespace:
    return SimpleNamespace(name=name, value=value, previous=previous, unit=unit, yoy=yoy)


def _number(text: str) -> float:
    return float(text)


def _decimals(value: float) -> int:
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _previous(value: float, amount: float, direction: str, points: bool, written: str, change: str) -> float:
    """Last year's value that gives this change (as close as rounding allows)."""
    if direction == "flat":
        return value
    sign = 1 if direction == "up" else -1
    decimals = len(written.partition(".")[2])
    if points:  # a difference of percentages: exact to the decimals of either
        decimals = max(decimals, len(change.partition(".")[2]))
        previous = value - sign * amount
    else:
        previous = value / (1 + sign * amount / 100)
    return round(previous, decimals) if decimals else float(round(previous))
