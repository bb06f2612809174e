"""Word lists and patterns, the matchers a rule file can hold without any code.

A word list is searched as one alternation of its words would find them
(longest first; see wordsearch); a pattern may name {year} and {next_year}.
Either skips a hit that lies inside one of its ``except`` words (防犯 inside
预防犯罪), and a matcher with ``sentence_without`` skips a hit whose sentence
matches that pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checking.prepared import per_object
from drafter.checking.review.hits import Context, Hit, SentenceSpans, pattern
from drafter.checking.review.model import Matcher, Pattern, Word
from drafter.checking.review.wordsearch import WordSearch


def scan(matcher: Matcher, ctx: Context) -> Iterator[Hit]:
    hits = _scan_words(matcher.words, ctx) if matcher.words is not None else _scan_patterns(matcher.patterns or [], ctx)
    if matcher.sentence_without is not None:
        unless = re.compile(ctx.fill(matcher.sentence_without) or r"(?!)")
        spans = SentenceSpans()
        hits = (h for h in hits
                if h.passage is None or not unless.search(h.passage.text, *spans.around(h.passage.text, h.start)))
    if not matcher.once_per_paragraph:
        yield from hits
        return
    firsts: dict[int, Hit] = {}
    for hit in hits:
        first = firsts.setdefault(id(hit.passage), hit)
        first.fields["count"] = first.fields.get("count", 0) + 1
    yield from firsts.values()


def _scan_words(words: list[Word], ctx: Context) -> Iterator[Hit]:
    search, table = _word_search(words)
    scope = ctx.scope
    for start, end, wrong in search.find(scope.text):
        word = table[wrong]
        passage, base = scope.at(start)
        start, end = start - base, end - base
        if end <= len(passage.text) and not _excepted(passage.text, start, end, word.except_):
            yield Hit.at(passage, (start, end), right=word.right)


def _word_search(words: list[Word]) -> tuple[WordSearch, dict[str, Word]]:
    """A word list made ready for searching, once per list."""
    return per_object(words, "words", lambda ws: (WordSearch(w.wrong for w in ws), {w.wrong: w for w in ws}))


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
