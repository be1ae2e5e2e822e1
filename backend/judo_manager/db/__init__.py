"""The club database: connections, the single write path, and migrations."""

from judo_manager.db.database import Database, open_database

__all__ = ["Database", "open_database"]
