"""The faster start: a forked child reads the first screen while the interface loads; the
services the first screen did not need open later, once."""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

import pytest

from cockpit.boot import read_in_child
from cockpit.services import open_services
from cockpit.services.warm import OpenOnDemand, read_first_screen
from tests.conftest import FIXED_NOW


def _opener(url: str):
    return partial(open_services, url, clock=lambda: FIXED_NOW)


def _in_child(url: str, name: str | None, lang: str, limit: int):
    return read_in_child(lambda: read_first_screen(_opener(url)().setup, name, lang, limit))


@pytest.fixture(autouse=True)
def _own_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COCKPIT_STATE", str(tmp_path / "state"))


def test_the_child_reads_what_the_parent_would(demo_url: str) -> None:
    wait = _in_child(demo_url, None, "fr", 50)
    first = wait()
    assert first is not None
    services = _opener(demo_url)()
    expected = read_first_screen(services.setup, None, "fr", 50)
    assert first == expected
    assert len(first.page.rows) == min(50, first.page.total) > 0
    assert first.card is not None and first.card.person == first.page.rows[0].person
    assert not first.has_unfinished and not first.empty_database


def test_a_named_caller_and_english(demo_url: str) -> None:
    services = _opener(demo_url)()
    last = services.callers()[-1]
    first = _in_child(demo_url, last.name, "en", 10)()
    assert first is not None and first.caller == last and len(first.page.rows) <= 10


def test_unknown_caller_or_bad_database_leave_it_to_the_parent(demo_url: str,
                                                                tmp_path: Path) -> None:
    # The parent then opens the services itself and says what is wrong, as without fork.
    assert _in_child(demo_url, "Nobody Here", "fr", 50)() is None
    missing = f"sqlite:///{tmp_path / 'no' / 'such' / 'dir' / 'x.sqlite'}"
    assert _in_child(missing, None, "fr", 50)() is None


def test_no_fork_when_the_benchmark_leaves_it_out(demo_url: str) -> None:
    from cockpit import boot
    from cockpit.settings import TestHooks

    hooks = TestHooks.from_environment({"COCKPIT_BOOT_WITHOUT": "gc, fork"})
    assert hooks.boot_without == {"gc", "fork"}
    assert TestHooks.from_environment({"COCKPIT_NO_FORK": "1"}).boot_without == {"fork"}
    boot.leave_out(hooks.boot_without)
    try:
        assert _in_child(demo_url, None, "fr", 50)() is None
    finally:
        boot.leave_out(frozenset())


def test_an_unfinished_call_is_noted_for_the_screen_to_resume(demo_url: str) -> None:
    services = _opener(demo_url)()
    first = read_first_screen(services.setup, None, "fr", 50)
    assert first is not None
    assert services.start_call(first.caller.id, first.page.rows[0].person) is not None
    with_call = _in_child(demo_url, None, "fr", 50)()
    assert with_call is not None and with_call.has_unfinished


