"""Team mode in the cockpit itself, on a real PostgreSQL server: the server goes away in the
middle of a call; the caller ends the call anyway, the top bar says OFFLINE, nothing crashes;
when the server is back the end of the call is written, once, and the warning goes."""

from __future__ import annotations

from pathlib import Path

from cockpit.tui.widgets.top_bar import TopBar
from tests.pg import Server
from tests.rawdb import raw
from tests.store.test_offline import _cut, _restore
from tests.ui.helpers import settle, start_call


async def test_a_call_ended_while_the_server_is_gone(make_app, pg_server: Server,
                                                     pg_demo_template: str,
                                                     tmp_path: Path) -> None:
    name = f"ui_offline_{tmp_path.name[-8:].replace('-', '_')}"
    url = pg_server.create(name, pg_demo_template)
    app = make_app(url=url)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await start_call(pilot)
            call_id = app.screen.call.call_id
            _cut(pg_server, name)
            await pilot.press("n", *list("Serveur coupé"), "escape")
            await settle(pilot)
            await pilot.press("f")  # the end of the call proposes its reminder offline too
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.is_running
            assert app.screen.call is None
            assert app.screen.query_one(TopBar).offline
            assert any("hors ligne" in n.message for n in app._notifications)
            outbox = tmp_path / "state" / "cockpit" / "outbox" / f"call-{call_id}.json"
            assert outbox.exists()

            _restore(pg_server, name)
            # The cockpit retries on its own every few seconds; a retry started while the
            # server was away may still report a failure, so give it a few rounds.
            for _ in range(10):
                app.screen.sync_outbox()
                await settle(pilot)
                if not outbox.exists() and not app.screen.query_one(TopBar).offline:
                    break
                await pilot.pause(0.5)
            assert not app.screen.query_one(TopBar).offline
            assert not outbox.exists()
            assert app.is_running
    finally:
        from cockpit.store.db import database

        database.obj.close()
    with raw(url) as db:
        assert db.execute("SELECT COUNT(*) FROM note WHERE call_id = ? AND body = ? AND "
                          "NOT is_draft", (call_id, "Serveur coupé")).fetchone() == (1,)
        assert db.execute("SELECT outcome IS NOT NULL FROM call WHERE id = ?",
                          (call_id,)).fetchone() == (True,)
    pg_server.drop(name)


async def test_a_full_disk_during_a_call(make_app, demo_template: Path, tmp_path: Path,
                                         monkeypatch) -> None:
    """The disk of the database and of the drafts fills up while the caller types: no crash,
    the top bar says DISQUE PLEIN (not HORS LIGNE), the note stays on screen, and once there
    is room the end of the call is written with its note, once."""
    from tests.store.test_offline import demo_on_small_disk, fill

    note = "Budget en janvier, rappeler jeudi"
    with demo_on_small_disk(demo_template, tmp_path, monkeypatch) as (url, disk):
        app = make_app(url=url)
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await start_call(pilot)
            call_id = app.screen.call.call_id
            filler = fill(disk)
            await pilot.press("n", *list(note))
            await pilot.pause(0.7)  # past the notes' maximum wait: a save is attempted
            await settle(pilot)
            bar = app.screen.query_one(TopBar)
            assert app.is_running and bar.disk_full and not bar.offline
            assert "DISQUE PLEIN" in str(bar.render()) and "HORS LIGNE" not in str(bar.render())
            assert "disque plein" in str(app.screen.query_one("#notes-status").render())
            await pilot.press("escape", "f")
            await settle(pilot)
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert app.is_running and app.screen.call is None
            assert any("disque plein" in n.message for n in app._notifications)

            filler.unlink()
            app.screen.sync_outbox()
            await settle(pilot)
            assert not app.screen.query_one(TopBar).disk_full
            assert any("enregistrée" in n.message for n in app._notifications)
        with raw(url) as db:
            assert db.execute("SELECT body FROM note WHERE call_id = ? AND NOT is_draft",
                              (call_id,)).fetchall() == [(note,)]


async def test_a_call_resumed_while_another_caller_holds_the_person(make_app,
                                                                   demo_url: str) -> None:
    """Killed mid-call, the lease ran out, a colleague took the person: the restart shows the
    call again, with its number, says who holds the person now, and the script does not move."""
    from cockpit.services import open_services
    from tests.conftest import FIXED_NOW

    first = open_services(demo_url, clock=lambda: FIXED_NOW)
    melissa = first.find_caller("Melissa")
    person = first.queue_page(melissa.id, limit=1).rows[0].person
    call = first.start_call(melissa.id, person)  # then the cockpit dies
    other = next(c for c in first.callers() if c.id != melissa.id)
    with raw(demo_url) as db:  # the colleague's claim, taken once Melissa's lease ran out
        db.execute(f"UPDATE {person.kind} SET claimed_by_id = ?, claim_expires_at = ? "
                   "WHERE id = ?", (other.id, "2026-11-23 09:55:00", person.id))
    app = make_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        assert app.screen.call is not None and app.screen.call.call_id == call.call_id
        assert any(other.name in n.message and "lecture seule" in n.message
                   for n in app._notifications)
        assert any(call.dial in n.message for n in app._notifications)  # the number again
        step = app.screen.call.step_title
        await pilot.press("1")
        await settle(pilot)
        assert app.is_running and app.screen.call.step_title == step
