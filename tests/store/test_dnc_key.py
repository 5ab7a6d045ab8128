"""The do-not-call key: random per installation, in a 0600 file outside the database; a
number listed before keys were per installation is still refused; a machine with another
key is refused loudly rather than checking against digests that never match."""

from __future__ import annotations

import hashlib
import hmac
import stat
from pathlib import Path

import pytest

from cockpit.cli import main
from tests.rawdb import raw

NUMBER = "+33612345678"


@pytest.fixture(autouse=True)
def _env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    monkeypatch.delenv("COCKPIT_DNC_KEY", raising=False)


@pytest.fixture
def own_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A key of this test's own (the session's demo templates keep the session's)."""
    key = tmp_path / "config" / "dnc.key"
    monkeypatch.setenv("COCKPIT_DNC_KEY_FILE", str(key))
    return key


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_key_is_random_owner_only_and_not_the_old_constant(
        store_url: str, own_key: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, "dnc", "add", NUMBER, "--db", store_url)
    assert code == 0, err
    assert stat.S_IMODE(own_key.stat().st_mode) == 0o600
    secret = own_key.read_text().strip()
    assert len(secret) == 64
    with raw(store_url) as db:
        (digest,) = db.execute("SELECT digest FROM do_not_call").fetchone()
    old = hmac.new(b"cockpit-do-not-call", NUMBER.encode(), hashlib.sha256).hexdigest()
    assert digest != old  # the constant in the source no longer reverses it
    assert digest == hmac.new(secret.encode(), NUMBER.encode(), hashlib.sha256).hexdigest()


def test_a_number_listed_with_the_old_key_is_still_refused(
        demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A person erased before the change: only the old digest is left, no number."""
    with raw(demo_url) as db:
        row = db.execute("SELECT p.e164, p.contact_id FROM phone p JOIN contact c ON "
                         "c.id = p.contact_id WHERE c.do_not_call = ? AND p.label <> ? "
                         "ORDER BY p.id", (False, "standard")).fetchone()
        e164 = row[0]
        old = hmac.new(b"cockpit-do-not-call", e164.encode(), hashlib.sha256).hexdigest()
        db.execute("DELETE FROM setting WHERE key = ?", ("dnc_key_check",))  # made before
        db.execute("INSERT INTO do_not_call (e164, digest, reason, created_at) "
                   "VALUES (NULL, ?, ?, ?)", (old, "erased", "2025-01-01 00:00:00"))
    code, out, err = _run(capsys, "dnc", "add", e164, "--db", demo_url)
    assert code == 0, err
    assert "déjà" in out  # recognised as listed, not added a second time
    with raw(demo_url) as db:
        assert db.execute("SELECT COUNT(*) FROM do_not_call WHERE digest = ?",
                          (old,)).fetchone()[0] == 1
    code, out, err = _run(capsys, "dnc", "remove", e164, "--db", demo_url, "--lang", "en")
    assert code == 0, err  # and the lead can still lift it


def test_another_machines_key_is_refused_with_where_to_put_the_right_one(
        store_url: str, own_key: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, "dnc", "add", NUMBER, "--db", store_url)[0] == 0
    from cockpit.store.db import database

    database.obj.close()
    other = tmp_path / "elsewhere" / "dnc.key"
    monkeypatch.setenv("COCKPIT_DNC_KEY_FILE", str(other))
    code, _out, err = _run(capsys, "dnc", "add", "+33612345679", "--db", store_url)
    assert code == 2
    assert str(other) in err and "autre clé" in err
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM do_not_call").fetchone()[0] == 1
