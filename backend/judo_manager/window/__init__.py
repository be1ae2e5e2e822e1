"""The desktop window: creating and running it, its native dialogs, and what it loads.

The only package that imports pywebview and Qt; the command line's subcommands never load
it, so they start as fast as plain Python.
"""
