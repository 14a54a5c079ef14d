"""One normalisation for every channel, applied before NLU and before search.

Citizens type 繁體字, full-width digits and Chinese numerals (八年, 两个产品,
三千六); the model and the measure table see simplified characters and digits.
The plan's own terms that contain numerals (三等功, 三品一标, 一点通) are kept
whole: cn2an would turn them into "3等功", which no one writes.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from opencc import OpenCC

from bot.numbers import chinese_numerals_to_digits

_T2S = OpenCC("t2s")
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WHITESPACE = re.compile(r"\s+")
CHINESE_NUMERALS = set("零〇一二两三四五六七八九十百千万亿")


def _printable(text: str) -> str:
    """Drop control and format characters (zero-width spaces, BOMs); keep line breaks as spaces."""
    return "".join(
        " " if ch in "\r\n\t" else ch
        for ch in text
        if ch in "\r\n\t" or unicodedata.category(ch) not in {"Cc", "Cf"}
    )


class Normalizer:
    """Callable text normaliser that leaves the given terms untouched by numeral conversion."""

    def __init__(self, protected_terms: Iterable[str] = ()) -> None:
        terms = sorted({t for t in protected_terms if CHINESE_NUMERALS & set(t)}, key=len, reverse=True)
        self._protected = re.compile("|".join(map(re.escape, terms))) if terms else None

    def __call__(self, text: str) -> str:
        text = _T2S.convert(_printable(text).translate(_FULL_WIDTH))
        text = self._digits_outside_terms(text)
        return _WHITESPACE.sub(" ", text).strip()

    def _digits_outside_terms(self, text: str) -> str:
        if self._protected is None:
            return chinese_numerals_to_digits(text)
        parts, last = [], 0
        for match in self._protected.finditer(text):
            parts += [chinese_numerals_to_digits(text[last:match.start()]), match.group()]
            last = match.end()
        parts.append(chinese_numerals_to_digits(text[last:]))
        return "".join(parts)
