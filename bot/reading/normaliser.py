"""One normalisation for every channel, applied inside the tokenizer and before search.

Citizens type 繁體字, full-width digits and Chinese numerals (八年, 两个产品,
三千六); the model and the measure table see simplified characters and digits.
The plan's own terms that contain numerals (三等功, 三品一标, 一点通) are kept
whole: no one writes "3等功".

A character the plan never uses, standing where a plan term has another one
(抗曰老兵, 抗美援潮), is a typo for that term and is put right; a character
the plan does use (就业补贴 beside 创业补贴) is a different word and is left.

`align` also says where each normalised character came from, so the
tokenizer can hand Rasa tokens whose offsets point into the text the user
typed: entity annotations and extracted values stay in the user's words.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Hashable, Iterable, Mapping
from functools import lru_cache

import yaml
from opencc import OpenCC

from bot import DATA
from bot.plan.measure import Measure
from bot.plan.numbers import NUMERALS, numeral_replacements
from bot.plan.records import policy_text
from bot.plan.terms import meanings
from bot.reading.people import alternation, death_words, person_words
from bot.reading.sounds import SoundIndex, sound_index
from bot.reading.vocabulary import Vocabulary, load_vocabulary

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


MIN_TYPO_TERM = 4  # shorter terms are too close to everyday words to guess at
NORMALIZED_CACHE = 4096  # texts whose normal form is kept (a turn re-reads the citizen's last ones)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class Normalizer:
    """Callable text normaliser: keeps the plan's terms whole and puts one-character typos in them right.

    `terms` may map each term to what it names: terms of one meaning that fit
    a typo equally are no ambiguity. `known_text` is the plan's own wording;
    `real_words` are one character away from a term but mean something else
    (抗美援越), and are left alone. `everyday` maps citizens' words to the
    plan's terms (老八路 → 抗日老兵): the term is written in the word's place,
    except where the word is part of a term (民政 in 民政局). `sounds` puts a
    term right that was written by its sound (抗美元朝 → 抗美援朝: voice input).
    `kept` are words other than terms whose numerals stay words (老二, 二舅).
    """

    def __init__(
        self, terms: Mapping[str, Hashable] | Iterable[str] = (), known_text: str = "", real_words: Iterable[str] = (),
        everyday: Mapping[str, str] | None = None, sounds: SoundIndex | None = None, kept: Iterable[str] = (),
    ) -> None:
        self._meaning = dict(terms) if isinstance(terms, Mapping) else {t: t for t in terms}
        self._sounds = sounds
        terms = set(self._meaning)
        self._everyday = dict(everyday or {})
        self._words = re.compile(alternation([*self._everyday, *terms]))  # a term found first shields the words inside it
        known_text += "".join(self._everyday)
        numbered = sorted((t for t in {*terms, *kept} if set(NUMERALS) & set(t)), key=len, reverse=True)
        self._protected = re.compile("|".join(map(re.escape, numbered))) if numbered else None
        self._known = set(known_text).union(*terms) if terms else set(known_text)
        self._real = re.compile("|".join(map(re.escape, real_words))) if real_words else None
        self._near: dict[int, dict[str, set[str]]] = {}  # length → term with one character blanked → terms
        for term in terms:
            if len(term) >= MIN_TYPO_TERM:
                index = self._near.setdefault(len(term), {})
                for i in range(len(term)):
                    index.setdefault(term[:i] + _DROP + term[i + 1:], set()).add(term)
        self._near = dict(sorted(self._near.items(), reverse=True))
        # a turn normalises the citizen's last messages again (provenance): each is worked out once
        self._normalized = lru_cache(maxsize=NORMALIZED_CACHE)(lambda text: self.align(text)[0])

    def __call__(self, text: str) -> str:
        return self._normalized(text)

    def align(self, text: str) -> tuple[str, list[Span]]:
        """The normalised text, and for each of its characters the span of the original it stands for."""
        text = self._corrected(_one_to_one(text))
        if self._sounds is not None:
            text = self._sounds.corrected(text)
        pieces: list[tuple[str, int, int]] = []  # (normalised text, original start, original end)
        last = 0
        words = self._plan_words(text)
        for start, end, replacement in sorted(words + self._numerals(text, words)):
            pieces += [(ch, i, i + 1) for i, ch in enumerate(text[last:start], last)]
            pieces.append((replacement, start, end))
            last = end
        pieces += [(ch, i, i + 1) for i, ch in enumerate(text[last:], last)]
        return _collapse_blanks(pieces)

    def _corrected(self, text: str) -> str:
        """A character foreign to the plan becomes the one of the longest fitting terms, if they all mean one thing."""
        kept = {i for m in self._real.finditer(text) for i in range(*m.span())} if self._real else set()
        chars = list(text)
        for pos, ch in enumerate(text):
            if ch in self._known or pos in kept or not _is_han(ch):
                continue
            for length, index in self._near.items():
                fits = sorted(
                    (term, term[pos - start])
                    for start in range(max(0, pos - length + 1), min(pos, len(text) - length) + 1)
                    for term in index.get(text[start:pos] + _DROP + text[pos + 1:start + length], ())
                )
                if fits:
                    if len({self._meaning[term] for term, _ in fits}) == 1:
                        chars[pos] = fits[0][1]
                    break
        return "".join(chars)

    def _plan_words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, term) for each everyday word outside the plan's terms."""
        if not self._everyday:
            return []
        real = {i for m in self._real.finditer(text) for i in range(*m.span())} if self._real else set()
        return [(_verb_before(self._everyday[m.group()], text, m.start()), m.end(),
                 _unrepeated(self._everyday[m.group()], text[m.end():]))
                for m in self._words.finditer(text) if m.group() in self._everyday and m.start() not in real]  # 抗美援越

    def _numerals(self, text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """The numerals to write in digits, outside the plan's terms and the everyday words being replaced."""
        kept = [m.span() for m in self._protected.finditer(text) if not (  # 两万一千 is 21000, no 万一 (if) in it;
            m.start() and m.group()[0] in _UNITS and text[m.start() - 1] in NUMERALS  # 五万一共 is 5万 and 一共
            and m.end() < len(text) and text[m.end()] in NUMERALS)] if self._protected else []
        kept += [(start, end) for start, end, _ in words]  # 老八路 is no 8
        masked = list(text)  # a kept word also ends the numeral beside it: 老二六十三 is 老二 and 63
        for start, end in kept:
            masked[start:end] = _DROP * (end - start)
        return list(numeral_replacements("".join(masked)))


_UNITS = "十百千万亿"  # a kept word starting with one, between numerals, is inside one (两万一千); 六十八二姐 is 68, 二姐
_VERBS = "开办"  # 开店, 办厂: a term that starts with the verb said before it (开个奶茶店)


def _verb_before(term: str, text: str, start: int) -> int:
    """Where the replaced word starts, taking in the verb the term begins with when the text says it just before:
    开个奶茶店 is 开店, not 开个开店."""
    said = re.search(rf"{term[0]}了?(?:个|家|间|一个|一家)?$", text[:start]) if term[:1] in _VERBS else None
    return said.start() if said else start


def _unrepeated(term: str, after: str) -> str:
    """The term without the ending the text goes on to say: 抗美援朝的老兵 is 抗美援朝老兵, not 抗美援朝老兵老兵."""
    tail = next((n for n in range(len(term) - 1, 1, -1) if after.startswith(term[-n:])), 0)
    return term[:-tail] if tail else term


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


def _with_de(named: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """Each term said with 的 inside it (烈士的子女, 抗日的老兵, 绿色食品的认证): people put it between the parts of a
    term; the term is what they mean, with all its meanings."""
    said = {f"{term[:i]}的{term[i:]}": term for term in named if len(term) >= 4 and "的" not in term
            for i in range(2, len(term) - 1)}
    return {word: term for word, term in said.items() if word not in named}


def normalizer(measures: Iterable[Measure], vocabulary: Vocabulary | None = None) -> Normalizer:
    """The one normaliser every component and action uses (bot/assistant.py builds it once per process).

    Known characters are the plan's and those of the NLU examples: the plan's
    formal text never says 我, so without the citizens' wording 我能享受 would
    pass for a typo of the keyword 谁能享受.
    """
    scope = yaml.safe_load((DATA / "scope.yml").read_text(encoding="utf-8"))
    citizens = "".join(path.read_text(encoding="utf-8") for path in sorted((DATA / "nlu").glob("*.yml")))
    measures = list(measures)
    named = meanings(measures)
    vocabulary = vocabulary or load_vocabulary(named)
    known = policy_text() + citizens
    offices = {m.department: m.department for m in measures}  # 人设局 → 人社局
    kept = (*person_words(), *scope["places_numbered"], *scope["words_numbered"])  # 三叔 is an uncle, not the 三属 it
    # sounds like; 九台 a place; 一并 no number
    deaths = {w: w for w in death_words() if w not in named}  # 列士的闺女: 烈士, though no title holds it alone
    everyday = {**_with_de(named), **vocabulary.same}
    sounds = sound_index({**offices, **deaths, **named}, " ".join([known, *everyday, *scope["real_words"], *kept]))
    return Normalizer(named, known + "".join(kept), scope["real_words"], everyday, sounds, kept)  # 俺爹义务兵:
    # 爹 is a father, no typo of the 老 of 老义务兵
