"""Masking of personal numbers before anything is stored or logged.

Citizens type their ID-card and phone numbers into the chat ("我身份证是
220102…，能领什么"). The plan never needs them, so they are masked at the
door: the bot still answers, and no tracker, log or operator table holds them.
The first and last digits stay, so an operator can still tell two callers apart.
"""
from __future__ import annotations

import re

# 18-character resident ID: 6-digit area, 8-digit birth date, 3-digit sequence, check digit (X allowed).
_ID_CARD = re.compile(r"(?<![0-9A-Za-z])(\d{4})\d{12}(\d[\dXx])(?![0-9A-Za-z])")
# Mainland mobile numbers (11 digits from 13…19, optional +86, blanks or dashes between groups).
_MOBILE = re.compile(r"(?<!\d)((?:\+?86[- ]?)?1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)")
# Landlines with area code (0431-88888888, 0431 8888 8888).
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[- ]?\d{3,4}[- ]?\d{4}(?!\d)")


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９Ｘｘ＋－", "0123456789Xx+-")


def mask(text: str) -> str:
    """The text with ID-card and phone numbers starred out (full-width digits read as digits)."""
    text = text.translate(_FULL_WIDTH_DIGITS)
    text = _ID_CARD.sub(lambda m: f"{m.group(1)}{'*' * 12}{m.group(2)}", text)
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(2)}", text)
    return _LANDLINE.sub(lambda m: f"{m.group(1)}-********", text)
