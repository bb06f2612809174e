"""Normative terms written wrong: a leader's name cut or a term garbled, a law cited under a wrong name."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from itertools import combinations

from pydantic import BaseModel, ConfigDict, Field

from drafter.checking.review.checks.textsim import closest_window, edit_distance
from drafter.checking.review.hits import Context, Hit, prepared
from drafter.checking.review.wordsearch import WordSearch

_MASK = "\0"


class _Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Term(_Params):
    lead: str = Field("", description="不能省略的姓名部分，如“习近平”")
    body: str = Field(min_length=2, description="术语的其余部分，如“法治思想”")
    bare: bool = Field(False, description="没有 lead 只写 body 也算错（如“新时代中国特色社会主义思想”）")
    fuzzy: bool = Field(True, description="是否查找错一两个字的写法")
    except_: list[str] = Field(default_factory=list, alias="except",
                               description="以 lead 中的字结尾、并非截断的常用词，如“学习”")


class TermsParams(_Params):
    terms: list[Term] = Field(min_length=1)
    chars_per_edit: int = Field(8, ge=4, description="术语每这么多字允许错一个字（至少一个），以判断是不是写错的这个术语")
    max_edits: int = Field(2, ge=1, le=3, description="最多允许错几个字")
    min_length: int = Field(7, ge=3, description="不短于这么多字的术语才查找错字（太短的容易误报）")


def garbled_terms(ctx: Context, params: TermsParams) -> Iterator[Hit]:
    """A term whose leading name is cut (习法治思想), missing where it must stand, or garbled by an edit or two."""
    terms, by_length, anchors = prepared(params, "terms", _prepare)
    scope = ctx.scope
    masked = scope.text  # the report's text with every correct term covered up
    for full in by_length:
        masked = masked.replace(full, _MASK * len(full))
    candidates = _anchored(masked, anchors)
    taken = bytearray(len(masked))  # characters already reported
    for term in terms:
        spans = list(term.cut_or_bare(masked))
        spans += _garbled(masked, term.full, term.edits, candidates.get(id(term), []))
        for start, end in spans:
            passage, base = scope.at(start)
            if end - base > len(passage.text) or any(taken[start:end]):
                continue  # runs into the next paragraph, or already reported
            taken[start:end] = b"\1" * (end - start)
            yield Hit.at(passage, (start - base, end - base), right=term.full)


class _Prepared:
    """A term with what the search needs worked out once: its cut forms, its anchors."""

    def __init__(self, term: Term, params: TermsParams):
        self.term = term
        self.full = term.lead + term.body
        self.body = re.compile(re.escape(term.body))
        # The lead with characters dropped, keeping their order: 习近平 → 习, 近, 平, 习近, 习平, 近平.
        cuts = {"".join(c) for n in range(1, len(term.lead)) for c in combinations(term.lead, n)}
        self.cuts = sorted(cuts, key=len, reverse=True)
        self.edits = min(params.max_edits, max(1, len(self.full) // params.chars_per_edit))
        # With an edit per eight characters at most, some three-character stretch of the term stays intact.
        fuzzy = term.fuzzy and len(self.full) >= params.min_length
        self.stretches = {self.full[i:i + 3] for i in range(len(self.full) - 2)} if fuzzy else set()

    def cut_or_bare(self, text: str) -> Iterator[tuple[int, int]]:
        term = self.term
        if term.body not in text:
            return
        for m in self.body.finditer(text):
            at = m.start()
            cut = next((c for c in self.cuts if text.endswith(c, 0, at)), None)
            if cut is not None and not any(text.endswith(e, 0, at) and e.endswith(cut) for e in term.except_):
                yield at - len(cut), m.end()
            elif term.lead and term.bare and not text.endswith(term.lead, 0, at):
                yield at, m.end()


def _prepare(params: TermsParams) -> tuple[list[_Prepared], list[str], tuple[WordSearch, dict[str, list[int]]]]:
    """The terms made ready, their full forms longest first, and their intact stretches (with the
    terms holding each) ready to search for."""
    terms = [_Prepared(t, params) for t in params.terms]
    holders: dict[str, list[int]] = {}
    for term in terms:
        for stretch in term.stretches:
            holders.setdefault(stretch, []).append(id(term))
    return terms, sorted((t.full for t in terms), key=len, reverse=True), (WordSearch(holders), holders)


def _anchored(text: str, anchors: tuple[WordSearch, dict[str, list[int]]]) -> dict[int, list[int]]:
    """Where an intact stretch of each fuzzy term occurs (one search for all terms), by term.
    Stretches found overlapping an earlier one are skipped: one per place is enough to look there."""
    search, holders = anchors
    out: dict[int, list[int]] = {}
    for start, _, stretch in search.find(text):
        for term in holders[stretch]:
            out.setdefault(term, []).append(start)
    return out


def _garbled(text: str, full: str, max_edits: int, candidates: list[int]) -> Iterator[tuple[int, int]]:
    """Places where ``text`` reads ``full`` with 1..max_edits characters changed, dropped or added."""
    seen_until = -1
    for at in candidates:
        if at < seen_until:
            continue
        lo, hi = max(0, at - len(full)), min(len(text), at + len(full) + max_edits)
        window = text[lo:hi]
        if sum(min(n, window.count(ch)) for ch, n in Counter(full).items()) < len(full) - max_edits:
            continue  # too few of the term's characters nearby for a near match (cheap check first)
        distance, start, end = closest_window(full, window)
        if 0 < distance <= max_edits and _MASK not in text[lo + start:lo + end]:
            seen_until = lo + end
            yield lo + start, lo + end


class Law(_Params):
    name: str = Field(description="现行名称（不含“中华人民共和国”）")
    wrong: list[str] = Field(default_factory=list, description="常见的错误或不规范写法")
    until: int | None = Field(None, description="废止或被取代前的最后一个年度；此后再引用即为过时")
    replaced_by: str = Field("", description="取代它的法律法规")


class LawParams(_Params):
    laws: list[Law] = Field(min_length=1)
    strip: list[str] = Field(default_factory=lambda: ["中华人民共和国"], description="比较名称前去掉的前缀")
    fuzzy_min: int = Field(9, ge=4, description="不短于这么多字的名称，错一个字也能发现")
    dropped: int = Field(3, ge=0, description="比现行名称多几个字或少几个字（其余字的先后不变）仍算写错的这个名称")
    dropped_min: int = Field(5, ge=2, description="这么多字以上的现行名称才这样比较（太短的名称会误配）")
    kinds: list[str] = Field(default_factory=list, description="文件种类的说法，如“条例”“实施细则”：换成另一种算写错")


_TITLE = re.compile(r"《([^《》]{2,80})》")
_DASHES = re.compile(r"[—–－~～至]+")


def law_names(ctx: Context, params: LawParams) -> Iterator[Hit]:
    """Titles in 《》 that are a wrong, shortened or outdated name of a law or central document."""
    known, successors, wrong, near = prepared(params, "tables", _law_tables)
    for passage, start, end, m in ctx.scope.finditer(_TITLE):
        title = _normal(m.group(1), params.strip)
        law = known.get(title)
        if law is not None:
            if law.until is not None and ctx.year is not None and ctx.year > law.until:
                right = law.replaced_by or "现行的规定"
                yield Hit.at(passage, (start, end), right=f"《{right}》", reason=f"已于{law.until + 1}年起不再施行")
            continue
        if title in successors:
            continue
        if title not in near:
            near[title] = wrong.get(title) or _near(title, known, params)
        law = near[title]
        if law is not None:
            yield Hit.at(passage, (start, end), right=f"《{law.name}》", reason="名称不准确")


def _law_tables(params: LawParams) -> tuple[dict[str, Law], set[str], dict[str, Law], dict[str, Law | None]]:
    """Current names, their successors and wrong forms, normalized; and the titles met so far
    with the law each misnames (titles recur: each is compared with every name once)."""
    known = {_normal(law.name, params.strip): law for law in params.laws}
    successors = {_normal(law.replaced_by, params.strip) for law in params.laws if law.replaced_by}
    wrong = {_normal(w, params.strip): law for law in params.laws for w in law.wrong}
    return known, successors, wrong, {}


def _normal(title: str, strip: list[str]) -> str:
    title = re.sub(r"\s+", "", title).replace("（", "(").replace("）", ")")
    title = _DASHES.sub("-", title)
    title = re.sub(r"\((\d{4}-\d{4})年\)", r"(\1)", title)  # （2021-2025年） and (2021-2025) alike
    for prefix in strip:
        if title.startswith(prefix):
            title = title[len(prefix):]
    return title


def _near(title: str, known: dict[str, Law], params: LawParams) -> Law | None:
    """The law a title misnames: one character off, a few characters added or dropped, or the
    kind of document swapped (……实施细则 for ……实施条例)."""
    for name, law in known.items():
        if len(title) >= params.fuzzy_min and abs(len(name) - len(title)) <= 1 and edit_distance(name, title) == 1:
            return law
        if len(name) >= params.dropped_min and 0 < abs(len(name) - len(title)) <= params.dropped:
            short, long = sorted((name, title), key=len)
            if len(short) >= params.dropped_min - 1 and _subsequence(short, long):
                return law
        for kind in params.kinds:
            stem = name[: -len(kind)] if name.endswith(kind) else None
            if stem and len(stem) >= 4 and title.startswith(stem) and title[len(stem):] in params.kinds:
                return law
    return None


def _subsequence(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` with characters inserted (order kept)."""
    chars = iter(long)
    return all(ch in chars for ch in short)
