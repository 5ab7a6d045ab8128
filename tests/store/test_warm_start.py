"""The faster start: a forked child reads the first screen while the interface loads."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path

import pytest

from cockpit.services import open_services
from cockpit.services.warm import WarmServices, fork_first_screen, read_first_screen
from tests.conftest import FIXED_NOW


def _opener(url: str):
    return partial(open_services, url, clock=lambda: FIXED_NOW)


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def test_the_child_reads_what_the_parent_would(demo_url: str) -> None:
    wait = fork_first_screen(_opener(demo_url), None, "fr", 50)
    first = wait()
    assert first is not None
    services = _opener(demo_url)()
    expected = read_first_screen(services, None, "fr", 50)
    assert first == expected
    assert len(first.page.rows) == min(50, first.page.total) > 0
    assert first.card is not None and first.card.person == first.page.rows[0].person


def test_a_named_caller_and_english(demo_url: str) -> None:
    services = _opener(demo_url)()
    last = services.callers()[-1]
    first = fork_first_screen(_opener(demo_url), last.name, "en", 10)()
    assert first is not None and first.caller == last and len(first.page.rows) <= 10


@pytest.mark.parametrize("name", ["Nobody Here"])
def test_unknown_caller_or_bad_database_leave_it_to_the_parent(demo_url: str, tmp_path: Path,
                                                                name: str) -> None:
    # The parent then opens the services itself and says what is wrong, as without fork.
    assert fork_first_screen(_opener(demo_url), name, "fr", 50)() is None
    missing = f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.sqlite'}"
    assert fork_first_screen(_opener(missing), None, "fr", 50)() is None


def test_no_fork_when_disabled(demo_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_NO_FORK", "1")
    assert fork_first_screen(_opener(demo_url), None, "fr", 50)() is None


def test_warm_services_hand_out_the_first_screen_once_then_the_real_ones(demo_url: str) -> None:
    first = fork_first_screen(_opener(demo_url), None, "fr", 50)()
    assert first is not None
    opened: list[int] = []

    def opener():
        opened.append(os.getpid())
        return _opener(demo_url)()

    warm = WarmServices(opener, first, lambda: FIXED_NOW)
    assert warm.unfinished_call(first.caller.id) is None
    assert warm.prefetched_first_screen(first.caller.id, "en", 50) is None  # not what was read
    warm = WarmServices(opener, first, lambda: FIXED_NOW)
    assert warm.prefetched_first_screen(first.caller.id, "fr", 50) == (first.page, first.card)
    assert opened == []  # the first screen needed no database in this process
    # Handed out once: anything asked again, or anything else, goes to the real services,
    # opened once.
    assert warm.prefetched_first_screen(first.caller.id, "fr", 50) is None
    again = warm.queue_page(first.caller.id, limit=50, lang="fr")
    assert again == first.page and again is not first.page
    assert warm.day_figures(first.caller.id)["calls"] >= 0
    assert opened == [os.getpid()]


def test_services_prefetch_the_first_screen_for_the_same_arguments_only(demo_url: str) -> None:
    services = _opener(demo_url)()
    first = read_first_screen(services, None, "fr", 50)
    assert first is not None
    services.prefetch_queue(first.caller.id, "fr", 50)
    assert services.prefetched_first_screen(first.caller.id, "fr", 20) is None
    services.prefetch_queue(first.caller.id, "fr", 50)
    assert services.prefetched_first_screen(first.caller.id, "fr", 50) == (first.page,
                                                                           first.card)
    assert services.prefetched_first_screen(first.caller.id, "fr", 50) is None


def test_warm_services_defer_an_unfinished_call_to_the_real_services(demo_url: str) -> None:
    services = _opener(demo_url)()
    first = read_first_screen(services, None, "fr", 50)
    assert first is not None
    started = services.start_call(first.caller.id, first.page.rows[0].person)
    assert started is not None
    with_call = read_first_screen(_opener(demo_url)(), None, "fr", 50)
    assert with_call is not None and with_call.has_unfinished
    warm = WarmServices(_opener(demo_url), with_call, lambda: FIXED_NOW)
    found = warm.unfinished_call(first.caller.id)
    assert found is not None and found[0].person == first.page.rows[0].person


@pytest.mark.parametrize("scheme", ["sqlite", "postgresql"])
def test_the_postgres_driver_is_loaded_only_for_postgres(demo_url: str, scheme: str) -> None:
    """A cockpit on SQLite starts without loading the PostgreSQL driver, and still works;
    one on PostgreSQL loads it."""
    import subprocess
    import sys

    if not demo_url.startswith("sqlite"):
        pytest.skip("one run is enough: the SQLite demo, and a PostgreSQL URL never opened")
    url = demo_url if scheme == "sqlite" else "postgresql://nobody@localhost/none"
    program = f"""
import sys
from cockpit.commands.tui import _skip_postgres_driver
_skip_postgres_driver({url!r})
import peewee
print("driver", peewee.psycopg2 is not None)
if {url!r}.startswith("sqlite"):
    from cockpit.services import open_services
    services = open_services({url!r})
    print("callers", len(services.callers()) > 0)
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True)
    if scheme == "sqlite":
        assert done.stdout.split() == ["driver", "False", "callers", "True"]
    else:
        assert done.stdout.split() == ["driver", "True"]
