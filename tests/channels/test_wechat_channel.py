"""The WeChat channel's own logic, with a stand-in for Rasa: retries, slow turns, options, signatures."""
from __future__ import annotations

import asyncio
import time

import pytest
from wechatpy import parse_message

from bot.channels import wechat
from bot.channels.turns import UNAVAILABLE
from bot.channels.wechat import (
    NOT_HEARD,
    NOT_TEXT,
    STILL_WORKING,
    STILL_WORKING_SENT,
    WeChatInput,
    plain,
)
from bot.wechat.api import Client
from tests.support.fake_wechat_api import APP_ID, SECRET
from tests.support.wechat_requests import (
    TOKEN,
    click_xml,
    event_xml,
    image_xml,
    query,
    text_xml,
    voice_xml,
)


class FakeBot:
    """Answers each message by echoing it, after `delay` seconds; counts the turns it ran."""

    def __init__(self, delay: float = 0.0, buttons: list[dict] | None = None) -> None:
        self.delay, self.buttons, self.seen, self.senders = delay, buttons, [], []

    async def __call__(self, message) -> None:
        self.seen.append(message.text)
        self.senders.append(message.sender_id)
        await asyncio.sleep(self.delay)
        await message.output_channel.send_text_message(message.sender_id, f"答：{message.text}")
        if self.buttons:
            await message.output_channel.send_text_with_buttons(message.sender_id, "请选择：", self.buttons)


def reply(channel: WeChatInput, bot: FakeBot, xml: str) -> str | None:
    return asyncio.run(channel.reply(bot, parse_message(xml)))


@pytest.fixture()
def channel() -> WeChatInput:
    return WeChatInput(TOKEN)


def test_a_text_message_gets_the_bots_reply(channel):
    assert reply(channel, FakeBot(), text_xml("抗美援朝老兵补助多少")) == "答：抗美援朝老兵补助多少"


def test_a_citizens_conversation_is_kept_under_the_wechat_prefix_and_no_other(channel):
    bot = FakeBot()
    reply(channel, bot, text_xml("抗美援朝老兵补助多少"))
    assert bot.senders == ["wechat-o-test-user"]


def test_a_message_outside_a_turn_goes_to_the_openid_of_a_wechat_conversation_only(fake_wechat):
    api_base, handler = fake_wechat
    out = wechat.CustomerServiceMessages(Client(APP_ID, SECRET, api_base))
    asyncio.run(out.send_text_message("wechat-o-test-user", "您好"))
    assert [body["touser"] for path, _, body in handler.received if path.endswith("/message/custom/send")] == [
        "o-test-user"]
    for elsewhere in ("rest-o-test-user", "webchat-abc", "o-test-user"):
        with pytest.raises(wechat.Undeliverable):
            asyncio.run(out.send_text_message(elsewhere, "您好"))


def test_a_retry_of_the_same_msgid_joins_the_running_turn(channel):
    bot = FakeBot(delay=0.3)

    async def first_and_retry():
        message = parse_message(text_xml("绿色食品认证奖补", msg_id=42))
        return await asyncio.gather(channel.reply(bot, message), channel.reply(bot, message))

    assert asyncio.run(first_and_retry()) == ["答：绿色食品认证奖补"] * 2
    assert bot.seen == ["绿色食品认证奖补"]


def test_a_slow_turn_gets_a_holding_reply_and_its_answer_comes_with_the_next_message(channel, monkeypatch):
    monkeypatch.setattr(wechat, "REPLY_WITHIN", 0.1)
    slow = FakeBot(delay=0.5)

    async def conversation():
        first = await channel.reply(slow, parse_message(text_xml("抗日老兵", msg_id=1)))
        await asyncio.sleep(0.8)  # the slow turn finishes after WeChat stopped waiting
        second = await channel.reply(FakeBot(), parse_message(text_xml("好的", msg_id=2)))
        return first, second

    first, second = asyncio.run(conversation())
    assert first == STILL_WORKING
    assert second.startswith("您上一个问题的答复：\n答：抗日老兵") and second.endswith("答：好的")


def test_buttons_become_numbered_options_and_a_digit_picks_one(channel):
    bot = FakeBot(buttons=[{"title": "老兵", "payload": "/inform_veteran"}, {"title": "农民", "payload": "/inform_farmer"}])
    shown = reply(channel, bot, text_xml("我能领什么", msg_id=5))
    assert "1. 老兵\n2. 农民" in shown and "回复数字" in shown
    reply(channel, FakeBot(), text_xml("2", msg_id=6))
    assert channel._options.get("o-test-user") is None


