"""What the hotline's operators use and what the team keeps for them: the desk's answer cards and
the Datasette lookup, the handover queue (转人工) and the desk's actions on it, conversations read
through Rasa's HTTP API, the ratings (好差评), the unanswered questions, the worklist, the daily
counts and their chart, the audit log, and Changchun's clock.

May import: bot, bot.plan, bot.reading, bot.dialogue, bot.privacy, bot.wechat, bot.assistant
Must not be imported by: bot.plan, bot.reading, bot.dialogue, bot.privacy
"""
