"""One normalisation for every channel, applied inside the tokenizer and before search.

Citizens type 繁體字, full-width digits and Chinese numerals (八年, 两个产品,
三千六); the model and the measure table see simplified characters and digits.
The plan's own terms that contain numerals (三等功, 三品一标, 一点通) are kept
whole: no one writes "3等功".

`align` also says where each normalised character came from, so the
tokenizer can hand Rasa tokens whose offsets point into the text the user
typed: entity annotations and extracted values stay in the user's words.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from opencc import OpenCC

from bot.numbers import NUMERALS, numeral_replacements

_T2S = OpenCC("t2s")
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_BLANK = re.compile(r"\s+")

Span = tuple[int, int]  # [start, end) in the original text


def _simplified(text: str) -> str:
    """繁→简 keeping one character per character, so positions carry over."""
    converted = _T2S.convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c := _T2S.convert(ch)) == 1 else ch for ch in text)


_DROP = "\x00"  # stands in for a zero-width (format) character until the pieces are joined


def _one_to_one(text: str) -> str:
    """Full-width → ASCII, control characters → space, format ones → _DROP, 繁 → 简: length unchanged."""
    category = unicodedata.category
    visible = "".join(
        _DROP if category(ch) == "Cf" else " " if category(ch) == "Cc" else ch for ch in text.translate(_FULL_WIDTH)
    )
    return _simplified(visible)


class Normalizer:
    """Callable text normaliser that leaves the given terms untouched by numeral conversion."""

    def __init__(self, protected_terms: Iterable[str] = ()) -> None:
        terms = sorted({t for t in protected_terms if set(NUMERALS) & set(t)}, key=len, reverse=True)
        self._protected = re.compile("|".join(map(re.escape, terms))) if terms else None

    def __call__(self, text: str) -> str:
        return self.align(text)[0]

    def align(self, text: str) -> tuple[str, list[Span]]:
        """The normalised text, and for each of its characters the span of the original it stands for."""
        text = _one_to_one(text)
        pieces: list[tuple[str, int, int]] = []  # (normalised text, original start, original end)
        last = 0
        for start, end, digits in self._numerals(text):
            pieces += [(ch, i, i + 1) for i, ch in enumerate(text[last:start], last)]
            pieces.append((digits, start, end))
            last = end
        pieces += [(ch, i, i + 1) for i, ch in enumerate(text[last:], last)]
        return _collapse_blanks(pieces)

    def _numerals(self, text: str) -> list[tuple[int, int, str]]:
        kept = [m.span() for m in self._protected.finditer(text)] if self._protected else []
        return [
            (start, end, digits)
            for start, end, digits in numeral_replacements(text)
            if not any(start < k_end and k_start < end for k_start, k_end in kept)
        ]


def _collapse_blanks(pieces: list[tuple[str, int, int]]) -> tuple[str, list[Span]]:
    """Runs of blanks become one space; none at either end."""
    out: list[str] = []
    spans: list[Span] = []
    for piece, start, end in pieces:
        if piece == _DROP:
            continue
        if _BLANK.fullmatch(piece):
            if not out or out[-1] == " ":
                continue
            piece = " "
        out.append(piece)
        spans += [(start, end)] * len(piece)
    if out and out[-1] == " ":
        out.pop()
        spans.pop()
    return "".join(out), spans
