"""What stands around a report's parts: title, number line, recipients, opening, closing, signature, date, 版记.

The units come classified by ``checking.headings`` (title, front, back …); a
Markdown draft drafter rendered also names its blocks (docnumber, cc …). The
patterns that tell a 发文字号, a 抄送 line or an 印发 line apart are the
standard's (``addressing``); the closing formula and the opening's last line
are what the templates write (``phrases``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from drafter.checking.headings import Unit
from drafter.document.numbering import parse_cn
from drafter.drafting import values
from drafter.standard import Standard

_CN_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
_CN_DATE = re.compile(r"^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$")


@dataclass
class Matter:
    meta: dict[str, Any] = field(default_factory=dict)
    preamble: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_date(text: str) -> dt.date | None:
    """A date as reports write it: 2026年2月10日, 2026.2.10 … or 二〇二六年二月十日."""
    text = re.sub(r"\s+", "", text)
    found = _CN_DATE.match(text)
    if found:
        year = "".join(_CN_DIGITS[c] for c in found.group(1))
        text = f"{year}年{parse_cn(found.group(2))}月{parse_cn(found.group(3))}日"
    try:
        return values.date(text)
    except ValueError:
        return None


class MatterReader:
    def __init__(self, std: Standard):
        self.std = std
        rules = std.addressing
        self.unit = re.compile(rules.unit)
        self.doc_number = re.compile(rules.doc_number)
        self.issuer = re.compile(rules.issuer)
        self.cc = re.compile(rules.cc_line)
        self.imprint = re.compile(rules.imprint_line)
        self.note = re.compile(rules.note_line)
        self.date = re.compile(std.closing.date)
        self.closing = [re.compile(p) for p in std.closing.lines]

    def read(self, units: list[Unit], first_part: int | None) -> Matter:
        """Everything outside the parts; ``first_part`` is the Block.index where the first part begins."""
        matter = Matter()
        titles: list[str] = []
        for unit in units:
            kind = unit.block.kind
            if kind in ("docnumber", "issuer"):
                self._number_line(unit.text, matter)
            elif unit.role == "title" and self._number_line(unit.text, matter):
                continue
            elif unit.role == "title":
                titles.append(unit.text.strip())
            elif unit.role == "front" and unit.text.rstrip().endswith(("：", ":")):
                names = re.split(r"[、，,]", unit.text.strip().rstrip("：:"))
                matter.meta.setdefault("recipients", []).extend(n.strip() for n in names if n.strip())
            elif unit.content and (first_part is None or unit.index < first_part):
                matter.preamble.append(unit.text.strip())
        self._back([u for u in units if u.role == "back"], matter)
        if titles:
            matter.meta["title"] = "".join(titles)
        self._unit(titles, matter)
        return matter

    def _number_line(self, text: str, matter: Matter) -> bool:
        text = text.strip()
        number, issuer = self.doc_number.search(text), self.issuer.search(text)
        if number:
            matter.meta["doc_number"] = number.group(0).strip()
        if issuer:
            matter.meta["issuer"] = issuer.group("name").strip()
        return bool(number or issuer)

    def _back(self, units: list[Unit], matter: Matter) -> None:
        texts = [(u.block.kind, u.text.strip()) for u in units]
        imprint = [t for k, t in texts if k == "imprint"]
        if len(imprint) == 2:  # a Markdown 版记: the printer, then the date
            texts = [(k, t) for k, t in texts if k != "imprint"] + [("imprint", " ".join(imprint))]
        signature: list[str] = []
        dated = False
        for kind, text in texts:
            cc, printed, note = self.cc.match(text), self.imprint.match(text), self.note.match(text)
            if cc:
                matter.meta["cc"] = [n.strip() for n in re.split(r"[，,、]", cc.group("names")) if n.strip()]
            elif printed:
                matter.meta["printer"] = printed.group("printer").strip()
                matter.meta["printed"] = parse_date(printed.group("date"))
            elif kind == "date" or self.date.search(text):
                matter.meta["date"] = parse_date(text)
                dated = True
            elif note and dated:
                matter.meta["note"] = text
            elif any(p.search(text) for p in self.closing):
                matter.meta["closing"] = text
            elif not dated:
                signature.append(text)
        if signature:
            matter.meta["signer"] = "".join(signature)

    def _unit(self, titles: list[str], matter: Matter) -> None:
        """The reporting unit: from the signature, the title or the opening's first sentence."""
        signer = matter.meta.get("signer", "")
        if signer and self.unit.search(signer):
            matter.meta["unit"] = signer  # a signature naming a unit is the unit, in full
            return
        for text in [*titles, *(p.split("。")[0] for p in matter.preamble[:1])]:
            found = self.unit.search(text)
            if found:
                matter.meta["unit"] = found.group("unit")
                return
        if matter.meta.get("signer"):
            matter.meta["unit"] = matter.meta["signer"]
            return
        matter.notes.append("没有认出报告单位，已留空待填。")
