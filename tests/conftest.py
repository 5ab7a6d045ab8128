"""Fixtures shared by the suites: a fixed clock and a small demo database on a real file."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import settings

from tests.pg import Server, binaries

# Drafts, the content cache and the log of the tests stay out of the user's home.
os.environ.setdefault("COCKPIT_STATE", tempfile.mkdtemp(prefix="cockpit-tests-"))
# One do-not-call key for the session (never the user's own): the demo templates are built
# with it, and the tests that give themselves a state folder keep reading them.
os.environ.setdefault("COCKPIT_DNC_KEY_FILE",
                      os.path.join(tempfile.mkdtemp(prefix="cockpit-key-"), "dnc.key"))

# A command on SQLite keeps the PostgreSQL driver from loading while peewee is not loaded yet
# (boot.skip_postgres_driver: a real command is one process for one database). The tests run
# commands on both in one process: peewee comes in with its driver first, whichever file runs.
with contextlib.suppress(ImportError):
    import peewee  # noqa: F401
    import psycopg2  # noqa: F401

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


@pytest.fixture(scope="session")
def pg_server() -> Iterator[Server]:
    if binaries() is None:
        reason = "PostgreSQL is not installed (apt-get install postgresql; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    # Not under pytest's own temporary folder: that one is private to us, and the server
    # runs as the postgres account when the tests run as root.
    root = Path(tempfile.mkdtemp(prefix="cockpit-pg-"))
    root.chmod(0o755)
    server = Server(root / "cluster")
    try:
        server.start()
    except RuntimeError as exc:
        shutil.rmtree(root, ignore_errors=True)
        if os.environ.get("CI"):
            pytest.fail(str(exc))
        pytest.skip(str(exc))
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_demo_template(pg_server: Server) -> str:
    from cockpit.store.db import database
    from cockpit.store.demo import build_demo

    url = pg_server.create("demo_template")
    build_demo(url, size="small", seed=0, today=FIXED_TODAY)
    database.obj.close()  # a template database must have nobody connected
    return "demo_template"