def test_a_digit_after_options_is_sent_as_the_chosen_payload(channel):
    bot = FakeBot(buttons=[{"title": "老兵", "payload": "我是老兵"}])
    reply(channel, bot, text_xml("我能领什么", msg_id=7))
    follow = FakeBot()
    reply(channel, follow, text_xml("1", msg_id=8))
    assert follow.seen == ["我是老兵"]


def test_a_digit_without_options_is_an_ordinary_message(channel):
    bot = FakeBot()
    reply(channel, bot, text_xml("8", msg_id=10))
    assert bot.seen == ["8"]


def test_a_new_follower_is_greeted_by_the_bot(channel):
    bot = FakeBot()
    reply(channel, bot, event_xml("subscribe"))
    assert bot.seen == ["/greet"]


def test_other_events_get_no_reply(channel):
    assert reply(channel, FakeBot(), event_xml("unsubscribe")) is None


def test_a_voice_message_is_answered_from_wechats_recognition(channel):
    bot = FakeBot()
    assert reply(channel, bot, voice_xml("抗美援朝老兵补助多少。")) == "答：抗美援朝老兵补助多少。"
    assert bot.seen == ["抗美援朝老兵补助多少。"]


@pytest.mark.parametrize("recognition", [None, "", "  "], ids=["recognition off", "nothing heard", "blank"])
def test_a_voice_message_without_recognition_gets_a_hint_to_type_and_no_turn(channel, recognition):
    bot = FakeBot()
    assert reply(channel, bot, voice_xml(recognition)) == NOT_HEARD
    assert bot.seen == [] and "打字" in NOT_HEARD


def test_a_menu_click_sends_the_bot_the_items_payload(channel):
    bot = FakeBot()
    reply(channel, bot, click_xml("GROUP_VETERAN"))
    assert bot.seen == ["我是老兵"]


def test_a_click_on_an_item_the_menu_no_longer_has_gets_no_reply(channel):
    bot = FakeBot()
    assert reply(channel, bot, click_xml("REMOVED_LAST_YEAR")) is None and bot.seen == []


def test_an_image_gets_a_short_useful_reply(channel):
    assert reply(channel, FakeBot(), image_xml()) == NOT_TEXT


def test_a_turn_that_fails_says_try_again_later(channel):
    async def broken(message):
        raise RuntimeError("action server down")

    assert asyncio.run(channel.reply(broken, parse_message(text_xml("抗日老兵", msg_id=11)))) == UNAVAILABLE


def test_while_a_person_holds_the_conversation_the_bots_silence_is_no_failure(channel):
    """Rasa runs no action in a paused conversation: the citizen's message waits for the operator, unanswered."""
    async def paused(message):
        return None  # what Rasa does with a message of a paused conversation: store it, say nothing

    async def holds(message) -> bool:
        return message.sender_id == "wechat-o-test-user"

    channel.person_holds = holds
    assert asyncio.run(channel.reply(paused, parse_message(text_xml("我在等", msg_id=13)))) is None


def test_personal_numbers_are_masked_before_the_bot_sees_them(channel):
    bot = FakeBot()
    reply(channel, bot, text_xml("我电话13812345678，能领什么", msg_id=12))
    assert bot.seen == ["我电话138****5678，能领什么"]


@pytest.mark.parametrize(
    "signing, valid",
    [  # signed when the test runs, not when pytest collects it: a suite can take longer than a signature lives
        (lambda: query(), True),
        (lambda: query(token="forged"), False),
        (lambda: query(timestamp=int(time.time()) - 3600), False),  # a replay an hour late
        (lambda: {"timestamp": "x", "nonce": "1", "signature": "y"}, False),
        (dict, False),
    ],
    ids=["fresh", "forged", "an-hour-late", "malformed", "unsigned"],
)
def test_only_fresh_valid_signatures_pass(channel, signing, valid):
    assert channel.signed(signing()) is valid


def test_markdown_is_shown_as_plain_text():
    assert plain("**每年15780元**，详见[原文](http://example.invalid)") == "每年15780元，详见原文 http://example.invalid"


def test_the_same_msgid_from_another_citizen_is_a_turn_of_their_own(channel):
    bot = FakeBot()
    assert reply(channel, bot, text_xml("抗日老兵", openid="o-a", msg_id=5)) == "答：抗日老兵"
    assert reply(channel, bot, text_xml("大学生", openid="o-b", msg_id=5)) == "答：大学生"
    assert bot.seen == ["抗日老兵", "大学生"]


