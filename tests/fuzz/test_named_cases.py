"""The corpus: every hostile case issue 9 names, and those found since, through the real command line.

Each case runs ``drafter`` in a child process limited to 1.5 GB of address
space (RLIMIT_AS) and 20 seconds, and must end with its exit code (0, 1 or
2, never 3), a Chinese message without a traceback or English, and the
place: the line for an input, the file for a draft. Cases that need only a
file are built from the bundled county example with one line changed, so
each mistake sits in the middle of a real input.

The output cases (racing renders, a half-exported template folder, full
disks) are in test_output.py; FIFOs and /dev/zero are run here again
under the memory limit.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import paths
import pytest
from docx_fixtures import repack
from fuzz_support import ENGLISH

resource = pytest.importorskip("resource")  # the limits need a POSIX system

LIMIT_BYTES = 1536 * 1024 * 1024
LIMIT_SECONDS = 20
_LAUNCH = (
    "import resource, sys\n"
    f"resource.setrlimit(resource.RLIMIT_AS, ({LIMIT_BYTES}, {LIMIT_BYTES}))\n"
    "sys.argv = ['drafter'] + sys.argv[1:]\n"
    "from drafter.cli import main\n"
    "main()\n"
)
COUNTY = (paths.ROOT / "examples" / "county_standard.yaml").read_text(encoding="utf-8")


@dataclass
class Case:
    """A command to run on files ``make`` writes into a folder, and what must come of it."""

    make: Callable[[Path], list[object]]  # writes the files, returns the command's arguments
    codes: tuple[int, ...] = (2,)
    line: int | None = None  # the line the first message must name (inputs)
    words: tuple[str, ...] = ()  # what the message must say


def county(old: str, new: str) -> tuple[str, int]:
    """The county example with one line changed, and that line's number."""
    assert old in COUNTY, old
    return COUNTY.replace(old, new, 1), COUNTY[: COUNTY.index(old)].count("\n") + 1


def input_case(old: str, new: str, *words: str, command: str = "validate", line: bool = True) -> Case:
    text, number = county(old, new)

    def make(folder: Path) -> list[object]:
        (folder / "输入.yaml").write_text(text, encoding="utf-8")
        return [command, folder / "输入.yaml"] + (["-o", folder / "报告.docx"] if command == "render" else [])

    return Case(make, line=number if line else None, words=words)


def text_case(name: str, content: bytes | str, command: str = "validate", codes=(2,), *words: str) -> Case:
    def make(folder: Path) -> list[object]:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return [command, path]

    return Case(make, codes=codes, words=words)


