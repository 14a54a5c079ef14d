"""What an operator does with a conversation handed over to a person: take it, answer, close it.

The queue (bot/hotline/handover_queue.py) says who holds which conversation; the
conversation itself is read and written through the Rasa server's HTTP API
(bot/hotline/conversations.py); what is said to the citizen is kept in the outbox too,
where their web page reads it (bot/hotline/outbox.py). Every outcome is a sentence for
the operator, since the desk shows it as it is. The rules kept here:
- only the operator who took a conversation answers or closes it, and one the
  citizen left (取消, 新对话) is answered by nobody: the operator is told why;
- taking tells the citizen a person has joined (人工客服已接入);
- an operator's words are masked like a citizen's before they are stored;
- WeChat takes a customer-service message only within 48 hours of the
  citizen's last message, and cuts one longer than it carries: after 48 hours,
  or for a reply too long, nothing is sent and the operator is told;
- closing hands the conversation back to the bot first and then says so to the
  citizen, so a citizen is never left with a silent bot.
Rasa-free: the Datasette plugin (lookup/plugins/console.py) serves it.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bot.dialogue.handover_settings import HandoverSettings
from bot.hotline.conversations import History, RasaConversations, Unreachable
from bot.hotline.handover_queue import CANCELLED, LEFT, Handover, HandoverQueue
from bot.hotline.outbox import OPERATOR, RESUMED, TAKEN, Outbox
from bot.privacy.masking import mask
from bot.wechat.api import MAX_TEXT_BYTES, fits

WECHAT_WINDOW = timedelta(hours=48)  # WeChat's rule for customer-service messages, not a setting of ours
WECHAT = "wechat"
GONE = {CANCELLED: "市民已取消转人工，对话已交还机器人", LEFT: "市民已离开（开始了新对话）"}
NO_LONGER = "这个对话已不在转人工队列中（可能已结束，或市民删除了记录）"


@dataclass(frozen=True)
class Outcome:
    done: bool
    said: str  # for the operator


class HandoverDesk:
    def __init__(self, queue: HandoverQueue, conversations: RasaConversations, settings: HandoverSettings,
                 outbox: Outbox) -> None:
        self.queue, self.conversations, self.settings, self.outbox = queue, conversations, settings, outbox

    def take(self, sender_id: str, operator: str) -> Outcome:
        if self.queue.take(sender_id, operator):
            return Outcome(True, "已接入。请先看完下面的对话记录，再回复市民。" + self._tell_taken(sender_id))
        entry = self.queue.open_for(sender_id)
        if entry is None:
            return Outcome(False, self.gone(sender_id) + "，不能接入。")
        return Outcome(False, f"这个对话已由坐席 {entry.taken_by} 接入，不能重复接入。")

    def _tell_taken(self, sender_id: str) -> str:
        """人工客服已接入 to the citizen; what the operator should know if it did not reach them."""
        try:
            if self.too_late_for_wechat(self.conversations.history(sender_id)):
                return "（市民最后一条微信消息已超过48小时，没有通知市民。）"
            self.conversations.say(sender_id, self.settings.taken, TAKEN)
        except Unreachable as error:
            return f"（没能通知市民已接入：{error}）"
        self.outbox.tell(sender_id, TAKEN, self.settings.taken)
        return ""

    def gone(self, sender_id: str) -> str:
        """Why a conversation is not in the queue any more, for the operator."""
        latest = self.queue.latest_for(sender_id)
        return GONE.get(latest.ended or "", "这个对话已结束") if latest else NO_LONGER

    def _held_by(self, sender_id: str, operator: str) -> tuple[Handover | None, Outcome | None]:
        entry = self.queue.open_for(sender_id)
        if entry is None:
            return None, Outcome(False, self.gone(sender_id) + "，不能再回复或结束。")
        if entry.taken_by != operator:
            holder = f"已由坐席 {entry.taken_by} 接入" if entry.taken_by else "还没有人接入，请先点“接入”"
            return None, Outcome(False, f"这个对话{holder}，您不能回复或结束它。")
        return entry, None

    def too_late_for_wechat(self, history: History | None, now: datetime | None = None) -> bool:
        """Whether WeChat would refuse a customer-service message now (48 hours after the last message)."""
        last = history.last_citizen_message if history else None
        return bool(history and history.channel == WECHAT and last
                    and (now or datetime.now(timezone.utc)) - last > WECHAT_WINDOW)

    def answer(self, sender_id: str, operator: str, text: str, now: datetime | None = None) -> Outcome:
        _, refused = self._held_by(sender_id, operator)
        if refused:
            return refused
        words = mask(text.strip())
        if not words:
            return Outcome(False, "回复是空的，没有发送。")
        try:
            history = self.conversations.history(sender_id)
            if self.too_late_for_wechat(history, now):
                return Outcome(False, "市民最后一条微信消息已超过48小时，微信不再允许回复，消息没有发送。"
                                      "请按市民留下的其他方式联系，或结束这个对话。")
            if history and history.channel == WECHAT and not fits(f"{self.settings.operator_label}：{words}"):
                return Outcome(False, f"回复太长，微信一条消息放不下（最多约{MAX_TEXT_BYTES // 3}个汉字，这条有"
                                      f"{len(words)}个字），没有发送。请分成几条发送，您写的内容还在输入框里。")
            self.conversations.say(sender_id, words, OPERATOR, operator)
        except Unreachable as error:
            return Outcome(False, f"没能送达市民（{error}），消息没有保存，请稍后再试。")
        self.outbox.tell(sender_id, OPERATOR, words, operator)
        return Outcome(True, "已发送给市民。")

    def close(self, sender_id: str, operator: str, now: datetime | None = None) -> Outcome:
        _, refused = self._held_by(sender_id, operator)
        if refused:
            return refused
        try:
            if self.too_late_for_wechat(self.conversations.history(sender_id), now):
                self.conversations.resume(sender_id, None)
                told = "市民最后一条微信消息已超过48小时，结束通知没有发出。"
            else:
                told = self._resume_saying_so(sender_id)
        except Unreachable as error:
            return Outcome(False, f"没能把对话交还机器人（{error}），对话仍由您接待，请稍后再试。")
        self.queue.close(sender_id, operator)
        return Outcome(True, "已结束，机器人继续为市民服务。" + told)

    def _resume_saying_so(self, sender_id: str) -> str:
        """Resume with the bot's word to the citizen; if their channel refuses it, resume all the same."""
        try:
            self.conversations.resume(sender_id, self.settings.resumed)
            self.outbox.tell(sender_id, RESUMED, self.settings.resumed)
            return "已通知市民。"
        except Unreachable as error:
            self.conversations.resume(sender_id, None)
            return f"但没能通知市民（{error}）。"
