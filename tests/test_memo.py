"""Files parsed once per process (standard, style sheet, rule files) are parsed again when they
change, including a change made at once after a read, with the same size."""

from __future__ import annotations

from pathlib import Path

from drafter.files import memo


def _counting():
    calls = []

    @memo.per_file
    def load(path: Path) -> str:
        calls.append(path)
        return path.read_text(encoding="utf-8")

    return load, calls


def test_a_file_rewritten_at_once_with_the_same_size_is_read_again(tmp_path, monkeypatch):
    # On a file system keeping times to two seconds (FAT), the rewrite leaves them as they were.
    exact = memo.signature
    coarse = 2 * 10**9
    monkeypatch.setattr(memo, "signature", lambda st: (*exact(st)[:3], *(t // coarse * coarse for t in exact(st)[3:])))
    load, calls = _counting()
    path = tmp_path / "rules.yaml"
    path.write_text("typo: 甲乙\n", encoding="utf-8")
    assert load(path) == "typo: 甲乙\n"
    path.write_text("typo: 丙丁\n", encoding="utf-8")  # same size, same inode, within the same clock tick
    assert load(path) == "typo: 丙丁\n"
    assert load(path) == "typo: 丙丁\n" and len(calls) == 2


def test_a_settled_file_is_trusted_by_its_times_and_reloaded_when_they_change(tmp_path, monkeypatch):
    load, calls = _counting()
    path = tmp_path / "standard.yaml"
    path.write_text("name: 一\n", encoding="utf-8")
    monkeypatch.setattr(memo, "MARGIN_NS", -10**18)  # as if the file had been written long ago
    assert load(path) == "name: 一\n"
    opened = []

    def counting_open(*args, **kwargs):
        opened.append(args)
        return open(*args, **kwargs)

    monkeypatch.setattr(memo, "open", counting_open, raising=False)
    assert load(path) == "name: 一\n" and not opened and len(calls) == 1  # not even opened
    path.write_text("name: 一二\n", encoding="utf-8")
    assert load(path) == "name: 一二\n" and len(calls) == 2


def test_a_rule_file_added_to_the_folder_is_listed(tmp_path):
    (tmp_path / "a.yaml").write_text("", encoding="utf-8")
    assert [p.name for p in memo.listing(tmp_path, "*.yaml")] == ["a.yaml"]
    (tmp_path / "b.yaml").write_text("", encoding="utf-8")
    assert [p.name for p in memo.listing(tmp_path, "*.yaml")] == ["a.yaml", "b.yaml"]
