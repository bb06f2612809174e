"""How alike two pieces of Chinese text are: edit distance, shingles, shared words."""

from __future__ import annotations

import math
import re
from collections import Counter

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_NOT_TEXT = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]")


def closest_window(term: str, text: str) -> tuple[int, int, int]:
    """(distance, start, end) of the substring of ``text`` closest to ``term`` (edit distance)."""
    m = len(term)
    # previous[j]: distance of term[:i] to the best substring ending at text[j]; starts[j]: where it starts.
    previous = [0] * (len(text) + 1)
    starts = list(range(len(text) + 1))
    for i in range(1, m + 1):
        current = [i] + [0] * len(text)
        current_starts = [0] + [0] * len(text)
        for j in range(1, len(text) + 1):
            options = (
                (previous[j - 1] + (term[i - 1] != text[j - 1]), starts[j - 1]),
                (previous[j] + 1, starts[j]),
                (current[j - 1] + 1, current_starts[j - 1]),
            )
            current[j], current_starts[j] = min(options)
        previous, starts = current, current_starts
    best = min(range(len(text) + 1), key=lambda j: (previous[j], -j))
    return previous[best], starts[best], best


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def plain(text: str) -> str:
    """Only the characters that carry content (for comparing sentences)."""
    return _NOT_TEXT.sub("", text)


def shingles(text: str, n: int = 3) -> set[str]:
    text = plain(text)
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class Rarity:
    """How telling a word is within one report: words found in many of its paragraphs say little
    (log of paragraphs over paragraphs holding the word)."""

    def __init__(self, paragraphs: list[str]):
        self.total = max(1, len(paragraphs))
        self.counts: Counter[str] = Counter()
        for text in paragraphs:
            self.counts.update(words(text, frozenset()))

    def weight(self, shared: set[str]) -> float:
        return sum(math.log(self.total / max(1, self.counts[w])) for w in shared)


def words(text: str, stop: frozenset[str]) -> set[str]:
    """Two-character words of the text (every adjacent pair of Chinese characters), minus ``stop``."""
    out = set()
    for run in _CJK_RUN.findall(text):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out - stop
