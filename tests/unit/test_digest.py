"""The cache keys' SHA-256, taken without hashlib, is SHA-256."""

from __future__ import annotations

import hashlib

from cockpit.digest import sha256


def test_the_digest_is_hashlibs_sha256_whole_or_in_parts() -> None:
    data = "Société Générale · 06 12 34 56 78".encode()
    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    parts = sha256(b"")
    for piece in (data[:7], data[7:], b"\0missing"):
        parts.update(piece)
    assert parts.hexdigest() == hashlib.sha256(data + b"\0missing").hexdigest()
