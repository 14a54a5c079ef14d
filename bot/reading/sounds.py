"""The plan's terms matched by sound: what voice input and elderly typists write for them.

WeChat's speech recognition and pinyin keyboards put a homophone in a term's
place: 抗美元朝 for 抗美援朝, 病顾 for 病故, 一等公 for 一等功, 大果真子 for
大果榛子, 人设局 for 人社局. A run of characters that reads exactly like a term
(toneless pinyin, pypinyin) is written as the term, unless the run is itself a
word: one the plan or citizens' own wording uses (事业 is no 失业), or a common
word of the language (遗嘱, 公海: jieba's dictionary). A run of two characters
must also be a word of its own where it stands, not the end of one and the start
of the next (她自己是烈士: 己是 sounds like 技师). Everyday words that
happen to sound like no term (遗嘱 for 遗属) belong in data/vocabulary.yml.
"""
from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from functools import lru_cache

import jieba
from pypinyin import Style, lazy_pinyin

COMMON_WORD = 30  # jieba's frequency from which a run is a word of the language, not a slip (阵子: 41, not 榛子)


@lru_cache(maxsize=8192)
def _syllable(ch: str) -> str | None:
    """The character's pinyin without tone, None for anything but a Chinese character."""
    if not "\u4e00" <= ch <= "\u9fff":
        return None
    return lazy_pinyin(ch, style=Style.NORMAL)[0]


class SoundIndex:
    """Terms by their toneless pinyin; `meaning` tells terms of one meaning apart from homophones of two."""

    def __init__(self, meaning: Mapping[str, Hashable], known_text: str = "", min_length: int = 2) -> None:
        self._meaning = dict(meaning)
        self._known = known_text
        self._terms: dict[tuple[str | None, ...], set[str]] = {}
        for term in meaning:
            if len(term) >= min_length and all(_syllable(ch) for ch in term):
                self._terms.setdefault(tuple(map(_syllable, term)), set()).add(term)
        self._lengths = sorted({len(key) for key in self._terms}, reverse=True)

    def corrected(self, text: str) -> str:
        """The text with each run that sounds like a term, and is no word itself, written as the term; longest
        runs first, never overlapping, same length (offsets into the typed text stay valid)."""
        sounds = [_syllable(ch) for ch in text]
        chars = list(text)
        taken = [False] * len(text)
        bounds: set[int] | None = None  # where jieba's words start and end, worked out when a short run needs it
        for length in self._lengths:
            for start in range(len(text) - length + 1):
                run = text[start:start + length]
                terms = self._terms.get(tuple(sounds[start:start + length]))
                if not terms or run in terms or any(taken[start:start + length]) or self._is_word(run):
                    continue
                if len({self._meaning[t] for t in terms}) != 1:
                    continue  # two terms of different meaning sound alike: no guess
                if length == 2:
                    bounds = _boundaries(text) if bounds is None else bounds
                    if start not in bounds or start + 2 not in bounds:
                        continue
                chars[start:start + length] = min(terms)
                taken[start:start + length] = [True] * length
        return "".join(chars)

    def _is_word(self, run: str) -> bool:
        return run in self._known or jieba.dt.FREQ.get(run, 0) >= COMMON_WORD


def _boundaries(text: str) -> set[int]:
    ends, at = {0}, 0
    for word in jieba.cut(text):
        at += len(word)
        ends.add(at)
    return ends


def sound_index(terms: Iterable[str] | Mapping[str, Hashable], known_text: str) -> SoundIndex:
    meaning = dict(terms) if isinstance(terms, Mapping) else {t: t for t in terms}
    jieba.dt.check_initialized()  # the word frequencies load with the dictionary
    return SoundIndex(meaning, known_text)
