"""Whom a message speaks of (data/people.yml): the citizen, relatives, neighbours, groups.

Text in, mentions out, each with where it stands, so the reader can give every
clause its person and every fact its owner: 我爸当兵6年，我叔当兵4年 speaks of
two people with a fact each. One person said two ways is one key (俺爹, 我父亲:
爸); a group counted in words or digits carries its count (哥俩: 2, 兄妹3个: 3).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from bot import DATA

PEOPLE_FILE = DATA / "people.yml"
PARENT_OF = "之"  # 婆婆之爸: the key of someone's parent, said through a pronoun (我婆婆65，她爸是烈士)
SELF = "我"  # the key of the citizen themself
RELATIONS = ("spouse", "child", "parent")  # what a survivor is of a fallen soldier


LETTERS = "ABCDE甲乙丙丁戊"
_LETTER = rf"[{LETTERS}](?:社(?!会)|家)?"  # 甲社, A家: an operator's letter for a cooperative or an agency
_OF_A_LETTER = (r"有(?!\s*(?:啥|什么|哪|多少|几))|要是|如果|假如|男|女|:|：|服役|当兵|今年|是|改|应为|实为|更正|另有"
                r"|也|只|初次|首次|头次|有机|绿色|无公害|地理标志|农产品|获|拿|得了|申报|新认证|再认证"
                r"|介绍|安置")  # what an operator writes after one lettered


def lettered(key: str) -> bool:
    """Whether a person's key is an operator's letter (A家, 甲社): an organisation, not someone of a family."""
    return len(key) == 1 and key in LETTERS


ANOTHER = "另一人"  # data/people.yml's kin of 同户另一人 / 另有家属一人: someone beside whoever was spoken of


@dataclass(frozen=True)
class Mention:
    key: str  # 我, 爸, 老王, 老大 …; for a group, the words that name it (兄妹, 俺们村)
    said: str  # as written (normalised): 俺爹, 兄妹3个
    start: int
    end: int
    role: str  # person | group | pronoun | everyone
    count: int = 1
    owner: str = ""  # whose, as written: 俺 of 俺爹, 俺们 of 俺们村5个, 其 of 其母 (an operator's 来电人的)

    @property
    def label(self) -> str:
        """How the reply names them: the citizen's words, addressed back (俺爹 → 您爹, 我 → 您, 俺们村5个 → 您村5个);
        an operator's 其母 stays as written."""
        if self.key == SELF:
            return "您"
        if self.key == ANOTHER:  # 另有家属1人 → 另一人
            return ANOTHER
        if not self.owner or self.owner == "其":
            return self.said
        return "您" + self.said[len(self.owner):]  # 俺们村5个 → 您村5个


