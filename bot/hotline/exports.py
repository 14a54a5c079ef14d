"""CSV exports that a spreadsheet opens as data, never as formulas.

Citizens' words reach the operators' CSV exports (unanswered questions, ratings and
their reasons). A cell starting with = + - @ (or a tab or carriage return before
one) is run by Excel and WPS as a formula: =HYPERLINK(…) sent by a citizen would be
a link, or worse, on an operator's PC. `FormulaGuard` rewrites a CSV as it is
streamed, putting an apostrophe before such a cell (the spreadsheets' own sign for
"text"), as OWASP recommends; every other byte stays as Datasette wrote it.
"""
from __future__ import annotations

import codecs
import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutral(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


class FormulaGuard:
    """Feed it a CSV's bytes in chunks as they come; it gives back whole records, formulas neutralised."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._pending = ""  # text of a record not yet ended
        self._quoted = False  # whether the scan of _pending ended inside a quoted cell

    def feed(self, chunk: bytes) -> bytes:
        scanned, text = len(self._pending), self._pending + self._decoder.decode(chunk)
        end, quoted = 0, self._quoted
        for i in range(scanned, len(text)):
            if text[i] == '"':
                quoted = not quoted
            elif text[i] == "\n" and not quoted:
                end = i + 1
        if end:
            self._pending, self._quoted = text[end:], quoted
            return self._rewritten(text[:end])
        self._pending, self._quoted = text, quoted
        return b""

    def end(self) -> bytes:
        rest = self._pending + self._decoder.decode(b"", final=True)
        self._pending = ""
        return self._rewritten(rest) if rest else b""

    @staticmethod
    def _rewritten(records: str) -> bytes:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        for row in csv.reader(io.StringIO(records, newline="")):
            writer.writerow([neutral(cell) for cell in row])
        return out.getvalue().encode("utf-8")
