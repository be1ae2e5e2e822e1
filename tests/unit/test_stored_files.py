"""Every column that holds a stored file is one the restore's checks know of.

`db/stored_files.py` refuses a backup whose files are held by nobody or by two holders, and
lets only pictures be photos and logos; a new column pointing at `media` that it didn't list
would make every file it holds look held by nobody.
"""

from __future__ import annotations

import sqlite3

from judo_manager.db.migrations import migrate
from judo_manager.db.stored_files import HOLDERS


def test_the_checks_know_every_column_that_holds_a_stored_file() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    migrate(conn, 0)
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")]
    holding = {
        (table, reference[3])
        for table in tables
        for reference in conn.execute("SELECT * FROM pragma_foreign_key_list(?)", (table,))
        if reference[2] == "media" and table != "media_data"  # its bytes, not a holder
    }
    conn.close()

    assert holding == {(table, column) for table, column, _picture in HOLDERS}
    pictures = {table for table, _column, picture in HOLDERS if picture}
    assert pictures == {"athletes", "clubs", "organisation"}  # documents may be PDFs
