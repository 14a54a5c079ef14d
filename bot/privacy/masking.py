"""Masking of personal numbers before anything is stored or logged.

Citizens type their ID-card, phone and bank-card numbers into the chat ("我身份证是
220102…，能领什么"), in every way people write them: spaced, dashed, dotted,
digit by digit, with a letter in front, in 中文数字 (一三八…, 幺 for 1), pasted with
non-breaking spaces or broken over lines. The plan never needs them, so they are
masked at the door: the bot still answers, and no tracker, log or operator table
holds them. The first and last digits stay, so an operator can still tell two
callers apart.

Two rules, both by length rather than by format of the separators:
- digits joined by at most one tight separator (space, dash, dot, bracket) are one
  number, and 7 or more of them are personal, unless a unit of money follows it
  (贷款1000000元). The numbers the plan needs (ages, years, service years,
  amounts) are shorter or carry a unit, and stay;
- digits joined by looser separators (several spaces, a line break, "/", "，",
  "、", ":", " - ") are one number only when together they have the shape of a
  personal number: a mobile, an ID card, a bank card (Luhn-valid), or a
  landline with its area code. Otherwise such separators part numbers, so a list of
  years (2015、2016、2017) or an opening time (8:30-11:30) stays as written.
Invisible characters (zero-width spaces, bidi controls such as U+202E, which can
also show digits in another order than they are stored) are removed first.
bot/channels/webchat/static/format.js applies the same rules in the browser
(tests/e2e/test_webchat_failures.py keeps them in agreement over one corpus).
"""
from __future__ import annotations

import re

SHORTEST_PERSONAL = 7  # digits: a local landline; every amount, age or year a question needs is shorter
INVISIBLE = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ＋－．　", "0123456789Xx+-. ")
_CHINESE_DIGITS = str.maketrans("零〇一二三四五六七八九幺两", "0012345678912")
# Spaces and line breaks: JavaScript's \s, but U+FEFF (removed first) and U+3000 (a plain space by then).
_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
_TIGHT = r"[ \-.·—–_()（）]"
_LOOSE = rf"[{_SPACE}/／，,、:：\-.·—–_()（）]{{1,3}}"  # several spaces, a line break, " - "
_DIGIT = r"[零〇一二三四五六七八九幺两0-9]"
# Digits written in 中文数字, possibly mixed with ASCII digits: read as digits before the rules apply.
_CHINESE_RUN = re.compile(rf"{_DIGIT}(?:(?:{_LOOSE})?{_DIGIT}){{{SHORTEST_PERSONAL - 1},}}")
_TIGHT_RUN = re.compile(rf"(?<![0-9])(\+{_TIGHT}?)?[0-9](?:{_TIGHT}?[0-9])*(?:{_TIGHT}?[Xx](?![A-Za-z]))?")
_LOOSE_RUN = re.compile(rf"(?<![0-9])(\+(?:{_LOOSE})?)?[0-9](?:(?:{_LOOSE})?[0-9])*(?:(?:{_LOOSE})?[Xx](?![A-Za-z]))?")
_AMOUNT_FOLLOWS = re.compile(rf"[{_SPACE}]*(?:元|块|万|亿|%|％)")
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


def _luhn(digits: str) -> bool:
    total = 0
    for i, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _shaped_like_personal(digits: str) -> bool:
    """A mobile (+86 or not), an ID card (15 or 18, X last), a bank card (first digit 3 to 6, as UnionPay, Visa and
    Mastercard issue them, never 1 or 2 as years begin; Luhn-valid) or a landline with its area code."""
    n = len(digits)
    if "X" in digits:
        return n in (15, 18) and digits.index("X") == n - 1
    mobile = digits[2:] if n == 13 and digits.startswith("86") else digits
    return ((len(mobile) == 11 and mobile[0] == "1" and mobile[1] in "3456789") or n in (15, 18)
            or (16 <= n <= 19 and digits[0] in "3456" and _luhn(digits)) or (digits[0] == "0" and 10 <= n <= 12))


def _digits(written: str) -> str:
    return re.sub(r"[^0-9Xx]", "", written).upper()


def _personal(read: str, start: int, end: int) -> str | None:
    """The masked form of read[start:end] if it is one personal number, else None."""
    if _AMOUNT_FOLLOWS.match(read, end):
        return None
    digits = _digits(read[start:end])
    return _masked_digits(digits) if len(digits) >= SHORTEST_PERSONAL else None


def _spans(read: str) -> list[tuple[int, int, str]]:
    """(start, end, masked form) of every personal number in `read` (the text with 中文数字 read as digits)."""
    spans = []
    for loose in _LOOSE_RUN.finditer(read):
        if _shaped_like_personal(_digits(loose.group(0))) and (masked := _personal(read, *loose.span())):
            spans.append((*loose.span(), masked))
            continue
        start = loose.start()  # the loose run alone, as format.js reads it
        for tight in _TIGHT_RUN.finditer(loose.group(0)):
            if masked := _personal(read, start + tight.start(), start + tight.end()):
                spans.append((start + tight.start(), start + tight.end(), masked))
    return spans


def mask(text: str) -> str:
    """The text with ID-card, phone, bank-card and passport numbers and e-mail addresses starred out, and
    invisible characters removed."""
    text = INVISIBLE.sub("", text).translate(_FULL_WIDTH)
    text = _EMAIL.sub(r"\1***@\2", text)
    # 中文数字 are read as digits in runs long enough to be a number (one character each, so positions agree)
    read = _CHINESE_RUN.sub(lambda m: m.group(0).translate(_CHINESE_DIGITS), text)
    parts, last = [], 0
    for start, end, masked in _spans(read):
        parts += [text[last:start], masked]
        last = end
    return "".join(parts) + text[last:]
