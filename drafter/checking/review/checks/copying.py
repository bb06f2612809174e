"""Copied text: a sentence printed twice, last year's paragraphs carried over, text shared across units."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from drafter.checking.review.checks.textsim import (
    ShingleIndex,
    WordIndex,
    plain,
    rarity_in,
    shingles,
    words,
)
from drafter.checking.review.hits import SENTENCE_END, Context, Hit
from drafter.checking.review.passages import Passage, Subject
from drafter.document.cjk import snippet


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class RepeatParams(_Params):
    min_chars: int = Field(15, ge=4, description="句子至少这么多字才比较")
    clause_min_chars: int = Field(20, ge=4, description="分句（逗号隔开）至少这么多字才比较")
    ignore: list[str] = Field(default_factory=list, description="常用提法：去掉这些后剩下的字不够多时不算重复")


def repeated(ctx: Context, params: RepeatParams) -> Iterator[Hit]:
    """The same sentence, or a long clause, printed twice within one report."""
    seen: dict[str, tuple[Passage, tuple[int, int]]] = {}  # sentence → where it was first printed
    formulas = [plain(phrase) for phrase in params.ignore]
    sentence, clause = params.min_chars, params.clause_min_chars
    shortest = min(sentence, clause)
    # (strict=False: no passages still give one empty list, as the joined text splits into [""])
    for passage, segments in zip(ctx.passages, _sentences_plain(ctx.passages), strict=False):
        reported = False
        for k, segment in enumerate(segments):
            if len(segment) < shortest:
                continue  # (with its marks still in: its sentence and clauses are shorter still)
            # The sentence, then its clauses if it has several; each known by where it starts.
            parts = _CLAUSE_END.split(segment)
            pieces: list[tuple[int, int | None, str, int]] = [
                (0, None, "".join(parts) if len(parts) > 1 else segment, sentence)]
            if len(parts) > 1:
                pieces += [(j, j, part, clause) for j, part in enumerate(parts)]
            for j, which, key, minimum in pieces:
                if len(key) < minimum:
                    continue
                first, at = seen.setdefault(key, (passage, (k, j)))
                if ((first is not passage or at != (k, j)) and not reported
                        and not _mostly_formula(key, formulas, params)):
                    reported = True
                    yield Hit.at(passage, _span(passage.text, k, which), place=first.said_at)


# Sentences are compared by their content: each paragraph's text is made plain (only what carries
# content) at once, keeping the marks that end sentences and clauses, then cut at those marks.
_ENDS = re.compile(f"[{SENTENCE_END}]")
_CLAUSE_MARKS = "，,：:"
_CLAUSE_END = re.compile(f"[{_CLAUSE_MARKS}]")
_NOT_KEPT = re.compile(f"[^\u4e00-\u9fff0-9A-Za-z{SENTENCE_END}{_CLAUSE_MARKS}]")
_NOT_KEPT_OR_BREAK = re.compile(f"[^\u4e00-\u9fff0-9A-Za-z{SENTENCE_END}{_CLAUSE_MARKS}\n]")  # (between paragraphs)


def _sentences_plain(passages: list[Passage], clauses: bool = True) -> list[list[str]]:
    """For each passage, its sentences (cut where the sentence marks are: the last one is what
    follows the last mark) made plain but for the clause marks in them (``clauses=False``: without
    them too). The k-th is the text :func:`_span` finds as the k-th sentence; one with no content
    is an empty string."""
    texts = [p.text for p in passages]
    if any("\n" in t for t in texts):
        kept = [_NOT_KEPT.sub("", t) for t in texts]
        if not clauses:
            kept = [_CLAUSE_END.sub("", k) for k in kept]
    else:  # one pass of the regex engine over the whole report
        joined = _NOT_KEPT_OR_BREAK.sub("", "\n".join(texts))
        kept = (joined if clauses else _CLAUSE_END.sub("", joined)).split("\n")
    return [_ENDS.split(k) for k in kept]


def _span(text: str, k: int, clause: int | None) -> tuple[int, int]:
    """Where the k-th sentence of ``text`` (or its clause ``clause``) is, with its closing mark."""
    ends = [m.end() for m in _ENDS.finditer(text)]
    start, end = ends[k - 1] if k else 0, ends[k] if k < len(ends) else len(text)
    if clause is None:
        return start, end
    cuts = [start, *[m.end() for m in _CLAUSE_END.finditer(text, start, end)], end]
    return cuts[clause], cuts[clause + 1]


def _mostly_formula(key: str, formulas: list[str], params: RepeatParams) -> bool:
    for phrase in formulas:
        key = key.replace(phrase, "")
    return len(key) < params.clause_min_chars // 2


class PreviousParams(_Params):
    min_chars: int = Field(40, ge=10, description="段落至少这么多字才比较")
    similarity: float = Field(0.7, gt=0, le=1, description="三字片段的重合比例达到这个值即算照搬")


def previous_year(ctx: Context, params: PreviousParams) -> Iterator[Hit]:
    """Paragraphs carried over nearly word for word from last year's report (--previous)."""
    if ctx.previous is None:
        return
    old = [p for p in ctx.previous.passages if p.kind == "para" and len(plain(p.text)) >= params.min_chars]
    index = ShingleIndex([shingles(p.text) for p in old])
    for passage in ctx.passages:
        if passage.kind != "para" or len(plain(passage.text)) < params.min_chars:
            continue
        similarity, i = index.most_alike(shingles(passage.text))
        if i is not None and similarity >= params.similarity:
            yield Hit(passage, 0, 0, {"found": "", "similarity": f"{similarity:.0%}", "place": old[i].said_at},
                      excerpt=snippet(passage.text, 40))


