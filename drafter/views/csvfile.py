"""The batch as CSV: the summary table, one row per input file.

UTF-8 with a byte-order mark, so Excel and WPS (which otherwise assume the
system's GBK on a Chinese Windows) open it right; the findings, one per row,
are the workbook's second sheet and the JSON's ``findings``.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from drafter.views.batch import Row
from drafter.views.table_rows import summary_header, summary_row

if TYPE_CHECKING:
    from drafter.standard import Standard


def build(rows: list[Row], standard: Standard) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(summary_header(standard))
    for row in rows:
        writer.writerow(["" if v is None else v for v in summary_row(row, standard)])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")
