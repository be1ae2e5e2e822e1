"""The dashboard: the club at a glance and what needs doing, from the athletes', rules' and
tournaments' services. It owns no table and holds no SQL."""
