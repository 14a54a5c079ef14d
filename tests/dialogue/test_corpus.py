"""The generated conversations (tests/dialogue/corpus/) through the Rasa-free turn step: every figure the
reference computes is in the reply, no verdict is given where none is due, every reply fits 400 characters,
and every number of every reply is explained by the provenance check. The whole corpus runs in `make test`
(mark `corpus`); a sample of it in `make unit`."""
from __future__ import annotations

import re

import pytest

from bot.assistant import load_assistant
from bot.dialogue.provenance import stated_numbers
from bot.dialogue.wording import MAX_REPLY
from tests.dialogue.corpus.conversations import Conversation, corpus
from tests.support.chat import Chat

_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*(万|亿)?")
SAMPLE = 20  # every 20th conversation runs in the unit tests


@pytest.fixture(scope="module")
def assistant(db_path):
    return load_assistant(db_path)


def figures_in(reply: str) -> set[float]:
    """The numbers a reader sees, with 万 and 亿 applied and thousands separators dropped."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", reply)
    return {float(m.group(1)) * {"万": 1e4, "亿": 1e8}.get(m.group(2) or "", 1) for m in _FIGURE.finditer(text)}


def check(assistant, conversation: Conversation) -> list[str]:
    """What went wrong in the conversation, turn by turn (nothing: it passed)."""
    chat, said, problems = Chat(assistant), [], []
    for turn in conversation.turns:
        reply = chat.says(turn.said, intent=None)
        text = reply.text or reply.response or ""
        said.append(turn.said)
        found = figures_in(text)
        missing = [a for a in turn.amounts if not any(abs(a - f) < 0.011 for f in found)]
        if missing:
            problems.append(f"{turn.said!r}: missing {missing} in {text!r}")
        if ("不符合" in text) != turn.verdict:
            problems.append(f"{turn.said!r}: verdict {'missing' if turn.verdict else 'given'} in {text!r}")
        if len(text) > MAX_REPLY:
            problems.append(f"{turn.said!r}: {len(text)} characters")
        stated = stated_numbers([assistant.normalize(s) for s in said]) | reply.derived | chat.state.context.stated()
        if reply.text and (stray := assistant.provenance.unexplained(reply.text, stated)):
            problems.append(f"{turn.said!r}: {stray} without provenance in {text!r}")
    return problems


CORPUS = corpus()


def test_the_corpus_is_thousands_of_turns_over_every_family():
    assert sum(len(c.turns) for c in CORPUS) >= 5000 and len({c.name.split(":")[0].split()[0] for c in CORPUS}) >= 12


@pytest.mark.parametrize("conversation", CORPUS[::SAMPLE], ids=lambda c: c.name[:60])
def test_a_sample_of_the_generated_conversations_gets_every_figure_right(assistant, conversation):
    assert not check(assistant, conversation)


@pytest.mark.corpus
def test_every_generated_conversation_gets_every_figure_right(assistant):
    failures = {c.name: problems for c in CORPUS if (problems := check(assistant, c))}
    assert not failures, f"{len(failures)} of {len(CORPUS)} failed; first: {next(iter(failures.items()))}"
