"""Finding any of many words in a text, as one regular expression of them all would.

A word list (typo pairs, the names of political terms …) is searched as the alternation of its
words, longest first, found left to right without overlaps. Python's regex engine tries each of
a few hundred words' first characters at most places of a report, so :class:`WordSearch` finds
the same words another way: a regex of character classes finds the few places where a word
can start (its first two or three characters each fit), and a dictionary says which words start
there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache


@lru_cache(maxsize=256)
def alternation(words: tuple[str, ...]) -> str:
    """A regular expression matching any of ``words``, longest first, written as a trie
    (任旧|任然 → 任(?:旧|然)): the matcher tries one branch per character instead of every word.
    Remembered: a check builds the same one for every report."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            return f"(?:{'|'.join(branches)})?" if branches else ""
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(trie)


class WordSearch:
    """Words made ready to search for, once; :meth:`find` then runs per text."""

    def __init__(self, words: Iterable[str]):
        ordered = sorted(set(words), key=len, reverse=True)
        self.by_pair: dict[str, list[str]] = {}
        for word in ordered:
            self.by_pair.setdefault(word[:2], []).append(word)
        short = any(len(w) < 2 for w in ordered)
        self.alternation = re.compile(alternation(tuple(ordered))) if short else None
        # Where a word may start: its first character, then (looked at, not taken) the next one,
        # or the next two for the words that have them; a class per place, for two-character
        # words and for longer ones apart (one set of classes for both would let more through).
        self.starts = [s for s in (_starts([w for w in ordered if (len(w) >= 3) == longer]) for longer in (False, True))
                       if s is not None]

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, word) of each word found, as the alternation of the words finds them."""
        if self.alternation is not None:  # a one-character word can start anywhere its character is
            for m in self.alternation.finditer(text):
                yield m.start(), m.end(), m.group()
            return
        if len(self.starts) == 1:
            places: Iterable[int] = (m.start() for m in self.starts[0].finditer(text))
        else:
            places = sorted({m.start() for starts in self.starts for m in starts.finditer(text)})
        after = 0  # where the last word found ends: the next may not start inside it
        pairs = self.by_pair
        for at in places:
            if at < after:
                continue
            for word in pairs.get(text[at:at + 2], ()):
                if text.startswith(word, at):
                    after = at + len(word)
                    yield at, after, word
                    break


def _starts(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    reach = min(3, min(map(len, words)))
    classes = [f"[{_class(sorted({w[i] for w in words}))}]" for i in range(reach)]
    return re.compile(f"{classes[0]}(?={''.join(classes[1:])})")


def _class(chars: Iterable[str]) -> str:
    return "".join(map(re.escape, chars))
