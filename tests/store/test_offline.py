"""Team mode on a real PostgreSQL server: a caller whose connection drops keeps working; the
note and the end of the call wait on the computer and are written once the connection
returns, nothing lost, nothing written twice."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from cockpit.services import drafts, open_services
from cockpit.services.errors import ServiceError, StoreUnavailable
from tests.conftest import FIXED_NOW
from tests.pg import Server
from tests.rawdb import raw

NOTE = "Rappeler jeudi : budget validé en janvier, veut deux profils Java"


def _words(ended) -> str:
    """What the cockpit says of the end of a call, in French."""
    from cockpit.i18n import Translator
    from cockpit.tui.call_words import call_end_words

    return call_end_words(ended, Translator("fr"), ZoneInfo("Europe/Paris"))


def _cut(server: Server, name: str) -> None:
    with server.admin() as cursor:
        cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')  # type: ignore[attr-defined]
        cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "  # type: ignore[attr-defined]
                       "WHERE datname = %s", (name,))


def _restore(server: Server, name: str) -> None:
    with server.admin() as cursor:
        cursor.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')  # type: ignore[attr-defined]


@pytest.fixture
def team_db(pg_server: Server, pg_demo_template: str, monkeypatch: pytest.MonkeyPatch,
            tmp_path: Path):
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    name = f"offline_{tmp_path.name[-12:].replace('-', '_')}"
    url = pg_server.create(name, pg_demo_template)
    yield url, name
    _restore(pg_server, name)
    from cockpit.store.db import database

    database.obj.close()
    pg_server.drop(name)


def _start_call(url: str):
    """Services on the database, and a call started by the second caller to the first person
    of their queue."""
    services = open_services(url, clock=lambda: FIXED_NOW)
    caller = services.callers()[1]
    person = services.queue_page(caller.id, limit=1).rows[0].person
    return services, caller, services.start_call(caller.id, person)


def test_a_connection_cut_and_restored_loses_no_note(pg_server: Server, team_db) -> None:
    url, name = team_db
    services, _caller, call = _start_call(url)
    services.save_draft(call.call_id, "Début de la note")

    _cut(pg_server, name)
    with pytest.raises(StoreUnavailable):
        services.save_draft(call.call_id, NOTE)
    assert drafts.read(call.call_id) == NOTE and services.offline
    moved = services.choose(call.call_id, 1)  # the script goes on from memory
    assert moved.breadcrumb != call.breadcrumb
    said = _words(services.finish_call(call.call_id, "callback", "jeudi 10h", NOTE))
    assert "hors ligne" in said
    assert services.flush_outbox() == 0 and services.offline  # still cut

    _restore(pg_server, name)
    assert services.flush_outbox() == 1 and not services.offline
    assert services.flush_outbox() == 0  # written once
    with raw(url) as db:
        notes = db.execute("SELECT body, is_draft FROM note WHERE call_id = ?",
                           (call.call_id,)).fetchall()
        outcome = db.execute("SELECT outcome FROM call WHERE id = ?",
                             (call.call_id,)).fetchone()
        reminders = db.execute("SELECT kind, due_at FROM reminder WHERE call_id = ?",
                               (call.call_id,)).fetchall()
        steps = db.execute("SELECT COUNT(*) FROM call_event WHERE call_id = ? AND kind = "
                           "'answer'", (call.call_id,)).fetchone()[0]
    assert notes == [(NOTE, False)] and outcome == ("callback",)
    assert len(reminders) == 1 and str(reminders[0][1]).startswith("2026-11-26 09:00")
    assert steps == 1  # the answer chosen while offline was kept


def test_the_outbox_survives_a_restart(pg_server: Server, team_db) -> None:
    url, name = team_db
    first, caller, call = _start_call(url)
    _cut(pg_server, name)
    first.finish_call(call.call_id, "no_answer", "", NOTE)
    del first  # the cockpit is closed while still offline

    _restore(pg_server, name)
    again = open_services(url, clock=lambda: FIXED_NOW)  # the next morning's start
    # Ended while offline: it waits in the outbox; the cockpit must not reopen it as a call
    # left unfinished by a crash.
    assert again.unfinished_call(caller.id) is None
    assert again.flush_outbox() == 1
    with raw(url) as db:
        assert db.execute("SELECT outcome FROM call WHERE id = ?",
                          (call.call_id,)).fetchone() == ("no_answer",)
        assert db.execute("SELECT COUNT(*) FROM note WHERE call_id = ? AND body = ?",
                          (call.call_id, NOTE)).fetchone()[0] == 1


def test_a_note_saved_after_the_end_of_the_call_is_dropped(pg_server: Server,
                                                           team_db) -> None:
    """The notes pane saves as the caller types; a save that comes after the end of the call
    (offline, the end was slow to return) neither fails nor leaves a draft behind."""
    url, name = team_db
    services, _caller, call = _start_call(url)
    _cut(pg_server, name)
    services.finish_call(call.call_id, "no_answer", "", NOTE)
    assert services.save_draft(call.call_id, NOTE + " (fin tapée trop tard)") is None
    assert drafts.read(call.call_id) is None
    _restore(pg_server, name)
    assert services.flush_outbox() == 1
    with raw(url) as db:
        assert db.execute("SELECT body, is_draft FROM note WHERE call_id = ?",
                          (call.call_id,)).fetchall() == [(NOTE, False)]


def test_the_connection_state_follows_every_database_call(pg_server: Server,
                                                          team_db) -> None:
    """One view of the connection for the top bar: a read that fails says offline, the
    next one that works says online again, even with nothing waiting in the outbox."""
    url, name = team_db
    services = open_services(url, clock=lambda: FIXED_NOW)
    caller = services.callers()[1]
    services.queue_page(caller.id, limit=5)
    assert services.offline is False
    _cut(pg_server, name)
    with pytest.raises(StoreUnavailable):
        services.queue_page(caller.id, limit=5)
    assert services.offline is True and services.flush_outbox() == 0
    _restore(pg_server, name)
    assert services.queue_page(caller.id, limit=5).rows
    assert services.offline is False


def test_while_offline_the_steps_wait_in_memory_then_go_in_together(pg_server: Server,
                                                                    team_db) -> None:
    """Known to be offline, answers do not each wait for the database (a dead link can take
    seconds to fail): they are kept in memory and written with the next attempt that works."""
    import time

    url, _name = team_db
    services, _caller, call = _start_call(url)

    def answers_saved() -> int:
        with raw(url) as db:
            return db.execute("SELECT COUNT(*) FROM call_event WHERE call_id = ? AND kind = "
                              "'answer'", (call.call_id,)).fetchone()[0]

    services.offline, services.connection.offline_try_at = True, time.monotonic()  # failed
    moved = services.choose(call.call_id, 1)
    assert moved.breadcrumb != call.breadcrumb and answers_saved() == 0  # not even tried
    services.connection.offline_try_at = 0.0  # RETRY_OFFLINE later: the next step tries, and works
    services.choose(call.call_id, 1)
    assert answers_saved() == 2 and services.offline is False


# -- on both databases: a restart, an erased person, a full disk -----------------------------


def _offline_now(services) -> None:
    """As right after a failure: the next steps and the end of the call do not even try."""
    import time

    services.offline, services.connection.offline_try_at = True, time.monotonic()


def _state_files(tmp_path: Path) -> list[Path]:
    """The files of the state folder that may hold a note (drafts, outbox)."""
    state = tmp_path / "state" / "cockpit"
    return [p for folder in ("drafts", "outbox") for p in (state / folder).rglob("*")
            if p.is_file()]


def test_a_resumed_call_shows_its_number_again(demo_url: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """After a crash the number to dial is on screen again, and the end of the call knows
    the number's time zone without asking the database (the UI thread asks for it)."""
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    _first, caller, call = _start_call(demo_url)
    assert call.dial  # no dial command: the number is shown
    again = open_services(demo_url, clock=lambda: FIXED_NOW)  # the restart
    resumed, _draft = again.unfinished_call(caller.id)
    assert resumed.call_id == call.call_id and resumed.dial == call.dial
    assert again.live.require(call.call_id).dialled == call.dial


