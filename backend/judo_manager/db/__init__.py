"""The club's database file, and everything about it that isn't a feature's rows.

Connections and the single write path, migrations and the schema they imply, the data
folder's layout, verified copies, checks of any database file, the stamp inside a backup,
what a file holds, and how many copies are kept. Imports no feature.
"""

from judo_manager.db.database import Database, open_database

__all__ = ["Database", "open_database"]
