"""Which unit wrote a draft, for the reviewer's overview of many reports.

The unit's name is the standard's ``identity.unit`` pattern, looked for where
reports name their author: the title lines, the signature at the end, and
the start of a clause in the opening paragraph ("2024年，某区公安局坚持……"),
not anywhere in a sentence, where other bodies are named too.
"""

from __future__ import annotations

import re

from drafter.checking.headings import Unit
from drafter.standard import Standard


def unit_name(units: list[Unit], std: Standard) -> str | None:
    anywhere = re.compile(std.identity.unit)
    clause_start = re.compile(rf"(?:^|[，,。；;])\s*(?:{std.year_pattern}\s*[，,]?\s*)?{std.identity.unit}")
    titles = [u.text for u in units if u.role == "title"]
    signature = [u.text for u in units if u.role == "back"]
    # Each title line on its own first: lines above the title (a number line with
    # 签发人：某某) must not run into the unit's name; joined for a name broken across lines.
    for text in (*titles, "".join(titles), *reversed(signature)):
        found = anywhere.search(text)
        if found:
            return found.group("unit")
    opening = next((u for u in units if u.content), None)
    if opening is not None:
        found = clause_start.search(opening.text)
        if found:
            return found.group("unit")
    return None
