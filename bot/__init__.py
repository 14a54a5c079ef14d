"""暖流助手 core: the 2017 暖流计划 as data and arithmetic (plan/), citizens' words read into the
plan's terms (reading/), the turn of a conversation (dialogue/), the operators' tools (hotline/),
citizens' data kept safe (privacy/), the channels citizens reach it by (channels/) and the WeChat
account's own API and menu (wechat/).
assistant.py builds the parts a process shares, once.

Nothing but channels/ imports Rasa, so the policy logic is tested and reused (actions, operators'
desk, channels) without a model or a server. tests/test_layering.py reads each package's
"May import" and "Must not be imported by" lines and checks them against the code's imports.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BUILD = ROOT / "build"
DEFAULT_DB = BUILD / "measures.db"
