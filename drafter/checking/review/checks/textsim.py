"""How alike two pieces of Chinese text are: edit distance, shingles, shared words."""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import repeat

from drafter.checking.review.passages import Subject

# Adjacent pairs of Chinese characters: those starting at an even place in a run of them, then
# those at an odd place (two scans that each step two characters at a time; one scan looking
# ahead at every character is four times slower).
_EVEN_PAIRS = re.compile(r"[\u4e00-\u9fff]{2}")
_ODD_PAIRS = re.compile(r"(?<=[\u4e00-\u9fff])[\u4e00-\u9fff]{2}")
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
    (log of paragraphs over paragraphs holding the word).

    Only the words asked about are counted (few: those a shortcoming shares with a plan), unless
    the report is long, when counting every word once is cheaper.
    """

    EAGER = 400  # paragraphs from which every word is counted up front

    def __init__(self, paragraphs: list[str]):
        self.paragraphs = paragraphs
        self.total = max(1, len(paragraphs))
        self.counts: dict[str, int] = {}
        if len(paragraphs) >= self.EAGER:
            counted: Counter[str] = Counter()
            for text in paragraphs:
                counted.update(words(text, frozenset()))
            self.counts = dict(counted)

    def weight(self, shared: set[str]) -> float:
        return sum(self.of(w) for w in shared)

    def of(self, word: str) -> float:
        count = self.counts.get(word)
        if count is None:
            # (map: the paragraphs are looked through without a Python step per paragraph)
            count = self.counts[word] = 0 if self.total >= self.EAGER else sum(
                map(str.__contains__, self.paragraphs, repeat(word)))
        return math.log(self.total / max(1, count))


def rarity_in(subject: Subject) -> Rarity:
    """How telling words are across a report's paragraphs: counted once per report for every rule."""
    if "rarity" not in subject.memo:
        subject.memo["rarity"] = Rarity([p.text for p in subject.passages if p.kind == "para"])
    return subject.memo["rarity"]


class WordIndex:
    """Whether a query shares enough telling words with one of several texts, each shared word
    weighted by its rarity in the report. A text's words are taken when it is first compared."""

    def __init__(self, texts: list[str], stop: frozenset[str], rarity: Rarity, telling: float = 0.3):
        self.texts = texts
        self.stop = stop
        self.groups: list[set[str] | None] = [None] * len(texts)
        self.rarity = rarity
        self.telling = telling

    def reaches(self, query: set[str], least: float) -> bool:
        """Whether the words one text shares with ``query`` weigh ``least`` or more.

        Stops at the first text that gets there (weights only add up): the texts after it are
        not split into words, and a word's rarity (a count over the report) is worked out only
        for the words looked at."""
        for i, group in enumerate(self.groups):
            if group is None:
                group = self.groups[i] = words(self.texts[i], self.stop)
            score = 0.0
            for word in query & group:
                weight = self.rarity.of(word)
                if weight >= self.telling:  # words in most paragraphs add next to nothing
                    score += weight
                    if score >= least:
                        return True
        return 0.0 >= least


class ShingleIndex:
    """Find, among many texts (shingle sets), the one most alike a query.

    Only texts sharing a shingle that few texts have are compared in full, so a long report
    against a long report stays fast; a shingle in more than ``common`` texts does not make
    a text a candidate.
    """

    def __init__(self, texts: list[set[str]], common: int = 100, keep: int = 3):
        self.texts = texts
        self.keep = keep
        postings: dict[str, list[int]] = {}
        for i, shingle_set in enumerate(texts):
            for s in shingle_set:
                postings.setdefault(s, []).append(i)
        self.postings = {s: hits for s, hits in postings.items() if len(hits) <= common}

    def most_alike(self, query: set[str]) -> tuple[float, int | None]:
        """(Jaccard, index) of the most alike text."""
        shared: Counter[int] = Counter()
        for s in query:
            shared.update(self.postings.get(s, ()))
        best: tuple[float, int | None] = (0.0, None)
        for i, _ in shared.most_common(self.keep):
            best = max(best, (jaccard(query, self.texts[i]), i), key=lambda x: x[0])
        return best


def words(text: str, stop: frozenset[str]) -> set[str]:
    """Two-character words of the text (every adjacent pair of Chinese characters), minus ``stop``."""
    found = set(_EVEN_PAIRS.findall(text))
    found.update(_ODD_PAIRS.findall(text))
    return found - stop