def test_a_resumed_call_proposes_its_reminder_in_the_zone_of_its_number(
        demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The end of a resumed call proposes the callback in the time zone of the number called
    (Martinique here) without reading the number again: the proposal is made on the UI
    thread, and the database may be gone by then (its numbers are taken away here)."""
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    services = open_services(demo_url, clock=lambda: FIXED_NOW)
    caller = services.callers()[1]
    person = services.queue_page(caller.id, limit=1).rows[0].person
    with raw(demo_url) as db:
        db.execute(f"UPDATE phone SET time_zone = 'America/Martinique' "
                   f"WHERE {person.kind}_id = ?", (person.id,))
    call = services.start_call(caller.id, person)
    expected = services.propose_reminder(call.call_id, "no_answer")
    again = open_services(demo_url, clock=lambda: FIXED_NOW)  # the restart
    resumed, _draft = again.unfinished_call(caller.id)
    with raw(demo_url) as db:
        db.execute(f"DELETE FROM phone WHERE {person.kind}_id = ?", (person.id,))
    assert again.propose_reminder(resumed.call_id, "no_answer") == expected != ""
    paris = open_services(demo_url, clock=lambda: FIXED_NOW)
    other = paris.queue_page(caller.id, limit=1).rows[0].person
    assert other != person
    second = paris.start_call(caller.id, other)
    assert paris.propose_reminder(second.call_id, "no_answer") != expected  # the zone shows


def test_an_ended_call_leaves_nothing_of_it_for_the_next(demo_url: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """A second call shows its own number to dial, never the first's, and asking about the
    first once it ended says it is not in progress."""
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    services, caller, first = _start_call(demo_url)
    services.finish_call(first.call_id, "no_answer", "", "")
    with pytest.raises(ServiceError) as error:
        services.choose(first.call_id, 1)
    assert error.value.code == "no_call" and first.call_id not in services.live
    person = services.queue_page(caller.id, limit=1).rows[0].person
    second = services.start_call(caller.id, person)
    assert second.call_id != first.call_id and second.dial and second.dial != first.dial


def test_an_english_caller_reads_the_end_of_the_call_in_english(demo_url: str, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch,
                                                                ) -> None:
    """The services say what the end did; the words are the caller's language's."""
    from cockpit.i18n import Translator
    from cockpit.tui.call_words import call_end_words

    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    services, _caller, call = _start_call(demo_url)
    ended = services.finish_call(call.call_id, "callback", "jeudi 10h", NOTE)
    said = call_end_words(ended, Translator("en"), ZoneInfo("Europe/Paris"))
    assert said.startswith("Callback agreed · callback ") and "Rappel" not in said


def test_an_end_of_call_for_a_person_erased_since_is_dropped_with_its_note(
        demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An end of call waits in the outbox; the person is erased meanwhile (person forget).
    The next start neither crashes nor keeps anything of theirs: the outbox entry and the
    local draft go, and the cockpit says so once."""
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    services, caller, call = _start_call(demo_url)
    _offline_now(services)
    with pytest.raises(StoreUnavailable):
        services.save_draft(call.call_id, NOTE)  # kept in its local file
    services.finish_call(call.call_id, "callback", "jeudi 10h", NOTE)
    assert len(_state_files(tmp_path)) == 2  # the draft and the outbox entry

    person = f"{call.person.kind}:{call.person.id}"
    again = open_services(demo_url, clock=lambda: FIXED_NOW)
    again.forget_person(person, "Melissa")
    assert again.unfinished_call(caller.id) is None
    assert again.flush_outbox() == 0
    assert again.take_erased_dropped() == 1 and again.take_erased_dropped() == 0
    assert again.flush_outbox() == 0 and again.take_erased_dropped() == 0  # said once
    assert _state_files(tmp_path) == []
    assert not again.offline


def test_a_local_draft_of_a_person_erased_since_is_wiped_at_the_next_start(
        demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cockpit was killed mid-call, offline, its draft on this computer only; the person
    is erased before it starts again: the draft does not outlive them."""
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    services, caller, call = _start_call(demo_url)
    _offline_now(services)
    with pytest.raises(StoreUnavailable):
        services.save_draft(call.call_id, NOTE)
    assert drafts.read(call.call_id) == NOTE
    again = open_services(demo_url, clock=lambda: FIXED_NOW)
    again.forget_person(f"{call.person.kind}:{call.person.id}", "Melissa")
    assert again.unfinished_call(caller.id) is None
    assert _state_files(tmp_path) == []


def test_a_draft_that_comes_late_never_overwrites_a_newer_one(
        demo_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafts are saved by worker threads; the one handed on first may run last."""
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))
    services, caller, call = _start_call(demo_url)
    assert services.save_draft(call.call_id, NOTE, 2) is not None
    assert services.save_draft(call.call_id, NOTE[:10], 1) is None
    again = open_services(demo_url, clock=lambda: FIXED_NOW)
    assert again.unfinished_call(caller.id)[1] == NOTE


