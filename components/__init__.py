"""Rasa graph components of 暖流助手 (they import Rasa; bot/ does not)."""
