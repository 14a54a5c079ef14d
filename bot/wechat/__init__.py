"""The WeChat Official Account's own server API and menu, without Rasa: the access token and
customer-service messages (客服消息) the WeChat channel and the desk send (api.py), and the account's
menu, checked and published from data/wechat_menu.yml (menu.py, `make wechat-menu`). The channel
that receives citizens' messages is bot/channels/wechat.py.

May import: bot
Must not be imported by: bot.plan, bot.reading, bot.dialogue, bot.privacy
"""
