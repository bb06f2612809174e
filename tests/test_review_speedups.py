"""The faster ways the review finds things find exactly what the plain ways found.

Each mechanism that replaced a simpler one (a regex scan skipped when its literal needles are
absent, word lists searched by their first characters, sentences split by one expression,
repeated sentences compared from one plain pass, the words before a number) is compared with
the simple form on every short text over a small alphabet, or on the real rule files and drafts.
The golden file (tests/test_review_golden.py) pins the findings as a whole.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest
from paths import EXAMPLES, SEEDS

import drafter
from drafter.checking.needles import may_match, needles
from drafter.checking.review.checks import copying
from drafter.checking.review.checks.figures import _words_before
from drafter.checking.review.checks.textsim import plain, words
from drafter.checking.review.hits import SENTENCE_END, Context, Scope, sentences
from drafter.checking.review.passages import Passage, Subject
from drafter.checking.review.wordsearch import WordSearch, alternation


def _texts(alphabet: str, longest: int):
    for n in range(longest + 1):
        for letters in itertools.product(alphabet, repeat=n):
            yield "".join(letters)


def test_sentences_are_the_spans_the_filtered_split_gave():
    split = re.compile(rf"[^{SENTENCE_END}]*[{SENTENCE_END}]|[^{SENTENCE_END}]+$")

    def reference(text):
        return [m.span() for m in split.finditer(text)
                if not m.group().rstrip(SENTENCE_END).isspace() and m.group().strip(SENTENCE_END)]

    for text in _texts("a 。\n！", 7):
        assert sentences(text) == reference(text), repr(text)


@pytest.mark.parametrize("seed", range(40))
def test_word_search_finds_what_the_alternation_finds(seed):
    rng = random.Random(seed)
    alphabet = "甲乙丙丁\n"
    vocabulary = sorted({"".join(rng.choice(alphabet[:4]) for _ in range(rng.randint(2, 4))) for _ in range(8)})
    if seed % 5 == 0:
        vocabulary.append(rng.choice(alphabet[:4]))  # a one-character word
    search = WordSearch(vocabulary)
    regex = re.compile(alternation(tuple(vocabulary)))
    for _ in range(200):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert list(search.find(text)) == [(m.start(), m.end(), m.group()) for m in regex.finditer(text)], text


def test_needles_never_skip_a_pattern_that_matches():
    std = drafter.load_standard()
    rules = drafter.load_rules(std)
    patterns = {p.pattern for r in rules.rules if r.spec.matcher.patterns for p in r.spec.matcher.patterns}
    patterns |= {std.placeholder_re.pattern, *std.metadata_lines, *std.role("problems").recognition.cause_cues}
    patterns |= {r"(?:a|b)c", r"x?yz", r"[ab]{2}", r"(?=ab)", r"(?i)abc", r"ab|\d", r"(a)\1"}
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + [p.read_text(encoding="utf-8") for p in EXAMPLES]
    texts += ["abc", "ab", "yz", "AbC", "22", "aa", ""]
    skipped = 0
    for written in patterns:
        regex = re.compile(written.replace("{year}", "2024").replace("{next_year}", "2025"))
        for text in texts:
            for piece in (text, *text.splitlines()):
                if regex.search(piece):
                    assert may_match(regex, piece), (written, piece[:40])
                skipped += not may_match(regex, piece)
    assert skipped  # the needles do rule out scans
    assert needles(re.compile("(?i)abc")) is None and needles(re.compile(r"\d+")) is None
    assert needles(re.compile("(证据|程序)意思")) == ("意思",)


def test_words_before_a_number_are_the_run_the_regex_found():
    run = re.compile(r"[\u4e00-\u9fff]+$")
    for text in _texts("中a\n1", 7):
        for start in range(len(text) + 1):
            found = run.search(text, max(0, start - 4), start)
            at, stop = _words_before(text, text[::-1], start, 4)
            assert (found.span() if found else None) == ((at, stop) if stop > at else None), (text, start)


def test_word_pairs_are_every_adjacent_pair_of_chinese_characters():
    for text in _texts("中文a", 7):
        assert words(text, frozenset()) == {text[i:i + 2] for i in range(len(text) - 1)
                                            if all("\u4e00" <= ch <= "\u9fff" for ch in text[i:i + 2])}


_SENTENCES = ["甲乙丙丁丙丁甲", "丙丁甲甲乙丙丁丙", "甲乙丙丁戊己庚", "甲乙甲乙丙", "戊己a1庚"]


def _paragraph(rng: random.Random) -> str:
    """A few of a handful of sentences, each written with its own punctuation, spaces and breaks."""
    out = []
    for _ in range(rng.randint(0, 4)):
        sentence = list(rng.choice(_SENTENCES))
        for _ in range(rng.randint(0, 3)):
            sentence.insert(rng.randint(0, len(sentence)), rng.choice(["，", "：", " ", "“", "\n", ","]))
        out.append("".join(sentence) + rng.choice(["。", "！", "；", "", "。 "]))
    return "".join(out)


def _repeated_reference(passages, params):
    """copy.repeated as first written: every sentence and clause made plain one by one."""
    clause_end = re.compile(r"[，,：:]")
    seen, out = {}, []
    formulas = [plain(p) for p in params.ignore]
    for passage in passages:
        reported = False
        for start, end in sentences(passage.text):
            cuts = [start] + [m.end() for m in clause_end.finditer(passage.text, start, end)] + [end]
            pieces = [(start, end, params.min_chars)]
            if len(cuts) > 2:
                pieces += [(s, e, params.clause_min_chars) for s, e in itertools.pairwise(cuts)]
            for s, e, minimum in pieces:
                key = plain(passage.text[s:e])
                if len(key) < minimum:
                    continue
                first, at = seen.setdefault(key, (passage, s))
                if ((first is not passage or at != s) and not reported
                        and not copying._mostly_formula(key, formulas, params)):
                    reported = True
                    out.append((passage.position, s, e, first.position))
    return out


@pytest.mark.parametrize("seed", range(60))
def test_repeated_sentences_are_those_found_sentence_by_sentence(seed, std):
    rng = random.Random(seed)
    params = copying.RepeatParams(min_chars=6, clause_min_chars=8, ignore=["甲乙"])
    passages = [Passage(_paragraph(rng), None, "para", position=k) for k in range(rng.randint(1, 6))]
    ctx = Context(std, Subject("x", "draft", None, passages), Scope(passages))
    found = [(h.passage.position, h.start, h.end, int(h.fields["place"][1:-1]) - 1)
             for h in copying.repeated(ctx, params)]
    assert found == _repeated_reference(passages, params)


def _shared_reference(subjects, params):
    """copy.shared-text as first written: every sentence made plain one by one, every hit made."""
    from pathlib import Path

    where = {}
    for n, subject in enumerate(subjects):
        for passage in subject.passages:
            if passage.kind != "para":
                continue
            for start, end in sentences(passage.text):
                key = plain(passage.text[start:end])
                rest = key
                for phrase in params.ignore:
                    rest = rest.replace(plain(phrase), "")
                if len(key) >= params.min_chars and len(rest) >= params.min_chars // 2:
                    where.setdefault(key, {}).setdefault(n, (passage, start, end))
    names = [Path(s.file).name for s in subjects]
    found = {}
    for places in where.values():
        if len(places) < 2:
            continue
        shown = list(places)[:4]
        for n, (passage, start, end) in places.items():
            entry = found.setdefault((n, id(passage)), [(passage, start, end), 0, [], 0])
            entry[1] += 1
            entry[2] = entry[2] or [names[m] for m in shown if m != n][:3]
            entry[3] = max(entry[3], len(places))
    hits = {}
    for (n, _), ((passage, start, end), count, others, reports) in found.items():
        hits.setdefault(n, []).append([passage.position, start, end, count, "、".join(others), reports, ""])
    for listed in hits.values():
        extra = len(listed) - params.per_report
        if extra > 0:
            del listed[params.per_report:]
            listed[-1][-1] = f"；这份报告另有{extra}段也有这样的句子"
    return hits


@pytest.mark.parametrize("seed", range(100))
def test_shared_sentences_are_those_found_sentence_by_sentence(seed):
    rng = random.Random(seed)
    params = copying.SharedParams(min_chars=8, per_report=2, ignore=["甲乙"])
    subjects = []
    for n in range(rng.randint(2, 4)):
        passages = [Passage(_paragraph(rng), None, rng.choice(["para", "para", "heading"]), position=k)
                    for k in range(rng.randint(1, 5))]
        subjects.append(Subject(f"r{n}.txt", "draft", None, passages))
    found = {n: [[h.passage.position, h.start, h.end, h.fields["sentences"], h.fields["others"], h.fields["count"],
                  h.fields["more"]] for h in hits] for n, hits in copying.shared_text(subjects, params).items()}
    assert found == _shared_reference(subjects, params)
