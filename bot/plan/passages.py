"""The plan's own sentences, searchable: what the plan says where no measure answers a question.

The measure table holds one record per provision a citizen asks about; the
plan says more than its records hold (who does what, who pays, what a term
covers). A question no measure answers is looked up among the plan's
sentences (BM25 over jieba's words, the plan's terms kept whole), and the best
one is quoted with its 关注N, so the citizen gets the plan's words rather than
"not in the plan". A sentence's 关注 is the one of the record quoting it, or of
the record quoted nearest to it: the printed plan runs its sections on.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from rank_bm25 import BM25Okapi

from bot.plan.measure import Measure
from bot.plan.terms import cut

_SENTENCE = re.compile(r"[^。；！？]+[。；！？]?")
_NOT_PROSE = re.compile(r"关注[一二三四五六七八九十]+：|记者|^\d\.|版$")  # headings, the byline, the aspects' list
MIN_SCORE = 4.0  # BM25 below which a sentence only shares a common word with the question
LENGTH_WEIGHT = 0.3  # BM25's b: a long sentence listing what a term covers must not lose to a short mention
MIN_SHARED = 2  # words of two characters or more the question and the sentence must share


@dataclass(frozen=True)
class Passage:
    text: str
    section: str  # 关注N, or 导语
    measure: str | None  # the record quoting it, if one does


class Passages:
    def __init__(self, policy: str, measures: Sequence[Measure], terms: tuple[str, ...]) -> None:
        """`policy` is the plan's text with its whitespace removed (bot/plan/records.policy_text)."""
        self._terms = terms
        spans = []
        for m in measures:
            at = policy.find(m.quote)
            if at >= 0:
                spans.append((at, at + len(m.quote), m))
        found = []
        for s in _SENTENCE.finditer(policy):
            text = s.group().strip()
            overlaps = [(min(end, s.end()) - max(start, s.start()), m) for start, end, m in spans]
            best = max(overlaps, key=lambda o: o[0], default=(0, None))
            owner = best[1] if best[0] > 0 else None  # the record quoting most of it (作为…，2017年…提高20.8%)
            nearest = owner or min(spans, key=lambda span: min(abs(span[0] - s.end()), abs(s.start() - span[1])))[2]
            if len(text) >= 8 and not _NOT_PROSE.search(text):
                found.append(Passage(text, nearest.section, owner.id if owner else None))
        self.passages = tuple(found)

    @cached_property
    def _index(self) -> BM25Okapi:
        return BM25Okapi([self.words(p.text) for p in self.passages], b=LENGTH_WEIGHT)

    def words(self, text: str) -> list[str]:
        """The words search goes by: jieba's, the plan's terms whole, of two characters or more."""
        return [w for w in cut(text, self._terms) if len(w) > 1]

    def search(self, text: str, limit: int = 1) -> list[Passage]:
        """The sentences that answer the text best, if any shares enough words with it to be about it."""
        words = self.words(text)
        if not words:
            return []
        scores = self._index.get_scores(words)
        ranked = sorted(range(len(scores)), key=lambda i: -scores[i])[:limit]
        asked = set(words)
        return [self.passages[i] for i in ranked if scores[i] >= MIN_SCORE
                and len(asked & set(self.words(self.passages[i].text))) >= MIN_SHARED]
