"""db/team.sql for the CV files, on a real PostgreSQL server: a caller adds a CV in their own
name and reads everyone's; never one in a colleague's name, never rewrites or deletes one;
the lead deletes one only through an erasure."""

from __future__ import annotations

import pytest

from tests.rawdb import raw
from tests.store.test_team_roles import _ids, _session, team  # noqa: F401 (the fixture)

_ADD = ("INSERT INTO cv_file (freelance_id, name, format, size, sha256, content, text, "
        "scanned, added_at, added_by_id) VALUES (1, 'cv.txt', 'txt', 4, '{sha}', "
        "'\\x4a617661'::bytea, 'Java', FALSE, now(), {who})")


@pytest.fixture
def kept(team: dict[str, str]) -> dict[str, int]:  # noqa: F811
    ids = _ids(team)
    with raw(team["postgres"]) as db:
        db.execute(_ADD.format(sha="kept", who=ids["sophie"]))
        ids["cv"] = db.execute("SELECT MAX(id) FROM cv_file").fetchone()[0]
    return ids


def test_a_caller_adds_a_cv_in_their_name_and_reads_the_teams(team: dict[str, str],  # noqa: F811
                                                               kept: dict[str, int]) -> None:
    connection = _session(team["karim_t"])
    cursor = connection.cursor()
    cursor.execute(_ADD.format(sha="mine", who=kept["karim"]))
    cursor.execute(_ADD.format(sha="imported", who="NULL"))  # an import: nobody's name
    cursor.execute("SELECT COUNT(*) FROM cv_file")
    assert cursor.fetchone() == (3,)
    connection.close()


REFUSED = {
    "add one in a colleague's name": _ADD.format(sha="x", who="{sophie}"),
    "rewrite a CV": "UPDATE cv_file SET text = 'autre' WHERE id = {cv}",
    "delete a CV": "DELETE FROM cv_file WHERE id = {cv}",
}


@pytest.mark.parametrize("what", sorted(REFUSED))
def test_the_server_refuses_to_a_caller(team: dict[str, str], kept: dict[str, int],  # noqa: F811
                                        what: str) -> None:
    import psycopg2

    connection = _session(team["karim_t"])
    with pytest.raises(psycopg2.Error) as refused:
        connection.cursor().execute(REFUSED[what].format(**kept))
    connection.close()
    assert refused.value.pgcode == "42501", refused.value
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT text FROM cv_file").fetchall() == [("Java",)]


def test_the_lead_deletes_a_cv_only_through_an_erasure(team: dict[str, str],  # noqa: F811
                                                       kept: dict[str, int]) -> None:
    import psycopg2

    connection = _session(team["melissa_t"])
    with pytest.raises(psycopg2.Error) as refused:
        connection.cursor().execute(f"DELETE FROM cv_file WHERE id = {kept['cv']}")
    connection.close()
    assert refused.value.pgcode == "42501"
    with raw(team["postgres"]) as db:
        assert db.execute("SELECT COUNT(*) FROM cv_file").fetchone() == (1,)
