"""drafter's speed budget: four ratios from paired runs (not a test).

Each ratio compares drafter with a baseline doing the same job with the
libraries alone, so the figure means the same on a slow or a fast machine.
The two commands of a pair run alternately (A B, then B A) in child processes
of this one, many rounds; the script prints the median ratio, its range over
the rounds, the budget and PASS or OVER. Run from the repository root, with
the ``bench`` extra installed (``pip install -e ".[bench]"``):

    python benchmarks/budget.py            # all four
    python benchmarks/budget.py check      # any of: render floor help check scale
    python benchmarks/budget.py --rounds 5

The budgets (issue 8, for a 2-core machine):

- render: ``drafter render`` of examples/county_standard.yaml, the whole
  process, ≤ 1.3× a bare script that imports python-docx, jinja2, PyYAML and
  pydantic and writes the same paragraphs with python-docx;
  A reference row (``floor``, no budget) times the bare script with
  typer and pydantic's model machinery also loaded, as every ``drafter
  render`` must: what the libraries alone take before drafter does anything;
- help: ``drafter --help`` ≤ 7× ``python -c pass``;
- check: ``drafter check --format json`` of 200 rendered examples (the
  county and city examples, copied) ≤ 0.35× docx2python extracting the same
  files (JSON, the form in which so many results are read: docx2python's
  extraction prints nothing either);
- scale: checking a 20 000-paragraph .txt ≤ 12× checking a 2 000-paragraph
  one (the check itself, best of three inside a warm process: the question
  is whether reading and recognition stay linear, not how long Python takes
  to start).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import samples

PY = sys.executable
# The console script a user runs; ``python -m drafter`` where it is not installed.
_SCRIPT = Path(PY).with_name("drafter")
DRAFTER = [str(_SCRIPT)] if _SCRIPT.is_file() else [PY, "-m", "drafter"]
_BARE_RENDER = """
import json, sys
import docx, jinja2, pydantic, yaml
document = docx.Document()
for text, style in json.load(open(sys.argv[1], encoding="utf-8")):
    document.add_paragraph(text, style=style)
document.save(sys.argv[2])
"""
# The bare script plus what drafter's other dependencies cost to load (typer,
# and pydantic's model machinery, which ``import pydantic`` alone defers): a
# reference for the render budget, not a budget.
_LOADED_RENDER = _BARE_RENDER.replace(
    "import docx, jinja2, pydantic, yaml",
    "import os\nos.environ['PYDANTIC_DISABLE_PLUGINS'] = '1'\n"
    "import docx, jinja2.sandbox, lxml.etree, pydantic, typer, yaml\n"
    "pydantic.TypeAdapter(int)",
)
_DOCX2PYTHON = """
import sys
from docx2python import docx2python
for path in sys.argv[1:]:
    with docx2python(path) as content:
        content.text
"""
# Times a check inside a process that has already imported drafter and
# checked a small file; prints the best of three, in seconds.
_TIMED_CHECK = """
import sys, time
import drafter
standard = drafter.load_standard()
drafter.check(sys.argv[1], standard=standard)
times = []
for _ in range(3):
    start = time.perf_counter()
    drafter.check(sys.argv[2], standard=standard)
    times.append(time.perf_counter() - start)
