"""The figures read what an objection or a going back holds: on SQLite in the query itself
(json_extract, without loading Python's json), on PostgreSQL by parsing each row. Both
readings give the same facts, on data as the cockpit writes it and on data it never would
(damaged, not an object, a number where a name goes)."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

ODD = ["not json", "[1]", '{"objection": ""}', '{"objection": 7}', '"x"', "null", "",
       '{"objection": "no_need_now", "extra": {"a": [1, 2]}}']
# A going back after an objection: {objection} is the one heard before it.
BACKS = ['{{"steps": 2, "objection": "{objection}"}}', '{{"steps": "1"}}', '{{"steps": null}}',
         '{{"steps": 0}}', "{{", '{{"objection": "{objection}"}}', '{{"objection": 3}}']


def test_sqlite_reads_an_event_s_data_as_parsing_it_does(demo_template: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from cockpit.services import open_services
    from cockpit.store import figures

    path = tmp_path / "cockpit.sqlite"
    shutil.copyfile(demo_template, path)
    db = sqlite3.connect(path)
    heard = db.execute(
        "SELECT o.id, o.data, (SELECT MIN(s.id) FROM call_event s WHERE s.call_id = o.call_id"
        " AND s.kind = 'ended' AND s.seq > o.seq) FROM call_event o WHERE o.kind = 'objection'"
        " ORDER BY o.id").fetchall()
    odd, backed = heard[:len(ODD)], [h for h in heard[len(ODD):] if h[2] is not None]
    assert len(odd) == len(ODD) and len(backed) >= len(BACKS)
    for (event, _, _), data in zip(odd, ODD, strict=True):
        db.execute("UPDATE call_event SET data = ? WHERE id = ?", (data, event))
    for (_, said, later), data in zip(backed, BACKS, strict=False):
        objection = said.split('"')[3]  # {"objection": "…"}
        db.execute("UPDATE call_event SET kind = 'back', data = ? WHERE id = ?",
                   (data.format(objection=objection), later))
    db.commit()
    db.close()
    open_services(f"sqlite:///{path}")
    start, end = datetime(2000, 1, 1, tzinfo=UTC), datetime.now(UTC) + timedelta(days=400)
    in_sql = figures.call_facts(start, end)
    monkeypatch.setattr(figures, "is_postgres", lambda: True)  # each row's data parsed
    parsed = figures.call_facts(start, end)
    assert in_sql == parsed
    assert any(fact.objections for fact in in_sql)  # the demo's objections are counted
