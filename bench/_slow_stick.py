"""A USB stick's write speed, made on this machine: an ext4 image on a loop device whose
writes the block I/O controller (cgroup v1 `blkio.throttle.write_bps_device`, or v2's
`io.max`) holds to a given rate. Root only; `mounted_slow_stick` says why it can't where it
can't.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CGROUP_V1 = Path("/sys/fs/cgroup/blkio/blkio.throttle.write_bps_device")
CGROUP_V2 = Path("/sys/fs/cgroup/io.max")


class SlowStickError(Exception):
    """This machine can't make one (not root, no loop device, no I/O controller)."""


@contextmanager
def mounted_slow_stick(folder: Path, size_bytes: int, write_bps: int) -> Iterator[Path]:
    """An ext4 drive of `size_bytes` mounted in `folder`/mnt, writing at `write_bps`."""
    if os.geteuid() != 0:
        raise SlowStickError("mounting a loop device and throttling it needs root")
    throttle = CGROUP_V1 if CGROUP_V1.exists() else CGROUP_V2 if CGROUP_V2.exists() else None
    if throttle is None:
        raise SlowStickError("no block I/O controller (cgroup blkio or io) to throttle with")
    image, mount = folder / "stick.img", folder / "mnt"
    with image.open("wb") as file:
        file.truncate(size_bytes)
    # Initialised in full now: lazily, the kernel would keep writing its tables meanwhile.
    subprocess.run(
        ["mkfs.ext4", "-q", "-F", "-E", "lazy_itable_init=0,lazy_journal_init=0", str(image)],
        check=True,
        capture_output=True,
    )
    mount.mkdir(exist_ok=True)
    subprocess.run(["mount", "-o", "loop", str(image), str(mount)], check=True)
    try:
        device = subprocess.run(
            ["findmnt", "-n", "-o", "SOURCE", str(mount)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        rdev = os.stat(device).st_rdev
        key = f"{os.major(rdev)}:{os.minor(rdev)}"
        limit = f"{key} {write_bps}" if throttle == CGROUP_V1 else f"{key} wbps={write_bps}"
        unlimited = f"{key} 0" if throttle == CGROUP_V1 else f"{key} wbps=max"
        throttle.write_text(limit)
        try:
            yield mount
        finally:
            throttle.write_text(unlimited)
    finally:
        subprocess.run(["umount", str(mount)], check=True)
        image.unlink()
