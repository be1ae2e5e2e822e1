"""Export Database: backups to a file the coach chose, and the log of every attempt.

The verified copy itself is `db.snapshot`'s; this package owns the `backup_log` table.
"""
