"""How often check's part decisions agree with the known answers on varied invented drafts.

Not a test: recognition is measured, as the issue asks, on drafts the
project's rules were not written against. ``varied_drafts`` makes each
draft with its answers; this script writes it as a file a reviewer might
receive (.txt, or .docx with typed numbers, Word's automatic numbering, or
heading styles only), checks it, and prints the agreement over all part
decisions, per feature, and every disagreement.

    python benchmarks/part_agreement.py            # 150 drafts
    python benchmarks/part_agreement.py --drafts 400 --seed 7
    python benchmarks/part_agreement.py --holdout 2   # wordings never used to change the rules
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from varied_drafts import PARTS, Draft, make

import drafter

_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"))


def _numbering() -> str:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="Heading{i + 1}"/>'
        f'<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(_LEVELS)
    )
    return (f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def write(draft: Draft, folder: Path, rng: random.Random) -> Path:
    """The draft as a file: the headings as the draft says they are made."""
    if draft.headings == "typed" and rng.random() < 0.5:
        path = folder / f"{draft.name}.txt"
        path.write_text("\n".join(line.text for line in draft.lines), encoding="utf-8")
        return path
    document = docx.Document()
    word_numbers = draft.headings == "word"
    if word_numbers:
        document.part.numbering_part._element = parse_xml(_numbering())
        for level in (1, 2):
            document.styles[f"Heading {level}"].element.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="1"/></w:numPr>'))
    for line in draft.lines:
        text = line.text
        if word_numbers and line.numbered:
            text = text.split("、", 1)[1] if line.level == 1 else text.split("）", 1)[1]
        styled = line.level and draft.headings in ("word", "styles")
        document.add_paragraph(text, style=f"Heading {line.level}" if styled else None)
    path = folder / f"{draft.name}.docx"
    document.save(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=150)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--quiet", action="store_true", help="only the figures, not each disagreement")
    parser.add_argument("--holdout", type=int, default=0, choices=(0, 1, 2),
                        help="use a set of held-out wordings (see varied_drafts.HOLDOUTS)")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    std = drafter.load_standard()
    agree = total = 0
    by_feature: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(args.drafts):
            draft = make(args.seed * 1000 + n, args.holdout)
            path = write(draft, Path(tmp), rng)
            result = drafter.check(path, standard=std)
            got = {p.id: p.status for p in result.parts}
            for part in PARTS:
                ok = got[part] == draft.expected[part]
                agree += ok
                total += 1
                for feature in draft.features:
                    by_feature[feature][0] += ok
                    by_feature[feature][1] += 1
                if not ok:
                    evidence = next(p.evidence for p in result.parts if p.id == part)
                    misses.append(f"{path.name} [{', '.join(draft.features)}] {part}: expected {draft.expected[part]},"
                                  f" got {got[part]} ({evidence})")
    held = f" (held-out wordings {args.holdout})" if args.holdout else ""
    print(f"part decisions agreeing: {agree}/{total} = {agree / total:.1%} on {args.drafts} drafts{held}")
    for feature, (ok, count) in sorted(by_feature.items()):
        print(f"  {feature:<28}{ok:>5}/{count:<5}{ok / count:>7.1%}")
    if not args.quiet:
        for miss in misses:
            print("  ✗", miss)
    sys.exit(0)


if __name__ == "__main__":
    main()
