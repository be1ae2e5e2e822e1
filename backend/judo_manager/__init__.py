"""Judo Manager: a desktop app for judo coaches, with all the club's data in one SQLite file.

Layers point down: `window` and `bridge` (and `cli`) call the features' services, which
call their own repositories (the only SQL besides `db`). Features: `athletes`, `rules`,
`backup`, `restore`, `system`, `demo`. `db` owns the database file; `wiring` builds the
services once per run.
"""

__version__ = "0.1.0"
