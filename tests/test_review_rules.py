"""Review rules as data: the rule files load and validate, a unit's --rules file adds and switches off
rules, malformed files are refused with file:line (exit 2), and the levels set the exit codes."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml
from paths import EXAMPLES, ROOT, seed_file

import drafter
from drafter.resources import data_dir

RULES = ROOT / "schemas" / "rules"
COUNTY = next(p for p in EXAMPLES if "county" in p.name)



def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_family_of_the_issue_has_rules_with_chinese_messages(std):
    rules = drafter.load_rules(std)
    prefixes = {
        "term.leader-name", "typo", "term.law-name", "term.period", "copy.repeated", "year.opening-missing",
        "time.relative", "plans.year", "shortcoming.no-cause", "shortcoming.boilerplate", "shortcoming.external",
        "plans.unanswered", "leadership.fact-missing", "figures.inconsistent", "figures.vague", "privacy",
        "punct.halfwidth", "placeholder", "part.too-short", "copy.previous-year", "plans.not-followed",
        "copy.shared-text",
    }
    for prefix in prefixes:
        assert any(i == prefix or i.startswith(prefix + ".") for i in rules.ids), prefix
    for rule in rules.rules:
        assert rule.spec.level in ("error", "warning", "info")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in rule.spec.message + rule.spec.suggestion), rule.spec.id
        assert rule.spec.source, rule.spec.id
    assert len(rules.ids) == len(set(rules.ids))
    assert len(rules.get("typo.word").spec.matcher.words) >= 200  # a broad list, not the seeds' few


UNIT_RULES = """\
# 本局补充的审查规则
off: [punct.halfwidth, figures.vague]
rules:
  - id: typo.local
    level: warning
    message: "“{found}”是本地常见的错字。"
    suggestion: "应为“{right}”。"
    source: 本局法制大队整理
    matcher:
      words:
        - [万州区公按局, 万州区公安局]
        - [打防管空, 打防管控]
  - id: time.relative
    level: error
