"""Tournaments: a copy of the rules each, the athletes entered, their conflicts and results.

Owns the `tournaments`, `tournament_categories`, `tournament_weight_classes` and
`tournament_entries` tables (SQL in `repository.py`); the medals a result gives are the
athletes' (written through their service).
"""
