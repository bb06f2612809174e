"""Every finding of every rule on a fixed set of drafts and inputs, kept in a file to compare with.

The review is made faster in ways that must not change a single finding; this
pins what it finds, finding by finding (rule, level, message, excerpt, place),
on the five seeds (as .txt and as .docx with Word's heading styles), the
examples (validate, and check of the .docx rendered from each), the invented
drafts with planted defects and the held-out sentences (tests/review_drafts.py,
tests/review_cases.py), clean drafts, a long themed report, and the seeds under
a unit's own rule file.

A change to the rules that is meant to change findings regenerates the file
(and the diff shows what changed):

    python tests/review_golden.py --update
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GOLDEN = HERE / "data" / "review_golden.json"
PLANTED_SEEDS = range(8)  # invented drafts per family
CLEAN_SEEDS = range(20)
# A unit's file: a word list of its own, a bundled rule re-levelled, one switched off.
UNIT_RULES = """\
off: [figures.vague]
rules:
  - id: typo.local
    level: warning
    message: "“{found}”是本地常见的错字。"
    suggestion: "应为“{right}”。"
    source: 本局整理
    matcher:
      words:
        - [打防管空, 打防管控]
        - [执法规范, 执法规范化]
        - {wrong: 法治, right: 法制, except: [法治思想, 法治政府]}
  - id: time.relative
    level: error
"""


def cases() -> Iterator[tuple[str, list[dict]]]:
    """(name, findings as dicts) for every case, in a fixed order."""
    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import samples
    from review_cases import CASES, CLEAN, clean_draft_for, draft_for
    from review_drafts import PLANTERS, clean, planted, shared, with_previous

    import drafter

    std = drafter.load_standard()
    rules = drafter.load_rules(std)

    def check(text: str, name: str, previous: str | None = None, rules=rules) -> list[dict]:
        last = drafter.read(previous.encode("utf-8"), "last.txt") if previous else None
        return _dicts(drafter.check(text.encode("utf-8"), name=name, standard=std, rules=rules, previous=last).findings)

    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    for path in seeds:
        yield f"seed {path.name[:3]}", _dicts(drafter.check(path.read_bytes(), name=path.name, standard=std,
                                                           rules=rules).findings)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for path in samples.seed_docx(work):
            yield f"seed {path.name[:3]} .docx", _dicts(drafter.check(path.read_bytes(), name=path.name, standard=std,
                                                                     rules=rules).findings)
        unit = drafter.load_rules(std, _write(work / "unit.yaml", UNIT_RULES))
        for path in seeds:
            yield f"seed {path.name[:3]} unit rules", check(path.read_text(encoding="utf-8"), path.name, rules=unit)
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        validation = drafter.validate(path.read_bytes(), name=path.name, standard=std, rules=rules)
        yield f"example {path.stem} validate", _dicts(validation.all_findings)
        rendered = drafter.render(validation, standard=std)
        yield f"example {path.stem} .docx", _dicts(drafter.check(rendered.data, name=path.stem + ".docx", standard=std,
                                                                 rules=rules).findings)
    for family in PLANTERS:
        for seed in PLANTED_SEEDS:
            yield f"planted {family} {seed}", check(planted(family, seed).draft.text(), "draft.txt")
    for kind in ("copy.previous-year", "plans.not-followed"):
        for seed in PLANTED_SEEDS[:4]:  # each carries over dozens of paragraphs
            p = with_previous(seed, kind)
            yield f"previous {kind} {seed}", check(p.draft.text(), "draft.txt", p.draft.previous.text())
    for seed in PLANTED_SEEDS:
        p = shared(seed)
        results = [drafter.check(d.text().encode("utf-8"), name=f"draft{i}.txt", standard=std, rules=rules)
                   for i, d in enumerate([p.draft, *p.draft.batch])]
        drafter.cross_check(results, rules=rules, standard=std)
        yield f"shared {seed}", [f for r in results for f in _dicts(r.findings)]
    for k in range(len(CASES)):
        yield f"case {k}", check(draft_for(k).text(), "case.txt")
    for k in range(len(CLEAN)):
        yield f"near miss {k}", check(clean_draft_for(k).text(), "clean.txt")
    for seed in CLEAN_SEEDS:
        yield f"clean {seed}", check(clean(seed).text(), "clean.txt")
    yield "long themed report", check("\n".join(samples.large_lines(450)), "long.txt")  # over Rarity.EAGER


def _dicts(findings) -> list[dict]:
    return [{"file": Path(f.file).name if f.file else "", **f.as_dict()} for f in findings]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def current() -> dict[str, list[dict]]:
    return dict(cases())


def dump(found: dict[str, list[dict]]) -> str:
    """JSON with one finding per line, so that a diff shows which findings changed."""
    def line(value) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    cases = [f"{line(name)}: [" + ",".join("\n  " + line(f) for f in findings) + ("\n]" if findings else "]")
             for name, findings in found.items()]
    return "{\n" + ",\n".join(cases) + "\n}\n"


def main() -> None:
    if sys.argv[1:] != ["--update"]:
        raise SystemExit(__doc__)
    found = current()
    GOLDEN.parent.mkdir(exist_ok=True)
    GOLDEN.write_text(dump(found), encoding="utf-8")
    print(f"{GOLDEN}: {len(found)} cases, {sum(map(len, found.values()))} findings")


if __name__ == "__main__":
    main()
