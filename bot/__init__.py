"""暖流助手 core: the 2017 暖流计划 as data, and the arithmetic it defines.

Nothing here imports Rasa, so the policy logic is tested and reused (actions,
operator lookup, channels) without a model or a server.
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BUILD = ROOT / "build"
DEFAULT_DB = BUILD / "measures.db"
