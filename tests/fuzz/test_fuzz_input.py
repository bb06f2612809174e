"""The input model is total: any data in an example's shape validates, renders, or is refused in Chinese.

The examples' data is changed at a random place (a value replaced by another
of any type, a key dropped, an unknown key added) and written back as YAML;
validate and render (docx and md) must end in a result or a located
refusal. Values include what the issue lists: dates past 2107 or before
year 1, impossible dates, 5000-digit numbers, .nan and .inf.
"""

from __future__ import annotations

import functools

import paths
import yaml
from fuzz_support import assert_refusal, example_texts, run_cli, scaled
from hypothesis import event, given, reject
from hypothesis import strategies as st

import drafter
from drafter.errors import DrafterError

FILE = "输入.yaml"

values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=10**15, max_value=10**1000),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(), st.datetimes(),
    st.text(max_size=30), st.lists(st.text(max_size=8), max_size=3),
    st.dictionaries(st.sampled_from(["text", "title", "value", "x", "unit"]), st.text(max_size=8), max_size=2),
    st.sampled_from([
        "2025年", "2026年2月30日", "2200年1月1日", "0000-01-01", "2026.2.10", "1203起", "９９", "", "【待填写：原因】",
        "{未知指标}", "{{ meta }}", "{% raw %}", "9" * 5000, "-1", "1e999", "nan", "inf", "１，２０３件", "\u202e反向",
        "\x00", "\ud800",
    ]),
)


@functools.cache
def example_data() -> tuple:
    return tuple(yaml.safe_load(text) for text in example_texts())


def _places(data, loc=()):
    """Every place in the data: (path, container)."""
    yield loc
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _places(value, loc + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _places(value, loc + (i,))


@st.composite
def changed_input(draw) -> str:
    import copy

    data = copy.deepcopy(example_data()[draw(st.integers(0, len(example_data()) - 1))])
    for _ in range(draw(st.integers(1, 3))):
        places = [p for p in _places(data) if p]
        loc = draw(st.sampled_from(places))
        parent = functools.reduce(lambda node, key: node[key], loc[:-1], data)
        action = draw(st.sampled_from(["replace", "replace", "drop", "add", "grow"]))
        if action == "grow":  # a list far longer than any report's (numbering past 99)
            target = parent[loc[-1]]
            if isinstance(target, list) and target:
                target.extend(copy.deepcopy(target[-1]) for _ in range(draw(st.integers(90, 130))))
        elif action == "replace":
            parent[loc[-1]] = draw(values)
        elif action == "drop":
            del parent[loc[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=6))] = draw(values)
        else:
            parent.append(draw(values))
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (ValueError, yaml.YAMLError):  # a value PyYAML cannot write (a 5000-digit int): draw another
        reject()


def _render(text: str, fmt: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        validation = drafter.validate(data, FILE)
        drafter.render(validation, format=fmt, allow_incomplete=True)
        event("rendered")
    except DrafterError as exc:
        event("refused")
        assert_refusal(exc, FILE, lines=text.count("\n") + 1)


@scaled(25)
@given(changed_input(), st.sampled_from(["docx", "md"]))
def test_changed_inputs_render_or_are_refused_with_located_chinese(text, fmt):
    _render(text, fmt)


@scaled(8)
@given(changed_input())
def test_render_through_the_command_line_ends_with_0_1_or_2(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("render")
    path = folder / FILE
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    run_cli("render", path, "-o", folder / "报告.docx", "--allow-incomplete")


def test_the_issue_values_are_refused_at_their_line():
    for old, new in [
        ("date: 2026年2月12日", "date: 2200-01-01"), ("date: 2026年2月12日", "date: 2025-02-30"),
        ("date: 2026年2月12日", "date: 0000-01-01"), ("year: 2025", "year: " + "9" * 5000),
        ("value: 2316", "value: " + "9" * 5000), ("value: 2316", "value: .nan"), ("value: 2316", "value: .inf"),
        ("previous: 1984", "previous: -.inf"),
    ]:
        text = (paths.ROOT / "examples" / "county_standard.yaml").read_text(encoding="utf-8")
        line = text[: text.index(old)].count("\n") + 1
        try:
            drafter.validate(text.replace(old, new, 1).encode("utf-8"), FILE)
        except DrafterError as exc:
            assert_refusal(exc, FILE)
            assert [p.line for p in exc.problems] == [line], (new[:30], str(exc))
        else:
            raise AssertionError(f"{new[:30]} was accepted")
