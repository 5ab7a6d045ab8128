"""The one way the cockpit writes a file of its own state folder that holds people's words
(note drafts, ends of calls in the outbox): readable by its owner only, on the disk before it
is given its name (fsync, then rename), so a crash leaves the old file or the new, never half.
A failed write (a full disk) leaves no part of the text behind and raises."""

from __future__ import annotations

import os
from pathlib import Path


def write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a half-written copy of a note is not left lying about
        raise

