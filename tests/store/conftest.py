"""The storage and services suite runs twice: on a SQLite file and on a real PostgreSQL
server started for the session (tests/pg.py). On a machine without PostgreSQL the second run
is skipped, with the reason; in CI it must run (CI installs the server)."""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pg import Server

BACKENDS = ["sqlite", "postgresql"]
_names = itertools.count(1)


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
