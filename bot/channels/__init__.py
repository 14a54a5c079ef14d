"""Rasa input channels (these import Rasa; the rest of bot/ does not).

Loading them also installs this project's fixes to Rasa 3.6 (serving/rasa_patches.py),
so every Rasa server started with our credentials.yml has them.
"""
from serving import rasa_patches

rasa_patches.install()
