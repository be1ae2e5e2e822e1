"""Athletes imported from the coach's spreadsheet (XLSX, CSV): read, previewed, added in
one transaction after a safety copy, and undone through the restore's undo."""
