"""A service failing in a worker thread is said once on screen, by the app, whatever screen
ran it; the connection state the top bar shows follows."""

from __future__ import annotations

import threading

from cockpit.services.errors import ServiceError, StoreUnavailable
from cockpit.tui.workers import run_service


def _fail(error: Exception) -> None:
    raise error


async def test_a_refusal_in_a_worker_is_said_and_nothing_crashes(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        results: list[object] = []
        error = ServiceError("no such person", code="no_person")
        worker = threading.Thread(target=lambda: results.append(
            run_service(screen, _fail, error)))
        worker.start()
        worker.join()
        await pilot.pause()
        await pilot.pause()
        assert results == [None]
        said = [n.message for n in app._notifications]
        assert said and said[-1] == app.tr.error(error)
        assert app.is_running  # no crash: the app still runs


async def test_offline_is_said_once_and_the_state_follows(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.services.offline = True  # what the services note when the database fails
        for _ in range(3):
            run_service(app.screen, _fail, StoreUnavailable("database unreachable"))
            await pilot.pause()
        await pilot.pause()
        offline_said = [n for n in app._notifications
                        if n.message == app.tr.error(StoreUnavailable("database unreachable"))]
        assert len(offline_said) == 1
        assert app.connection.offline
