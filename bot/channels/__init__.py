"""Rasa input channels: REST, WeChat (its server API and menu are bot/wechat/), the web chat page,
and the edge every channel passes (limits, overload, masking, 删除我的记录).

The only part of bot/ that imports Rasa, Sanic or serving/. Loading it also installs this project's
fixes to Rasa 3.6 (serving/rasa_patches.py) and keeps citizens' words and trackers out of its logs
(serving/quiet_logs.py), so every Rasa server started with our credentials.yml has them.

May import: bot, bot.plan, bot.reading, bot.dialogue, bot.hotline, bot.privacy, bot.wechat, bot.assistant, serving
Must not be imported by: bot.plan, bot.reading, bot.dialogue, bot.hotline, bot.privacy, bot.wechat, bot.assistant
"""
from serving import quiet_logs, rasa_patches

rasa_patches.install()
quiet_logs.install()
