"""The plan's vocabulary, taken from the measure table so words and table stay in step.

The same terms keep jieba from splitting 抗美援朝 or 无公害农产品, keep the
normaliser from turning 三等功 into 3等功, and seed search.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import jieba

from bot.plan.measure import Measure
from bot.plan.records import load_groups

jieba.setLogLevel(60)  # jieba logs its dictionary build at WARNING on every start


def meanings(measures: Iterable[Measure], groups: Mapping[str, dict] | None = None) -> dict[str, frozenset[str]]:
    """Each title, keyword, merit level, category and group synonym → the measures and groups it names.

    Two terms with one meaning (抗日老兵, 抗战老兵) may both fit a typo (抗曰老兵)
    without making it ambiguous.
    """
    groups = load_groups() if groups is None else groups
    named: dict[str, set[str]] = {}
    for m in measures:
        words = {m.title, *m.keywords, *m.params.get("levels", {})}
        words |= {str(v) for v in m.categories.values()}
        for word in words:
            named.setdefault(word, set()).add(m.id)
    for gid, group in groups.items():
        for word in (group["label"], *group["synonyms"]):
            named.setdefault(word, set()).add(gid)
    return {word: frozenset(ids) for word, ids in named.items()}


def terms(measures: Iterable[Measure], groups: Mapping[str, dict] | None = None) -> list[str]:
    """The plan's terms, longest first."""
    return sorted(meanings(measures, groups), key=lambda t: (-len(t), t))


def write_jieba_dictionary(words: Iterable[str], path: Path) -> None:
    """One `word freq` line per term, the format jieba and Rasa's JiebaTokenizer load."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{w} 100000 n" for w in sorted(set(words)) if " " not in w]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@cache
def tokenizer(words: tuple[str, ...]) -> jieba.Tokenizer:
    """A jieba tokenizer that keeps the given terms whole (one per term set, built once)."""
    tok = jieba.Tokenizer()
    for w in words:
        tok.add_word(w, freq=100000)
    return tok


def cut(text: str, words: tuple[str, ...]) -> list[str]:
    """Search-mode tokens of the text, blanks dropped."""
    return [t for t in tokenizer(words).cut_for_search(text) if t.strip()]
