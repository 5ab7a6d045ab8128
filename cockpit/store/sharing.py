"""Whether another process has a SQLite database open, for an import to choose its pace.

In WAL mode every process with the database open holds a shared lock on one byte of its
`-shm` file (SQLite's "dead man switch", byte 128 on Unix) for as long as it keeps it open,
idle or not: the cockpit of a caller who has it on screen, a `cockpit next`. Asking the
system whether a write lock on that byte would conflict tells whether anyone else does;
the locks of this process never conflict with its own, so its connections do not count."""

from __future__ import annotations

import os
import sys

_SHM_DMS = 128  # SQLite's os_unix.c: UNIX_SHM_BASE (120) + SQLITE_SHM_NLOCK (8)
# struct flock on Linux (x86-64, arm64): short l_type, l_whence; off_t l_start, l_len;
# pid_t l_pid; padded to 32 bytes. Other systems lay it out otherwise: not asked there.
_FLOCK = "@hhqqi4x"


def others_have_it_open(database: str) -> bool | None:
    """True when another process holds the database open, False when none does, None when
    this cannot be told (no `-shm` file, not Linux): then assume someone may."""
    if not sys.platform.startswith("linux"):
        return None
    import fcntl
    import struct

    try:
        fd = os.open(f"{database}-shm", os.O_RDONLY)
    except OSError:
        return None
    try:
        asked = struct.pack(_FLOCK, fcntl.F_WRLCK, os.SEEK_SET, _SHM_DMS, 1, 0)
        held = struct.unpack(_FLOCK, fcntl.fcntl(fd, fcntl.F_GETLK, asked))[0]
    except OSError:
        return None
    finally:
        os.close(fd)
    return held != fcntl.F_UNLCK
