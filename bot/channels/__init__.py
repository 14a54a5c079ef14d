"""Rasa input channels (these import Rasa; the rest of bot/ does not).

Loading them also installs the one Rasa fix this project needs (action_results.py).
"""
from bot.channels import action_results

action_results.install()
