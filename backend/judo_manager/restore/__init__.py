"""Import Database: validated, previewed, atomic and undoable restores."""
