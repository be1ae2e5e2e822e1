"""Facts about the running app and its data, for Settings."""
