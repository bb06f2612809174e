"""The rendered .docx opens in LibreOffice and lays out as a plausible A4 report."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from drafter.drafting import input as model
from drafter.drafting import render
from drafter.drafting.completeness import count_chars
from paths import EXAMPLES
from render_support import body_text, open_docx

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
    reason="LibreOffice (soffice) and pdfinfo are needed to convert and measure the draft",
)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_libreoffice_converts_the_draft_to_a4_pages(example, std, tmp_path):
    report, _ = model.load(example)
    data = render.draft(report, std)
    source = tmp_path / "draft.docx"
    source.write_bytes(data)
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "draft.pdf")], check=True, capture_output=True, text=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M).groups())
    assert (round(width), round(height)) == (595, 842)  # A4
    # 22 lines × 28 characters is at most 616 characters a page; headings, short
    # last lines and the closing take room, so a full page holds rather less.
    chars = count_chars(body_text(open_docx(data)))
    assert chars / 616 <= pages <= chars / 616 * 2 + 1
