"""The reviewer's page over HTTP: a batch checked one draft at a time agrees with `drafter check`,
and its downloads (workbook, HTML report, annotated copies) are check's own outputs, sent to the
browser and never written into the folder."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from urllib.parse import quote, unquote

import docx
import openpyxl
import pytest
from batch_support import reviewer_folder
from paths import SEEDS
from web_support import Served

FOLDER = "收到的报告"


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    root = tmp_path_factory.mktemp("desk")
    made = reviewer_folder(root)
    server = Served(root)
    yield server, made
    server.stop()


def _tree(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


def _review_folder(served, sub: str = FOLDER) -> tuple[str, dict]:
    batch = served.call("/api/review-start", {"folder": sub}).json["batch"]
    drafts = served.call("/api/drafts?folder=" + quote(sub)).json["drafts"]
    for n, name in enumerate(drafts):
        reply = served.call(f"/api/review-file?file={quote(name)}&under={quote(sub)}&batch={batch}&n={n}", {})
        assert reply.status == 200 and reply.json["n"] == n
    finished = served.call("/api/review-finish", {"batch": batch})
    assert finished.status == 200
    return batch, finished.json


def _disposition(reply) -> str:
    header = reply.headers["content-disposition"]
    assert header.startswith("attachment; filename*=utf-8''")
    return unquote(header.split("''", 1)[1])


@pytest.fixture(scope="module")
def reviewed(desk):
    served, made = desk
    before = _tree(served.folder)
    batch, finished = _review_folder(served)
    return served, made, batch, finished, before


def test_the_batch_lists_every_draft_as_check_does_with_the_same_findings(reviewed, cli):
    served, made, _batch, finished, _before = reviewed
    rows = finished["rows"]
    assert len(rows) == len(made["checked"]) == 30
    assert rows[0]["verdict"] == "unreadable" and rows[0]["label"] == "zz损坏的报告.docx" and rows[0]["cells"] == []
    ranks = ["unreadable", "incomplete", "errors", "complete"]
    assert [ranks.index(r["verdict"]) for r in rows] == sorted(ranks.index(r["verdict"]) for r in rows)
    assert finished["totals"].startswith("共 30 个文件")

    run = cli("check", served.folder / FOLDER, "--format", "json")
    by_label = {Path(item["file"]).relative_to(served.folder / FOLDER).as_posix(): item
                for item in json.loads(run.stdout)}
    shared = 0
    for row in rows:
        expected = by_label[row["label"]]
        key = lambda f: (f["rule"], f["level"], f["message"], f["position"])  # noqa: E731
        assert sorted(map(key, row["findings"])) == sorted(map(key, expected["findings"])), row["label"]
        statuses = ["missing" if c["status"] == "absent" else c["status"] for c in row["cells"]]  # absent: optional
        assert statuses == [p["status"] for p in expected["parts"]]
        counted = sum(f["level"] != "info" for f in expected["findings"])
        assert row["counted"] == counted
        shared += any(f["rule"].startswith("copy.") for f in row["findings"])
    assert shared  # the batch's own findings (sentences shared across reports) are there too


def test_the_workbook_and_the_html_report_are_checks_outputs(reviewed, tmp_path):
    served, made, batch, finished, _before = reviewed
    reply = served.call(f"/api/review-summary?batch={batch}&format=xlsx")
    assert reply.status == 200 and _disposition(reply) == f"审阅结果（{FOLDER}）.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(reply.body))
    assert book.sheetnames == ["汇总", "审查意见"]
    labels = [r[1] for r in book["汇总"].iter_rows(min_row=2, values_only=True)]
    assert labels == [r["label"] for r in finished["rows"]]
    listed = list(book["审查意见"].iter_rows(min_row=2, values_only=True))
    assert len(listed) == sum(len(r["findings"]) for r in finished["rows"])

    page = served.call(f"/api/review-summary?batch={batch}&format=html")
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    text = page.body.decode("utf-8")
    assert all(r["label"] in text for r in finished["rows"]) and "<script" not in text


def test_annotated_copies_one_and_all_carry_word_comments(reviewed):
    served, made, batch, finished, _before = reviewed
    row = next(r for r in finished["rows"] if r["label"] == SEEDS[0].name)
    reply = served.call(f"/api/review-copies?batch={batch}&n={row['n']}")
    assert reply.status == 200 and _disposition(reply) == f"{SEEDS[0].stem}（审阅意见）.docx"
    copy = docx.Document(io.BytesIO(reply.body))
    texts = [c.text for c in copy.comments]
    assert len(texts) == len(row["findings"]) + 1  # one per finding, and the summary at the top

    every = served.call(f"/api/review-copies?batch={batch}")
    assert every.status == 200 and _disposition(every) == f"批注副本（{FOLDER}）.zip"
    archive = zipfile.ZipFile(io.BytesIO(every.body))
    names = archive.namelist()
    readable = [r for r in finished["rows"] if not r["error"]]
    assert len([n for n in names if n.endswith(".docx")]) == len(readable)
    assert "区县/东莞样式（审阅意见）.docx" in names  # the place below the folder checked is kept
    note = archive.read("未能生成的批注副本.txt").decode("utf-8-sig")
    assert "zz损坏的报告.docx" in note
    for name in names:
        if name.endswith(".docx"):
            assert len(docx.Document(io.BytesIO(archive.read(name))).comments) >= 1


def test_downloads_are_never_written_into_the_folder(reviewed):
    served, _made, batch, _finished, before = reviewed
    for path in (f"/api/review-summary?batch={batch}&format=xlsx", f"/api/review-summary?batch={batch}&format=html",
                 f"/api/review-copies?batch={batch}", f"/api/review-copies?batch={batch}&n=1"):
        assert served.call(path).status == 200
    assert _tree(served.folder) == before


def test_downloads_need_the_token_a_known_batch_and_a_known_format(reviewed):
    served, _made, batch, _finished, _before = reviewed
    assert served.call(f"/api/review-summary?batch={batch}&format=xlsx", token=False).status == 403
    assert served.call(f"/api/review-copies?batch={batch}", token=False).status == 403
    gone = served.call("/api/review-summary?batch=nothing&format=xlsx")
    assert gone.status == 404 and "重新检查" in gone.json["error"]
    other = served.call(f"/api/review-summary?batch={batch}&format=exe")
    assert other.status == 400 and "xlsx" in other.json["error"]
    assert served.call(f"/api/review-copies?batch={batch}&n=99").status == 404
    unreadable = next(r for r in _finished["rows"] if r["error"])
    refused = served.call(f"/api/review-copies?batch={batch}&n={unreadable['n']}")
    assert refused.status == 400 and "无法读取" in refused.json["error"]


def test_a_batch_is_started_and_finished_by_this_page_only(desk):
    served, _made = desk
    assert served.call("/api/review-start", {"folder": FOLDER}, origin="http://evil.example").status == 403
    assert served.call("/api/review-start", {"folder": FOLDER}, origin=False).status == 403
    assert served.call("/api/review-start", {"folder": "../"}).status == 403
    batch = served.call("/api/review-start", {"folder": FOLDER}).json["batch"]
    unfinished = served.call(f"/api/review-summary?batch={batch}&format=xlsx")
    assert unfinished.status == 400 and "还没有检查完" in unfinished.json["error"]
    escaped = served.call(f"/api/review-file?file={quote('../x.txt')}&batch={batch}&n=0", {})
    assert escaped.status == 403


def test_uploads_in_a_batch_too_large_ones_listed_and_copies_made_from_memory(tmp_path):
    from drafter.web.replies import MAX_UPLOAD_BYTES

    served = Served(tmp_path)
    try:
        batch = served.call("/api/review-start", {}).json["batch"]
        for n, seed in enumerate(SEEDS[:2]):
            reply = served.call(f"/api/review-upload?batch={batch}&n={n}", raw=seed.read_bytes(),
                                headers={"X-File-Name": quote(seed.name), "Content-Type": "application/octet-stream"})
            assert reply.status == 200
        too_large = served.call(f"/api/review-upload?batch={batch}&n=2", raw=b"",
                                headers={"X-File-Name": quote("大.docx"), "X-File-Size": str(MAX_UPLOAD_BYTES + 1),
                                         "Content-Type": "application/octet-stream"})
        assert too_large.status == 413 and "上限" in too_large.json["error"]
        rows = served.call("/api/review-finish", {"batch": batch}).json["rows"]
        assert [r["label"] for r in rows][0] == "大.docx" and rows[0]["verdict"] == "unreadable"
        book = openpyxl.load_workbook(io.BytesIO(served.call(f"/api/review-summary?batch={batch}&format=xlsx").body))
        assert len(list(book["汇总"].iter_rows(min_row=2))) == 3
        copy = served.call(f"/api/review-copies?batch={batch}&n=1")
        assert copy.status == 200 and len(docx.Document(io.BytesIO(copy.body)).comments) > 1
        assert not list(tmp_path.iterdir())  # nothing written
    finally:
        served.stop()