def test_many_slow_turns_come_back_once_each_never_nested(channel, monkeypatch):
    monkeypatch.setattr(wechat, "REPLY_WITHIN", 0.05)
    slow = FakeBot(delay=0.2)

    async def conversation():
        holding = [await channel.reply(slow, parse_message(text_xml(f"问题{i}", msg_id=100 + i))) for i in range(5)]
        await asyncio.sleep(0.5)
        after = await channel.reply(FakeBot(), parse_message(text_xml("好的", msg_id=200)))
        again = await channel.reply(FakeBot(), parse_message(text_xml("还有吗", msg_id=201)))
        return holding, after, again

    holding, after, again = asyncio.run(conversation())
    assert holding == [STILL_WORKING] * 5
    assert after.count(wechat.LATE_HEADING.strip()) == 5 and all(f"答：问题{i}" in after for i in range(5))
    assert again == "答：还有吗"


def test_a_signed_url_replayed_with_another_body_is_refused_but_a_retry_of_the_same_body_passes(channel):
    params = query(nonce="replay-1")
    assert not channel.replayed(params, text_xml("你好").encode())
    assert not channel.replayed(params, text_xml("你好").encode())
    assert channel.replayed(params, text_xml("我的银行卡").encode())


@pytest.mark.parametrize("body", [
    "<xml><FromUserName>o</FromUserName><MsgType>text</MsgType></xml>",  # no Content
    "<xml><FromUserName>o</FromUserName><MsgType>text</MsgType><Content>a</Content><Content>b</Content></xml>",
    "<xml><FromUserName>o</FromUserName><MsgType><a>text</a><a>x</a></MsgType></xml>",
    "<xml><MsgType>text</MsgType><Content>a</Content></xml>",  # no sender
    "<xml>", "", "not xml", "<xml></xml>", "<other/>",
])
def test_malformed_messages_are_refused_as_malformed(body):
    with pytest.raises(wechat.Malformed):
        wechat.read_message(body)


def sent_messages(handler) -> list[dict]:
    return [body for path, _, body in handler.received if path == "/cgi-bin/message/custom/send"]


def test_a_slow_turns_answer_is_sent_once_as_a_customer_service_message(monkeypatch, fake_wechat):
    api, handler = fake_wechat
    monkeypatch.setattr(wechat, "REPLY_WITHIN", 0.1)
    channel = WeChatInput(TOKEN, api=Client(APP_ID, SECRET, api))

    async def conversation():
        first = await channel.reply(FakeBot(delay=0.4), parse_message(text_xml("抗日老兵", msg_id=7)))
        await asyncio.sleep(1.0)  # the turn ends and its answer is sent
        retry = await channel.reply(FakeBot(), parse_message(text_xml("抗日老兵", msg_id=7)))
        second = await channel.reply(FakeBot(), parse_message(text_xml("好的", msg_id=8)))
        return first, retry, second

    first, retry, second = asyncio.run(conversation())
    assert first == STILL_WORKING_SENT
    assert sent_messages(handler) == [{"touser": "o-test-user", "msgtype": "text",
                                       "text": {"content": "您上一个问题的答复：\n答：抗日老兵"}}]
    assert retry is None  # WeChat's retry of the same message: already answered
    assert second == "答：好的"  # not handed over a second time


def test_an_answer_wechat_will_not_take_comes_with_the_next_message(monkeypatch, fake_wechat):
    api, handler = fake_wechat
    handler.errcode = 45015  # "回复时间超过限制": past the 48-hour window
    monkeypatch.setattr(wechat, "REPLY_WITHIN", 0.1)
    channel = WeChatInput(TOKEN, api=Client(APP_ID, SECRET, api))

    async def conversation():
        await channel.reply(FakeBot(delay=0.4), parse_message(text_xml("抗日老兵", msg_id=9)))
        await asyncio.sleep(1.0)
        return await channel.reply(FakeBot(), parse_message(text_xml("好的", msg_id=10)))

    assert asyncio.run(conversation()) == "您上一个问题的答复：\n答：抗日老兵\n\n答：好的"
    assert len(sent_messages(handler)) == 1


def test_without_the_accounts_secret_late_answers_wait_for_the_next_message(monkeypatch):
    monkeypatch.delenv("WECHAT_SECRET", raising=False)
    monkeypatch.setenv("WECHAT_TOKEN", TOKEN)
    assert WeChatInput.from_credentials(None).api is None
