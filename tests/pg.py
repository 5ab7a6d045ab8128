"""A real PostgreSQL server for the tests, started in a temporary folder: initdb, then pg_ctl
on a Unix socket only (no TCP port), fsync off (a test cluster is thrown away). Databases are
cloned from templates, which takes milliseconds where building a demo takes a second."""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def binaries() -> Path | None:
    """The folder of initdb, pg_ctl and psql: Debian's /usr/lib/postgresql/N/bin (the newest),
    else wherever PATH has them."""
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parent.parent.name or 0))
    if versions:
        return Path(versions[-1]).parent
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl") and shutil.which("psql"):
        return Path(found).parent
    return None


class Server:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.socket = root / "socket"
        self.bin = binaries()
        self._owner: str | None = None

    def _as_owner(self, args: list[str]) -> list[str]:
        # PostgreSQL refuses to run as root: the cluster belongs to the postgres account.
        if os.geteuid() == 0:
            return ["runuser", "-u", self._owner or "postgres", "--", *args]
        return args

    def start(self) -> None:
        if self.bin is None:
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        self.root.mkdir(parents=True, exist_ok=True)
        self.socket.mkdir(exist_ok=True)
        if os.geteuid() == 0:
            self._owner = "postgres"
            try:
                entry = pwd.getpwnam(self._owner)
            except KeyError as exc:
                raise RuntimeError("no postgres account (apt-get install postgresql)") from exc
            for path in (self.root, self.socket):
                os.chown(path, entry.pw_uid, entry.pw_gid)
            os.chmod(self.root, 0o755)
        init = subprocess.run(self._as_owner([
            str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
            "-E", "UTF8", "--locale=C", "--no-sync"]), capture_output=True, text=True)
        if init.returncode != 0:
            raise RuntimeError(f"initdb failed: {init.stderr.strip() or init.stdout.strip()}")
        options = (f"-k {self.socket} -c listen_addresses='' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=60")
        started = subprocess.run(self._as_owner([
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options,
            "-l", str(self.root / "server.log"), "-w", "-t", "60", "start"]),
            capture_output=True, text=True)
        if started.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-2000:] \
                if (self.root / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {started.stderr.strip()}\n{log}")

    def stop(self) -> None:
        if self.bin is not None and self.data.exists():
            subprocess.run(self._as_owner([str(self.bin / "pg_ctl"), "-D", str(self.data),
                                           "-m", "immediate", "stop"]), capture_output=True)

    def url(self, database: str) -> str:
        return f"postgresql://postgres@/{database}?host={self.socket}"

    @contextmanager
    def admin(self) -> Iterator[object]:
        import psycopg2

        connection = psycopg2.connect(dbname="postgres", user="postgres", host=str(self.socket))
        connection.autocommit = True
        try:
            yield connection.cursor()
        finally:
            connection.close()

    def create(self, name: str, template: str | None = None) -> str:
        with self.admin() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
            suffix = f' TEMPLATE "{template}"' if template else ""
            cursor.execute(f'CREATE DATABASE "{name}"{suffix}')  # type: ignore[attr-defined]
        return self.url(name)

    def drop(self, name: str) -> None:
        with self.admin() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[attr-defined]
