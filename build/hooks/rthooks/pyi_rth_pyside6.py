"""Run at the bundle's start in place of PyInstaller's own PySide6 run-time hook.

PyInstaller's hook imports PySide6.QtCore at start, to register a qt.conf that PySide6's
wheels already embed, so every subcommand (`judo-manager backup ...`) would load Qt: about
60 ms more, and against the rule that subcommands load neither Qt nor pywebview. This keeps
what the hook sets up for a one-folder bundle, and imports nothing.
"""

import os
import sys


def _prepend(variable: str, folder: str) -> None:
    os.environ[variable] = os.pathsep.join(filter(None, (folder, os.environ.get(variable))))


# Qt's plugins: beside the modules on Windows, under Qt/ elsewhere (PyInstaller's layout).
if sys.platform == "win32":
    os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "plugins")
    _prepend("PATH", sys._MEIPASS)  # where QtNetwork looks for OpenSSL's DLLs
else:
    os.environ["QT_PLUGIN_PATH"] = os.path.join(sys._MEIPASS, "PySide6", "Qt", "plugins")
    if sys.platform == "darwin":
        _prepend("DYLD_LIBRARY_PATH", sys._MEIPASS)  # likewise, OpenSSL for QtNetwork