def _alias_bomb() -> str:
    lines = ["a: &a [" + ", ".join(["x"] * 9) + "]"]
    for n in range(1, 9):
        previous, current = chr(ord("a") + n - 1), chr(ord("a") + n)
        lines.append(f"{current}: &{current} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _docx(change: Callable[[str, bytes], bytes | None]) -> bytes:
    """A real .docx (python-docx's) with its members passed through ``change`` (None drops one)."""
    import docx

    document = docx.Document()
    document.add_paragraph("一、主要举措和成效")
    document.add_paragraph("全年办理案件。")
    raw = io.BytesIO()
    document.save(raw)
    return repack(raw.getvalue(), change, zipfile.ZIP_STORED)


def _no_body(name: str, content: bytes) -> bytes:
    return re.sub(rb"<w:body>.*</w:body>", b"", content, flags=re.S) if name == "word/document.xml" else content


def _odd_outline(name: str, content: bytes) -> bytes:
    if name != "word/document.xml":
        return content
    return content.replace(b"<w:p>", '<w:p><w:pPr><w:outlineLvl w:val="²"/></w:pPr>'.encode(), 1)


def _numbered_with_broken_numbering() -> bytes:
    """A list paragraph (its label comes from the numbering part, read only then) and that part cut in half."""
    import docx

    document = docx.Document()
    document.add_paragraph("主要举措和成效", style="List Number")
    document.add_paragraph("全年办理案件。")
    raw = io.BytesIO()
    document.save(raw)
    return repack(raw.getvalue(), lambda name, content: content[: len(content) // 2] if name.endswith("numbering.xml")
                  else content, zipfile.ZIP_STORED)


def _zip_version(data: bytes) -> bytes:
    """The central directory says the zip needs a version no reader has (Python: NotImplementedError)."""
    at = data.rindex(b"PK\x01\x02")
    return data[: at + 6] + bytes([231, 0]) + data[at + 8:]


def _fifo(name: str, command: str) -> Case:
    def make(folder: Path) -> list[object]:
        os.mkfifo(folder / name)
        return [command, folder / name]

    return Case(make, words=("普通文件",))


def _dangling_link(folder: Path) -> list[object]:
    (folder / "输入.yaml").write_text(COUNTY, encoding="utf-8")
    (folder / "报告.docx").symlink_to(folder / "不存在.docx")
    return ["render", folder / "输入.yaml", "-o", folder / "报告.docx"]


def _million_paragraphs(folder: Path) -> list[object]:
    (folder / "长.txt").write_bytes("段\n".encode() * 1_000_000)
    return ["check", folder / "长.txt"]


def _template_binary(folder: Path) -> list[object]:
    (folder / "输入.yaml").write_text(COUNTY, encoding="utf-8")
    (folder / "模板").mkdir()
    (folder / "模板" / "report.md.j2").write_bytes(b"{{ report }}\x00\x01\x02")
    return ["render", folder / "输入.yaml", "-o", folder / "报告.docx", "--templates", folder / "模板"]


CASES: dict[str, Case] = {
    # Issue 9: exit 3 from inputs.
    "control character in a value": input_case("unit: 澄源县公安局", "unit: 澄源县\x01公安局", "控制字符"),
    "control character through an escape": input_case("unit: 澄源县公安局", 'unit: "澄源县\\x01公安局"', "控制字符"),
    "date 2200-01-01": input_case("date: 2026年2月12日", "date: 2200-01-01", "2107", command="render"),
    "date 2025-02-30": input_case("date: 2026年2月12日", "date: 2025-02-30", "不是存在的日期", command="render"),
    "date 0000-01-01": input_case("date: 2026年2月12日", "date: 0000-01-01", "不是存在的日期", command="render"),
    "python object tag": input_case("unit: 澄源县公安局", "unit: !!python/object/apply:os.system ['echo x']", "标记"),
    "custom tag": input_case("unit: 澄源县公安局", "unit: !foo 澄源县公安局", "!foo"),
    "nesting 20,000 deep (flow)": text_case("输入.yaml", "other: " + "[" * 20000 + "]" * 20000 + "\n", "validate", (2,), "嵌套"),
    # Indented 20,000 deep the file would be 190 MB (refused by its size); 3,000 deep it is 4.5 MB.
    "nesting 3,000 deep (block)": text_case("输入.yaml", "".join(" " * n + "a:\n" for n in range(3000)), "validate", (2,), "嵌套"),
    "5000-digit year": input_case("year: 2025", "year: " + "9" * 5000, "5000", command="render"),
    "5000-digit figure value": input_case("value: 2316", "value: " + "9" * 5000, "5000", command="render"),
    "docx without w:body": Case(lambda f: (f.joinpath("稿.docx").write_bytes(_docx(_no_body)), ["check", f / "稿.docx"])[1],
                                words=("w:body",)),
    "txt heading 一一、": text_case("稿.txt", "一一、主要举措\n全年办理案件。\n", "check", (0, 1)),
    "output name too long": Case(lambda f: (f.joinpath("输入.yaml").write_text(COUNTY, encoding="utf-8"),
                                            ["render", f / "输入.yaml", "-o", f / ("长" * 300 + ".docx")])[1],
                                 words=("文件名",)),
    # Memory and time.
    "alias bomb": text_case("输入.yaml", _alias_bomb(), "validate", (2,), "引用"),
    "alias bomb in a unit's standard file": Case(
        lambda f: (f.joinpath("标准.yaml").write_text(_alias_bomb(), encoding="utf-8"),
                   ["validate", "--standard", f / "标准.yaml", paths.ROOT / "examples" / "county_standard.yaml"])[1],
        words=("展开后",)),
    "check /dev/zero": Case(lambda f: ["check", "/dev/zero"], words=("普通文件",)),
    "FIFO named x.docx": _fifo("x.docx", "check"),
    "FIFO named x.yaml": _fifo("x.yaml", "validate"),
    "100,000 unclosed comments in .md": text_case("稿.md", "<!--\n" * 100_000, "check", (1, 2)),
    "one million paragraphs": Case(_million_paragraphs, words=("段",)),
    # Wrong results instead of refusals.
    "value .nan": input_case("value: 2316", "value: .nan", ".nan", command="render"),
    "value .inf": input_case("value: 2316", "value: .inf", ".inf", command="render"),
    "init --unit with a line break": Case(lambda f: ["init", f / "新.yaml", "--unit", "澄源县\n公安局", "--year", "2025"],
                                          words=("换行",)),
    "init --unit empty": Case(lambda f: ["init", f / "新.yaml", "--unit", "", "--year", "2025"], words=("不能为空",)),
    # Outputs.
    "dangling symlink at -o": Case(_dangling_link, words=("链接",)),
    # Syntax errors on their own line, in the middle of a real input.
    "unclosed [": input_case("  unit: 澄源县公安局", "  unit: [澄源县公安局", "“[”没有配对"),
    "unclosed {": input_case("  unit: 澄源县公安局", "  unit: {澄源县公安局", "“{”没有配对"),
    "unclosed quote": input_case("  unit: 澄源县公安局", '  unit: "澄源县公安局', "引号"),
    "unclosed quote deep in the file": input_case("          - name: 法制部门审核各类案件", '          - name: "法制部门审核各类案件', "引号"),
    "key without its colon": input_case("  year: 2025", "  year 2025", "缺少冒号", "year: 2025"),
    "tab indentation": input_case("  year: 2025", "\tyear: 2025", "Tab"),
    # Issue 12's IME slips.
    'unit："青川县公安局"': input_case("  unit: 澄源县公安局", '  unit："青川县公安局"', "全角冒号", 'unit: "青川县公安局"'),
    "order：practice": input_case("  order: practice", "  order：practice", "全角冒号", "order: practice"),
    "cause：>-": input_case("    cause: >-\n      原因在于", "    cause：>-\n      原因在于", "全角冒号", "cause: >-"),
    "full-width space after the colon": input_case("  year: 2025", "  year:\u30002025", "全角空格"),
    "full-width space as indentation": input_case("  year: 2025", "\u3000year: 2025", "全角空格"),
    "full-width quotes around a key": input_case("  year: 2025", "  “year”: 2025", "引号", "year:"),
    # Found by the fuzz suite and by hand since.
    "a bare = as a value": input_case("  printer: 澄源县公安局办公室", "  printer: =", line=False),
    "a bare << as a value": input_case("  printer: 澄源县公安局办公室", "  printer: <<", line=False),
    "9:30 is text, not 570": input_case("  printer: 澄源县公安局办公室", "  printer: 9:30", line=False),
    "outline level ²": Case(lambda f: (f.joinpath("稿.docx").write_bytes(_docx(_odd_outline)), ["check", f / "稿.docx"])[1],
                            codes=(0, 1)),
    "numbering part broken, read late": Case(
        lambda f: (f.joinpath("稿.docx").write_bytes(_numbered_with_broken_numbering()), ["check", f / "稿.docx"])[1],
        words=("numbering.xml",)),
    "zip needing an unknown version": Case(
        lambda f: (f.joinpath("稿.docx").write_bytes(_zip_version(_docx(lambda n, c: c))), ["check", f / "稿.docx"])[1],
        words=("zip",)),
    "a hundred points under one topic": Case(
        lambda f: (f.joinpath("输入.yaml").write_text(COUNTY.replace("    points:\n", "    points:\n" + "".join(
            f"      - title: 第{n}条\n        text: 做了工作。\n" for n in range(120)), 1), encoding="utf-8"),
            ["render", f / "输入.yaml", "-o", f / "报告.docx"])[1], codes=(0, 1)),
    "a numbered line with no heading words (二、。)": text_case(
        "稿.txt", paths.SEEDS[0].read_text(encoding="utf-8").replace("二、", "二、。", 1), "check", (0, 1)),
    "C1 control in a .txt, imported": text_case("稿.txt", "一、主要举措\n全年\u0080办理案件。\n", "import", (0, 1)),
    "template file that is not text": Case(_template_binary, words=("不是文本文件",)),
    "line separator pasted into a value": input_case("  unit: 澄源县公安局", "  unit: 澄源县\u2028公安局", line=False),
}
for _text_after_all in ("a bare = as a value", "a bare << as a value", "9:30 is text, not 570",
                        "line separator pasted into a value"):
    CASES[_text_after_all].codes = (0, 1)


@pytest.mark.parametrize("name", list(CASES))
def test_named_case_ends_clearly_within_its_bounds(name, tmp_path):
    case = CASES[name]
    args = [str(a) for a in case.make(tmp_path)]
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-c", _LAUNCH, *args], capture_output=True, text=True, encoding="utf-8",
        errors="replace", timeout=LIMIT_SECONDS + 10, cwd=tmp_path,
    )
    took = time.monotonic() - started
    said = run.stdout + run.stderr
    assert took < LIMIT_SECONDS, f"{name}: {took:.1f} s"
    assert run.returncode in case.codes, f"{name}: exit {run.returncode}\n{said}"
    assert "Traceback" not in said and "内部错误" not in said and "MemoryError" not in said, said
    for word in case.words:
        assert word in said, f"{name}: “{word}” missing\n{said}"
    if run.returncode == 2:
        message = run.stderr
        assert re.search(r"[\u4e00-\u9fff]", message), message
        assert not ENGLISH.search(message.replace(str(tmp_path), "")), message
        if case.line is not None:
            places = re.findall(r"输入\.yaml:(\d+):\d+", message)
            assert places and int(places[0]) == case.line, f"{name}: expected line {case.line}\n{message}"
    if name == "dangling symlink at -o":
        assert (tmp_path / "报告.docx").is_symlink()
