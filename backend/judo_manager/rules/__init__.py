"""The club's rules: the belt ladder and the age categories of the active ruleset."""
