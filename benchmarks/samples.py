"""Files the benchmarks check and render: made on the fly, never committed.

Shared by ``budget.py`` (speed ratios) and ``memory.py`` (peak memory), so both
measure the same drafts.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXAMPLES = (ROOT / "examples" / "county_standard.yaml", ROOT / "examples" / "city_themed.yaml")

_NUMERALS = "一二三四五六七八九"
_THEMES = ("执法规范化", "行政复议应诉", "法治宣传教育", "政务公开", "执法监督", "智慧警务", "队伍法治素养")
# One theme of a themed report: a top-level heading, run-in sub-headings, an
# inline enumeration and plain paragraphs (invented wording).
_BLOCK = (
    "{top}、聚焦{theme}，推进法治公安建设",
    "（一）健全工作机制。制定{theme}工作规范{n}项，明确责任分工和时限要求。",
    "全年围绕{theme}开展专项检查{k}次，发现并整改问题{n}个，相关做法在全市推广。",
    "一是完善制度。修订内部规定{k}项。二是强化培训。组织专题培训{n}期。三是压实责任。签订责任书{k}份。",
    "（二）强化监督检查。对{theme}工作实行月度通报，通报结果纳入绩效考核。",
    "执法办案管理中心运行平稳，群众满意度持续提升，依法行政水平稳步提高，各项工作有序推进。",
    "全年受理群众投诉{n}件，均在规定时限内办结，办结率达到百分之百。",
)


def large_lines(paragraphs: int) -> list[str]:
    """A themed report of exactly ``paragraphs`` paragraphs: many measures themes, then the other parts."""
    head = ["某市公安局2024年法治政府建设情况报告", "2024年，我局深入学习贯彻习近平法治思想，扎实推进法治公安建设。"]
    tail = [
        "工作中仍存在一些不足：基层所队执法力量不足，主要原因是新警比例较高、培训不够系统。",
        "党政主要负责人履行推进法治建设第一责任人职责情况",
        "局长主持党委会专题研究法治建设8次，年终专题述法。",
        "下一步工作打算",
        "2025年，我局将加强执法培训，完善执法监督，推进执法规范化建设。",
        "特此报告。",
        "某市公安局",
    ]
    body: list[str] = []
    i = 0
    while len(body) < paragraphs - len(head) - len(tail):
        fill = {"top": _NUMERALS[i % 9], "theme": _THEMES[i % len(_THEMES)], "n": i % 50 + 3, "k": i % 7 + 2}
        body += [line.format(**fill) for line in _BLOCK]
        i += 1
    return head + body[: paragraphs - len(head) - len(tail)] + tail


def large_text(path: Path, paragraphs: int) -> Path:
    path.write_text("\n".join(large_lines(paragraphs)), encoding="utf-8")
    return path


def rendered_examples(workdir: Path) -> list[Path]:
    """The bundled examples rendered to .docx by drafter itself."""
    import drafter

    paths = []
    for example in EXAMPLES:
        paths.append(drafter.render(example).save(workdir / f"{example.stem}.docx", force=True))
    return paths


def copies(sources: list[Path], count: int, workdir: Path) -> list[Path]:
    """``count`` files cycling through ``sources`` (distinct names, same content)."""
    workdir.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        source = sources[i % len(sources)]
        target = workdir / f"{i:03d}{source.suffix}"
        shutil.copyfile(source, target)
        out.append(target)
    return out


def seed_docx(workdir: Path) -> list[Path]:
    """Each seed as a .docx whose numbered short lines use Word's heading styles."""
    import docx

    from drafter import standard
    from drafter.document.numbering import Numberer

    numberer = Numberer(standard.load_standard().numbering)
    paths = []
    for seed in SEEDS:
        document = docx.Document()
        for line in (x.strip() for x in seed.read_text(encoding="utf-8").splitlines() if x.strip()):
            match = numberer.match(line)
            level = match.level if match and "。" not in line else None
            document.add_paragraph(line, style=f"Heading {level}" if level else None)
        path = workdir / f"{seed.stem}.docx"
        document.save(path)
        paths.append(path)
    return paths


def large_docx(path: Path, paragraphs: int) -> Path:
    """A long .docx with a small table every 500 paragraphs."""
    import docx

    document = docx.Document()
    for i, line in enumerate(large_lines(paragraphs)):
        document.add_paragraph(line)
        if i % 500 == 250:
            table = document.add_table(rows=5, cols=3)
            for row in table.rows:
                for cell in row.cells:
                    cell.text = "统计数据"
    document.save(path)
    return path


def zip_bomb(path: Path) -> Path:
    """A .docx whose document.xml inflates to 200 MB (drafter must refuse it cheaply)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("word/document.xml", "w") as member:
            for _ in range(200):
                member.write(b" " * (1024 * 1024))
    return path
