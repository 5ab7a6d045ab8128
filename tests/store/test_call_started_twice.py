"""Asked twice to start the same call ("a" pressed twice, two workers at once), the services
start it once: one call in the database, one number dialled, the same call given back."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from cockpit.services import open_services
from tests.conftest import FIXED_NOW
from tests.rawdb import raw
from tests.store.test_do_not_call_person import _office


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def test_two_starts_at_once_make_one_call(store_url: str) -> None:
    from cockpit.services.views import PersonRef

    ids = _office(store_url)
    services = open_services(store_url, clock=lambda: FIXED_NOW)
    person = PersonRef("contact", ids["do"])
    barrier, views = threading.Barrier(4), []

    def start() -> None:
        barrier.wait(timeout=30)
        views.append(services.start_call(ids["caller"], person))

    workers = [threading.Thread(target=start) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert len(views) == 4 and len({v.call_id for v in views}) == 1
    with raw(store_url) as db:
        assert db.execute("SELECT COUNT(*) FROM call").fetchone() == (1,)
    # Once it has ended, calling the same person again is a new call.
    services.finish_call(views[0].call_id, "no_answer", "", "")
    again = services.start_call(ids["caller"], person)
    assert again.call_id != views[0].call_id
