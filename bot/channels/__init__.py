"""Rasa input channels (these import Rasa; the rest of bot/ does not)."""
