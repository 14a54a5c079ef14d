"""Evaluation data and its scoring, outside tests/ because the benchmarks read them too.

Not under data/, which `rasa train` reads as training data: nothing here may
ever be trained on.
"""