"""


def test_a_unit_file_adds_a_typo_pair_switches_rules_off_and_changes_a_level(tmp_path, cli):
    unit = _write(tmp_path, "本局规则.yaml", UNIT_RULES)
    draft = _write(tmp_path, "稿.txt", seed_file("000").read_text(encoding="utf-8").replace("提升打防管控能力", "提升打防管空能力"))
    plain = json.loads(cli("check", draft, "--format", "json").stdout)
    assert not any(f["rule"] == "typo.local" for f in plain["findings"])
    assert any(f["rule"] == "punct.halfwidth" for f in plain["findings"])
    run = cli("check", draft, "--rules", unit, "--format", "json")
    report = json.loads(run.stdout)
    (local,) = [f for f in report["findings"] if f["rule"] == "typo.local"]
    assert "打防管空" in local["excerpt"] and "打防管控" in local["message"]
    assert not any(f["rule"].startswith(("punct.halfwidth", "figures.vague")) for f in report["findings"])
    assert all(f["level"] == "error" for f in report["findings"] if f["rule"] == "time.relative")


def test_switching_a_rule_off_with_enabled_false(tmp_path, std):
    unit = _write(tmp_path, "r.yaml", "rules:\n  - id: year.opening-missing\n    enabled: false\n")
    rules = drafter.load_rules(std, unit)
    result = drafter.check(seed_file("000"), rules=rules)
    assert not any(f.rule == "year.opening-missing" for f in result.findings)
    assert any(f.rule == "year.opening-missing" for f in drafter.check(seed_file("000")).findings)


def test_validate_and_render_take_the_unit_file_too(tmp_path, cli):
    data = yaml.safe_load(COUNTY.read_text(encoding="utf-8"))
    data["measures"][0]["points"][0]["text"] += "坚持打防管空并举。"
    source = _write(tmp_path, "in.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    unit = _write(tmp_path, "r.yaml", UNIT_RULES)
    run = cli("validate", source, "--rules", unit, "--format", "json")
    assert run.exit_code == 0
    (local,) = [f for f in json.loads(run.stdout)["findings"] if f["rule"] == "typo.local"]
    assert local["path"] == "measures[0].points[0].text" and local["line"]
    out = tmp_path / "out.docx"
    run = cli("render", source, "-o", out, "--rules", unit)
    assert run.exit_code == 0 and out.exists()
    assert "打防管空" in run.stderr and "审查意见" in run.stderr


@pytest.mark.parametrize(
    "text, where, expected",
    [
        ("rules:\n  - id: typo.x\n    level: fatal\n    message: 错\n    matcher: {words: [[甲, 乙]]}\n", 3, "只能填以下之一"),
        ("rules:\n  - id: typo.x\n    level: warning\n    message: 错\n    matcher: {words: [[甲, 乙]], check: boilerplate}\n", 5,
         "恰好写一个"),
        ("rules:\n  - id: typo.x\n    level: warning\n    message: 错\n    matcher: {check: spellcheck}\n", 5, "没有名为“spellcheck”"),
        ("rules:\n  - id: typo.x\n    level: warning\n    message: 错\n    matcher:\n      patterns: ['([未闭合']\n", 6,
         "正则表达式"),
        ("rules:\n  - id: figures.x\n    level: warning\n    message: 错\n    matcher:\n      check: stated_changes\n"
         "      params:\n        up: [上升]\n        down: [下降]\n        patterns: ['(?P<a>\\d+)']\n", 10, "缺少命名组"),
        ("off: [typo.word, spelling]\n", 1, "没有编号为“spelling”的规则"),
        ("rules:\n  - id: nosuch.rule\n    enabled: false\n", 2, "没有编号为“nosuch.rule”"),
        ("rules:\n  - id: typo.x\n    level: warning\n    message: 错\n    parts: [appendix]\n    matcher: {words: [[甲, 乙]]}\n",
         5, "没有“appendix”这个部分"),
        ("rules:\n  - id: typo.x\n    level: warning\n    message: 错\n    matcher: {words: [[甲, 甲]]}\n", 5, "相同"),
        ("rules:\n  - id: Typo X\n", 2, "规则编号“Typo X”写法不对"),
        ("rules:\n  - id: typo.word\n    message: 新说明\n", 3, "只能写 enabled 和 level"),
    ],
)
def test_a_malformed_unit_file_is_refused_with_its_line_and_exit_2(tmp_path, cli_process, text, where, expected):
    bad = _write(tmp_path, "坏规则.yaml", text)
    run = cli_process("check", seed_file("003"), "--rules", bad)
    assert run.exit_code == 2
    assert "Traceback" not in run.stderr
    assert f"{bad}:{where}:" in run.stderr, run.stderr
    assert expected in run.stderr


def test_a_malformed_bundled_rule_file_in_a_units_standard_folder_is_refused(tmp_path, cli_process):
    # A unit copies the standard and its rules folder, and breaks a rule file.
    shutil.copy(ROOT / "schemas" / "rule_of_law_report.yaml", tmp_path / "标准.yaml")
    shutil.copytree(RULES, tmp_path / "rules")
    broken = tmp_path / "rules" / "typo.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("level: warning", "level: severe", 1),
                      encoding="utf-8")
    run = cli_process("validate", COUNTY, "--standard", tmp_path / "标准.yaml")
    assert run.exit_code == 2 and "Traceback" not in run.stderr
    line = next(n for n, text in enumerate(broken.read_text(encoding="utf-8").splitlines(), 1) if "severe" in text)
    assert f"{broken}:{line}:" in run.stderr


def test_a_copied_standard_without_a_rules_folder_uses_the_bundled_rules(tmp_path):
    shutil.copy(ROOT / "schemas" / "rule_of_law_report.yaml", tmp_path / "标准.yaml")
    std = drafter.load_standard(tmp_path / "标准.yaml")
    # The bundled folder: the repository's in a checkout, the package's copy in an installed wheel.
    assert std.rules_dir.resolve() == (data_dir("schemas") / "rules").resolve()
    assert sorted(p.name for p in std.rules_dir.glob("*.yaml")) == sorted(p.name for p in RULES.glob("*.yaml"))
    assert any(f.rule == "term.leader-name" for f in drafter.check(seed_file("000"), standard=std).findings)


def test_warnings_leave_the_exit_code_errors_make_it_1(tmp_path, cli):
    body = seed_file("003").read_text(encoding="utf-8")  # complete; its findings are warnings only
    assert cli("check", _write(tmp_path, "a.txt", body)).exit_code == 0
    flawed = body.replace("习近平法治思想", "习法治思想", 1)
    run = cli("check", _write(tmp_path, "b.txt", flawed), "--format", "json")
    assert run.exit_code == 1 and json.loads(run.stdout)["complete"] is True


def test_an_error_finding_in_an_input_makes_validate_exit_1_but_keeps_it_complete_and_renderable(tmp_path, cli):
    data = yaml.safe_load(COUNTY.read_text(encoding="utf-8"))
    data["preamble"][0] = data["preamble"][0].replace("深入学习贯彻习近平法治思想", "深入学习贯彻习法治思想")
    source = _write(tmp_path, "in.yaml", yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    run = cli("validate", source, "--format", "json")
    report = json.loads(run.stdout)
    assert run.exit_code == 1 and report["complete"] is True
    (f,) = [f for f in report["findings"] if f["rule"] == "term.leader-name"]
    assert f["level"] == "error" and f["path"] == "preamble[0]" and f["where"] == f"第{f['line']}行"
    out = tmp_path / "out.docx"
    run = cli("render", source, "-o", out)
    assert run.exit_code == 0 and out.exists() and "习法治思想" in run.stderr


def test_check_table_lists_the_findings_with_place_level_and_words(cli):
    run = cli("check", seed_file("000"))
    out = run.stdout
    assert "审查意见" in out and "错误" in out and "习法治思想" in out and "第10段" in out
    assert "参考（punct.halfwidth）" in out  # info findings are summarised per rule
