"""What the comments of an annotated copy say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter.findings import LEVEL_WORDS, Finding

if TYPE_CHECKING:
    from drafter.checking.recognize import CheckResult
    from drafter.standard import Standard



# Said in the top comment when the original package could not carry comments.
RELAID = ("说明：原文件的格式（如“严格 Open XML”，或文件内部结构不完整）无法直接加批注，"
          "这是按原文文字重新排版的副本，批注所在段落与原文一一对应；原文件的版式请以原件为准。")


def summary(result: CheckResult, standard: Standard) -> str:
    """The comment at the top: the verdict, missing and incomplete parts, how many findings follow."""
    required = [p for p in result.parts if p.required]
    missing = [p.name for p in required if p.status == "missing"]
    partial = [p for p in required if p.status == "partial"]
    lines = [f"drafter 检查意见（{standard.name}）"]
    if not missing and not partial:
        lines.append(f"必需的 {len(required)} 个部分齐全。")
    else:
        lines.append("结论：不齐全。")
        if missing:
            lines.append(f"缺少：{'、'.join(missing)}。请补写这些部分。")
        for p in partial:
            where = f"第{p.position + 1}段，" if p.position is not None else ""
            lines.append(f"不完整：{p.name}（{where}{p.evidence or ''}）。")
    counts = "、".join(f"{LEVEL_WORDS[level]} {n} 条" for level in LEVEL_WORDS
                      if (n := sum(f.level == level for f in result.findings)))
    if counts:
        lines.append(f"审查意见共 {len(result.findings)} 条（{counts}），已逐条批注在相应段落。")
    else:
        lines.append("没有其他审查意见。")
    return "\n".join(lines)


def finding(f: Finding) -> str:
    lines = [f"【{LEVEL_WORDS[f.level]}】{f.message}"]
    if f.excerpt:
        lines.append(f"原文：{f.excerpt}")
    lines.append(f"规则：{f.rule}")
    return "\n".join(lines)