@contextlib.contextmanager
def small_disk(where: Path, size_kb: int) -> Iterator[Path]:
    """A real file system of `size_kb` KiB (tmpfs) mounted at `where`; the test is skipped,
    with the reason, where mounting is not allowed (not root, a container without the right)."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                              str(where)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip("a full disk needs a small file system and mounting one is not allowed "
                    f"here (mount -t tmpfs: {mounted.stderr.strip() or mounted.returncode})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(disk: Path) -> Path:
    """Take every byte left on the disk with one file; removing it gives the room back."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 4096)
    return filler


@contextlib.contextmanager
def demo_on_small_disk(demo_template: Path, tmp_path: Path,
                       monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, Path]]:
    """The demo database and the state folder (drafts, outbox) on one small disk, with room
    for the demo and a little more."""
    room = demo_template.stat().st_size // 1024 + 1024
    with small_disk(tmp_path / "disk", room) as disk:
        target = disk / "cockpit.sqlite"
        shutil.copyfile(demo_template, target)
        target.chmod(0o600)
        monkeypatch.setenv("COCKPIT_STATE", str(disk / "state"))
        try:
            yield f"sqlite:///{target}", disk
        finally:
            from cockpit.store.db import database

            if database.obj is not None:
                database.obj.close()


@pytest.mark.sqlite_only
def test_a_full_disk_loses_nothing_and_writes_it_all_once_room_returns(
        backend: str, demo_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The database and the state folder are on a disk that fills up during the call: the
    note and the end of the call wait in memory, the services say "disk full" (neither
    offline nor refused), and both are written once when there is room again."""
    with demo_on_small_disk(demo_template, tmp_path, monkeypatch) as (url, disk):
        services, _caller, call = _start_call(url)
        services.save_draft(call.call_id, "Début")
        filler = fill(disk)

        with pytest.raises(StoreUnavailable) as full:
            services.save_draft(call.call_id, NOTE)
        assert full.value.code == "disk_full"
        assert services.disk_full and not services.offline and services.refused is None
        said = _words(services.finish_call(call.call_id, "callback", "jeudi 10h", NOTE))
        assert "disque plein" in said and "hors ligne" not in said
        assert services.flush_outbox() == 0 and services.disk_full  # still full

        filler.unlink()
        assert services.flush_outbox() == 1
        assert not services.disk_full and not services.offline
        assert services.flush_outbox() == 0  # written once
        with raw(url) as db:
            notes = db.execute("SELECT body, is_draft FROM note WHERE call_id = ?",
                               (call.call_id,)).fetchall()
            outcome = db.execute("SELECT outcome FROM call WHERE id = ?",
                                 (call.call_id,)).fetchone()
        assert notes == [(NOTE, False)] and outcome == ("callback",)
        assert not list((disk / "state" / "cockpit").glob("*/call-*"))


@pytest.mark.sqlite_only
def test_a_full_database_disk_is_disk_full_not_offline(
        backend: str, demo_template: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite says "database or disk is full" (then "cannot rollback"): the state folder
    has room, so the note and the end of the call wait there, said as a full disk."""
    with demo_on_small_disk(demo_template, tmp_path, monkeypatch) as (url, disk):
        monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))  # on a disk with room
        services, caller, call = _start_call(url)
        filler = fill(disk)
        with pytest.raises(StoreUnavailable) as full:
            services.save_draft(call.call_id, NOTE)
        assert full.value.code == "disk_full" and drafts.read(call.call_id) == NOTE
        assert services.queue_page(caller.id, limit=5).rows  # reading still works
        said = _words(services.finish_call(call.call_id, "no_answer", "", NOTE))
        assert "disque plein" in said and services.disk_full and not services.offline
        assert services.refused is None

        filler.unlink()
        assert services.flush_outbox() == 1 and not services.disk_full
        with raw(url) as db:
            assert db.execute("SELECT body FROM note WHERE call_id = ? AND NOT is_draft",
                              (call.call_id,)).fetchall() == [(NOTE,)]