@dataclass(frozen=True)
class People:
    owners: tuple[str, ...]  # the citizen's own (俺爹)
    others_owners: tuple[str, ...]  # someone else's (其母)
    group_owners: tuple[str, ...]  # of a counted group (俺们村5个)
    self_words: tuple[str, ...]
    speaking: tuple[str, ...]
    telling: tuple[str, ...]  # 说, 讲: a relative passing on what someone else is (俺妈说他是…)
    callers: tuple[str, ...]  # 来电人: an operator's word for the caller (data/people.yml)
    bare_kin: frozenset[str]
    kin: dict[str, str]  # word → key
    surnames: str
    pronouns: tuple[str, ...]
    everyone: tuple[str, ...]
    groups: dict[str, int]
    with_the_one_before: frozenset[str]  # 哥仨 after 俺爷爷: a group with him among them
    counted_nouns: tuple[str, ...]
    spouses: frozenset[frozenset[str]] = frozenset()
    children: dict[str, tuple[str, ...]] = field(default_factory=dict)
    fallen: dict[str, dict[str, Any]] = field(default_factory=dict)  # 烈士 → its words and what it makes of family
    in_laws: dict[str, dict[str, str]] = field(default_factory=dict)  # 她 → {爸: 岳父}: 老伴她爹
    survivors_said: tuple[str, ...] = ()
    survivor_nouns: tuple[str, ...] = ()
    with_me: frozenset[str] = frozenset()  # 俺俩: the citizen and the person just spoken of
    genders: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # 女 → words said, kin keys
    outside: dict[str, Any] = field(default_factory=dict)  # relations and wars the plan's measures do not cover

    def kin_of_a_veteran(self, said: str, before: str | None) -> tuple[str, str] | None:
        """老太太是他老伴 (他 the 抗日老兵 just named): the family of a living veteran, whom his measure does not cover;
        `before` is the category of the person the pronoun points back to."""
        veterans = tuple(self.outside.get("veterans_kin", {}).get("of", ()))
        if not before or not veterans or not before.endswith(veterans) or (kin := self._kin_of_him.search(said)) is None:
            return None
        return kin.group("kin"), self.outside["relations"]["says"].format(who=f"{before}的{kin.group('kin')}")

    def spouse_of_a_veteran(self, who: str, label: str, veteran: str, category: str) -> str | None:
        """那我姥姥呢, after her husband the 解放战争老兵: his measure is his own; what the plan says of her, unless she
        served herself. None where `who` is not the veteran's spouse."""
        veterans = tuple(self.outside.get("veterans_kin", {}).get("of", ()))
        if self.relation(who, veteran) != "spouse" or not category.endswith(veterans):
            return None
        return self.outside["relations"]["says"].format(who=f"{category}的老伴") + f"如果{label}本人也是{category}，标准相同。"

    @cached_property
    def _kin_of_him(self) -> re.Pattern[str]:
        return _relation({"of": ["他", "她"], "words": self.outside["veterans_kin"]["words"]})

    def not_covered(self, said: str) -> tuple[str, str] | None:
        """(what they were said to be, the reply) when words about a person make them one the plan's veterans' and
        survivors' measures do not cover: 是烈士的外孙, 是他孙女, 参加过对越自卫反击战."""
        if not self.outside:
            return None
        if (war := self._outside_war.search(said)) is not None:
            who = f"{war.group()}老兵"
            return who, self.outside["wars"]["says"].format(who=who)
        for pattern in (self._outside_kin, self._veterans_kin):
            if (kin := pattern.search(said)) is not None:
                who = kin.group("kin") if kin.group("of") in ("他", "她") else f"{kin.group('of')}的{kin.group('kin')}"
                return who, self.outside["relations"]["says"].format(who=who)
        return None

    @cached_property
    def speakers(self) -> frozenset[str]:
        """The owners that are the citizen (俺, 俺们, 我家): whose kin is the speaker's own, not the last one named's."""
        return frozenset((*self.owners, *self.group_owners))

    @cached_property
    def _outside_war(self) -> re.Pattern[str]:
        return re.compile(alternation(self.outside["wars"]["words"]))

    @cached_property
    def _outside_kin(self) -> re.Pattern[str]:
        return _relation(self.outside["relations"])

    @cached_property
    def _veterans_kin(self) -> re.Pattern[str]:
        return _relation(self.outside["veterans_kin"])

    def gender(self, key: str, clause: str, label: str = "") -> str | None:
        """男 or 女, as the clause says it (我是女的, 女38) or as the person is (妈, 媳妇): for the plan's rules by
        gender."""
        for gender, known in self.genders.items():
            if any(w in clause for w in known["said"]) or re.search(rf"(?<![\u4e00-\u9fff]){gender}\s*\d", clause):
                return gender
        if PARENT_OF in key:  # 婆婆之爸 (您婆婆她爹): a 爸, whoever's he is
            key, label = key.rsplit(PARENT_OF, 1)[1], ""
        return next((g for g, known in self.genders.items()
                     if key in known["kin"] or any(w in label for w in known.get("named", ()))), None)

    def relation(self, who: str, of: str) -> str | None:
        """spouse, child or parent: what `who` is of `of` (奶奶 of 爷爷: spouse; 爸 of 爷爷: child; 婆婆 of 婆婆之爸:
        child)."""
        if of.startswith(who + PARENT_OF):
            return "child"
        if who.startswith(of + PARENT_OF):
            return "parent"
        if frozenset((who, of)) in self.spouses:
            return "spouse"
        (rank, one), (rank_of, other) = _ranked(who), _ranked(of)
        if (rank or rank_of) and (not rank or not rank_of or rank == rank_of) and frozenset((one, other)) in self.spouses:
            return "spouse"  # 二姑 of 二姑父 (named 姑父): his wife, as 大姨 of 大姨夫
        if who in self.children.get(of, ()):
            return "child"
        if of in self.children.get(who, ()):
            return "parent"
        return None

    def fallen_in(self, clause: str, soldier_known: bool = False) -> str | None:
        """烈士, 因公牺牲 or 病故: how a soldier died, as the clause tells it (the strongest first); 都是烈士子女 and
        因公牺牲军人的遗属 tell of the survivors, not of a death. Where the conversation already has a soldier fallen
        (应为 病故 非因公), a death needs no word of the army beside it."""
        clause = self._denied_deaths.sub(" ", self._survivors_named.sub(" ", clause))  # 是病故的 不是因公牺牲
        for word in self.survivors_said:
            clause = clause.replace(word, " ")
        for kind, said in self.fallen.items():
            if any(w in clause for w in said["words"]) and (
                    soldier_known or not said.get("only_with") or any(w in clause for w in said["only_with"])):
                return kind
        return None

    @cached_property
    def _deaths(self) -> str:
        """Every word of a soldier's death, longest first, as one alternation."""
        return "|".join(map(re.escape, sorted({w for said in self.fallen.values() for w in said["words"]},
                                              key=len, reverse=True)))

    @cached_property
    def _denied_deaths(self) -> re.Pattern[str]:
        """A death said after 不是 (他是病故的，不是因公牺牲): not how he died."""
        return re.compile(f"(?:不是|并非|不算|没|(?<![是除])非)[^,。;!?\\s]{{0,4}}?(?:{self._deaths})")

    @cached_property
    def _survivors_named(self) -> re.Pattern[str]:
        """A death said just before a survivor's noun (因公牺牲军人的遗属): the survivors named by it."""
        return re.compile(f"(?:{self._deaths})[^,。;!?]{{0,5}}?(?:{'|'.join(self.survivor_nouns)})")

    def denies_a_death(self, text: str) -> bool:
        """俺二姑不是因公 是病故的: another death told in place of what was said, a correction (她爹也不是烈士 tells
        no death in its place)."""
        return bool(self._death_instead.search(text))

    @cached_property
    def _death_instead(self) -> re.Pattern[str]:
        return re.compile(f"(?<!是)不是(?!说)[^,。;!?\\s]{{0,6}}[\\s,，。]*(?:他|她|俺|我)?(?:是|而是)[^,。;!?\\s]{{0,3}}?"
                          f"(?:{self._deaths})")  # (是不是也是病故的 / 他不是说是因公牺牲的吗: questions)

    def survivor(self, kind: str, relation: str) -> str | None:
        """The plan's category of the soldier's spouse, child or parent (烈士, spouse → 烈士遗属)."""
        return self.fallen.get(kind, {}).get(relation)

    def survivors_of(self, kind: str) -> str | None:
        """The one category the plan makes of every survivor of a death of that kind (病故 → 病故军人遗属); None where
        it makes several (烈士: 遗属, and 老年子女 of a child)."""
        made = {self.survivor(kind, relation) for relation in RELATIONS}
        return made.pop() if len(made) == 1 else None

    @cached_property
    def survivor_categories(self) -> frozenset[str]:
        """Every category the plan makes of a fallen soldier's family (烈士遗属, 因公牺牲军人遗属, 烈士老年子女 …)."""
        return frozenset(c for kind in self.fallen for r in RELATIONS if (c := self.survivor(kind, r)))

    def mentions(self, text: str) -> list[Mention]:
        """Every mention in the normalised text, in order, none overlapping (the longest reading wins)."""
        found: list[Mention] = []
        teller: Mention | None = None  # 俺媳妇说她爹当了五年: she tells of her father, and is no one asked about
        caller: str | None = None  # the pronoun an operator used for the caller (来电人问 她父亲是烈士)
        for m in self._pattern.finditer(text):
            role = m.lastgroup or ""
            said = m.group()
            if role == "counted":
                noun = m.group("noun") or m.group("noun2") or m.group("noun3") or ""
                number = m.group("n") or m.group("n2") or m.group("n3")
                count = COUNTS.get(number) or int(number)
                if number == "1" and _PER_HEAD.match(text, m.end()):
                    continue  # 遗属1人1年多少: by the head, no group of one (解放战争老兵1个 is one veteran)
                owner = m.group("owner") or ""
                if noun in self.kin and count == 1:  # 老爷子1个人一个月多少: he alone
                    found.append(Mention(self.kin[noun], noun, m.start(), m.start() + len(owner + noun), "person", 1,
                                         owner))
                    continue
                if not owner and _named_again(found, count):
                    continue  # 俺爹是抗日的…俺大姑是烈士遗属仨人: what she is, then the three named counted again
                if m.group("filler"):  # 老兵还剩2个 is named 老兵2个
                    said = said.replace(m.group("filler"), "", 1)
                if m.group("n3") or m.group("n2"):  # 俩抗美援朝老兵 / 2个是抗美援朝的 is named 2个抗美援朝老兵
                    said = f"{COUNTS.get(number) or number}个{noun}"
                found.append(Mention(owner + noun, said, m.start(), m.end(), "group", count, owner))
            elif role == "group":
                if _named_again(found, self.groups[said]):
                    continue  # 俺爸和俺大爷哥俩都是抗美援朝老兵: the two named, not two more
                if said in self.with_the_one_before and found and found[-1].role == "person" and found[
                        -1].end == m.start() and found[-1].key != SELF:
                    kin = found.pop()  # 俺爷爷哥仨: three with 爷爷 among them, not 爷爷 and three more
                    found.append(Mention(said, kin.said + said, kin.start, m.end(), "group", self.groups[said],
                                         kin.owner))
                    continue
                found.append(Mention(said, said, m.start(), m.end(), "group", self.groups[said]))
            elif role == "kin":
                if (theirs := _someones(found, m.start(), text, self.kin[m.group("kin_word")])) is not None:
                    found[-theirs[1]:] = [Mention(theirs[0], text[found[-theirs[1]].start:m.end()],
                                                  found[-theirs[1]].start, m.end(), "person", 1,
                                                  found[-theirs[1]].owner)]  # 大姑家儿子: his own, not 大姑
                    continue
                if (in_law := self._in_law(found, m.start(), text, self.kin[m.group("kin_word")])) is not None:
                    spouse, pronoun = found[-2:]
                    found[-2:] = [spouse, Mention(in_law, spouse.said + pronoun.said + said, pronoun.start, m.end(),
                                                  "person", 1, spouse.owner)]  # 老伴儿她爹: 岳父, and the 老伴 too
                    continue
                owner = m.group("kin_owner") or ""
                if not owner and m.group("kin_word") in self.bare_kin and not _alone(text, m.start(), m.end()):
                    continue  # 独生子女父母: no one
                if self._tells_of_another.match(text, m.end()):
                    teller = Mention(self.kin[m.group("kin_word")], said, m.start(), m.end(), "person", 1, owner)
                    continue  # 俺妈说他是解放战争的: she only tells of him
                if teller is not None and found and found[-1].role == "pronoun" and found[-1].start > teller.end and (
                        parent := self._in_law([teller, replace(found[-1], start=teller.end)], found[-1].end, text,
                                               self.kin[m.group("kin_word")])) is not None:
                    pronoun = found.pop()  # 俺媳妇说她爹: her father (岳父), the one she tells of
                    found.append(Mention(parent, teller.said + pronoun.said + said, pronoun.start, m.end(), "person", 1,
                                         teller.owner))
                    continue
                found.append(self._counted_kin(found, text, Mention(self.kin[m.group("kin_word")], said, m.start(),
                                                                    m.end(), "person", 1, owner)))
            elif role == "name":
                if found and found[-1].role == "person" and found[-1].end == m.start() and not self._in_family(
                        found[-1].key):
                    kin = found.pop()  # 俺邻居老王: one person, named by the name (老王那个 later is he); 我老伴老李
                    # stays 老伴, whose relations the plan's categories follow
                    found.append(Mention(said, kin.said + said, kin.start, m.end(), "person", 1, kin.owner))
                    continue
                if m.start() and _is_han(text[m.start() - 1]) and text[m.start() - 1] not in _BEFORE_A_NAME:
                    continue  # 养老金 holds no 老金: a name stands after a break or a word that introduces one
                found.append(Mention(said, said, m.start(), m.end(), "person"))
            elif role == "letter":  # 甲社: the cooperative lettered 甲
                found.append(Mention(said[0], said, m.start(), m.end(), "person"))
            elif role in ("me", "caller"):
                found.append(Mention(SELF, said, m.start(), m.end(), "person"))
            elif role == "ordinal":  # 第3家 of a listed group: the member the reply named 第3个
                key = f"第{m.group('nth')}{'位' if m.group('of') in _OF_PEOPLE else '个'}"
                found.append(Mention(key, key, m.start(), m.end(), "person"))
            elif role == "member":  # 1个一等功 2个三等功: one of a counted group, or several of it
                found.append(Mention("", said, m.start(), m.end(), role, int(m.group("each"))))
            elif role == "pronoun" and said in ("他", "她") and self._callers.search(text, 0, m.start()):
                if (owned := self._pattern.match(text, m.end())) is not None and owned.lastgroup == "kin":
                    caller = said  # 来电人问 她父亲: the caller's father; 她 is no one more
                elif said == caller:  # … 她今年55: the caller, not her father
                    found.append(Mention(SELF, said, m.start(), m.end(), "person"))
                else:
                    found.append(Mention("", said, m.start(), m.end(), role))
            elif role in ("pronoun", "everyone"):
                found.append(Mention("", said, m.start(), m.end(), role))
        return found

    def _in_family(self, key: str) -> bool:
        """Whether a person's key has relations in the family table (老伴, 爸, 二姑 …), or is the asker."""
        rankless = _ranked(key)[1]
        return key == SELF or any(k in pair for pair in self.spouses for k in (key, rankless)) or any(
            k in self.children or any(k in kids for kids in self.children.values()) for k in (key, rankless))

    def _in_law(self, before: list[Mention], at: int, text: str, kin: str) -> str | None:
        """老伴她爹 / 老伴儿他妈 / 那俺老伴呢 她爹是烈士: the spouse's parent a pronoun right after the spouse (a 呢 or a
        pause between) makes of 爸 or 妈 (岳父, 婆婆); 我婆婆65，她爸是烈士: anyone else's parent, said through the
        pronoun that stands for them (婆婆之爸)."""
        if len(before) < 2 or kin not in ("爸", "妈"):
            return None
        someone, pronoun = before[-2:]
        if pronoun.role != "pronoun" or pronoun.end != at or someone.role != "person" or someone.key == SELF:
            return None
        if someone.key == "老伴":
            right_after = not text[someone.end:pronoun.start].strip(" ,，呢吧啊呀")
            return self.in_laws.get(pronoun.said, {}).get(kin) if right_after else None
        return f"{someone.key}{PARENT_OF}{kin}"

    def passes_on(self, text: str, at: int) -> re.Match[str] | None:
        """俺妈搁旁边说是六年 / 我奶奶讲是三年不是两年: right after someone, the words of one who passes a figure or a
        correction on; the figure is then not of the one speaking. The same `telling` words as `_tells_of_another`."""
        return self._passes_a_figure_on.match(text, at)

    @cached_property
    def _passes_a_figure_on(self) -> re.Pattern[str]:
        return re.compile(rf"[^,。;!?\d]{{0,4}}?(?:{alternation(self.telling)})(?:的)?(?:不是|是)")

    @cached_property
    def _tells_of_another(self) -> re.Pattern[str]:
        others = alternation((*self.pronouns, *self.owners, *self.others_owners))
        return re.compile(rf"(?:{alternation(self.telling)})(?:的|过)?(?:{others})")

    def _counted_kin(self, found: list[Mention], text: str, kin: Mention) -> Mention:
        """俩老舅 / 俺俩老舅 / 他兄弟仨: kin counted by a word beside them are that many of them (the 俺俩 of 俺俩老舅 is
        whose they are, not the two of us); alone, the one person."""
        owner, start = kin.owner, kin.start
        counted = _COUNT_BEFORE.search(text, 0, kin.start)
        if counted is not None and found and found[-1].role == "group" and found[-1].end == kin.start:
            ours = found.pop()  # 俺俩老舅: 俺's two
            owner, start = ours.said[:-1], ours.start
        elif counted is not None and found and found[-1].key == SELF and text[found[-1].end:counted.start()] in (
                "家", ""):
            ours = found.pop()  # 俺家仨舅 / 俺仨舅 / 咱俩老舅: the family's, no 我 asked of
            owner, start = text[ours.start:counted.start()], ours.start
        elif counted is None:
            clause = max(text.rfind(x, 0, kin.start) for x in ",;.!? ")
            starts = kin.owner or kin.start == 0 or text[kin.start - 1] in _BEFORE_COUNTED_KIN  # not 夫妻俩: a pair
            if not starts or any(x.role == "person" and x.start > clause for x in found) or not (
                    counted := _COUNT_AFTER.match(text, kin.end)):
                return kin
            if (pair := kin.said[len(kin.owner):] + counted["n"]) in self.groups:  # 哥仨: the group the words name
                return Mention(pair, pair, kin.start + len(kin.owner), counted.end(), "group", self.groups[pair])
        start, end = min(start, counted.start()), max(kin.end, counted.end())
        return Mention(kin.key, text[start:end], start, end, "group", COUNTS[counted["n"]], owner)

    @cached_property
    def _callers(self) -> re.Pattern[str]:
        return re.compile(f"(?:{alternation(self.callers)})(?!话)")  # 我妈刚来电话说: a call, no caller

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        owners = alternation((*self.owners, *self.others_owners))
        nouns = alternation(self.counted_nouns)
        kin = alternation(self.kin)
        return re.compile("|".join([
            rf"(?P<counted>(?P<owner>(?:{alternation(self.group_owners)})?)(?P<noun>{nouns})(?P<filler>这回|这次|还剩下?|剩下?|还有|\s*[:：]?\s*(?=\d{{1,3}}人(?![年月]?(?:合计|总计|1共|共))))?(?P<n>\d+|仨|俩)"
            rf"(?:(?:个|位|名|口|人|家)(?!月|产品|农产品|品种|认证)|(?<=[仨俩])(?=\s|[,。;!?]))"  # 老义务兵仨 都过六十了
            rf"|(?P<n2>\d+)(?:个|位|名|家)(?:都是|是)?(?:当年|早年|以前)?(?P<noun2>{nouns})"  # 2个是(当年)抗美援朝的
            rf"|(?P<n3>仨|俩)(?P<noun3>{nouns}))",  # 俩抗美援朝老兵
            rf"(?P<group>{alternation(self.groups)})",
            rf"(?P<everyone>{alternation(self.everyone)}|(?:(?<=[,;.!?\s])|^)都)",
            rf"(?P<kin>(?P<kin_owner>{owners})?(?P<kin_word>{kin}))",
            rf"(?P<name>[老小][{self.surnames}])",
            rf"(?P<letter>(?:(?<![A-Za-z\u4e00-\u9fff]){_LETTER}|(?<![A-Za-z])[{LETTERS}](?:社(?!会)|家))"
            rf"(?=\s*(?:\d|{_OF_A_LETTER}))"  # 职业介绍机构A家介绍成功20人: with its 家 or 社, a letter even after a word
            rf"|(?:(?<=要是|如果|假如)|(?<=那)){_LETTER}(?={_OF_A_LETTER}))",
            # an operator's 代两位老人 A男90 B男71 / 甲服役3年 / 三家合作社 A初次无公害2个产品 B… / 甲社无公害… /
            # 要是B有6个产品 (那A2驾照 is a licence, no one)
            rf"(?P<caller>(?:{alternation(tuple(c for c in self.callers if len(c) > 2))})"
            r"(?=为(?!其|他|她|父|母|[^,，\s]{0,8}?(?:家属|亲属|家人))|是|系|今年|现年|本人))",  # 来电人为残疾人: the
            # caller described, the one asking (来电人为其父咨询 / 为老兵家属 ask for another; 来电是想问 is the call)
            rf"(?P<me>{alternation(self.self_words)})(?!们|(?:刚才|刚刚|方才|之前|前面|可能|好像|又|也)?(?:{alternation(self.speaking)}))",
            # 俺刚才说错了: the speaker speaking, no one asked of
            rf"(?P<pronoun>{alternation(self.pronouns)})",
            r"(?P<ordinal>第(?P<nth>\d{1,2})(?P<of>个|位|家|名|人)(?!月|个月|年|产品|农产品|网点|示范点|认证))",
            r"(?P<member>(?<![\d.各开办建])(?<!各.了)(?P<each>[1-9])(?:个|位|名|家)(?!月|个月|产品|网点|示范点|人|年|岁))",
        ]))


