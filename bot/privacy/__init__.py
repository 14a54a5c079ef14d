"""Keeping citizens' data safe: masking of ID-card, phone and bank-card numbers, files only the
service's account may read, and what every store of citizens' words shares (opened private,
deleted by sender or by age).

May import: bot
Must not be imported by: bot.plan, bot.reading
"""
