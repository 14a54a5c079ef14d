"""Citizens' words → the plan's terms: the normaliser (繁→简, full-width, 中文数字, typos, everyday
words), the vocabulary of ambiguous and everyday words, the fact reader (年龄, 服役年数, 产品数 …),
the cue words of what a message asks (old amount, rise, period, total …), and the scope rules
(another place or year).

Text in, readings out: no conversation state lives here.

May import: bot, bot.plan
Must not be imported by: bot.plan
"""
