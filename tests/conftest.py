"""Fixtures shared by the suites: a fixed clock and a small demo database on a real file."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings

# Drafts, the content cache and the log of the tests stay out of the user's home.
os.environ.setdefault("COCKPIT_STATE", tempfile.mkdtemp(prefix="cockpit-tests-"))

# No timing deadline (a loaded CI machine is slow, not wrong); in CI, the same examples every
# run, so a red build always reproduces.
settings.register_profile("cockpit", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "cockpit")

# Monday 23 November 2026, 10:42 in Paris: a working day, inside calling hours.
FIXED_NOW = datetime(2026, 11, 23, 9, 42, tzinfo=UTC)
FIXED_TODAY = date(2026, 11, 23)
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small demo, built once per test session; tests get their own copy."""
    from cockpit.store.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "template.sqlite"
    build_demo(f"sqlite:///{path}", size="small", seed=0, today=FIXED_TODAY)
    _checkpoint(path)
    return path


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so a plain copy carries every row."""
    import sqlite3

    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


@pytest.fixture
def demo_url(tmp_path: Path, demo_template: Path) -> Iterator[str]:
    target = tmp_path / "cockpit.sqlite"
    shutil.copyfile(demo_template, target)
    target.chmod(0o600)
    yield f"sqlite:///{target}"
