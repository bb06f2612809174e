"""The content review finds exactly what it found before, finding by finding (tests/review_golden.py).

Work that only makes the review faster must leave this file as it is; a rule
change meant to change findings regenerates it (``python tests/review_golden.py
--update``) and the diff shows a reviewer what changed.
"""

from __future__ import annotations

import json

from review_golden import GOLDEN, cases


def test_every_finding_is_as_recorded():
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    seen = []
    for name, findings in cases():
        seen.append(name)
        assert findings == recorded.get(name), name
    assert seen == list(recorded)
