"""Word's automatic list numbering, rebuilt: the label Word shows before a paragraph.

In many real reports "一、" and "（一）" are not typed: they come from
numbering.xml (a paragraph's w:numPr, or its style's, pointing at a list
definition). Counting the paragraphs of each list as Word does gives back
the label, which then goes through heading detection exactly like typed
numbering. What is rebuilt: number formats (decimal, chineseCounting and the
other CJK forms, letters, roman, enclosed digits), level texts such as
``%1、`` and ``（%2）``, start values and per-instance start overrides, lists
linked through paragraph styles and numbering styles, and restarting deeper
levels when a higher one advances (``w:lvlRestart``). Bullets give no label.
Lists sharing one definition share their counters, as in Word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from drafter.document.numbering import cn
from drafter.reading.docxpackage import W
from drafter.reading.docxstyles import Styles, first, xpath

_VAL = f"{{{W}}}val"
_LEVEL_REF = re.compile(r"%([1-9])")
_LEGAL = xpath("./w:isLgl")
_FIELDS = {name: xpath(f"./w:{name}/@w:val") for name in ("start", "numFmt", "lvlText", "lvlRestart", "pStyle")}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_IDEOGRAPH_DIGITS = "〇一二三四五六七八九"


def _letters(n: int, upper: bool) -> str:
    letter = chr((ord("A") if upper else ord("a")) + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    out = []
    for value, digits in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                          (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(digits * count)
    return "".join(out)


def _chinese(n: int) -> str:
    return cn(n) if 1 <= n <= 99 else str(n)


def _legal(n: int) -> str:
    return "".join(_LEGAL_DIGITS[int(d)] for d in str(n)) if n >= 10 else _LEGAL_DIGITS[n]


def _cycle(symbols: str):
    return lambda n: symbols[(n - 1) % len(symbols)] if n >= 1 else str(n)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "decimalFullWidth2": lambda n: str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "decimalHalfWidth": str,
    "chineseCounting": _chinese,
    "chineseCountingThousand": _chinese,
    "japaneseCounting": _chinese,
    "taiwaneseCounting": _chinese,
    "taiwaneseCountingThousand": _chinese,
    "ideographDigital": lambda n: "".join(_IDEOGRAPH_DIGITS[int(d)] for d in str(n)),
    "chineseLegalSimplified": _legal,
    "ideographLegalTraditional": _legal,
    "ideographTraditional": _cycle(_STEMS),
    "ideographZodiac": _cycle(_BRANCHES),
    "decimalEnclosedCircle": lambda n: _CIRCLED[n - 1] if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: _CIRCLED[n - 1] if 1 <= n <= 20 else str(n),
    "ideographEnclosedCircle": lambda n: _CIRCLED[n - 1] if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})",
    "decimalEnclosedFullstop": lambda n: chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}.",
    "upperLetter": lambda n: _letters(n, True),
    "lowerLetter": lambda n: _letters(n, False),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "none": lambda n: "",
}


@dataclass
class _Level:
    start: int = 0  # the schema's default when w:start is absent
    format: str = "decimal"
    text: str | None = None
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 never; None after any higher
    legal: bool = False  # w:isLgl: every level's number shown in decimal
    style: str | None = None  # w:pStyle: the paragraph style linked to this level


def _level(element) -> _Level:
    values = {name: first(find(element)) for name, find in _FIELDS.items()}
    return _Level(
        start=_int(values["start"], 0),
        format=values["numFmt"] or "decimal",
        text=values["lvlText"],
        restart=_int(values["lvlRestart"], None),
        legal=bool(_LEGAL(element)),
        style=values["pStyle"],
    )


def _int(text: str | None, default):
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


@dataclass
class _Instance:
    """One w:num: the definition it uses and its own level overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride by level
    levels: dict[int, _Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl by level
    used: bool = False


class ListNumbering:
    """The list labels of one document, counted in reading order (call :meth:`label` paragraph by paragraph)."""

    def __init__(self, root, styles: Styles):
        self.styles = styles
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.links: dict[str, str] = {}  # abstractNum → the numbering style it takes its levels from
        self.instances: dict[str, _Instance] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        for abstract in root.iterfind(f"{{{W}}}abstractNum"):
            key = abstract.get(f"{{{W}}}abstractNumId", "")
            self.abstracts[key] = {_int(lvl.get(f"{{{W}}}ilvl"), 0): _level(lvl)
                                  for lvl in abstract.iterfind(f"{{{W}}}lvl")}
            link = abstract.find(f"{{{W}}}numStyleLink")
            if link is not None and link.get(_VAL):
                self.links[key] = link.get(_VAL)
        for num in root.iterfind(f"{{{W}}}num"):
            ref = num.find(f"{{{W}}}abstractNumId")
            instance = _Instance(ref.get(_VAL, "") if ref is not None else "")
            for override in num.iterfind(f"{{{W}}}lvlOverride"):
                ilvl = _int(override.get(f"{{{W}}}ilvl"), 0)
                start = override.find(f"{{{W}}}startOverride")
                if start is not None:
                    instance.starts[ilvl] = _int(start.get(_VAL), 0)
                lvl = override.find(f"{{{W}}}lvl")
                if lvl is not None:
                    instance.levels[ilvl] = _level(lvl)
            self.instances[num.get(f"{{{W}}}numId", "")] = instance

    def label(self, num_id: str | None, ilvl: str | None, style_id: str | None) -> str | None:
        """Advance the list ``num_id`` at level ``ilvl`` (None: the level linked to ``style_id``, else 0)
        and return the label Word shows; None for no list, a bullet, or an unknown definition."""
        if not num_id or num_id == "0" or num_id not in self.instances:
            return None
        instance = self.instances[num_id]
        key = self._resolve(instance.abstract)
        if key is None:
            return None
        levels = {**self.abstracts[key], **instance.levels}
        level = _int(ilvl, None)
        if level is None:
            level = next((n for n, lv in levels.items() if style_id is not None and lv.style == style_id), 0)
        if level not in levels:
            return None
        counters = self.counters.setdefault(key, {})
        if not instance.used:
            instance.used = True
            for n, start in instance.starts.items():
                counters[n] = start - 1
        counters[level] = counters[level] + 1 if level in counters else levels[level].start
        for deeper in [n for n in counters if n > level]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart and level < restart):
                del counters[deeper]
        return self._text(levels, level, counters)

    def _resolve(self, abstract: str) -> str | None:
        """The abstract definition holding the levels, following numbering-style links (loops cut)."""
        seen = set()
        while abstract in self.links and abstract not in seen:
            seen.add(abstract)
            num_id, _ = self.styles.numbering_style(self.links[abstract])
            instance = self.instances.get(num_id or "")
            if instance is None:
                return None
            abstract = instance.abstract
        return abstract if abstract in self.abstracts else None

    @staticmethod
    def _text(levels: dict[int, _Level], level: int, counters: dict[int, int]) -> str | None:
        own = levels[level]
        if own.format == "bullet" or not own.text:
            return None

        def number(match: re.Match[str]) -> str:
            n = int(match.group(1)) - 1
            shown = levels.get(n, _Level())
            value = counters.get(n, shown.start)
            formatter = str if own.legal else _FORMATS.get(shown.format, str)
            return formatter(value)

        text = _LEVEL_REF.sub(number, own.text)
        return text if text.strip() else None