def test_a_team_with_nobody_to_call_is_an_empty_database(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite'}"
    services = _opener(url)()
    services.team_add("Alice Martin")
    first = read_first_screen(services.setup, None, "fr", 50)
    assert first is not None and first.page.rows == () and first.empty_database


def test_services_on_demand_open_once_whoever_asks_first(demo_url: str) -> None:
    opened: list[str] = []

    def opener():
        opened.append(threading.current_thread().name)
        return _opener(demo_url)()

    later = OpenOnDemand(opener)
    assert opened == []
    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(later.get())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(opened) == 1 and len({id(s) for s in got}) == 1
    assert later.get() is got[0] and later.get().callers()


def test_the_child_reads_only_when_a_core_is_free_for_it() -> None:
    # On a busy machine a child only adds its CPU: the start reads in order there.
    from cockpit import boot
    from cockpit.settings import TestHooks

    assert boot.fork_pays(0.4, 4) and boot.fork_pays(2.5, 4)
    assert not boot.fork_pays(1.0, 2) and not boot.fork_pays(6.5, 2)
    assert not boot.fork_pays(0.0, 1)  # one core: nothing to read on meanwhile
    boot.leave_out(TestHooks.from_environment({"COCKPIT_BOOT_WITHOUT": "fork"}).boot_without)
    try:
        assert not boot.fork_pays(0.0, 8)
    finally:
        boot.leave_out(frozenset())


def test_collection_resumes_once_the_first_screen_is_up_and_only_if_paused() -> None:
    import subprocess
    import sys

    program = """
import gc
from cockpit import boot
boot.first_screen_shown()  # nothing paused it: left alone
print(gc.isenabled(), gc.get_freeze_count() == 0)
boot.pause_collection()
print(gc.isenabled())
boot.first_screen_shown()
print(gc.isenabled(), gc.get_freeze_count() > 0)
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["True", "True", "False", "True", "True"]


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
from cockpit.boot import skip_postgres_driver
skip_postgres_driver({url!r})
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


def test_the_card_read_first_is_the_one_the_cursor_lands_on(demo_url: str) -> None:
    # The queue's first line held (outside the hours where their phones ring, evening in
    # Nouméa):
    # the cursor lands on the first person who may be called, and so does the card read
    # ahead. Another card would be read again, on the interface's thread, as it starts.
    from tests.rawdb import Raw

    services = _opener(demo_url)()
    top = read_first_screen(services.setup, None, "fr", 50)
    assert top is not None and not top.page.rows[0].held
    with Raw(demo_url) as db:
        db.execute("UPDATE phone SET time_zone = 'Pacific/Noumea' WHERE contact_id = ?",
                   (top.page.rows[0].person.id,))
    first = read_first_screen(_opener(demo_url)().setup, None, "fr", 50)
    assert first is not None and first.card is not None
    rows = first.page.rows
    assert rows[0].person == top.page.rows[0].person and rows[0].held  # still first, held
    landing = next(row for row in rows if not row.held)
    assert first.page.landing() == rows.index(landing)
    assert first.card.person == landing.person


def _lean(url: str, name: str | None = None, lang: str = "fr", limit: int = 50):
    from cockpit.services.warm import read_first_lean
    from cockpit.settings import Settings

    return read_first_lean(url, Settings.load(), lambda: FIXED_NOW, name, lang, limit)


def test_the_first_screen_read_on_the_driver_alone_is_the_full_ways(demo_url: str) -> None:
    # The child reads it without peewee, the models or the content: the same screen, card,
    # figures and resume flag as through the store, and the driver's connection is closed.
    from cockpit.store import sql

    services = _opener(demo_url)()  # a start before this one checked the content
    for name, lang, limit in ((None, "fr", 50), (services.callers()[-1].name, "en", 10)):
        lean = _lean(demo_url, name, lang, limit)
        assert lean is not None and lean.card is not None
        assert lean == read_first_screen(services.setup, name, lang, limit)
        assert sql.lean() is None
    person = lean.page.rows[0].person
    assert services.start_call(lean.caller.id, person) is not None
    resumed = _lean(demo_url, lean.caller.name, "en", 10)
    assert resumed is not None and resumed.has_unfinished


def test_reading_the_first_screen_lean_loads_neither_peewee_nor_the_content(
        demo_url: str) -> None:
    import subprocess
    import sys

    _opener(demo_url)()  # the content checked once, as by any earlier start
    program = f"""
import sys
from cockpit.boot import skip_postgres_driver
from cockpit.services.warm import read_first_lean
from cockpit.settings import Settings
skip_postgres_driver({demo_url!r})
first = read_first_lean({demo_url!r}, Settings.load(), None, None, "fr", 50)
print("read", first is not None and first.card is not None)
for name in ("peewee", "cockpit.store.models", "cockpit.domain.script", "yaml"):
    print(name, name in sys.modules)
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["read", "True", "peewee", "False", "cockpit.store.models",
                                   "False", "cockpit.domain.script", "False", "yaml", "False"]


def test_the_first_screen_is_left_to_the_full_way_when_lean_cannot_say_it(
        demo_url: str, tmp_path: Path) -> None:
    from cockpit.services import drafts

    # Content never checked on this computer: its errors, if any, are said at start-up.
    assert _lean(demo_url) is None
    services = _opener(demo_url)()
    assert _lean(demo_url) is not None
    # A draft waits: sorting drafts out needs the store's calls.
    drafts.write(999_999, "Rappeler après 14 h")
    assert _lean(demo_url) is None
    drafts.remove(999_999)
    # Nobody of that name, or no database there: nothing read.
    assert _lean(demo_url, "Nobody Here") is None
    assert _lean(f"sqlite:///{tmp_path / 'none.sqlite'}") is None
    assert services.callers()


def test_a_read_only_file_is_said_on_the_first_screen_read_lean(demo_url: str) -> None:
    if not demo_url.startswith("sqlite"):
        pytest.skip("a file's mode: SQLite only")
    path = Path(demo_url.removeprefix("sqlite:///"))
    _opener(demo_url)()
    path.chmod(0o400)
    try:
        lean = _lean(demo_url)
        assert lean is not None and lean.read_only == str(path.resolve())
    finally:
        path.chmod(0o600)


@pytest.mark.parametrize("tricks", ["fork", ""])
def test_the_cockpit_shows_its_first_screen_before_loading_the_store(
        demo_url: str, tricks: str, tmp_path: Path) -> None:
    # Read in order (no core free, or the benchmark's --without fork) as in a child: on the
    # driver alone, the store's models and peewee loaded only once the caller acts.
    import os
    import subprocess
    import sys

    if not demo_url.startswith("sqlite"):
        pytest.skip("the start's reads, the same on either database (tested above)")
    _opener(demo_url)()  # an earlier start checked the content
    program = ("import sys\nfrom cockpit.cli import main\nrc = main([])\n"
               "print(rc, 'peewee' in sys.modules, 'cockpit.store.models' in sys.modules)")
    env = dict(os.environ, COCKPIT_DB=demo_url, COCKPIT_EXIT_WHEN_READY="1",
               COCKPIT_HEADLESS="1", COCKPIT_NOW="2026-11-23T10:00+01:00",
               COCKPIT_BOOT_WITHOUT=tricks, COLUMNS="120", LINES="40")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          env=env, check=True, timeout=60)
    assert done.stdout.split()[-3:] == ["0", "False", "False"], done.stderr[-2000:]


def test_collection_paused_for_the_figures_resumes_only_what_it_paused() -> None:
    import subprocess
    import sys

    program = """
import gc
from cockpit import boot
with boot.collection_paused():
    print(gc.isenabled())
print(gc.isenabled())
try:
    with boot.collection_paused():
        raise ValueError
except ValueError:
    print(gc.isenabled())
boot.pause_collection()  # start-up's pause: a pause inside it leaves it paused
with boot.collection_paused():
    pass
print(gc.isenabled())
"""
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["False", "True", "True", "False"]