def _relation(said: dict[str, list[str]]) -> re.Pattern[str]:
    """是烈士的外孙 / 是他孙女: a person said to be the `words` of one of `of`."""
    of, kin = alternation(said["of"]), alternation(said["words"])
    return re.compile(rf"是(?:[^,。;!?\s]{{0,6}}?)(?P<of>{of})(?:的)?(?P<kin>{kin})")


_RANKS = "大二三四五六七八九小老"  # 二姑, 大姨, 小舅, 老姑: one of several of that kin


def _ranked(key: str) -> tuple[str, str]:
    """(the rank, the kin) of a person's key: 二姑 → (二, 姑); 姑父 → ("", 姑父)."""
    return (key[0], key[1:]) if len(key) > 1 and key[0] in _RANKS else ("", key)


def _alone(text: str, start: int, end: int) -> bool:
    """Nothing of a word before it, and after it no character that makes it part of one (父母, 父亲)."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if after in ":：":  # an operator's 先问父: 男89: a label
        return True
    owned = text.endswith(_THE_CALLERS, 0, start)  # 来电人母 / 来电人之夫: the caller's, as operators write it
    return (owned or not _is_han(before)) and (not _is_han(after) or after in "为是的年月" or after in _A_KIND_BEGINS)


_THE_CALLERS = ("来电人", "来电者", "之")


_A_KIND_BEGINS = "抗解烈因病义老服"  # 父抗美援朝老兵, 母烈属, 父老义务兵: an operator's 父 and 母 stand before the kind they are


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


COUNTS = {"仨": 3, "俩": 2}  # counts said in a word of their own
_PER_HEAD = re.compile(r"(?:1年|1个?月|每|多少|能|可以|给)")
_OF_PEOPLE = ("位", "名", "人")  # 第2位 is a person; 第2个, 第2家 may be an organisation (as the reply names them)
_BEFORE_A_NAME = set("的是和跟与同给叫让找问那这说把被对替帮及或俺我咱你他她们村屯里家边位个上有加还")  # 再加上老赵


_THEIR_CHILDREN = ("儿子", "闺女", "孙子", "孙女", "女婿", "儿媳")  # kin whose own is someone else's (大姑家儿子)
_WHOSE = re.compile(r"\s*(?:家的?|的)?\s*")  # 大姑家儿子 / 大姑的儿子 / 老舅他儿子 (the pronoun a mention of its own)


def _someones(found: list[Mention], at: int, text: str, kin: str) -> tuple[str, int] | None:
    """大姑家儿子 / 老舅他儿子: a relative's child, said right after them (through 家, 的 or a pronoun), is a person of
    their own — the key (大姑家儿子) and how many mentions before it the words take in (the relative, the pronoun)."""
    if kin not in _THEIR_CHILDREN or not found:
        return None
    taken = 2 if found[-1].role == "pronoun" and len(found) > 1 else 1
    owner = found[-taken]
    between = text[owner.end:found[-1].start] if taken == 2 else text[owner.end:at]
    tail = text[found[-1].end:at] if taken == 2 else ""
    if owner.role != "person" or owner.key in (SELF, "老伴") or not _WHOSE.fullmatch(between) or tail.strip() or (
            taken == 1 and not between.strip()):
        return None
    return f"{owner.key}家{kin}", taken


def _named_again(found: list[Mention], many: int) -> bool:
    """A count (哥俩, 仨人) that is exactly the people named one by one before it, the speaker not among them: those
    people counted again (俺俩 after 我 and 我对象 is read as the two of us, by `with_me`)."""
    return many > 1 and many == sum(x.role == "person" for x in found) and not any(x.key == SELF for x in found)


_COUNT_BEFORE = re.compile(r"(?:^|(?<=[俺我他她咱家和,;.!?\s]))(?P<n>俩|仨)$")  # 俩老舅, 俺俩老舅
_BEFORE_COUNTED_KIN = frozenset(",;.!? 他她俺我咱的家")  # 他兄弟仨 / 俺家舅仨: the kin word starts the words counted
_COUNT_AFTER = re.compile(r"(?P<n>仨)(?!个?月|年|产品|个产品)")  # 他兄弟仨; 俩 after a kin word names a pair as often
# (娘俩, 他哥俩: him and his brother) as two of them


def alternation(words: Iterable[str]) -> str:
    """One pattern's text for all the words, the longest tried first (none: a pattern that never matches)."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) or "(?!)"