print(min(times))
"""


@dataclass
class Pair:
    name: str
    label: str
    budget: float | None  # None: printed for reference
    rounds: int
    drafter: list[str]
    baseline: list[str]
    self_timed: bool = False  # the commands print their own seconds


# drafter is timed as installed: with its compiled .pyc files (pip writes them; the libraries on
# both sides have theirs). A shell with PYTHONDONTWRITEBYTECODE set would otherwise have every
# run compile drafter's sources anew, which no user's run does.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(command: list[str], cwd: Path, self_timed: bool) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=_ENV, capture_output=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):  # check exits 1 for an incomplete draft
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr.decode(errors='replace')}")
    return float(done.stdout.decode().strip()) if self_timed else elapsed


def measure(pair: Pair, cwd: Path, rounds: int | None) -> dict:
    _run(pair.drafter, cwd, pair.self_timed)  # warm the file cache and .pyc files
    _run(pair.baseline, cwd, pair.self_timed)
    ratios, ours, theirs = [], [], []
    for n in range(rounds or pair.rounds):
        order = (pair.drafter, pair.baseline) if n % 2 == 0 else (pair.baseline, pair.drafter)
        times = {id(c): _run(c, cwd, pair.self_timed) for c in order}
        a, b = times[id(pair.drafter)], times[id(pair.baseline)]
        ratios.append(a / b)
        ours.append(a)
        theirs.append(b)
    return {
        "name": pair.name,
        "label": pair.label,
        "median": statistics.median(ratios),
        "low": min(ratios),
        "high": max(ratios),
        "budget": pair.budget,
        "drafter_s": statistics.median(ours),
        "baseline_s": statistics.median(theirs),
        "rounds": len(ratios),
    }


def pairs(work: Path) -> list[Pair]:
    import drafter
    from drafter.document import markdown

    county = samples.EXAMPLES[0]
    text = drafter.render(county, format="md").data.decode("utf-8")
    styles = {"title": "Title"}  # built-in styles python-docx's template has
    paragraphs = [
        (b.text, f"Heading {b.level}" if b.kind == "heading" else styles.get(b.kind))
        for b in markdown.parse(text).blocks
    ]
    (work / "paragraphs.json").write_text(json.dumps(paragraphs, ensure_ascii=False), encoding="utf-8")

    many = samples.copies(samples.rendered_examples(work), 200, work / "many")
    small = samples.large_text(work / "small.txt", 2000)
    large = samples.large_text(work / "large.txt", 20000)
    warm = samples.large_text(work / "warm.txt", 50)
    names = [str(p.relative_to(work)) for p in many]
    return [
        Pair(
            "render", "render county example / bare python-docx", 1.3, 15,
            [*DRAFTER, "render", str(county), "-o", "out.docx", "--force"],
            [PY, "-c", _BARE_RENDER, "paragraphs.json", "bare.docx"],
        ),
        Pair(
            "floor", "  ref: bare + typer, pydantic loaded / bare", None, 15,
            [PY, "-c", _LOADED_RENDER, "paragraphs.json", "loaded.docx"],
            [PY, "-c", _BARE_RENDER, "paragraphs.json", "bare.docx"],
        ),
        Pair("help", "drafter --help / python -c pass", 7.0, 30, [*DRAFTER, "--help"], [PY, "-c", "pass"]),
        Pair(
            "check", "check 200 .docx / docx2python extracting", 0.35, 5,
            [*DRAFTER, "check", "--format", "json", *names], [PY, "-c", _DOCX2PYTHON, *names],
        ),
        Pair(
            "scale", "check 20k-paragraph .txt / 2k-paragraph", 12.0, 5,
            [PY, "-c", _TIMED_CHECK, str(warm), str(large)], [PY, "-c", _TIMED_CHECK, str(warm), str(small)],
            self_timed=True,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("only", nargs="*", help="render, floor, help, check, scale (default: all)")
    parser.add_argument("--rounds", type=int, help="rounds per pair (default: per pair)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        chosen = [p for p in pairs(work) if not args.only or p.name in args.only]
        results = []
        if not args.json:
            print(f"{'ratio (drafter / baseline)':<42}{'median':>8}{'range':>14}{'budget':>8}"
                  "  verdict (seconds: drafter / baseline, rounds)")
        for pair in chosen:
            r = measure(pair, work, args.rounds)
            results.append(r)
            if not args.json:
                budget = "—" if r["budget"] is None else f"≤{r['budget']:g}×"
                verdict = "ref " if r["budget"] is None else "PASS" if r["median"] <= r["budget"] else "OVER"
                span = f"{r['low']:.2f}–{r['high']:.2f}×"
                print(
                    f"{r['label']:<42}{r['median']:>7.2f}×{span:>14}{budget:>8}  {verdict}"
                    f"   ({r['drafter_s']:.3f} / {r['baseline_s']:.3f}, {r['rounds']})",
                    flush=True,
                )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    sys.exit(0 if all(r["budget"] is None or r["median"] <= r["budget"] for r in results) else 1)


if __name__ == "__main__":
    main()
