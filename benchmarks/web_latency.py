"""Warm latency of the page's two live requests, over loopback (not a test).

Starts ``drafter serve`` on the county example in its own process, opens the
input as the page does, warms up, then times HTTP round trips (request sent
to response read) on one kept-alive connection, as a browser would:

- validate: the form's data checked (what runs as the writer types);
- preview: the report's text rendered from the same data.

Both run the content review as well (validate reports it beside the fields;
render checks before it lays out). Budgets (issue 13): validate ≤ 100 ms,
preview ≤ 200 ms. Prints the median and the 90th percentile of each, and
each median as a ratio of its budget. ``--input`` times another input
instead (e.g. one imported from a seed, with many review findings).
Run from the repository root:

    python benchmarks/web_latency.py [--rounds 40] [--input FILE.yaml]
"""

from __future__ import annotations

import argparse
import http.client
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "county_standard.yaml"
BUDGETS = {"validate": 0.100, "preview": 0.200}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--input", type=Path, default=EXAMPLE)
    args = parser.parse_args()
    rounds = args.rounds
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(args.input, Path(tmp) / "county.yaml")
        server = subprocess.Popen([sys.executable, "-m", "drafter", "serve", tmp, "--no-browser"],
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            url = next(line for line in server.stdout if "http://" in line).split("：", 1)[1].strip()
            host, port = url.split("//")[1].split("/")[0].split(":")
            token = url.split("token=")[1]
            connection = http.client.HTTPConnection(host, int(port), timeout=30)
            headers = {"X-Drafter-Token": token, "Origin": f"http://{host}:{port}", "Content-Type": "application/json"}
            opened = _call(connection, "GET", "/api/input?file=county.yaml", None, headers)
            edit = {"file": "county.yaml", "version": opened["version"], "data": opened["data"]}
            opening = edit["data"]["preamble"][0]
            for name, path in (("validate", "/api/check-input"), ("preview", "/api/preview")):
                times = []
                for i in range(rounds + 5):
                    edit["data"]["preamble"][0] = f"{opening}（第{i}次修改）"  # a keystroke's change
                    start = time.perf_counter()
                    _call(connection, "POST", path, edit, headers)
                    if i >= 5:  # the first rounds warm caches and templates
                        times.append(time.perf_counter() - start)
                median = statistics.median(times)
                p90 = sorted(times)[int(len(times) * 0.9) - 1]
                print(f"{name:8s} median {median * 1000:6.1f} ms   p90 {p90 * 1000:6.1f} ms   "
                      f"median/budget {median / BUDGETS[name]:.2f} "
                      f"(budget {BUDGETS[name] * 1000:.0f} ms, {rounds} rounds)")
        finally:
            server.terminate()
            server.wait(timeout=10)


def _call(connection: http.client.HTTPConnection, method: str, path: str, body, headers) -> dict:
    connection.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
    reply = connection.getresponse()
    data = reply.read()
    if reply.status != 200:
        raise SystemExit(f"{path}: HTTP {reply.status} {data[:200]!r}")
    return json.loads(data)


if __name__ == "__main__":
    main()
