"""Version 6: do-not-call is about a person (issue 14).

Who asked themselves is kept, so lifting a number off the list never lifts them; and a
switchboard put on the list when one of its people asked is reopened for her colleagues
(she stays flagged)."""

from __future__ import annotations

import peewee as pw

COLUMN = ("asked_not_to_call", "BOOLEAN NOT NULL DEFAULT FALSE")
# The reasons earlier versions wrote when a person asked (the call's outcome, the `x` key).
ASKED = ("asked during a call", "marked by a caller")


def apply(db: pw.Database) -> None:
    for table in ("contact", "freelance"):
        if COLUMN[0] not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {' '.join(COLUMN)}")
        db.execute_sql(
            f"UPDATE {table} SET asked_not_to_call = TRUE WHERE do_not_call = TRUE AND ("
            f"id IN (SELECT {table}_id FROM call WHERE outcome = 'do_not_call') OR id IN "
            f"(SELECT entity_id FROM audit_log WHERE action = 'do_not_call' "
            f"AND entity = '{table}'))")
    p = db.param
    db.execute_sql(f"DELETE FROM do_not_call WHERE reason IN ({p}, {p}) AND e164 IN "
                   "(SELECT e164 FROM phone WHERE label = 'standard')", ASKED)
