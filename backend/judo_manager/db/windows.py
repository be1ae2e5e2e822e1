"""The few Windows calls that Python's standard library doesn't offer, through ctypes.

Imported on Windows only (the callers check `sys.platform` first). Nothing here could be run
on the Linux machine this was written on: the GitHub workflow's Windows runner runs the
backup and restore tests, which go through every function here.
"""

from __future__ import annotations

import ctypes
import os
from ctypes import wintypes
from pathlib import Path

GENERIC_READ = 0x80000000
FILE_SHARE_ALL = 0x1 | 0x2 | 0x4  # read, write, delete: a scanner may have it open too
OPEN_EXISTING = 3
FILE_FLAG_NO_BUFFERING = 0x20000000
FILE_FLAG_SEQUENTIAL_SCAN = 0x08000000
INVALID_HANDLE_VALUE = ctypes.c_void_p(-1).value
FILE_ATTRIBUTE_HIDDEN = 0x2
INVALID_FILE_ATTRIBUTES = 0xFFFFFFFF
# Unbuffered reads need a buffer aligned to the sector size; a page is a multiple of every one.
ALIGNMENT = 4096
DRIVE_REMOVABLE = 2
DRIVE_REMOTE = 4

_kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
_kernel32.CreateFileW.restype = wintypes.HANDLE
_kernel32.CreateFileW.argtypes = [
    wintypes.LPCWSTR,
    wintypes.DWORD,
    wintypes.DWORD,
    wintypes.LPVOID,
    wintypes.DWORD,
    wintypes.DWORD,
    wintypes.HANDLE,
]
_kernel32.ReadFile.restype = wintypes.BOOL
_kernel32.ReadFile.argtypes = [
    wintypes.HANDLE,
    wintypes.LPVOID,
    wintypes.DWORD,
    ctypes.POINTER(wintypes.DWORD),
    wintypes.LPVOID,
]
_kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
_kernel32.GetFileAttributesW.restype = wintypes.DWORD
_kernel32.GetFileAttributesW.argtypes = [wintypes.LPCWSTR]
_kernel32.SetFileAttributesW.argtypes = [wintypes.LPCWSTR, wintypes.DWORD]
_kernel32.GetDriveTypeW.argtypes = [wintypes.LPCWSTR]
_kernel32.GetLogicalDrives.restype = wintypes.DWORD


def _error(path: Path) -> OSError:
    code = ctypes.get_last_error()  # type: ignore[attr-defined]
    error = ctypes.WinError(code)  # type: ignore[attr-defined]
    error.filename = str(path)
    return error


class UnbufferedReader:
    """A file read with FILE_FLAG_NO_BUFFERING: every byte comes from the drive."""

    def __init__(self, path: Path, span: int) -> None:
        if span % ALIGNMENT:
            raise ValueError("an unbuffered read must be a multiple of the sector size")
        handle = _kernel32.CreateFileW(
            str(path),
            GENERIC_READ,
            FILE_SHARE_ALL,
            None,
            OPEN_EXISTING,
            FILE_FLAG_NO_BUFFERING | FILE_FLAG_SEQUENTIAL_SCAN,
            None,
        )
        if handle is None or handle == INVALID_HANDLE_VALUE:
            raise _error(path)
        self._handle = handle
        self._path = path
        self._span = span
        # Over-allocated by one alignment, then used from the first aligned address in it.
        self._raw = ctypes.create_string_buffer(span + ALIGNMENT)
        start = ctypes.addressof(self._raw)
        self._offset = -start % ALIGNMENT
        self._buffer = start + self._offset
        self._pending = b""

    def read(self, count: int) -> bytes:
        """Up to `count` bytes, in whole aligned spans from the drive; fewer only at the end."""
        while len(self._pending) < count:
            chunk = self._read_span()
            if not chunk:
                break
            self._pending += chunk
        result, self._pending = self._pending[:count], self._pending[count:]
        return result

    def _read_span(self) -> bytes:
        done = wintypes.DWORD(0)
        if not _kernel32.ReadFile(self._handle, self._buffer, self._span, ctypes.byref(done), None):
            raise _error(self._path)
        return ctypes.string_at(self._buffer, done.value)

    def close(self) -> None:
        """Close the handle."""
        _kernel32.CloseHandle(self._handle)


def set_hidden(path: Path, *, hidden: bool) -> None:
    """Set or clear the hidden attribute of `path`; a drive that can't keep it is left as is."""
    attributes = _kernel32.GetFileAttributesW(str(path))
    if attributes == INVALID_FILE_ATTRIBUTES:
        return
    wanted = attributes | FILE_ATTRIBUTE_HIDDEN if hidden else attributes & ~FILE_ATTRIBUTE_HIDDEN
    if wanted != attributes:
        _kernel32.SetFileAttributesW(str(path), wanted)


def drive_type(path: Path) -> int:
    """GetDriveTypeW of the drive holding `path` (DRIVE_REMOVABLE, DRIVE_REMOTE, ...)."""
    anchor = Path(os.path.abspath(path)).anchor or str(path)
    return int(_kernel32.GetDriveTypeW(anchor))


def removable_drives() -> list[Path]:
    """The drive letters of removable drives (USB sticks, SD cards) that are ready."""
    mask = _kernel32.GetLogicalDrives()
    found = []
    for index in range(26):
        if mask & (1 << index):
            root = Path(f"{chr(ord('A') + index)}:\\")
            if _kernel32.GetDriveTypeW(str(root)) == DRIVE_REMOVABLE and os.path.isdir(root):
                found.append(root)
    return found


def long_paths_enabled() -> bool:
    """Whether this Windows lets Python use paths over 260 characters (LongPathsEnabled)."""
    try:
        ntdll = ctypes.WinDLL("ntdll")  # type: ignore[attr-defined]
        ntdll.RtlAreLongPathsEnabled.restype = ctypes.c_ubyte
        return bool(ntdll.RtlAreLongPathsEnabled())
    except (OSError, AttributeError):
        return False
