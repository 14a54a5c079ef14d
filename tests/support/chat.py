"""A conversation through the Rasa-free turn step, its state following the slots each reply sets, as the actions
and Rasa's tracker do between turns."""
from __future__ import annotations

from dataclasses import replace

from bot.assistant import Assistant
from bot.dialogue.context import Context
from bot.dialogue.conversation import Message, Reply, State

SLOTS = ("rating_offer", "reason_for", "answered", "handover_offered")


def after(state: State, reply: Reply) -> State:
    """The state the next turn starts from: the slots the reply set, the others as they were."""
    s = reply.slots
    changes: dict = {k: s[k] for k in SLOTS if k in s}
    if "context" in s:
        changes["context"] = Context.from_json(s["context"])
    if "offered" in s:
        changes["offered"] = tuple(filter(None, (s["offered"] or "").split(",")))
    if "misses" in s:
        changes["misses"] = int(s["misses"] or 0)
    return replace(state, **changes)


class Chat:
    def __init__(self, assistant: Assistant, channel: str = "rest", state: State | None = None) -> None:
        self.assistant, self.channel, self.state = assistant, channel, state or State()

    def says(self, text: str, intent: str | None = "ask_measure", rating: str | None = None,
             elsewhere: str | None = None) -> Reply:
        message = Message(text, intent, elsewhere=elsewhere, rating=rating, channel=self.channel)
        reply = self.assistant.conversation.respond(message, self.state)
        self.state = after(self.state, reply)
        return reply

    def conversation(self, *turns: str | tuple[str, str]) -> list[Reply]:
        """Turns in order, each a text (asked as ask_measure) or (text, intent)."""
        return [self.says(*((t, "ask_measure") if isinstance(t, str) else t)) for t in turns]
