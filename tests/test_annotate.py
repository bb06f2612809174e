"""The reviewer's return copy: each finding a Word comment on its paragraph, a summary
comment at the top, the original untouched; read back with python-docx and through LibreOffice."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from batch_support import reviewer_folder
from docx.oxml.ns import qn
from docx_fixtures import build, lines_of, repack
from paths import seed_file

import drafter


def _comments(path) -> dict[int, tuple[str, str]]:
    """comment id → (its text, the text of the paragraph it is anchored on)."""
    word = docx.Document(path)
    anchored = {}
    for p in word.element.body.iter(qn("w:p")):
        for start in p.iter(qn("w:commentRangeStart")):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            anchored[int(start.get(qn("w:id")))] = text
    return {c.comment_id: (c.text, anchored.get(c.comment_id)) for c in word.comments}


@pytest.fixture
def seed_docx(tmp_path):
    return build(lines_of(seed_file("000")), tmp_path / "万州.docx", styled=False)


def test_one_comment_per_finding_on_its_paragraph_and_a_summary_at_the_top(cli, seed_docx, tmp_path):
    before = hashlib.sha256(seed_docx.read_bytes()).hexdigest()
    out = tmp_path / "退回.docx"
    run = cli("check", seed_docx, "--annotate", out)
    assert run.exit_code == 1 and f"已写出：{out}" in run.stdout
    assert hashlib.sha256(seed_docx.read_bytes()).hexdigest() == before  # the original is only read
    result = drafter.check(seed_docx)
    comments = _comments(out)
    assert len(comments) == len(result.findings) + 1
    summary, top = comments[0]
    assert "drafter 检查意见" in summary and "不完整" in summary and top == lines_of(seed_file("000"))[0]
    paragraphs = {b.index: b.text for b in drafter.read(seed_docx).blocks}
    ordered = sorted(result.findings, key=lambda f: (f.position is not None, f.position or 0))
    for finding, (text, anchored) in zip(ordered, [comments[i] for i in sorted(comments)[1:]], strict=True):
        assert finding.message in text and finding.rule in text
        expected = paragraphs[finding.position] if finding.position is not None else paragraphs[0]
        assert anchored == expected


def test_a_text_draft_gets_a_docx_copy_of_its_text_carrying_the_comments(cli, tmp_path):
    draft = tmp_path / "草稿.txt"
    draft.write_text("某县公安局2024年法治政府建设情况报告\n一、主要举措和成效\n【待填写：举措】\n", encoding="utf-8")
    out = tmp_path / "草稿（审阅意见）.docx"
    assert cli("check", draft, "--annotate", out).exit_code == 1
    word = docx.Document(out)
    texts = [p.text for p in word.paragraphs if p.text.strip()]
    assert texts[:2] == ["某县公安局2024年法治政府建设情况报告", "一、主要举措和成效"]
    comments = _comments(out)
    assert any("缺少" in text for text, _ in comments.values())
    marker = [anchored for text, anchored in comments.values() if "placeholder" in text]
    assert marker == ["【待填写：举措】"]


def test_annotate_dir_mirrors_the_folder_and_skips_unreadable_files(cli, tmp_path):
    made = reviewer_folder(tmp_path)
    folder = made["folder"][0]
    out = tmp_path / "退回意见"
    run = cli("check", folder, "--annotate-dir", out)
    assert run.exit_code == 2
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.docx"))
    readable = [p for p in made["checked"] if "损坏" not in p.name]
    expected = sorted(p.relative_to(folder).with_name(p.stem + "（审阅意见）.docx").as_posix() for p in readable)
    assert written == expected
    for path in out.rglob("*.docx"):
        assert _comments(path)  # at least the summary


def test_annotate_is_for_one_file_and_never_overwrites(cli, seed_docx, tmp_path):
    run = cli("check", seed_docx, seed_file("003"), "--annotate", tmp_path / "x.docx")
    assert run.exit_code == 2 and "--annotate-dir" in run.stderr
    assert cli("check", seed_docx, "--annotate", seed_docx, "--force").exit_code == 2  # never over the input
    target = tmp_path / "已有.docx"
    target.write_bytes(b"keep")
    run = cli("check", seed_docx, "--annotate", target)
    assert "已存在" in run.stderr and target.read_bytes() == b"keep"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is needed to convert the copy")
def test_libreoffice_keeps_the_comments_when_it_makes_a_pdf(seed_docx, tmp_path):
    copy = tmp_path / "copy.docx"
    copy.write_bytes(drafter.annotate(seed_docx))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
         'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}',
         "--outdir", str(tmp_path), str(copy)],
        check=True, capture_output=True, timeout=300,
    )
    pdf = (tmp_path / "copy.pdf").read_bytes()
    # Each Word comment becomes a PDF text annotation; its contents are UTF-16 in hex.
    notes = [bytes.fromhex(h.decode()).decode("utf-16-be").lstrip("\ufeff")
             for h in re.findall(rb"/Subtype\s*/Text.*?/Contents\s*<([0-9A-Fa-f]+)>", pdf, re.S)]
    expected = [text for text, _ in _comments(copy).values()]
    assert len(notes) == len(expected)
    assert any("drafter 检查意见" in n for n in notes)
    for text in expected:
        assert any(text.splitlines()[0] in n for n in notes), text


def test_a_package_that_cannot_be_written_back_is_annotated_on_a_relaid_copy(cli, seed_docx, tmp_path):
    # A relationship without its Type: readable, but python-docx cannot save the package again.
    import io

    def untyped(name: str, content: bytes) -> bytes:
        return re.sub(rb'Type="[^"]*core-properties"', b"", content) if name == "_rels/.rels" else content

    broken = tmp_path / "缺类型.docx"
    broken.write_bytes(repack(seed_docx.read_bytes(), untyped))
    rels = zipfile.ZipFile(broken).read("_rels/.rels")
    assert b"core-properties" not in rels and b"core.xml" in rels
    out = tmp_path / "退回.docx"
    run = cli("check", broken, "--annotate", out)
    assert run.exit_code == 1 and "Traceback" not in run.stdout + run.stderr
    comments = _comments(out)
    assert len(comments) == len(drafter.check(broken).findings) + 1
    assert "无法直接加批注" in comments[0][0] and comments[0][1] == lines_of(seed_file("000"))[0]
    assert docx.Document(io.BytesIO(out.read_bytes())).paragraphs
