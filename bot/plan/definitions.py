"""What the plan's words cover (data/definitions.yml), quoted from the plan's own sentence.

就业困难人员都包括哪些人 is answered by the sentence that lists them (and says
that it lists five of the eight), not by a measure for them: no record holds
what a term covers, and a wrong measure's quote answers nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import DATA

DEFINITIONS_FILE = DATA / "definitions.yml"


@dataclass(frozen=True)
class Definition:
    term: str
    words: tuple[str, ...]
    quote: str  # the plan's words, as printed (whitespace aside)
    section: str  # 关注N
    measure: str  # the record whose provision the sentence belongs to
    note: str = ""  # what the plan leaves out (等8类, five listed)


@dataclass(frozen=True)
class Definitions:
    terms: tuple[Definition, ...]
    asked_by: tuple[str, ...]

    def asks_cover(self, text: str) -> bool:
        """Whether the text asks what a term covers (都有哪些, 多大算), with or without the term."""
        return any(w in text for w in self.asked_by)

    def asked_in(self, text: str) -> Definition | None:
        """The term whose cover the text asks (啥样的人算就业困难人员): a word of it, the longest said, and a word
        that asks what it covers."""
        if not self.asks_cover(text):
            return None
        hits = [(len(w), d) for d in self.terms for w in d.words if w in text]
        return max(hits, key=lambda h: h[0])[1] if hits else None

    def judged_in(self, text: str) -> Definition | None:
        """The term someone is asked to be one of (我媳妇38 算大龄失业人员不 / 他属于就业困难人员吗), when the term
        sets ages by gender the person's facts can be held against (男满50周岁，女满40周岁)."""
        return next((d for d in self._asked_of_someone(text) if self.own_ages(d)), None)

    def whether_in(self, text: str) -> Definition | None:
        """The term someone is asked to be one of, when the term lists who it covers rather than ages (我刚毕业 家里
        条件不好 算就业困难人员吗): the plan's list answers it."""
        return next((d for d in self._asked_of_someone(text) if not self.own_ages(d)), None)

    def _asked_of_someone(self, text: str) -> list[Definition]:
        found = []
        for d in self.terms:
            words = "|".join(map(re.escape, d.words))
            asked = rf"(?:算|属于|是)(?:不算|不属于|不是)?(?:那个|这个)?(?:{words})[^,。;!?]{{0,3}}?(?:不|吗|么|没|呢)"
            waited = rf"(?:还差|还得|还要)[^,。;!?]{{0,6}}?才(?:算|是)(?:那个|这个)?(?:{words})"  # 还差几年才算大龄
            either = rf"(?:算不算|属不属于|是不是|是否属于?|是否算|是否为|是否是)[^,。;!?]{{0,3}}?(?:{words})"  # 问是否属…
            by = (rf"(?:能|可以|能不能|可不可以)按(?:照)?(?:{words})"
                  rf"|按(?:照)?(?:{words})(?:人员)?(?:的)?(?:身份)?[^,。;!?]{{0,10}}?(?:够不够|行不行|能不能|能领|能拿|可以领|符合|算不算|算吗|算不)")
            # 能按大龄失业人员领一次性创业补贴吗 / 要是按大龄失业算 他够不够: judged by the term's own rule
            if re.search(rf"{asked}|{waited}|{either}|{by}", text):
                found.append(d)
        return found

    @staticmethod
    def listed_in(d: Definition, text: str) -> list[str]:
        """The kinds of people the term's sentence lists (国有集体企业下岗失业人员、…、残疾人、…等8类) that the text
        names as written there (残疾人算不算; 残疾人的家属 is none): of those, the plan itself says they are one."""
        head = re.split(r"等\d+类", d.quote)[0] if re.search(r"等\d+类", d.quote) else ""
        kinds = [re.sub(r"（[^）]*）", "", kind) for kind in head.split("、")] if "、" in head else []
        return [kind for kind in kinds if kind and re.search(re.escape(kind) + r"(?!的|家属|亲属|子女|配偶)", text)]

    @staticmethod
    def own_ages(d: Definition) -> bool:
        """大龄失业人员（男满50周岁…）: the term's quote sets its ages (not a term it lists, as 就业困难人员's does)."""
        return re.search(rf"{re.escape(d.term)}（[男女]满", d.quote) is not None

    def named(self, term: str | None) -> Definition | None:
        return next((d for d in self.terms if d.term == term), None)

    @staticmethod
    def ages(d: Definition) -> dict[str, int]:
        """{男: 50, 女: 40}: the ages by gender the term's quote sets."""
        return {gender: int(age) for gender, age in AGES.findall(d.quote)}


AGES = re.compile(r"([男女])满(\d+)周岁")


def load_definitions(path: Path = DEFINITIONS_FILE) -> Definitions:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    asked_by = tuple(raw.pop("asked_by"))
    terms = tuple(Definition(term, tuple(d["words"]), d["quote"], d["section"], d["measure"], d.get("note", ""))
                  for term, d in raw.items())
    return Definitions(terms, asked_by)
