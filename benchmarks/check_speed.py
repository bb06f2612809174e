"""How fast ``drafter check`` is, and how much memory it takes (not a test).

Each scenario runs in a fresh process so that its peak resident memory is its
own. Run from the repository root:

    python benchmarks/check_speed.py

Scenarios: each seed (.txt), all seeds as styled .docx, a large synthetic
.txt (about 6 MB, 15 000 paragraphs), a large synthetic .docx (about 6 000
paragraphs plus tables), and refusing a zip bomb.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

_THEME = "（{n}）深化执法规范化建设。全年法制审核各类案件{n}件，开展案件质量评查{k}次，整改问题{k}个，"
_FILLER = "执法办案管理中心运行平稳，群众满意度持续提升，依法行政水平稳步提高。" * 3


def _large_lines(paragraphs: int) -> list[str]:
    lines = ["某市公安局2024年法治政府建设情况报告", "2024年，我局深入学习贯彻习近平法治思想，扎实推进法治公安建设。"]
    lines.append("一、2024年推进法治政府建设的主要举措和成效")
    lines += [_THEME.format(n=i % 10 + 1, k=i % 7 + 1) + _FILLER for i in range(paragraphs)]
    lines += [
        "二、2024年党政主要负责人履行推进法治建设第一责任人职责情况",
        "局长主持党委会专题研究法治建设8次，年终专题述法。",
        "三、2024年推进法治政府建设存在的不足和原因",
        "基层执法力量不足，原因是新警比例较高。",
        "四、2025年推进法治政府建设的主要安排",
        "一是加强执法培训。二是完善执法监督。",
    ]
    return lines


def _make(scenario: str, workdir: Path) -> list[Path]:
    import docx

    if scenario[4:].isdigit():
        return [SEEDS[int(scenario[4:])]]
    if scenario == "seeds-docx":
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
    if scenario == "large-txt":
        path = workdir / "large.txt"
        path.write_text("\n".join(_large_lines(15000)), encoding="utf-8")
        return [path]
    if scenario == "large-docx":
        document = docx.Document()
        for i, line in enumerate(_large_lines(6000)):
            document.add_paragraph(line)
            if i % 500 == 250:
                table = document.add_table(rows=5, cols=3)
                for row in table.rows:
                    for cell in row.cells:
                        cell.text = "统计数据"
        path = workdir / "large.docx"
        document.save(path)
        return [path]
    if scenario == "zip-bomb":
        path = workdir / "bomb.docx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            with archive.open("word/document.xml", "w") as member:
                for _ in range(200):
                    member.write(b" " * (1024 * 1024))
        return [path]
    raise SystemExit(f"unknown scenario {scenario}")


def _measure(scenario: str, repeat: int) -> dict:
    from drafter import reading as readers
    from drafter import standard
    from drafter.errors import DrafterError
    from drafter.checking.recognize import recognize

    with tempfile.TemporaryDirectory() as tmp:
        paths = _make(scenario, Path(tmp))
        size = sum(p.stat().st_size for p in paths)
        std = standard.load_standard()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            for path in paths:
                try:
                    recognize(readers.read(path), std)
                except DrafterError:
                    pass  # the zip bomb: refusing it is what is timed
            times.append(time.perf_counter() - start)
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "scenario": scenario,
        "files": len(paths),
        "bytes": size,
        "median_ms": round(statistics.median(times) * 1000, 1),
        "peak_rss_mb": round(rss_after / 1024, 1),  # Linux reports KiB
        "rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        scenario = sys.argv[2]
        repeat = 20 if scenario[4:].isdigit() else 3
        print(json.dumps(_measure(scenario, repeat)))
        return
    scenarios = [f"seed{i}" for i in range(len(SEEDS))] + ["seeds-docx", "large-txt", "large-docx", "zip-bomb"]
    print(f"{'scenario':<12}{'files':>6}{'size KB':>10}{'median ms':>11}{'peak RSS MB':>13}{'growth MB':>11}")
    for scenario in scenarios:
        out = subprocess.run(
            [sys.executable, __file__, "--one", scenario], capture_output=True, text=True, check=True, cwd=ROOT
        )
        r = json.loads(out.stdout)
        print(
            f"{r['scenario']:<12}{r['files']:>6}{r['bytes'] / 1024:>10.0f}{r['median_ms']:>11}"
            f"{r['peak_rss_mb']:>13}{r['rss_growth_mb']:>11}"
        )


if __name__ == "__main__":
    main()
