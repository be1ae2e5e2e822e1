"""The club's athletes: the roster, each athlete's record, promotions and medals.

Owns the `athletes`, `promotions` and `medals` tables (SQL in `repository.py`).
"""
