"""What LibreOffice put on each page: .docx → PDF, then the PDF's text lines
with their boxes (poppler's ``pdftotext -bbox-layout``), for page tests."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

MM = 72 / 25.4  # points per millimetre


@dataclass(frozen=True)
class Line:
    """One line of text; coordinates in points from the page's top-left corner."""

    text: str
    left: float
    top: float
    right: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    lines: list[Line]


def to_pdf(docx: Path, workdir: Path) -> Path:
    """Convert with a private LibreOffice profile, so runs do not share state."""
    profile = (workdir / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(workdir), str(docx)],
        check=True, capture_output=True, timeout=300,
    )
    return workdir / (docx.stem + ".pdf")


def pages(pdf: Path) -> list[Page]:
    xhtml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, timeout=120
    ).stdout
    root = etree.fromstring(xhtml, etree.XMLParser(no_network=True, resolve_entities=False))
    out = []
    for page in root.iter("{*}page"):
        lines = [
            Line("".join(w.text or "" for w in line.iter("{*}word")),
                 *(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for line in page.iter("{*}line")
        ]
        out.append(Page(float(page.get("width")), float(page.get("height")), sorted(lines, key=lambda line: line.top)))
    return out
