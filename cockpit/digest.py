"""SHA-256 without importing `hashlib`, whose OpenSSL bindings cost ~3.5 ms of every short
command that only needs a cache key (bench/commands.py): CPython's own built-in module gives
the same digest."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Protocol
else:
    Protocol = object


class Digest(Protocol):
    def update(self, data: bytes, /) -> None: ...
    def hexdigest(self) -> str: ...


_made: list[Callable[[bytes], Digest]] = []


def sha256(data: bytes = b"") -> Digest:
    if not _made:
        for name in ("_sha2", "_sha256"):  # Python 3.12 and later, 3.11
            try:
                _made.append(importlib.import_module(name).sha256)
                break
            except (ImportError, AttributeError):
                continue
        else:  # a Python built without them
            import hashlib

            _made.append(hashlib.sha256)
    return _made[0](data)
