"""What the plan cannot be about: another place, another year, or no word of the plan.

Rasa-free so that the NLU scope guard (per message) and the turn step (which
also knows the conversation) apply the same rules: a place or a year outside
the plan is out of scope whatever came before; "no word of the plan" is not,
when the message continues the conversation's subject (那去哪办, 涨了多少).
"""
from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from bot import DATA
from bot.plan.records import policy_text
from bot.plan.terms import cut

_AGE_THEN = re.compile(r"[^\d,。;!?]{0,4}?(?:满|到|过)\d|[^\d,。;!?]{0,4}?\d+(?:岁|周岁|了)")  # 后年满60, 明年就60了,
# 明年她就满六十了: an age, not a year
_THEN_BEFORE = "上之以然降涨调"  # 加上后年合计, 之后年底, 降后年缴: 后 closes the word before it
_PLACE = re.compile(r"[\u4e00-\u9fff]{3,}(?<![店铺馆厂摊坡地])|[\u4e00-\u9fff]+[省市县区镇乡村州旗盟岛]")  # jieba calls 新旧
# and 三哥 places too, and 美甲店, 山坡地: a shop or a plot of land is no place outside the city


_HOME = re.compile(r"(?:户口|户籍|老家|祖籍)(?:本)?(?:在|是)?$")  # 户口在哈尔滨: where one is registered


class Scope:
    """`normalize` and `terms` are the assistant's (bot/assistant.py builds the one Scope of a process)."""

    def __init__(self, normalize: Callable[[str], str], terms: tuple[str, ...]) -> None:
        scope = yaml.safe_load((DATA / "scope.yml").read_text(encoding="utf-8"))
        self._inside = tuple(scope["places_inside"])
        self._policy = policy_text()  # words jieba tags as places but the plan itself uses (城镇, 惠及)
        self._years = {str(y) for y in scope["years"]}
        self._outside = tuple(scope["places_outside"])
        self._other_years = tuple(scope["other_years"])
        self._years_within = tuple(scope["other_years_within"])
        self.normalize = normalize
        self._words = terms
        self._vocabulary = {w for term in self._words for w in cut(term, self._words) if len(w) > 1} - set(
            scope["not_topical"])

    def elsewhere(self, text: str) -> str | None:
        """'place X' or 'year Y' when the normalised text is about somewhere or some year the plan is not."""
        if place := next((p for p in self._outside if p in text and not self._only_home(text, p)), None):
            return f"place {place}"
        import jieba.posseg  # 1.7 s of tables: loaded by the NLU's scope guard, not by every process that builds the assistant

        for word, flag in jieba.posseg.cut(text):
            if flag == "ns" and _PLACE.fullmatch(word) and word not in self._policy and not word.startswith(self._inside) \
                    and not self._only_home(text, word):
                return f"place {word}"
        for year in () if any(w in text for w in self._years_within) else self._other_years:  # 明年的标准 is another
            # year's plan; 他后年满60 is his age then; 明年再认证 the plan's own award
            at = text.find(year)
            if at > 0 and text[at - 1] in _THEN_BEFORE:
                continue  # 加上后 年合计: 后 ends 加上后, it starts no 后年
            if at >= 0 and not _AGE_THEN.match(text, at + len(year)):
                return f"year {year}"
        for year in re.findall(r"(20\d\d)\s*年", text):
            if year not in self._years:
                return f"year {year}"
        return None

    def _only_home(self, text: str, place: str) -> bool:
        """户口在哈尔滨 在长春开店: a place named only as where someone's household is registered, beside the city
        where they are asking about, leaves the question the plan's."""
        at = text.find(place)
        return bool(_HOME.search(text[:at])) and any(p in text[at + len(place):] for p in self._inside)

    def topical(self, text: str) -> bool:
        """Whether the normalised text shares a word with the plan's vocabulary."""
        return bool(self._vocabulary & set(cut(text, self._words)))
