"""Rasa input channels (these import Rasa; the rest of bot/ does not).

Loading them also installs this project's fixes to Rasa 3.6 (serving/rasa_patches.py)
and keeps citizens' words and trackers out of its logs (serving/quiet_logs.py),
so every Rasa server started with our credentials.yml has them.
"""
from serving import quiet_logs, rasa_patches

rasa_patches.install()
quiet_logs.install()
