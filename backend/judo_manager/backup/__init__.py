"""Database backup: verified, consistent copies of the club database on any drive."""
