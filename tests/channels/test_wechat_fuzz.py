"""Fuzzing the WeChat message parser: any body is one well-formed message or a 400 (Malformed), never a crash."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.channels import wechat
from tests.support.wechat_requests import TOKEN

FIELDS = ["ToUserName", "FromUserName", "CreateTime", "MsgType", "MsgId", "Content", "Event", "EventKey",
          "Recognition", "MediaId", "xml"]
TYPES = ["text", "voice", "event", "image", "link", ""]
text = st.text(st.characters(blacklist_categories=["Cs"]), max_size=20)
value = st.one_of(st.sampled_from(TYPES), text, st.integers().map(str))


@st.composite
def elements(draw, depth: int = 0) -> str:
    name = draw(st.sampled_from(FIELDS))
    children = draw(st.lists(elements(depth + 1), max_size=2)) if depth < 2 and draw(st.booleans()) else []
    inner = "".join(children) if children else draw(value).replace("]]>", "")
    body = inner if children else (f"<![CDATA[{inner}]]>" if draw(st.booleans()) else inner.replace("<", "&lt;")
                                   .replace("&", "&amp;"))
    return f"<{name}>{body}</{name}>"


bodies = st.one_of(
    st.lists(elements(), max_size=8).map(lambda parts: "<xml>" + "".join(parts) + "</xml>"),
    st.text(max_size=80),
)


@settings(max_examples=400, deadline=None)
@given(bodies)
def test_any_body_is_a_message_the_channel_can_answer_or_malformed(body):
    try:
        message = wechat.read_message(body)
    except wechat.Malformed:
        return
    assert isinstance(message.source, str) and isinstance(message.type, str)
    channel = wechat.WeChatInput(TOKEN)
    channel._incoming(message)  # what the turn reads from the message: no exception
