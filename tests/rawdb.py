"""Plain SQL on the database a test used, SQLite file or PostgreSQL server alike, to check
what was really written. Placeholders are written "?", as in sqlite3."""

from __future__ import annotations

from typing import Any


class Raw:
    def __init__(self, url: str) -> None:
        self.url = url
        self.postgres = url.startswith(("postgresql:", "postgres:"))
        if self.postgres:
            from urllib.parse import parse_qs, urlparse

            import psycopg2

            parsed = urlparse(url)
            query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
            self.connection = psycopg2.connect(dbname=parsed.path.lstrip("/"),
                                               user=parsed.username or "postgres",
                                               host=query.get("host", parsed.hostname))
        else:
            import sqlite3

            self.connection = sqlite3.connect(url.removeprefix("sqlite:///"))

    def _sql(self, sql: str) -> str:
        # psycopg2 reads % as its own placeholder mark: a LIKE pattern's % is doubled.
        return sql.replace("%", "%%").replace("?", "%s") if self.postgres else sql

    def execute(self, sql: str, params: tuple | list = ()) -> Any:
        cursor = self.connection.cursor()
        cursor.execute(self._sql(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows: list) -> None:
        self.connection.cursor().executemany(self._sql(sql), rows)

    def __enter__(self) -> Raw:
        return self

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.connection.commit()
        self.connection.close()


def raw(url: str) -> Raw:
    return Raw(url)
