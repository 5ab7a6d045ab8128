"""The cockpit's own log: private, rotated at start once past its size, personal data masked."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest

from cockpit import logs


@pytest.fixture
def fresh_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "cockpit.log"
    monkeypatch.setenv("COCKPIT_LOG", str(path))
    kept = logs.log.handlers[:]
    logs.log.handlers.clear()
    yield path
    for handler in logs.log.handlers:
        handler.close()
    logs.log.handlers[:] = kept


def test_a_full_log_is_rotated_at_start_three_kept(fresh_log: Path) -> None:
    for n in (1, 2, 3):
        fresh_log.with_name(f"cockpit.log.{n}").write_text(f"old {n}\n")
    fresh_log.write_bytes(b"x" * logs.KEEP_BYTES)
    logs.setup()
    logs.log.info("call %d started", 7)
    for handler in logs.log.handlers:
        handler.flush()
    assert fresh_log.read_text().endswith("INFO call 7 started\n")
    assert fresh_log.with_name("cockpit.log.1").stat().st_size == logs.KEEP_BYTES
    assert fresh_log.with_name("cockpit.log.2").read_text() == "old 1\n"
    assert fresh_log.with_name("cockpit.log.3").read_text() == "old 2\n"
    assert not fresh_log.with_name("cockpit.log.4").exists()  # the oldest went
    assert stat.S_IMODE(fresh_log.stat().st_mode) == 0o600


def test_a_small_log_is_kept_and_numbers_are_masked(fresh_log: Path) -> None:
    fresh_log.write_text("yesterday\n")
    logs.setup()
    logs.log.warning("dialled %s for %s", "06 12 34 56 78", "jb@nb.fr")
    for handler in logs.log.handlers:
        handler.flush()
    text = fresh_log.read_text()
    assert text.startswith("yesterday\n") and "[number]" in text and "[e-mail]" in text
    assert "12 34" not in text and "jb@nb.fr" not in text
    assert isinstance(logs.log.handlers[0], logging.FileHandler)
