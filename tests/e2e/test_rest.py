"""The whole path `make run` starts: REST → Rasa → action server → measure table → reply."""
from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from bot.dialogue.provenance import PLAN_YEARS, Provenance, stated_numbers
from bot.dialogue.wording import SCREEN
from bot.hotline import unanswered
from bot.reading.normaliser import normalizer
from serving.client import post_json
from serving.processes import ROOT

CONVERSATIONS = ROOT / "tests" / "conversations"

pytestmark = [pytest.mark.model, pytest.mark.server]


@pytest.fixture(scope="module")
def rest_url(live) -> str:
    return live.url + "/webhooks/rest/webhook"


def ask(url: str, text: str, sender: str = "e2e") -> str:
    return "\n".join(m.get("text", "") for m in post_json(url, {"sender": sender, "message": text}))


@pytest.mark.parametrize(
    "question, expected",
    [
        ("抗日战争老兵每年的补助标准是多少", ["每年21060元", "市民政局", "关注十"]),
        ("我外公是抗美援朝老兵，今年補助多少", ["每年15780元", "关注十"]),
        ("农村电商示范点的装修和网络设施补助是多少", ["50000元", "关注五"]),
        ("在自己家里搞创业经营，土地租金免几年", ["5年", "市国土局", "关注七"]),
        ("绿色食品认证奖补怎么算", ["请告诉我获证产品数", "关注五"]),
    ],
)
def test_a_rest_question_is_answered_from_the_measure_table(rest_url, question, expected):
    reply = ask(rest_url, question)
    assert all(part in reply for part in expected), reply
    assert len(reply) <= 400


def test_greeting_says_what_the_assistant_covers(rest_url):
    assert "暖流计划" in ask(rest_url, "你好")


def test_an_out_of_scope_question_gets_no_amount(rest_url):
    reply = ask(rest_url, "今天天气怎么样")
    assert "暖流计划" in reply and not re.search(r"\d\s*[万亿]?元", reply)


def test_an_unanswered_question_is_logged_without_personal_numbers(rest_url, live):
    ask(rest_url, "我手机13812345678，帮我查下快递到哪了", "e2e-log")
    rows = list(unanswered.open_log(live.work / "unanswered.db")[unanswered.TABLE].rows)
    mine = [(r["text"], r["channel"]) for r in rows if "快递到哪了" in r["text"]]
    assert mine == [("我手机138****5678，帮我查下快递到哪了", "rest")]


def test_a_conversation_keeps_its_context_across_turns(rest_url):
    sender = "e2e-context"
    assert "请告诉我获证产品数" in ask(rest_url, "绿色食品认证奖补怎么算", sender)
    assert "24000元" in ask(rest_url, "我们有3个产品", sender)
    assert "30000元" in ask(rest_url, "要是10个产品呢", sender)
    assert "21060元" in ask(rest_url, "那抗日老兵呢", sender)


@pytest.mark.parametrize(
    "question, expected",
    [
        ("暖流计划人均增收多少", "435元"),  # 导语
        ("暖流计划是哪个部门牵头", "市人社局"),  # 关注三
        ("我外公当过八年义务兵，七十岁了，每月补助多少", "每月200元"),  # 关注十, facts in Chinese numerals
        ("无公害认证有两个产品奖多少", "4000元"),  # 关注五
        ("职业中介介绍就业有补贴吗", "180元"),  # 关注六
        ("创业担保贷款今年有多少", "1.5亿元"),  # 关注七
        ("培养多少高技能人才", "200名"),  # 关注八
        ("成果转化的收益奖励比例", "70%"),  # 关注九
        ("荣立三等功每月加多少", "每月50元"),  # 关注十
    ],
)
def test_questions_across_the_plan_get_the_amount_from_the_table(rest_url, question, expected):
    assert expected in ask(rest_url, question, f"e2e-{question}")


