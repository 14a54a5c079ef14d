"""One turn understood in its conversation (bot/dialogue.py), without Rasa: message and state in, reply out."""
from __future__ import annotations

import pytest

from bot.dialogue import Conversation, Message, Reply, State
from bot.extraction import FactExtractor
from bot.glossary import meanings, normalizer
from bot.turn import cues
from bot.vocabulary import load_vocabulary


@pytest.fixture(scope="module")
def talk(store):
    """A function (text, intent, state) → (reply, state after), as the action server runs a turn."""
    normalize = normalizer(store.measures)
    conversation = Conversation(store, cues(normalize), load_vocabulary(meanings(store.measures)), normalize)
    extract = FactExtractor(store.measures, normalize)

    def turn(text: str, intent: str = "ask_measure", state: State | None = None) -> tuple[Reply, State]:
        state = state or State()
        found = tuple((f.fact, f.value) for f in extract(text))
        reply = conversation.respond(Message(normalize(text), intent, found), state)
        slots = reply.slots
        ids = lambda name, old: tuple(filter(None, (slots[name] or "").split(","))) if name in slots else old  # noqa: E731
        facts = {**state.facts, **{f: v for f, v in found}}
        facts = {**facts, **{k: v for k, v in slots.items() if k in facts or k in dict(found)}}
        after = State(measure=slots.get("measure", state.measure), subjects=ids("subjects", state.subjects),
                      recent=ids("recent", state.recent), requested_fact=slots.get("requested_fact", state.requested_fact),
                      person=slots.get("person", state.person), facts={k: v for k, v in facts.items() if v is not None})
        return reply, after

    def conversation_of(*turns: str) -> list[Reply]:
        state, replies = None, []
        for text in turns:
            reply, state = turn(text, state=state)
            replies.append(reply)
        return replies

    turn.conversation = conversation_of
    return turn


def test_an_everyday_name_for_a_category_finds_its_measure(talk):
    reply, _ = talk("老八路一年给多少")
    assert "抗日老兵生活补助" in reply.text and "21060元" in reply.text


def test_an_ambiguous_word_is_asked_about_with_buttons_never_guessed(talk):
    reply, _ = talk("老兵一年给多少钱")
    assert "哪一类老兵" in reply.text and not any(ch.isdigit() for ch in reply.text)
    assert ("抗美援朝老兵", "抗美援朝老兵1年给多少钱") in reply.buttons


def test_a_benefit_the_plan_does_not_have_is_said_plainly(talk):
    reply, _ = talk("今年冬天取暖补贴能给多少")
    assert "没有“取暖补贴”这一项" in reply.text and "元" not in reply.text and reply.unanswered


def test_a_follow_up_about_a_benefit_the_plan_lacks_does_not_repeat_the_subject(talk):
    first, second = talk.conversation("烈士遗属现在一年多少", "那独生子女费呢")
    assert "24570元" in first.text and "没有“独生子女费”这一项" in second.text


def test_a_follow_up_naming_part_of_a_category_switches_the_subject(talk):
    first, second, third = talk.conversation("解放战争老兵的补助标准是多少", "那抗日的呢", "俩差多少钱")
    assert "16120元" in first.text and "21060元" in second.text
    assert "相差：21060元 − 16120元 = 每年4940元" in third.text


def test_two_measures_answered_in_turn_add_up_when_asked(talk):
    *_, last = talk.conversation("我大爷是抗美援朝老兵，现在一年多少", "那我爸呢，他是解放战争的", "俩老头加一块一年多少")
    assert "合计：15780元 + 16120元 = 每年31900元" in last.text


def test_another_persons_facts_are_not_reused(talk):
    state = State(measure="former_conscript", person="我爸", facts={"service_years": 8, "age": 70})
    reply, after = talk("那我叔呢", "inform", state)
    assert "请告诉我服役年数" in reply.text and after.person == "我叔"


def test_a_rate_per_person_times_the_people_placed(talk):
    reply, _ = talk("俺是开职业中介的，免费给6个就业困难人员介绍了工作，都签了一年以上合同，能拿多少补贴")
    assert "180元 × 6人 = 1080元" in reply.text


def test_a_conditions_question_gives_the_conditions(talk):
    _, state = talk("一次性创业补贴多少钱")
    reply, _ = talk("要开多久才能领", "out_of_scope", state)
    assert reply.text.startswith("【就业困难人员一次性创业补贴】条件：") and "满6个月" in reply.text


def test_an_office_is_answered_with_its_duties_and_its_measures(talk):
    reply, _ = talk("市民政局在暖流计划里管什么")
    assert "市民政局的职责" in reply.text and "抗日老兵生活补助" in reply.text and len(reply.text) <= 400


def test_a_profile_lists_what_the_person_can_claim_not_the_citys_targets(talk):
    reply, _ = talk("我厂子黄了，下岗在家，能领什么", "ask_entitlements")
    assert "一次性创业补贴" in reply.text and "全年就业目标" not in reply.text and len(reply.text) <= 400


def test_an_age_said_without_sui_is_read_as_an_age(talk):
    reply, _ = talk("我是烈士的闺女，今年六十三了，每年有多少补助")
    assert "烈士老年子女生活补助" in reply.text and "4800元" in reply.text


def test_another_city_stays_out_of_scope_even_as_a_follow_up(talk, store):
    normalize = normalizer(store.measures)
    conversation = Conversation(store, cues(normalize), load_vocabulary(meanings(store.measures)), normalize)
    reply = conversation.respond(Message("那上海呢", "inform", (), "place 上海"), State(measure="survivor_martyr"))
    assert reply.response == "utter_out_of_scope" and reply.unanswered