class FollowParams(_Params):
    stop: list[str] = Field(default_factory=list, description="太常见、不能说明落实情况的两字词")
    min_weight: float = Field(5.0, ge=0, description="本年度某段举措与去年这条安排共有的两字词的分量达到这个值才算有下文")


def not_followed(ctx: Context, params: FollowParams) -> Iterator[Hit]:
    """Last year's plan items with no trace in this year's measures (--previous)."""
    roles = ctx.std.roles
    anchor = ctx.subject.anchors.get(roles.themes)
    if ctx.previous is None or anchor is None:
        return
    stop = frozenset(params.stop)
    done = [p.text for part in (roles.themes, roles.leader) for p in ctx.subject.parts.get(part, [])]
    index = WordIndex(done, stop, rarity_in(ctx.subject))
    for plan in ctx.previous.items.get(roles.follow_up, []):
        mine = words(plan.text, stop)
        if mine and not index.reaches(mine, params.min_weight):
            yield Hit(anchor, 0, 0, {"found": "", "plan": snippet(plan.text, 24)}, excerpt=snippet(plan.text, 40))


class SharedParams(_Params):
    min_chars: int = Field(20, ge=8, description="句子至少这么多字才比较")
    per_report: int = Field(5, ge=1, description="每份报告最多报告这么多段，其余的在最后一条中说明段数")
    ignore: list[str] = Field(default_factory=list, description="常用提法：去掉这些后剩下的字不够多时不比较")


def shared_text(subjects: list[Subject], params: SharedParams) -> dict[int, list[Hit]]:
    """Sentences found word for word in several units' reports of one batch: one hit per paragraph
    holding such sentences, at its first, with how many there are ({sentences}), the other reports
    ({others}, up to three) and how many reports share them ({count})."""
    where: dict[str, dict[int, tuple[Passage, int]]] = {}  # sentence → report → (paragraph, its k-th sentence)
    formulas = [plain(phrase) for phrase in params.ignore]
    least = params.min_chars
    for n, subject in enumerate(subjects):
        paragraphs = [p for p in subject.passages if p.kind == "para"]
        # (strict=False: no paragraphs still give one empty list, as in repeated)
        # Each sentence is known by its content without the clause marks (cut out of the whole
        # report at once: they end no sentence, so the k-th sentence stays the k-th).
        for passage, keys in zip(paragraphs, _sentences_plain(paragraphs, clauses=False), strict=False):
            for k, key in enumerate(keys):
                if len(key) >= least:
                    places = where.get(key)
                    if places is None:
                        where[key] = {n: (passage, k)}
                    elif n not in places:
                        places[n] = (passage, k)
    for key in list(where):  # each sentence judged once, however many reports print it
        rest = key
        for phrase in formulas:
            rest = rest.replace(phrase, "")
        if len(rest) < least // 2:
            del where[key]  # mostly stock phrases: not worth comparing
    names = [Path(s.file).name for s in subjects]
    found: dict[tuple[int, int], list] = {}  # (report, paragraph) → [first place, sentences, others, reports]
    for places in where.values():
        reports = len(places)
        if reports < 2:
            continue
        shown = list(places)[:4]
        for n, place in places.items():
            entry = found.get((n, id(place[0])))
            if entry is None:
                found[(n, id(place[0]))] = [place, 1, [names[m] for m in shown if m != n][:3], reports]
            else:
                entry[1] += 1
                entry[3] = max(entry[3], reports)
    by_report: dict[int, list[list]] = {}
    for (n, _), entry in found.items():
        by_report.setdefault(n, []).append(entry)
    hits: dict[int, list[Hit]] = {}
    for n, entries in by_report.items():
        listed = hits[n] = []
        # a copied report: a few places say enough
        for (passage, k), count, others, reports in entries[:params.per_report]:
            listed.append(Hit.at(passage, _span(passage.text, k, None), sentences=count, others="、".join(others),
                                 count=reports, more=""))
        extra = len(entries) - params.per_report
        if extra > 0:
            listed[-1].fields["more"] = f"；这份报告另有{extra}段也有这样的句子"
    return hits
