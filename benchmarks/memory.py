"""How much memory ``drafter check`` takes per kind of draft (not a test).

Speed is budgeted in ``budget.py``; this script watches the other resource.
Each scenario runs in a fresh process so that its peak resident memory is its
own. Run from the repository root:

    python benchmarks/memory.py

Scenarios: each seed (.txt), all seeds as styled .docx, a large .txt (15 000
paragraphs, about 6 MB), a large .docx (6 000 paragraphs plus tables), and
refusing a zip bomb.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

import samples


def _make(scenario: str, workdir: Path) -> list[Path]:
    if scenario.startswith("seed") and scenario[4:].isdigit():
        return [samples.SEEDS[int(scenario[4:])]]
    if scenario == "seeds-docx":
        return samples.seed_docx(workdir)
    if scenario == "large-txt":
        return [samples.large_text(workdir / "large.txt", 15000)]
    if scenario == "large-docx":
        return [samples.large_docx(workdir / "large.docx", 6000)]
    if scenario == "zip-bomb":
        return [samples.zip_bomb(workdir / "bomb.docx")]
    raise SystemExit(f"unknown scenario {scenario}")


def _measure(scenario: str) -> dict:
    import drafter
    from drafter.errors import DrafterError

    with tempfile.TemporaryDirectory() as tmp:
        paths = _make(scenario, Path(tmp))
        size = sum(p.stat().st_size for p in paths)
        std = drafter.load_standard()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        for path in paths:
            try:
                drafter.check(path, standard=std)
            except DrafterError:
                pass  # the zip bomb: refusing it is what is measured
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "scenario": scenario,
        "files": len(paths),
        "bytes": size,
        "peak_rss_mb": round(rss_after / 1024, 1),  # Linux reports KiB
        "rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
    }


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(_measure(sys.argv[2])))
        return
    scenarios = [f"seed{i}" for i in range(len(samples.SEEDS))] + ["seeds-docx", "large-txt", "large-docx", "zip-bomb"]
    print(f"{'scenario':<12}{'files':>6}{'size KB':>10}{'peak RSS MB':>13}{'growth MB':>11}")
    for scenario in scenarios:
        out = subprocess.run(
            [sys.executable, __file__, "--one", scenario], capture_output=True, text=True, check=True, cwd=samples.ROOT
        )
        r = json.loads(out.stdout)
        print(f"{r['scenario']:<12}{r['files']:>6}{r['bytes'] / 1024:>10.0f}"
              f"{r['peak_rss_mb']:>13}{r['rss_growth_mb']:>11}")


if __name__ == "__main__":
    main()
