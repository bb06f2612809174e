"""Word lists and patterns, the matchers a rule file can hold without any code.

A word list is compiled into one alternation (longest first); a pattern may
name {year} and {next_year}. Either skips a hit that lies inside one of its
``except`` words (防犯 inside 预防犯罪), and a matcher with
``sentence_without`` skips a hit whose sentence matches that pattern.
"""

from __future__ import annotations

import re
from typing import Iterator

from drafter.checking.review.hits import Context, Hit, SentenceSpans, alternation, pattern
from drafter.checking.review.model import Matcher, Pattern, Word


def scan(matcher: Matcher, ctx: Context) -> Iterator[Hit]:
    hits = _scan_words(matcher.words, ctx) if matcher.words is not None else _scan_patterns(matcher.patterns or [], ctx)
    if matcher.sentence_without is not None:
        unless = re.compile(ctx.fill(matcher.sentence_without) or r"(?!)")
        spans = SentenceSpans()
        hits = (h for h in hits if not unless.search(h.passage.text, *spans.around(h.passage.text, h.start)))
    if not matcher.once_per_paragraph:
        yield from hits
        return
    firsts: dict[int, Hit] = {}
    for hit in hits:
        first = firsts.setdefault(id(hit.passage), hit)
        first.fields["count"] = first.fields.get("count", 0) + 1
    yield from firsts.values()


def _scan_words(words: list[Word], ctx: Context) -> Iterator[Hit]:
    index = _word_index(words)
    scope = ctx.scope
    for start, end, word in index.find(scope.text):
        passage, base = scope.at(start)
        start, end = start - base, end - base
        if end <= len(passage.text) and not _excepted(passage.text, start, end, word.except_):
            yield Hit.at(passage, (start, end), right=word.right)


class WordIndex:
    """A word list made ready to search: the words by their first two characters.

    It finds what one alternation of the words (longest first) finds, left to right without
    overlaps, but Python's regex engine would try each of a few hundred words' first characters
    at most places of a report; here a regex made of two character classes finds the few places
    where a word can start (its first and second characters both fit), and a dictionary says
    which words start there.
    """

    def __init__(self, words: list[Word]):
        self.table = {w.wrong: w for w in words}
        self.by_pair: dict[str, list[str]] = {}
        for wrong in sorted(self.table, key=len, reverse=True):
            self.by_pair.setdefault(wrong[:2], []).append(wrong)
        one = [w for w in self.table if len(w) == 1]
        if one:  # a one-character word can start anywhere its character is
            self.starts = re.compile(alternation(tuple(self.table)))
        else:
            firsts = "".join(sorted({w[0] for w in self.table}))
            seconds = "".join(sorted({w[1] for w in self.table}))
            self.starts = re.compile(f"[{_class(firsts)}](?=[{_class(seconds)}])")
        self.single = bool(one)

    def find(self, text: str) -> Iterator[tuple[int, int, Word]]:
        """(start, end, word) of each word found, as the alternation would find them."""
        if self.single:
            for m in self.starts.finditer(text):
                yield m.start(), m.end(), self.table[m.group()]
            return
        after = 0  # where the last word found ends: the next may not start inside it
        for m in self.starts.finditer(text):
            at = m.start()
            if at < after:
                continue
            for wrong in self.by_pair.get(text[at:at + 2], ()):
                if text.startswith(wrong, at):
                    after = at + len(wrong)
                    yield at, after, self.table[wrong]
                    break


def _class(chars: str) -> str:
    return "".join(map(re.escape, chars))


# Word lists made ready, by the list they were made from (kept alive here, so ids stay unique).
_WORDS: dict[int, tuple[list[Word], WordIndex]] = {}


def _word_index(words: list[Word]) -> WordIndex:
    if id(words) not in _WORDS:
        _WORDS[id(words)] = (words, WordIndex(words))
    return _WORDS[id(words)][1]


def _scan_patterns(patterns: list[Pattern], ctx: Context) -> Iterator[Hit]:
    for spec in patterns:
        filled = ctx.fill(spec.pattern)
        if filled is None:
            continue  # the report's year is unknown
        regex = pattern(filled)
        for passage, start, end, m in ctx.scope.finditer(regex):
            if end == start or _excepted(passage.text, start, end, spec.except_):
                continue
            right = m.expand(spec.right) if spec.right else ""
            yield Hit.at(passage, (start, end), right=right, **{k: v for k, v in m.groupdict().items() if v})


def _excepted(text: str, start: int, end: int, words: list[str]) -> bool:
    """Whether text[start:end] lies inside an occurrence of one of ``words``."""
    for word in words:
        lo = max(0, end - len(word))
        at = text.find(word, lo, start + len(word))
        while at != -1 and at <= start:
            if at + len(word) >= end:
                return True
            at = text.find(word, at + 1, start + len(word))
    return False