# Our conversation sets and the share of them the bot must answer right: a floor just below today's score, so a
# change that loses answers fails. held_out*.yml are never looked into while tuning; their scores are reported apart.
SETS = {"tuned.yml": 1.0, "blind.yml": 0.95, "blind_a.yml": 0.94, "held_out.yml": 0.88, "held_out_2.yml": 0.85,
        "dev_mixed.yml": 0.96, "dev_elderly.yml": 0.93, "dev_sums.yml": 0.9, "dev_words.yml": 0.85,
        "dev_compose.yml": 0.86, "dev_prose.yml": 0.77, "dev_family.yml": 0.89,
        "held_out_3_elderly_voice.yml": 0.81, "held_out_4_family_sums.yml": 0.81, "held_out_5_plan_words.yml": 0.72,
        "held_out_6_mixed_voices.yml": 0.87, "held_out_7_family_voices.yml": 0.82,
        "held_out_8_citizens_and_desk.yml": 0.76, "held_out_9_mixed_followups.yml": 0.70,
        "held_out_10_long_voices.yml": 0.69, "dev_long.yml": 0.72, "dev_flow.yml": 0.78, "dev_plan_words.yml": 0.82,
        "held_out_11_everyday.yml": 0.75, "held_out_12_households.yml": 0.84, "dev_arith.yml": 0.80,
        "dev_voice_desk.yml": 0.87, "dev_households.yml": 0.84, "held_out_13_long_mixed.yml": 0.61,
        "held_out_14_everyday_all.yml": 0.79, "dev_long2.yml": 0.92, "dev_everyday2.yml": 0.85,
        "dev_long3.yml": 0.86, "dev_desk2.yml": 0.88,
        "held_out_15_long_threads.yml": 0.72, "held_out_16_desk_and_voice.yml": 0.78, "dev_long4.yml": 0.83,
        "dev_voice2.yml": 0.90, "dev_long5.yml": 0.78,
        "held_out_17_mixed_households.yml": 0.74, "held_out_18_desk_plan_voice.yml": 0.78, "dev_long6.yml": 0.90,
        "dev_voice3.yml": 0.93,
        "held_out_19_family_threads.yml": 0.76, "held_out_20_voice_desk_details.yml": 0.78, "dev_long7.yml": 0.92,
        "dev_verdicts.yml": 0.94,
        "held_out_21_long_households.yml": 0.73, "held_out_22_everyday_plan_details.yml": 0.81, "dev_long8.yml": 0.86,
        "dev_traps.yml": 0.90, "dev_desk3.yml": 0.80, "dev_long9.yml": 0.72,
        "held_out_23_households_corrections.yml": 0.72, "held_out_24_desk_voice_everyday.yml": 0.79,
        "dev_long10.yml": 0.88, "dev_details2.yml": 0.89,
        "held_out_25_families_totals_verdicts.yml": 0.77, "held_out_26_everyday_desk_plan.yml": 0.74,
        "dev_long11.yml": 0.87, "dev_verdicts2.yml": 0.82,
        "held_out_27_voice_corrections_totals.yml": 0.83, "held_out_28_households_plan_desk.yml": 0.78,
        "dev_long12.yml": 0.48, "dev_everyday3.yml": 0.70,
        "held_out_29_relatives_arithmetic_voice.yml": 0.69, "dev_mixed2.yml": 0.74,
        "held_out_30_elderly_runons_corrections.yml": 0.80, "held_out_31_desk_households_years.yml": 0.87,
        "held_out_32_work_land_research_poor.yml": 0.75, "dev_long13.yml": 0.28, "dev_everyday4.yml": 0.58,
        "held_out_33_veterans_families_followups.yml": 0.74, "held_out_34_jobs_business_farms_plan.yml": 0.67,
        "held_out_35_operators_mixed_shorthand.yml": 0.77, "dev_long14.yml": 0.26, "dev_everyday5.yml": 0.80,
        "held_out_36_elderly_households_sums.yml": 0.84, "held_out_37_work_farms_research_everyday.yml": 0.82,
        "held_out_38_desk_shorthand_mixed.yml": 0.85, "dev_long15.yml": 0.55, "dev_everyday6.yml": 0.87,
        "held_out_39_elderly_voice_relatives_totals.yml": 0.87, "held_out_40_jobs_business_farms_research_plan.yml": 0.83,
        "held_out_41_operators_arithmetic_followups.yml": 0.74, "dev_long16.yml": 0.92, "dev_everyday7.yml": 0.92,
        "dev_desk4.yml": 0.90, "dev_voice4.yml": 0.87,
        "held_out_42_household_corrections_totals.yml": 0.90, "held_out_43_everyday_all_measures.yml": 0.91,
        "held_out_44_desk_arithmetic_mixed.yml": 0.84, "dev_long17.yml": 0.90, "dev_desk5.yml": 0.93,
        "dev_voice5.yml": 0.96, "dev_everyday8.yml": 0.88, "dev_households6.yml": 0.90,
        "held_out_45_relatives_voice_followups.yml": 0.90, "held_out_46_operators_sums_awards.yml": 0.84,
        "held_out_47_all_measures_plain_words.yml": 0.88, "dev_long18.yml": 0.90, "dev_desk6.yml": 0.90,
        "dev_voice6.yml": 0.93, "dev_everyday9.yml": 0.88, "dev_households7.yml": 0.92,
        "held_out_48_elderly_households_corrections.yml": 0.93, "held_out_49_desk_awards_business_research.yml": 0.84,
        "held_out_50_plain_questions_every_measure.yml": 0.88, "dev_long19.yml": 0.87, "dev_desk7.yml": 0.92,
        "dev_voice7.yml": 0.91,
        "held_out_51_voice_elderly_veterans_survivors.yml": 0.88, "held_out_52_desk_counts_rates_caps.yml": 0.80,
        "held_out_53_households_plan_words_followups.yml": 0.89, "dev_long20.yml": 0.85, "dev_desk8.yml": 0.91,
        "dev_voice8.yml": 0.90, "dev_desk9.yml": 0.87, "dev_voice9.yml": 0.86,
        "held_out_54_desk_counts_periods.yml": 0.87, "held_out_55_voice_families_totals.yml": 0.83,
        "held_out_56_everyday_all_measures.yml": 0.89, "dev_desk10.yml": 0.92, "dev_voice10.yml": 0.90,
        "dev_long21.yml": 0.80, "dev_desk11.yml": 0.78, "dev_voice11.yml": 0.93,
        "held_out_57_elderly_relatives_corrections.yml": 0.90, "held_out_58_desk_shorthand_mixed.yml": 0.83,
        "held_out_59_everyday_plan_words.yml": 0.87, "dev_desk12.yml": 0.85, "dev_families12.yml": 0.88,
        "dev_voice12.yml": 0.90, "held_out_60_work_business_research.yml": 0.80,
        "held_out_61_elderly_mixed_scripts.yml": 0.89, "held_out_62_desk_verdicts_offices.yml": 0.86,
        "dev_desk13.yml": 0.90, "dev_families13.yml": 0.93, "dev_voice13.yml": 0.92,
        "held_out_63_family_long_threads.yml": 0.81, "held_out_64_farmers_voice_dialect.yml": 0.83,
        "held_out_65_plan_prose_and_unstated.yml": 0.77, "dev_long22.yml": 0.75, "dev_desk14.yml": 0.85,
        "dev_plain.yml": 0.88}


