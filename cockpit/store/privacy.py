"""Keyed hashes: a number on the do-not-call list stays checkable after the person is erased,
without the number itself being readable back."""

from __future__ import annotations

import hashlib
import hmac
import os

# The key lives outside the database when a team sets COCKPIT_DNC_KEY; the default keeps
# demo and test databases consistent.
_DEFAULT_KEY = b"cockpit-do-not-call"


def _key() -> bytes:
    value = os.environ.get("COCKPIT_DNC_KEY")
    return value.encode() if value else _DEFAULT_KEY


def digest_number(e164: str) -> str:
    return hmac.new(_key(), e164.encode(), hashlib.sha256).hexdigest()
