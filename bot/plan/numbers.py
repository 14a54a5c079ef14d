"""Reading and writing amounts the way the policy and its readers do.

The plan writes money as 0.3万元, 1-3万元, 1.5亿元 and counts as 六个月; the
table stores plain numbers in 元 or units. These helpers bridge the two, so
quotes can be checked against the table and answers read naturally.
"""
from __future__ import annotations

import math
import re
import warnings
from collections.abc import Iterator

import cn2an

MULTIPLIERS = {"万": 10_000, "亿": 100_000_000}
_NUM = r"\d+(?:\.\d+)?"
# A range first (its unit covers both ends: 1-3万 is 1万 to 3万), else a single number.
_FIGURE = re.compile(rf"({_NUM})[-~～—至到]({_NUM})([万亿])?|({_NUM})([万亿])?")


NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_NUMERAL = re.compile(rf"百分之([{NUMERALS}]+)|[{NUMERALS}]+")
# Spoken figures written with digits: 1万5 is 15000 (the 5 counts thousands), 2万4千 is 24000, 1万5000 is 15000,
# 3千2 is 3200. Read as 1万 and 5 they turn a 20% rule into the wrong amount.
_SPOKEN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(万|千)(?:(\d)(千|百)?|(\d{4}))(?![\d.万千百])")
_SCALE = {"万": (10_000, 1_000), "千": (1_000, 100)}
# 一点五亿 is 1.5亿 and 两点五万 2.5万 (the unit stays, as written); 一个亿五 and 一亿五 are 1.5亿, the digit after
# 亿 counting 千万.
_DIGITS = "零〇一二两三四五六七八九"
_DECIMAL = re.compile(rf"(百分之)?([{_DIGITS}十]+点[{_DIGITS}]+)(?![十百千分])")  # 三点五十 (a time) is none
_YI_SPOKEN = re.compile(rf"([{_DIGITS}十]+|\d+)个?亿([{_DIGITS[2:]}])(?![{NUMERALS}\d])")
# 开了俩月, 干了仨年, 老兵还剩俩, 设俩网点: 俩 and 仨 are 两个 and 三个 before a span of time or after a verb
# that counts (剩, 有, 是, 设, 建, 开, 办).
# that counts (剩, 有, 是, 设, 建, 开, 办), or at the start of a clause before whom they count (…，仨解放战争老兵) or
# what they are (…，俩是抗美援朝的).
# Elsewhere (这俩, 哥俩, 娘仨, 俩一共) they point at people already talked about and stay words.
_COLLOQUIAL = re.compile(r"([俩仨])(?=个?(?:月|年|天|周|星期|礼拜))|(?<=[剩有是设建开办中])([俩仨])"
                         r"|(?:^|(?<=[\s,;、]))([俩仨])(?=是|[^\s,;。]{0,6}?(?:兵|遗属|子女|户|合作社|企业|公司|产品|网点|学生))")
_SAID_AS = {"俩": 2, "仨": 3}


def numeral_replacements(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, digits) for each run of Chinese numerals that reads as a number, not in order of place.

    Run by run, not cn2an.transform on the whole text, so each replacement
    keeps its place (the tokenizer maps tokens back to what the user typed).
    A lone 万 or 百 (1.5万, 百姓) is no number and stays; 1万5 is 15000 (_SPOKEN).
    """
    spoken: list[tuple[int, int]] = []
    taken = lambda m: any(start < m.end() and m.start() < end for start, end in spoken)  # noqa: E731
    for m in _SPOKEN.finditer(text):
        head, unit, digit, unit_after, four = m.groups()
        scale, step = _SCALE[unit]
        if unit_after and unit_after != {"万": "千", "千": "百"}[unit]:
            continue  # 1万5百: no way to say it, left as written
        value = float(head) * scale + (float(four) if four else float(digit) * step)
        spoken.append((m.start(), m.end()))
        yield m.start(), m.end(), plain(value)
    for m in _DECIMAL.finditer(text):
        if (read := _value(m.group(2))) is not None:
            spoken.append((m.start(), m.end()))
            yield m.start(), m.end(), plain(read) + ("%" if m.group(1) else "")
    for m in _YI_SPOKEN.finditer(text):
        head = float(m.group(1)) if m.group(1).isdigit() else _value(m.group(1))
        if head is not None and not taken(m):
            spoken.append((m.start(), m.end()))
            yield m.start(), m.end(), plain((head + (_value(m.group(2)) or 0) / 10) * MULTIPLIERS["亿"])
    for m in _COLLOQUIAL.finditer(text):
        after = text[m.end():m.end() + 1]  # 俩月 → 2个月, 还剩俩 → 还剩2个, 设俩网点 → 设2个网点, but 仨年 → 3年
        counted = after not in "年天周个" or not after
        yield m.start(), m.end(), f"{_SAID_AS[m.group()]}{'个' if counted else ''}"
    for m in _NUMERAL.finditer(text):
        if taken(m):
            continue
        run, percent = (m.group(1), True) if m.group(1) else (m.group(), False)
        read = _value(run)
        if read is None and not percent and len(run) > 1 and run.endswith("一") and _ONE_AFTER.match(text, m.end()):
            head = _value(run[:-1])  # 今年七十九一个月给多少: 79, then 1个月, said without a pause
            if head is not None:
                yield m.start(), m.end() - 1, plain(head) + " "
                yield m.end() - 1, m.end(), "1"
            continue
        if read is not None:
            yield m.start(), m.end(), plain(read) + ("%" if percent else "")


_ONE_AFTER = re.compile(r"个|年|共|月|天|周|块|下")  # 一个月 一年 一共: where a run's last 一 starts the next words


def _value(run: str) -> float | None:
    """The number a run of numerals reads as, None if it reads as none (服役 and 400 九) or as none a float holds."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = cn2an.cn2an(run, "smart")
        except (ValueError, KeyError, IndexError):
            return None
    return value if _holds(value) else None


