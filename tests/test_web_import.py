"""The writer's way in over HTTP: last year's report imported to a new input (as `drafter import`
does), and Word-form inputs listed, shown read-only with their findings, and imported to edit."""

from __future__ import annotations

import json
import os
import shutil
from urllib.parse import quote

import pytest
from paths import EXAMPLES, SEEDS
from web_support import Served

import drafter

COUNTY = next(p for p in EXAMPLES if p.name == "county_standard.yaml")
SEED = SEEDS[0]  # 万州区公安局, 2024


@pytest.fixture
def served(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    server = Served(folder)
    yield server
    server.stop()


def _upload(served, path, query="", **headers):
    sent = {"X-File-Name": quote(path.name), "Content-Type": "application/octet-stream", **headers}
    return served.call("/api/import-upload" + query, raw=path.read_bytes(), headers=sent)


def test_last_years_report_uploaded_becomes_this_years_input(served):
    reply = _upload(served, SEED, "?year=2025")
    assert reply.status == 200, reply.body
    name = reply.json["file"]
    assert name == "万州区公安局2025年度报告.yaml" and reply.json["form"] is False
    assert any("2025年度" in note for note in reply.json["notes"])
    assert any(line.startswith("去年安排：") for line in reply.json["comments"]["measures"])
    written = served.folder / name
    expected = drafter.import_report(SEED, SEED.name, 2025)
    assert written.read_text(encoding="utf-8") == expected.text  # the same input `drafter import` writes
    validation = drafter.validate(written)  # loads: exit 0 or 1, never 2
    assert validation.report.meta.year == 2025
    opened = served.call("/api/input?file=" + quote(name)).json
    assert opened["kind"] == "yaml" and opened["data"]["measures"]


def test_an_import_never_replaces_a_file_without_confirmation(served):
    target = served.folder / "万州区公安局2025年度报告.yaml"
    target.write_text("# 已有的文件\n", encoding="utf-8")
    refused = _upload(served, SEED, "?year=2025")
    assert refused.status == 409 and refused.json["exists"] == target.name and "覆盖" in refused.json["error"]
    assert target.read_text(encoding="utf-8") == "# 已有的文件\n"
    other = _upload(served, SEED, "?" + "&".join(["year=2025", "file=" + quote("另一份")]))
    assert other.status == 200 and other.json["file"] == "另一份.yaml"
    confirmed = _upload(served, SEED, "?year=2025&force=1")
    assert confirmed.status == 200 and "meta:" in target.read_text(encoding="utf-8")
    assert not [p for p in served.folder.iterdir() if p.name.startswith(".drafter-")]  # no temporary file left


def test_a_report_in_the_folder_is_imported_beside_it(served):
    sub = served.folder / "去年"
    sub.mkdir()
    shutil.copy(SEED, sub / SEED.name)
    reply = served.call("/api/import-file", {"source": f"去年/{SEED.name}", "year": "2025年"})
    assert reply.status == 200 and reply.json["file"] == "去年/万州区公安局2025年度报告.yaml"
    assert (sub / SEED.name).read_bytes() == SEED.read_bytes()  # the report is only read


@pytest.mark.parametrize("year", ["明年", "1999", "2025.5"])
def test_a_year_that_is_not_one_is_refused_in_chinese(served, year):
    reply = _upload(served, SEED, "?year=" + quote(year))
    assert reply.status == 422 and "报告年度" in reply.json["error"]
    assert not list(served.folder.iterdir())


def test_imports_keep_to_the_folder_the_token_and_this_page(served, tmp_path):
    outside = tmp_path / "外面.txt"
    shutil.copy(SEED, outside)
    os.symlink(outside, served.folder / "链接.txt")
    for source in ("../外面.txt", "链接.txt", "/etc/passwd", ".隐藏.txt"):
        assert served.call("/api/import-file", {"source": source, "year": 2025}).status == 403, source
    shutil.copy(SEED, served.folder / SEED.name)
    for target in ("../逃出.yaml", "子/../../逃出.yaml", "/tmp/逃出.yaml"):
        reply = served.call("/api/import-file", {"source": SEED.name, "year": 2025, "file": target})
        assert reply.status == 403, target
    assert not (tmp_path / "逃出.yaml").exists()
    assert _upload(served, SEED, "?year=2025", **{"X-Drafter-Token": "wrong"}).status == 403
    assert served.call("/api/import-upload?year=2025", raw=SEED.read_bytes(), token=False,
                       headers={"X-File-Name": "a.txt"}).status == 403
    assert served.call("/api/import-upload?year=2025", raw=SEED.read_bytes(), origin="http://evil.example",
                       headers={"X-File-Name": "a.txt"}).status == 403
    assert served.call("/api/import-upload?year=2025", raw=SEED.read_bytes(), origin=False,
                       headers={"X-File-Name": "a.txt"}).status == 403
    wrong_kind = served.call("/api/import-upload", raw=b"MZ\x90\x00", headers={"X-File-Name": "a.exe"})
    assert wrong_kind.status == 415 and ".docx" in wrong_kind.json["error"]


def test_an_upload_over_the_limit_is_refused_before_it_is_read(served):
    import http.client

    from drafter.web.replies import MAX_UPLOAD_BYTES

    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    connection.putrequest("POST", "/api/import-upload?year=2025", skip_host=True)
    for name, value in {"Host": f"127.0.0.1:{served.port}", "Origin": served.base, "X-Drafter-Token": served.token,
                        "X-File-Name": "big.docx", "Content-Length": str(MAX_UPLOAD_BYTES + 1)}.items():
        connection.putheader(name, value)
    connection.endheaders()
    reply = connection.getresponse()
    assert reply.status == 413 and "上限" in json.loads(reply.read())["error"]
    connection.close()


def test_a_broken_report_gets_a_chinese_message_and_writes_nothing(served):
    reply = served.call("/api/import-upload?year=2025", raw=b"PK\x03\x04" + bytes(64),
                        headers={"X-File-Name": quote("坏.docx"), "Content-Type": "application/octet-stream"})
    assert reply.status == 400 and "坏.docx" in reply.json["error"]
    assert not list(served.folder.iterdir())


# ---- Word forms ----------------------------------------------------------------------------


@pytest.fixture
def with_form(served):
    drafter.init(served.folder / "表单.docx", "测试县公安局", 2025)
    shutil.copy(COUNTY, served.folder / "county.yaml")
    drafter.render(COUNTY).save(served.folder / "生成的报告.docx")  # a report, not an input
    shutil.copy(SEED, served.folder / SEED.name)
    (served.folder / "坏.docx").write_bytes(b"not a zip")
    return served


def test_word_forms_are_listed_among_the_inputs_and_reports_are_not(with_form):
    inputs = with_form.call("/api/files").json["inputs"]
    assert [(i["file"], i["kind"]) for i in inputs] == [("county.yaml", "yaml"), ("表单.docx", "form")]
    form = inputs[1]
    validation = drafter.validate(with_form.folder / "表单.docx")
    assert form["complete"] is False and form["errors"] == sum(f.level == "error" for f in validation.findings)
    assert form["review"] == len(validation.review)


def test_a_word_form_opens_read_only_with_findings_at_its_paragraphs(with_form):
    reply = with_form.call("/api/input?file=" + quote("表单.docx"))
    assert reply.status == 200
    opened = reply.json
    assert opened["kind"] == "form" and opened["readonly"] and "version" not in opened
    assert opened["data"]["meta"]["unit"] == "测试县公安局"
    placed = [f for f in opened["findings"] if f["path"] and f.get("anchor")]
    assert placed and all("部分" in f["anchor"] for f in placed)
    validation = drafter.validate(with_form.folder / "表单.docx")
    key = lambda f: (f["rule"], f["message"], f.get("path"), f.get("anchor"))  # noqa: E731
    assert sorted(map(key, opened["findings"])) == sorted(key(f.as_dict()) for f in validation.findings)
    assert sorted(map(key, opened["review"])) == sorted(key(f.as_dict()) for f in validation.review)
    preview = with_form.call("/api/preview", {"file": "表单.docx", "version": "", "data": {}})
    assert preview.status == 200 and "测试县公安局" in preview.json["html"]


def test_a_word_form_is_never_written_by_the_page(with_form):
    path = with_form.folder / "表单.docx"
    before = path.read_bytes()
    opened = with_form.call("/api/input?file=" + quote("表单.docx")).json
    for route in ("/api/save", "/api/check-input"):
        reply = with_form.call(route, {"file": "表单.docx", "version": "x", "data": opened["data"]})
        assert reply.status == 403 and ".yaml" in reply.json["error"]
    word = with_form.call("/api/word", {"file": "表单.docx", "allow_incomplete": True})
    assert word.status == 200 and word.json["file"] == "测试县公安局2025年法治政府建设年度报告.docx"
    assert path.read_bytes() == before


def test_a_word_file_made_from_a_form_never_takes_the_forms_own_name(served):
    name = "测试县公安局2025年法治政府建设年度报告.docx"  # the name the report itself would get
    drafter.init(served.folder / name, "测试县公安局", 2025)
    before = (served.folder / name).read_bytes()
    word = served.call("/api/word", {"file": name, "allow_incomplete": True})
    assert word.status == 200 and word.json["file"] == "测试县公安局2025年法治政府建设年度报告（文稿）.docx"
    assert (served.folder / name).read_bytes() == before


def test_a_report_docx_is_not_opened_as_an_input(with_form):
    for name in ("生成的报告.docx", "坏.docx"):
        reply = with_form.call("/api/input?file=" + quote(name))
        assert reply.status == 400 and name in reply.json["error"]


def test_editing_a_word_form_first_imports_it_to_yaml(with_form):
    reply = with_form.call("/api/import-file", {"source": "表单.docx"})
    assert reply.status == 200 and reply.json["form"] is True
    name = reply.json["file"]
    assert name == "测试县公安局2025年度报告.yaml"
    imported = drafter.load_input(with_form.folder / name).report
    assert imported == drafter.load_input(with_form.folder / "表单.docx").report
    again = with_form.call("/api/import-file", {"source": "表单.docx"})
    assert again.status == 409
