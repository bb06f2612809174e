"""A reviewer's folder of mixed drafts for the batch tests: seeds as .txt, rendered and
Word-built .docx in a sub-folder, an unreadable file, and files a folder walk must pass over."""

from __future__ import annotations

import shutil
from pathlib import Path

from docx_fixtures import build, lines_of
from paths import EXAMPLES, SEEDS


def reviewer_folder(root: Path) -> dict[str, list[Path]]:
    """Make the folder; returns the drafts it holds by kind (``checked`` in walk order, ``passed_over``)."""
    import drafter

    folder = root / "收到的报告"
    sub = folder / "区县"
    sub.mkdir(parents=True)
    checked = []
    for seed in SEEDS:
        target = folder / seed.name
        shutil.copy(seed, target)
        checked.append(target)
    broken = folder / "zz损坏的报告.docx"
    broken.write_bytes(b"PK\x03\x04" + bytes(100))
    checked.append(broken)
    for example in EXAMPLES[:1]:
        target = sub / f"{example.stem}.docx"
        drafter.render(example).save(target)
        checked.append(target)
    built = build(lines_of(SEEDS[3]), sub / "东莞样式.docx", styled=True)
    checked.append(built)
    more = folder / "更多"  # sorts after 区县: a folder's files come before its sub-folders', in name order
    more.mkdir()
    for n in range(22):  # thirty drafts in all, as a reviewer receives them in spring
        seed = SEEDS[n % len(SEEDS)]
        target = more / f"{n:02d}_{seed.stem[:3]}.{'txt' if n % 2 else 'docx'}"
        if n % 2:
            shutil.copy(seed, target)
        else:
            build(lines_of(seed), target, styled=n % 4 == 0)
        checked.append(target)
    passed_over = [folder / "~$正在编辑.docx", folder / ".隐藏.txt", sub / "~WRL0001.tmp", folder / "说明.pdf"]
    for path in passed_over:
        path.write_bytes(b"not a report")
    (folder / ".git").mkdir()
    (folder / ".git" / "x.txt").write_text("一、主要举措", encoding="utf-8")
    walk_order = [sorted(p for p in checked if p.parent == place) for place in (folder, sub, more)]
    walk_order = [p for group in walk_order for p in group]
    assert len(walk_order) == 30
    return {"folder": [folder], "checked": walk_order, "passed_over": passed_over}
