"""The YAML loader is total: any text gives data or a located Chinese refusal, quickly.

Texts are drawn as real files (the examples, the standard, the style sheet)
with typing slips put in, and as free text over YAML's special characters.
A slip that breaks the parse must be reported on the slip's own line.
"""

from __future__ import annotations

import re

from fuzz_support import assert_refusal, example_texts, run_cli, scaled, yaml_texts
from hypothesis import assume, given
from hypothesis import strategies as st

from drafter.errors import DrafterError
from drafter.yamlio import parse

FILE = "输入.yaml"
# What people type by mistake, and what hostile files contain.
PIECES = [
    "：", "　", "\t", '"', "'", "“", "”", "[", "]", "{", "}", ":", ": ", "- ", "#", "&a", "*a", "!foo", "!!python/none",
    "|", ">-", "%", "@", "`", "? ", ",", "\\", "\\x01", " ", "---", "...", "<<", "~", "=", "yes", "1e999",
    ".nan", ".inf", "9" * 60, "2025-02-30", "9:30", "0x1F", "\u2028", "\ufeff", "\x85", "\r", "\u200b", "𠀀",
]
@st.composite
def mutated(draw, texts=yaml_texts):
    """A real file with one to four slips: pieces put in or taken out, lines moved, indentation changed."""
    lines = texts()[draw(st.integers(0, len(texts()) - 1))].split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        op = draw(st.sampled_from(["insert", "delete", "colon", "indent", "dedent", "copy", "drop", "swap"]))
        col = draw(st.integers(0, len(line)))
        if op == "insert":
            lines[at] = line[:col] + draw(st.sampled_from(PIECES) | st.text(max_size=3)) + line[col:]
        elif op == "delete":
            lines[at] = line[:col] + line[col + draw(st.integers(1, 3)):]
        elif op == "colon":
            lines[at] = line.replace(": ", draw(st.sampled_from(["：", ":", " ", "：　", " : "])), 1)
        elif op == "indent":
            lines[at] = draw(st.sampled_from([" ", "  ", "\t", "　"])) + line
        elif op == "dedent":
            lines[at] = line[draw(st.integers(1, 2)):]
        elif op == "copy":
            lines.insert(at, line)
        elif op == "drop" and len(lines) > 1:
            del lines[at]
        elif op == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], line
    return "\n".join(lines)


free_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=6) | st.just("\n") | st.just("a: b\n"),
                     max_size=40).map("".join)


def _parse_or_refusal(text: str) -> None:
    try:
        parse(text, FILE)
    except DrafterError as exc:
        assert_refusal(exc, FILE, lines=text.count("\n") + text.count("\r") + 1)


@scaled(60)
@given(mutated())
def test_a_file_with_slips_loads_or_is_refused_with_located_chinese(parser, text):
    _parse_or_refusal(text)


@scaled(60)
@given(free_text)
def test_any_text_loads_or_is_refused_with_located_chinese(parser, text):
    _parse_or_refusal(text)


# One IME or typing slip on a key line of an example: what it does to the line.
SLIPS = {
    "wide colon": lambda indent, key, value: f"{indent}{key}：{value}",
    "wide colon, space": lambda indent, key, value: f"{indent}{key}： {value}",
    "no space": lambda indent, key, value: f"{indent}{key}:{value}" if value else None,
    "no colon": lambda indent, key, value: f"{indent}{key} {value}" if value else None,
    "tab": lambda indent, key, value: (
        f"\t{indent[2:]}{key}: {value}" if indent.startswith("  ") and "-" not in indent else None
    ),
    "wide space": lambda indent, key, value: f"　{indent[2:]}{key}: {value}" if indent.startswith("  ") and "-" not in indent else None,
    "open quote": lambda indent, key, value: f'{indent}{key}: "{value}' if value and '"' not in value else None,
    "open bracket": lambda indent, key, value: f"{indent}{key}: [{value}" if value and "]" not in value else None,
}
_KEY_LINE = re.compile(r"^( *(?:- )?)([a-z_]+): (?!>|\|)(.*)$")


@scaled(80)
@given(st.integers(0, len(example_texts()) - 1), st.sampled_from(sorted(SLIPS)), st.data())
def test_a_slip_that_breaks_the_file_is_reported_on_its_own_line(example, slip, data):
    lines = example_texts()[example].split("\n")
    keyed = [n for n, line in enumerate(lines) if _KEY_LINE.match(line)]
    at = data.draw(st.sampled_from(keyed))
    indent, key, value = _KEY_LINE.match(lines[at]).groups()
    changed = SLIPS[slip](indent, key, value)
    assume(changed is not None)
    lines[at] = changed
    try:
        parse("\n".join(lines), FILE)
    except DrafterError as exc:
        assert_refusal(exc, FILE, lines=len(lines))
        first = exc.problems[0]
        assert first.line == at + 1, f"{slip} on line {at + 1}: {exc}"


@scaled(10)
@given(mutated(example_texts))
def test_validate_through_the_command_line_ends_with_0_1_or_2(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("yaml") / "输入.yaml"
    path.write_text(text, encoding="utf-8")
    run_cli("validate", path)
