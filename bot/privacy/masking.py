"""Masking of personal numbers before anything is stored or logged.

Citizens type their ID-card, phone and bank-card numbers into the chat ("我身份证是
220102…，能领什么"), in every way people write them: spaced, dashed, dotted,
digit by digit, with a letter in front, in 中文数字 (一三八…, 幺 for 1). The plan
never needs them, so they are masked at the door: the bot still answers, and no
tracker, log or operator table holds them. The first and last digits stay, so an
operator can still tell two callers apart.

The rule is by length, not by format: any run of 7 or more digits (separators
allowed between them) is personal, unless a unit of money follows it (贷款1000000元).
The numbers the plan needs (ages, years, service years, amounts) are shorter or
carry a unit, and stay. bot/channels/webchat/static/format.js applies the same
rules in the browser (tests/e2e/test_webchat_failures.py keeps them in agreement).
"""
from __future__ import annotations

import re

SHORTEST_PERSONAL = 7  # digits: a local landline; every amount, age or year a question needs is shorter
_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ＋－．　", "0123456789Xx+-. ")
_CHINESE_DIGITS = str.maketrans("零〇一二三四五六七八九幺两", "0012345678912")
_SEP = r"[ \-.·—–_()（）]"
# Digits written in 中文数字, possibly mixed with ASCII digits: read as digits before the length rule applies.
_CHINESE_RUN = re.compile(rf"[零〇一二三四五六七八九幺两\d](?:{_SEP}?[零〇一二三四五六七八九幺两\d]){{{SHORTEST_PERSONAL - 1},}}")
_RUN = re.compile(rf"(?<!\d)(\+{_SEP}?)?\d(?:{_SEP}?\d)*(?:{_SEP}?[Xx](?![A-Za-z]))?")
_AMOUNT_FOLLOWS = re.compile(r"\s*(?:元|块|万|亿|%|％)")
_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")


def _masked_digits(digits: str) -> str:
    """One personal number (digits only, an ID's X kept), masked in its usual written form."""
    n = len(digits)
    if n == 13 and digits.startswith("861"):
        return "+86 " + _masked_digits(digits[2:])
    if n == 11 and digits[0] == "1" and digits[1] in "3456789":  # mobile
        return f"{digits[:3]}****{digits[-4:]}"
    if n in (15, 18):  # resident ID, new and old form
        return f"{digits[:4]}{'*' * (n - 6)}{digits[-2:]}"
    if 16 <= n <= 19:  # bank card
        return f"{digits[:4]} **** **** {digits[-4:]}"
    if digits[0] == "0" and 10 <= n <= 12:  # landline with area code: 010, 02x have three digits
        area = digits[:3] if digits[1] in "12" else digits[:4]
        return f"{area}-********"
    return digits[:2] + "*" * (n - 2)


def _mask_run(match: re.Match[str]) -> str:
    digits = re.sub(r"[^\dXx]", "", match.group(0)).upper()
    if len(digits) < SHORTEST_PERSONAL or _AMOUNT_FOLLOWS.match(match.string, match.end()):
        return match.group(0)
    return _masked_digits(digits)


def mask(text: str) -> str:
    """The text with ID-card, phone, bank-card and passport numbers and e-mail addresses starred out."""
    text = text.translate(_FULL_WIDTH)
    text = _CHINESE_RUN.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)
    text = _EMAIL.sub(r"\1***@\2", text)
    return _RUN.sub(_mask_run, text)
