"""Which file systems a backup may be checked against its own pages on: read from Linux's
mount table, as it lists them."""

from __future__ import annotations

from pathlib import Path

import pytest

from judo_manager.db import fileio
from judo_manager.db.fileio import Mount, keeps_written_pages, mount_of

TABLE = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw,errors=remount-ro
30 22 0:25 / /media/coach/STICK rw,nosuid - vfat /dev/sdb1 rw,fmask=0022,dmask=0022
31 22 0:26 / /media/coach/STICK\\040TWO rw - xfs /dev/sdc1 rw,attr2,inode64
32 22 0:27 / /media/a rw - ext4 /dev/sdd1 rw,data=journal
33 22 0:28 / /media/ab rw - ext4 /dev/sde1 rw,data=ordered
40 22 8:2 / /media/coach/DISK rw - ext4 /dev/sdf1 rw
41 40 0:50 / /media/coach/DISK rw - fuse.exfat-fuse /dev/sdf1 rw,user_id=0
"""


@pytest.mark.parametrize(
    ("folder", "mount"),
    [
        ("/home/coach", Mount("ext4", "rw,errors=remount-ro")),
        ("/media/coach/STICK/backups", Mount("vfat", "rw,fmask=0022,dmask=0022")),
        ("/media/coach/STICK TWO", Mount("xfs", "rw,attr2,inode64")),  # \040: a space
        ("/media/ab/x", Mount("ext4", "rw,data=ordered")),  # not /media/a's
        # Mounted over another: the later one, listed last, is the one that is seen.
        ("/media/coach/DISK", Mount("fuse.exfat-fuse", "rw,user_id=0")),
    ],
)
def test_the_file_system_a_folder_is_on(folder: str, mount: Mount) -> None:
    assert mount_of(Path(folder), TABLE) == mount


@pytest.mark.parametrize(
    ("folder", "one_copy"),
    [
        ("/home/coach", True),
        ("/media/coach/STICK TWO", True),
        ("/media/ab", True),
        ("/media/coach/STICK", False),  # FAT can't say whether a read would wait
        ("/media/a", False),  # journalled data: O_DIRECT is served from memory
        ("/media/coach/DISK", False),  # FUSE serves pages its own way
    ],
)
def test_only_ext4_and_xfs_are_checked_against_the_pages_written(
    folder: str, one_copy: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "mountinfo"
    table.write_text(TABLE)
    monkeypatch.setattr(fileio, "MOUNT_TABLE", table)
    monkeypatch.setattr(fileio, "IS_LINUX", True)
    # The folders of this table are not on this machine: theirs are plain folders' flags.
    monkeypatch.setattr(fileio, "_folder_flags", lambda _folder: 0)
    assert keeps_written_pages(Path(folder)) is one_copy


def test_no_mount_table_means_no_one_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fileio, "MOUNT_TABLE", tmp_path / "none")
    assert not keeps_written_pages(tmp_path)
