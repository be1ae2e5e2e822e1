"""The club's athletes."""
