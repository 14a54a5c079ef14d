"""One turn of a conversation: a message and the conversation's state in, a reply and the state's
changes out (conversation.py), the reply's wording (wording.py), the provenance check of every
number it states (provenance.py), and the offer of a person (handover_settings.py).

Rasa-free: the actions (actions/) translate Rasa's tracker into these types and back.

May import: bot, bot.plan, bot.reading
Must not be imported by: bot.plan, bot.reading, bot.privacy
"""
