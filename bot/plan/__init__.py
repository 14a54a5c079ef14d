"""The 暖流计划 as data and arithmetic: the measure records and their checks against the policy
text, the measure store (build/measures.db), the calculator's formula kinds, the citizen's facts and
their bounds, eligibility, and how the plan writes numbers.

This is the ground floor: it knows nothing of how citizens talk or of conversations, so a new year's
standards touch data/measures/ and nothing above.

May import: bot
Must not be imported by: nothing (every layer reads the plan)
"""