def person_words(path: Path = PEOPLE_FILE) -> tuple[str, ...]:
    """The words for people, which the normaliser keeps whole (老二 is no 2, 二舅 no 2舅)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return (*(w for words in raw["kin"].values() for w in words if not any(ch.isdigit() for ch in w)), *raw["groups"])


def death_words(path: Path = PEOPLE_FILE) -> tuple[str, ...]:
    """How a soldier's death is said (烈士, 因公牺牲, 病故): terms voice input mishears (列士, 并故) like the plan's."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["fallen"]
    return tuple(w for kind, said in raw.items() if isinstance(said, dict) for w in said["words"])


def people(normalize: Callable[[str], str], nouns: Iterable[str] = (), path: Path = PEOPLE_FILE) -> People:
    """The words of data/people.yml normalised as messages are (兄妹三个 → 兄妹3个); `nouns` are more words a
    group may be counted in (3个抗美援朝老兵: the plan's categories)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    kin = {normalize(word): key for key, words in raw["kin"].items() for word in words}
    family = raw["family"]
    fallen = raw["fallen"]
    return People(
        owners=tuple(raw["owners"]), others_owners=tuple(raw["others_owners"]), group_owners=tuple(raw["group_owners"]),
        self_words=tuple(raw["self"]), speaking=tuple(raw["speaking"]),
        telling=tuple(raw["telling"]), callers=tuple(raw["callers"]),
        in_laws=raw["in_laws"],
        bare_kin=frozenset(raw["bare_kin"]), kin=kin, surnames=raw["surnames"], pronouns=tuple(raw["pronouns"]),
        everyone=tuple(normalize(w) for w in raw["everyone"]),
        groups={normalize(k): v for k, v in raw["groups"].items()},
        with_the_one_before=frozenset(normalize(w) for w in raw["with_the_one_before"]),
        counted_nouns=(*raw["counted_nouns"], *nouns),
        spouses=frozenset(frozenset(pair) for pair in family["spouses"]),
        children={k: tuple(v) for k, v in family["children"].items()},
        fallen={k: {**v, "words": tuple(normalize(w) for w in v["words"])} for k, v in fallen.items()
                if k not in ("survivors_said", "survivor_nouns")},
        survivors_said=tuple(sorted(fallen["survivors_said"], key=len, reverse=True)),
        survivor_nouns=tuple(fallen["survivor_nouns"]), with_me=frozenset(normalize(w) for w in raw["with_me"]),
        genders={g: {k: tuple(v) for k, v in known.items()} for g, known in raw["genders"].items()},
        outside=raw["outside"])
