"""WeChat Official Account requests, signed as WeChat signs them, through the real Rasa server."""
from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.channels import identity
from tests.support.wechat_requests import (
    click_xml,
    decrypted,
    encrypted,
    event_xml,
    get,
    image_xml,
    post,
    query,
    reply_text,
    text_xml,
    voice_xml,
)

pytestmark = [pytest.mark.model, pytest.mark.server]


@pytest.fixture(scope="module")
def webhook(live) -> str:
    return live.url + "/webhooks/wechat/webhook"


def test_url_verification_echoes_echostr(webhook):
    assert get(webhook, query(echostr="hello-wechat")) == (200, "hello-wechat")


@pytest.mark.parametrize("params", [query(token="forged", echostr="x"), query(timestamp=int(time.time()) - 3600)])
def test_forged_or_stale_signatures_are_refused(webhook, params):
    assert get(webhook, params)[0] == 403
    assert post(webhook, text_xml("抗美援朝老兵补助多少"), params)[0] == 403


def test_a_signed_text_message_gets_the_answer_as_signed_xml_within_five_seconds(webhook):
    started = time.monotonic()
    status, xml = post(webhook, text_xml("我外公是抗美援朝老兵，今年补助多少", openid="o-korea", msg_id=101), query())
    assert time.monotonic() - started < 5
    assert status == 200 and "<ToUserName><![CDATA[o-korea]]></ToUserName>" in xml
    answer = reply_text(xml)
    assert "15780元" in answer and "关注十" in answer


def test_traditional_characters_get_the_same_answer(webhook):
    _, xml = post(webhook, text_xml("我外公是抗美援朝老兵，今年補助多少", openid="o-trad", msg_id=102), query())
    assert "15780元" in reply_text(xml)


def test_malformed_xml_is_a_bad_request(webhook):
    assert post(webhook, "<xml><MsgType>text", query())[0] == 400
    assert post(webhook, "not xml at all", query())[0] == 400


def test_a_retried_msgid_is_answered_once(live, webhook):
    body = text_xml("绿色食品认证奖补怎么算", openid="o-retry", msg_id=103)
    with ThreadPoolExecutor(2) as pool:
        replies = list(pool.map(lambda _: post(webhook, body, query()), range(2)))
    first, retry = (reply_text(xml) for _, xml in replies)
    assert first == retry
    post(webhook, body, query())  # a third try, after the answer
    events = live.tracker(identity.conversation_id(identity.WECHAT, "o-retry"))["events"]
    assert [e["text"] for e in events if e["event"] == "user"] == ["绿色食品认证奖补怎么算"]


def test_a_follow_up_keeps_the_conversation(webhook):
    post(webhook, text_xml("绿色食品认证奖补怎么算", openid="o-follow", msg_id=104), query())
    _, xml = post(webhook, text_xml("我们有三个产品", openid="o-follow", msg_id=105), query())
    assert "24000元" in reply_text(xml)


def test_a_new_follower_gets_a_welcome_with_example_questions(webhook):
    _, xml = post(webhook, event_xml("subscribe", openid="o-new"), query())
    assert "暖流助手" in reply_text(xml) and "抗美援朝" in reply_text(xml)


def test_the_welcome_offers_the_starting_options_as_numbered_lines_and_a_digit_picks_one(webhook):
    _, xml = post(webhook, event_xml("subscribe", openid="o-start"), query())
    welcome = reply_text(xml)
    assert "1. 我能领什么" in welcome and "2. 老兵或优抚对象" in welcome and "回复数字" in welcome
    _, xml = post(webhook, text_xml("2", openid="o-start", msg_id=107), query())
    assert "抗美援朝老兵生活补助：每年15780元" in reply_text(xml)


def test_a_voice_message_is_answered_from_its_recognition(webhook):
    _, xml = post(webhook, voice_xml("抗美援朝老兵每年补助多少。", openid="o-voice", msg_id=108), query())
    assert "15780元" in reply_text(xml)


def test_a_voice_message_without_recognition_asks_to_type(webhook):
    _, xml = post(webhook, voice_xml(None, openid="o-voice-off", msg_id=109), query())
    assert "打字" in reply_text(xml)


def test_a_menu_click_is_answered_like_the_matching_button(webhook):
    _, clicked = post(webhook, click_xml("GROUP_VETERAN", openid="o-menu"), query())
    _, typed = post(webhook, text_xml("我是老兵", openid="o-typed", msg_id=110), query())
    assert reply_text(clicked) == reply_text(typed) and "15780元" in reply_text(clicked)


def test_an_image_gets_a_short_useful_reply(webhook):
    _, xml = post(webhook, image_xml(openid="o-image"), query())
    assert "文字" in reply_text(xml)


def test_safe_mode_messages_are_decrypted_and_answered_encrypted(webhook):
    params = query()
    body, params = encrypted(text_xml("荣立三等功每月加多少", openid="o-safe", msg_id=106), params)
    status, xml = post(webhook, body, params)
    assert status == 200 and "<Encrypt>" in xml
    assert "每月50元" in reply_text(decrypted(xml, params))
