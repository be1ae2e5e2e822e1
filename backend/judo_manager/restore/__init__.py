"""Import Database: stage, check, preview, replace atomically, and undo.

Owns the staged copy of a chosen backup and the safety copies that undo a restore.
"""