def _holds(value: float) -> bool:
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def chinese_numerals_to_digits(text: str) -> str:
    """八年 → 8年, 三千六 → 3600, 百分之七十 → 70%."""
    parts, last = [], 0
    for start, end, digits in sorted(numeral_replacements(text)):  # 三个人 1万5: spoken figures come first
        parts += [text[last:start], digits]
        last = end
    return "".join(parts) + text[last:]


def figure_spans(text: str) -> list[tuple[int, set[float]]]:
    """(position, values) of each figure written in digits in whitespace-free text.

    A run of digits too long for a float (400 nines) is no figure anyone can mean: it is left out
    rather than read as infinity, which no later arithmetic or int() survives.
    """
    spans = []
    for m in _FIGURE.finditer(text):
        low, high, range_unit, single, unit = m.groups()
        if single is not None:
            values = {float(single) * MULTIPLIERS.get(unit, 1)}
        else:
            scale = MULTIPLIERS.get(range_unit, 1)
            values = {float(low) * scale, float(high) * scale}
        if all(math.isfinite(v) for v in values):
            spans.append((m.start(), values))
    return spans


def figures(text: str, numerals: bool = True) -> set[float]:
    """Every number a reader sees in the text, with 万/亿 applied.

    numerals=False reads Arabic digits only, leaving 关注七 or 三是 alone.
    """
    text = re.sub(r"\s+", "", chinese_numerals_to_digits(text) if numerals else text)
    return set().union(*(values for _, values in figure_spans(text)))


def to_number(text: str) -> float | None:
    """The first figure in a short text (8, 八, 1.5万 → 15000), or None."""
    spans = figure_spans(re.sub(r"\s+", "", chinese_numerals_to_digits(text)))
    return min(spans[0][1]) if spans else None


def whole(value: float) -> int | float:
    """8.0 → 8, 0.5 → 0.5: a fact told as a number keeps the kind it was said as (8 years, not 8.0)."""
    return int(value) if value == int(value) else value


def plain(value: float) -> str:
    """21060.0 → '21060', 20.8 → '20.8': no float noise in a citizen's answer."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def money(value: float) -> str:
    """Yuan in digits, as people read them: 21060元, 2.8万 only from 100万 up (1.5亿元)."""
    for unit, scale, threshold in (("亿", 100_000_000, 100_000_000), ("万", 10_000, 1_000_000)):
        if value >= threshold:
            return f"{plain(value / scale)}{unit}元"
    return f"{plain(value)}元"


def about(value: float) -> str:
    """Yuan to the fen, marked 约 when rounded: 1755 → '1755元', 16120/12 → '约1343.33元'; a sum of twelfths back
    by the year (31899.999999999996) is no rounding."""
    return ("" if abs(value - round(value, 2)) < 1e-6 else "约") + money(round(value, 2))


def count(value: float, unit: str) -> str:
    """A count as the plan prints it: 871.4万人次, 13万个, but 5200人."""
    if value >= 10_000:
        return f"{plain(value / 10_000)}万{unit}"
    return f"{plain(value)}{unit}"


def wan(value: float) -> str:
    """The policy's own notation for award steps: 3000 → '0.3万'."""
    return f"{plain(value / 10_000)}万"
