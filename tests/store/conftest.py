"""The storage and services suite runs twice: on a SQLite file and on a real PostgreSQL
server started for the session (tests/pg.py). On a machine without PostgreSQL the second run
is skipped, with the reason; in CI it must run (CI installs the server)."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXED_TODAY
from tests.pg import Server, binaries

BACKENDS = ["sqlite", "postgresql"]
_names = itertools.count(1)


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


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


def _release() -> None:
    from cockpit.store.db import database

    if database.obj is not None:
        database.obj.close()


@pytest.fixture
def demo_url(backend: str, tmp_path: Path, demo_template: Path,
             request: pytest.FixtureRequest) -> Iterator[str]:
    if backend == "sqlite":
        target = tmp_path / "cockpit.sqlite"
        shutil.copyfile(demo_template, target)
        target.chmod(0o600)
        yield f"sqlite:///{target}"
        return
    server: Server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_demo_template")
    name = f"demo_{next(_names)}"
    yield server.create(name, template)
    _release()
    server.drop(name)


@pytest.fixture
def store_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty database."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite'}"
        return
    server: Server = request.getfixturevalue("pg_server")
    name = f"store_{next(_names)}"
    yield server.create(name)
    _release()
    server.drop(name)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests of SQLite's own files (modes, journal, wiping) run on SQLite only."""
    items[:] = [item for item in items
                if not (item.get_closest_marker("sqlite_only")
                        and "[postgresql" in item.nodeid)]
