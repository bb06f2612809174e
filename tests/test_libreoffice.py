"""The rendered .docx as LibreOffice lays it out: every page measured against
GB/T 9704-2012's own figures (not the style sheet), from the PDF's text boxes.

A4; text from 37 mm below the top edge and 28 mm from the left, type area
156 × 225 mm; 22 lines a page at an even pitch, 28 characters a line, first
lines indented two characters; page numbers "— n —" 7 mm below the type
area, odd pages right and even pages left, one character in.
"""

from __future__ import annotations

import shutil
from collections import Counter
from itertools import pairwise

import pytest
from paths import EXAMPLES
from pdf_pages import MM, Line, Page, pages, to_pdf
from render_support import headings, open_docx

from drafter.drafting import input as model
from drafter.drafting import render
from drafter.drafting.stylesheet import em_width

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and poppler (pdftotext) are needed to lay out and measure the draft",
)

WIDTH, HEIGHT = 210 * MM, 297 * MM
LEFT, TOP = 28 * MM, 37 * MM
RIGHT, BOTTOM = LEFT + 156 * MM, TOP + 225 * MM  # edges of the type area
PITCH = 225 * MM / 22
CHAR = 156 * MM / 28
NUMBER_PT = 14  # 4号
EDGE = 1.5  # points of slack for a text box's edge


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def laid_out(request, std, tmp_path_factory):
    """(pages of the PDF, heading texts of the .docx) for one example."""
    report, _ = model.load(request.param)
    data = render.draft(report, std)
    workdir = tmp_path_factory.mktemp(request.param.stem)
    source = workdir / "draft.docx"
    source.write_bytes(data)
    texts = ["".join(text.split()) for _, text in headings(open_docx(data))]
    return pages(to_pdf(source, workdir)), texts


def imprint(page: Page) -> list[Line]:
    """The 版记 (抄送, 印发): GB/T 9704 7.4 lays it out in 4号 with its own rules, off the body's grid."""
    marked = [line for line in page.lines if line.bottom <= BOTTOM + EDGE
              and (line.text.startswith("抄送") or line.text.endswith("印发"))]
    # The 印发 line's two ends (印发机关 left, 印发日期 right) come out as two boxes.
    return [line for line in page.lines if any(abs(line.top - m.top) <= 1 for m in marked)]


def body(page: Page) -> list[Line]:
    return [line for line in page.lines if line.bottom <= BOTTOM + EDGE and line not in imprint(page)]


def footer(page: Page) -> list[Line]:
    return [line for line in page.lines if line.top > BOTTOM + EDGE]


def test_pages_are_a4(laid_out):
    assert all((round(p.width), round(p.height)) == (round(WIDTH), round(HEIGHT)) for p in laid_out[0])
    assert len(laid_out[0]) >= 3


def test_text_starts_at_the_top_margin(laid_out):
    # After the title page every page starts on the grid's first line: the
    # text's box lies within the line that begins 37 mm below the top edge.
    for number, page in enumerate(laid_out[0][1:], 2):
        first = body(page)[0]
        assert TOP - 0.2 <= first.top and first.bottom <= TOP + PITCH + 0.2, f"page {number}: {first}"


def test_lines_follow_the_grid_pitch(laid_out):
    for number, page in enumerate(laid_out[0][1:], 2):
        lines = body(page)
        for above, below in pairwise(lines):
            steps = round((below.top - above.top) / PITCH)
            assert steps >= 1 and below.top - above.top == pytest.approx(steps * PITCH, abs=0.3), (
                f"page {number}: {above.text} / {below.text}"
            )


def test_every_full_page_holds_22_lines(laid_out):
    """A page ends early only to keep a heading with its text; never for a widow or orphan."""
    all_pages, heading_texts = laid_out
    for number, (page, following) in enumerate(pairwise(all_pages[1:]), 2):
        lines = body(page)
        if len(lines) == 22:
            assert lines[-1].bottom <= BOTTOM and lines[-1].top >= BOTTOM - PITCH, f"page {number}"
            continue
        opening = body(following)[0].text
        assert any(text.startswith(opening) for text in heading_texts), (
            f"page {number} holds {len(lines)} lines, and page {number + 1} opens with “{opening}”, not a heading"
        )
    assert sum(len(body(p)) == 22 for p in all_pages[1:-1]) >= (len(all_pages) - 2) // 2


def test_no_page_ends_with_a_heading(laid_out):
    all_pages, heading_texts = laid_out
    for number, page in enumerate(all_pages[:-1], 1):
        last = body(page)[-1].text
        assert not any(text.endswith(last) for text in heading_texts), f"page {number} ends with “{last}”"


def test_lines_hold_28_characters_between_the_margins(laid_out):
    lines = [line for page in laid_out[0][1:] for line in body(page)]
    full = [line for line in lines if abs(line.left - LEFT) <= EDGE and abs(line.right - RIGHT) <= EDGE]
    chinese_only = [line for line in full if em_width(line.text) == len(line.text)]
    assert len(chinese_only) >= 20
    # A line a number did not fit on is spread out over 27; none takes 29.
    counts = Counter(len(line.text) for line in chinese_only)
    assert max(counts) == 28 and counts[28] >= 0.9 * len(chinese_only), counts
    # No line reaches into the margins (a closing punctuation mark may hang, as in Word).
    for line in lines:
        assert line.left >= LEFT - EDGE and line.right <= RIGHT + CHAR + EDGE, line


def test_first_lines_are_indented_two_characters(laid_out):
    lines = [line for page in laid_out[0][1:] for line in body(page)]
    starts = Counter("margin" if abs(line.left - LEFT) <= EDGE
                     else "indent" if abs(line.left - (LEFT + 2 * CHAR)) <= EDGE
                     else "closing" if line.left > WIDTH / 2 else f"{line.left:.1f}"
                     for line in lines)
    assert set(starts) <= {"margin", "indent", "closing"}, starts
    assert starts["indent"] >= 10


def test_the_imprint_closes_the_last_page_one_character_in(laid_out):
    last = laid_out[0][-1]
    lines = imprint(last)
    assert lines[0].text.startswith("抄送：") and lines[-1].text.endswith("印发") and len(lines) == 3
    assert all(line.top > body(last)[-1].bottom for line in lines)  # below everything else
    assert lines[0].left == pytest.approx(LEFT + NUMBER_PT, abs=EDGE)  # 左空一字 (4号)
    assert lines[1].left == pytest.approx(LEFT + NUMBER_PT, abs=EDGE)  # the 印发机关 too
    assert lines[-1].right == pytest.approx(RIGHT - NUMBER_PT, abs=EDGE)  # the date 右空一字


def test_page_numbers_sit_below_the_type_area_odd_right_even_left(laid_out):
    for number, page in enumerate(laid_out[0], 1):
        lines = footer(page)
        assert [line.text for line in lines] == [f"—{number}—"], f"page {number}"
        mark = lines[0]
        # Its line (14 pt high) begins 7 mm below the type area.
        assert mark.middle == pytest.approx(BOTTOM + 7 * MM + NUMBER_PT / 2, abs=EDGE), f"page {number}"
        if number % 2:
            assert mark.right == pytest.approx(RIGHT - NUMBER_PT, abs=EDGE), f"page {number}"
        else:
            assert mark.left == pytest.approx(LEFT + NUMBER_PT, abs=EDGE), f"page {number}"