def judged(rest_url: str, *args: str) -> str:
    """What ../shared/eval/judge.py prints for the running bot, on its sample or on the cases in `args`."""
    judge = ROOT.parent / "shared" / "eval" / "judge.py"
    assert judge.exists(), f"{judge} is missing: CI runs with shared/ beside the clone"
    return subprocess.run(
        [sys.executable, str(judge), "--url", rest_url, "-q", *args], capture_output=True, text=True, timeout=1800
    ).stdout


@pytest.fixture(scope="module")
def transcripts(rest_url, tmp_path_factory) -> dict[str, tuple[str, list[dict]]]:
    """Each conversation set judged once: judge.py's summary and its report (every turn, every reply)."""
    out = {}
    for name in SETS:
        report = tmp_path_factory.mktemp("judge") / f"{name}.json"
        summary = judged(rest_url, "--cases", str(CONVERSATIONS / name), "--report", str(report))
        out[name] = summary, json.loads(report.read_text(encoding="utf-8"))
    return out


@pytest.mark.parametrize("name", SETS)
def test_each_conversation_set_is_answered_at_least_as_well_as_before(transcripts, name):
    summary, report = transcripts[name]
    passed = sum(case["ok"] for case in report)
    print(f"{name}: {passed}/{len(report)} ({passed / len(report):.1%})")
    assert passed >= SETS[name] * len(report), summary


def test_every_number_in_every_reply_has_provenance(transcripts, store):
    """Printed in a quote the reply cites, stated by the citizen earlier in the conversation, or computed from those."""
    check, normalize = Provenance(store.measures, PLAN_YEARS), normalizer(store.measures)
    stray = []
    for _, report in transcripts.values():
        for case in report:
            said: list[str] = []
            for turn in case["transcript"]:
                said.append(normalize(turn["user"]))  # as the reader and the actions' own check see it
                if found := check.unexplained(turn["bot"], stated_numbers(said)):
                    stray.append((case["id"], turn["user"], found, turn["bot"]))
    assert not stray, stray


def test_every_reply_fits_a_phone_screen(transcripts):
    long = [(case["id"], t["user"], len(t["bot"])) for _, report in transcripts.values() for case in report
            for t in case["transcript"] if len(t["bot"]) > SCREEN]
    assert not long, long


def test_the_public_sample_is_answered_correctly_and_briefly(rest_url):
    """Every turn correct and every reply within 400 characters."""
    out = judged(rest_url)
    cases = re.search(r"cases: (\d+)/(\d+) passed", out)
    strict = re.search(r"strict \(correct and every reply <= 400 chars\): (\d+)/(\d+)", out)
    assert cases and cases.group(1) == cases.group(2), out
    assert strict and strict.group(1) == strict.group(2), out


def test_a_sample_of_the_generated_conversations_is_answered_right_by_the_real_bot(rest_url):
    """Every 40th generated conversation (tests/dialogue/corpus/) through Rasa's NLU, rules and actions: the figures
    the reference computes, and no verdict where none is due, as the Rasa-free run of all of them checks."""
    from tests.dialogue.corpus.conversations import corpus
    from tests.dialogue.test_corpus import figures_in

    wrong = []
    for n, conversation in enumerate(corpus()[::40]):
        for turn in conversation.turns:
            reply = ask(rest_url, turn.said, f"corpus-{n}")
            found = figures_in(reply)
            if any(not any(abs(a - f) < 0.011 for f in found) for a in turn.amounts) or ("不符合" in reply) != turn.verdict:
                wrong.append((conversation.name, turn.said, reply))
                break
    assert not wrong, wrong
