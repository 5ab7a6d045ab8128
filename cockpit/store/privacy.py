"""Keyed hashes: a number on the do-not-call list stays checkable after the person is erased,
without the number itself being readable back (the key: store/dnc_key.py)."""

from __future__ import annotations

import hashlib
import hmac
import os

from cockpit.store.dnc_key import LEGACY_KEY, ensure_matches, installation_key, key_path


def _key() -> bytes:
    value = os.environ.get("COCKPIT_DNC_KEY")
    key = value.encode() if value else installation_key()
    ensure_matches(key, key_path())
    return key


def digest_number(e164: str) -> str:
    """The digest a number is written with now."""
    return hmac.new(_key(), e164.encode(), hashlib.sha256).hexdigest()


def digests(e164: str) -> list[str]:
    """Every digest the number may be listed under: this installation's, and the one made
    with the key shared by every cockpit before keys were per installation."""
    return digests_of([e164])[e164]


def digests_of(numbers: list[str]) -> dict[str, list[str]]:
    """`digests` of many numbers, the key file read once (an import of 100,000 numbers)."""
    key = _key()
    return {e164: list(dict.fromkeys((hmac.new(key, e164.encode(), hashlib.sha256).hexdigest(),
                                      hmac.new(LEGACY_KEY, e164.encode(),
                                               hashlib.sha256).hexdigest())))
            for e164 in numbers}
