"""The club's rules: the belt ladder and the age categories of the active ruleset.

Owns the `belts`, `rulesets` and `age_categories` tables.
"""
