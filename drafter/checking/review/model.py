"""The shape of a review rule file, checked when it loads.

A rule file holds one family of rules (``family``, ``name``) and its rules.
Each rule has a stable dotted id, a level, a Chinese message and suggestion
(``{found}``, ``{right}`` and a check's own fields are filled in), the reason
or source, where it applies, and one matcher: a word list, a list of
patterns, or a named built-in check with parameters. A unit's own file
(``--rules``) has the same rules list, plus ``off`` to switch rules off; an
entry with only ``id`` and ``enabled``/``level`` changes a bundled rule.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from drafter.findings import Level
from drafter.standard.model import Regex

Source = Literal["draft", "input"]
_RULE_ID = re.compile(r"[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)*")


def _rule_id(value: str) -> str:
    if not _RULE_ID.fullmatch(value):
        raise ValueError(f"规则编号“{value}”写法不对：只能用小写英文字母、数字，以点分级、连字符连词，如 typo.local。")
    return value


RuleId = Annotated[str, AfterValidator(_rule_id)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Word(_Strict):
    """A wrong form and its correction; ``except`` lists longer words that contain it rightly."""

    wrong: str = Field(min_length=1)
    right: str = ""
    except_: list[str] = Field(default_factory=list, alias="except")

    @model_validator(mode="before")
    @classmethod
    def _pair(cls, value: Any) -> Any:
        # [错, 对] is the short way to write a pair.
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
            return {"wrong": value[0], "right": value[1]}
        if isinstance(value, str):
            return {"wrong": value}
        return value

    @model_validator(mode="after")
    def _differs(self) -> Word:
        if self.wrong == self.right:
            raise ValueError(f"“{self.wrong}”的错误写法和正确写法相同。")
        return self


class Pattern(_Strict):
    """A regular expression; ``right`` is the correction as a replacement (\\1 for groups)."""

    pattern: Regex
    right: str = ""
    except_: list[str] = Field(default_factory=list, alias="except")

    @model_validator(mode="before")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        return {"pattern": value} if isinstance(value, str) else value


class Matcher(_Strict):
    words: list[Word] | None = Field(None, description="词表：错误写法和正确写法")
    patterns: list[Pattern] | None = Field(None, description="正则表达式")
    check: str | None = Field(None, description="内置检查的名称")
    params: dict[str, Any] = Field(default_factory=dict, description="内置检查的参数")
    sentence_without: Regex | None = Field(
        None, description="只在所在句子不含这个正则表达式时才报告（如句中已有数字就不算“说法笼统”）"
    )
    once_per_paragraph: bool = Field(False, description="每段只报告第一处，并注明该段共几处（{count}）")

    @model_validator(mode="after")
    def _one_kind(self) -> Matcher:
        kinds = [k for k in ("words", "patterns", "check") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("matcher 中 words、patterns、check 必须恰好写一个。")
        if self.params and self.check is None:
            raise ValueError("params 只用于内置检查（check）。")
        wrong = [w.wrong for w in self.words or []]
        repeated = sorted({w for w in wrong if wrong.count(w) > 1})
        if repeated:
            raise ValueError(f"词表中“{'”“'.join(repeated)}”重复出现，请只保留一处。")
        return self


class RuleEntry(_Strict):
    """One rule as written in a file; a unit's entry may only switch or re-level a bundled rule."""

    id: RuleId = Field(description="规则编号，如 typo.word")
    level: Level | None = Field(None, description="级别：error（错误）、warning（提醒）、info（参考）")
    message: str | None = Field(None, description="说明问题的中文，可用 {found}、{right} 等")
    suggestion: str = Field("", description="改法")
    source: str = Field("", description="依据或理由")
    matcher: Matcher | None = None
    parts: list[str] = Field(default_factory=list, description="只在这些部分（报告标准的部分 id，或 front：标题和开头段）中检查；不写为全文")
    headings: bool = Field(True, description="是否也检查标题")
    on: list[Source] = Field(default_factory=lambda: list(get_args(Source)), description="检查文稿（draft）、输入文件（input）")
    enabled: bool = True

    @model_validator(mode="after")
    def _complete(self) -> RuleEntry:
        if self.matcher is not None and (self.level is None or not self.message):
            raise ValueError(f"规则“{self.id}”要写明 level 和 message。")
        return self

    @property
    def full(self) -> bool:
        return self.matcher is not None


class RuleFile(_Strict):
    """A bundled file: one family of rules."""

    family: str
    name: str
    description: str = ""
    rules: list[RuleEntry] = Field(min_length=1)


class UnitRules(_Strict):
    """A unit's ``--rules`` file: rules to add or change, and rules to switch off."""

    off: list[str] = Field(default_factory=list, description="要关闭的规则编号，或一类规则的前缀（如 privacy）")
    rules: list[RuleEntry] = Field(default_factory=list)
