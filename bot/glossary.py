"""The plan's vocabulary, taken from the measure table so words and table stay in step.

The same terms keep jieba from splitting 抗美援朝 or 无公害农产品, keep the
normaliser from turning 三等功 into 3等功, and seed search.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import jieba

from bot.measures import Measure, load_groups, load_measures
from bot.text import Normalizer

jieba.setLogLevel(60)  # jieba logs its dictionary build at WARNING on every start


def terms(measures: Iterable[Measure], groups: Mapping[str, dict] | None = None) -> list[str]:
    """Titles, keywords, merit levels and group synonyms, longest first, without duplicates."""
    groups = load_groups() if groups is None else groups
    found: set[str] = set()
    for m in measures:
        found |= {m.title, *m.keywords, *m.params.get("levels", {})}
        found |= {str(r["equals"]) for r in m.requires if "equals" in r}
    for group in groups.values():
        found |= {group["label"], *group["synonyms"]}
    return sorted(found, key=lambda t: (-len(t), t))


@cache
def plan() -> tuple[tuple[Measure, ...], Normalizer]:
    """The checked measures and a normaliser protecting their terms, loaded once per process."""
    measures = tuple(load_measures())
    return measures, Normalizer(terms(measures))


def write_jieba_dictionary(words: Iterable[str], path: Path) -> None:
    """One `word freq` line per term, the format jieba and Rasa's JiebaTokenizer load."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{w} 100000 n" for w in sorted(set(words)) if " " not in w]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_jieba_dictionaries(folder: Path) -> list[str]:
    """The words of every `word freq tag` file in the folder (how Rasa stores the dictionary)."""
    return [line.split()[0] for path in sorted(folder.glob("*")) if path.is_file()
            for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


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
