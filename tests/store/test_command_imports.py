"""A command on a SQLite file loads no PostgreSQL driver (~80 ms of a short command's start)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.test_cli_queue import AT

CHECK = ("import sys; from cockpit.cli import main; code = main(sys.argv[1:]);"
         " print('loaded:', sorted(m for m in ('psycopg2', 'psycopg') if m in sys.modules))")


@pytest.mark.parametrize("command", [["queue", "--at", AT, "--limit", "5"], ["next"],
                                     ["reminders"], ["report"]])
def test_a_command_on_sqlite_leaves_the_postgresql_driver_out(
    command: list[str], demo_template: Path, tmp_path: Path
) -> None:
    target = tmp_path / "cockpit.sqlite"
    shutil.copyfile(demo_template, target)
    env = {**os.environ, "COCKPIT_NOW": "2026-11-23T09:42:00+00:00"}
    env.pop("COCKPIT_DB", None)
    done = subprocess.run([sys.executable, "-c", CHECK, *command, "--db", f"sqlite:///{target}"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "loaded: []"


LOADED = ("import sys; from cockpit.cli import main; code = main(sys.argv[1:]);"
          " print('loaded:', sorted(m for m in ('peewee', 'rich', 'psycopg2', 'psycopg',"
          " 'textual', 'yaml', 'dataclasses', 'logging', 'hashlib', 'pickle', 'phonenumbers')"
          " if sys.modules.get(m)), code)")


@pytest.mark.parametrize("command", [["reminders"], ["reminders", "--all"], ["report"],
                                     ["report", "--week", "2026-W47", "--format", "csv"],
                                     ["search", "martin"], ["next"],
                                     ["queue", "--at", AT, "--limit", "50"]], ids=" ".join)
def test_a_short_command_reads_without_peewee_nor_rich(command: list[str], demo_url: str,
                                                       tmp_path: Path) -> None:
    """On a database at this code's schema the command reads through the driver alone: on
    SQLite, no PostgreSQL driver either; no dataclasses (~8 ms with inspect: the records
    are named tuples); the log is written without the logging package (~8 ms), the
    content's cache key without hashlib (~3.5 ms), a report's labels without pickle; a
    French number is printed without phonenumbers (~15 ms)."""
    env = {**os.environ, "COCKPIT_NOW": "2026-11-23T09:42:00+00:00",
           "COCKPIT_STATE": str(tmp_path / "state")}
    env.pop("COCKPIT_DB", None)
    for _ in range(2):  # the first run keeps the checked scripts (content/cache.py)
        done = subprocess.run([sys.executable, "-c", LOADED, *command, "--db", demo_url],
                              capture_output=True, text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
    loaded = done.stdout.strip().splitlines()[-1]
    expected = ["psycopg2"] if demo_url.startswith("postgres") else []
    assert loaded == f"loaded: {sorted(expected)} 0"


def test_a_database_to_migrate_is_opened_the_full_way(tmp_path: Path) -> None:
    from tests.store.test_migrations import _old_database

    path = tmp_path / "old.sqlite"
    _old_database(path, 10)
    env = {**os.environ, "COCKPIT_STATE": str(tmp_path / "state")}
    env.pop("COCKPIT_DB", None)
    done = subprocess.run([sys.executable, "-c", LOADED, "reminders", "--db",
                           f"sqlite:///{path}"], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "comité" in done.stdout and "'peewee'" in done.stdout.splitlines()[-1]


@pytest.mark.parametrize("why", [[], ["--why"]], ids=["queue", "queue --why"])
def test_the_queue_in_a_pipe_is_printed_without_rich(why: list[str], demo_url: str,
                                                    tmp_path: Path) -> None:
    """Rich is half of `cockpit queue`: in a pipe the table is the plain one, the same text
    (tests/unit/test_plain_table.py); a terminal still gets Rich's styled table."""
    env = {**os.environ, "COCKPIT_NOW": "2026-11-23T09:42:00+00:00", "COLUMNS": "80",
           "COCKPIT_STATE": str(tmp_path / "state")}
    env.pop("COCKPIT_DB", None)
    command = ["queue", "--at", AT, "--limit", "50", *why, "--db", demo_url]
    done = subprocess.run([sys.executable, "-c", LOADED, *command], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "'rich'" not in done.stdout.strip().splitlines()[-1]
    assert "┏" in done.stdout


@pytest.mark.parametrize("command", [["queue", "--at", AT, "--limit", "5"], ["reminders"],
                                     ["report"], ["search", "martin"], ["nosuch"],
                                     ["queue", "--limit", "x"], ["team", "list"]],
                         ids=" ".join)
def test_a_command_run_as_a_process_says_what_main_says(
    command: list[str], demo_template: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`python -m cockpit` (the process's own main: no collector for a short read, the
    objects set aside at exit) prints, refuses and exits as main(argv) does in process."""
    from cockpit.cli import main

    target = tmp_path / "cockpit.sqlite"
    shutil.copyfile(demo_template, target)
    argv = [*command, "--db", f"sqlite:///{target}"]
    env = {**os.environ, "COCKPIT_NOW": "2026-11-23T09:42:00+00:00",
           "COCKPIT_STATE": str(tmp_path / "state")}
    env.pop("COCKPIT_DB", None)
    done = subprocess.run([sys.executable, "-m", "cockpit", *argv], capture_output=True,
                          text=True, env=env, timeout=120)
    for name in ("COCKPIT_NOW", "COCKPIT_STATE"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.delenv("COCKPIT_DB", raising=False)
    code = main(argv)
    said = capsys.readouterr()
    assert (done.returncode, done.stdout, done.stderr) == (code, said.out, said.err)


# What the short commands' lines, their reads and their printing do without: each costs a
# whole-process command milliseconds (bench/commands.py), and none is needed for them.
UNNEEDED = ("re", "typing", "argparse", "pathlib", "json", "calendar", "urllib.parse",
            "gettext", "locale")
LEAN = ("import sys; from cockpit.cli import main; code = main(sys.argv[1:]);"
        f" print('loaded:', sorted(m for m in {UNNEEDED!r} if m in sys.modules), code)")


@pytest.mark.parametrize("command", [["reminders"], ["report"], ["search", "martin"],
                                     ["queue", "--at", AT, "--limit", "50"],
                                     ["queue", f"--at={AT}", "--why"], ["next"]], ids=" ".join)
def test_a_short_command_on_sqlite_needs_no_regular_expression(
    command: list[str], demo_template: Path, tmp_path: Path
) -> None:
    """Nor typing, argparse, pathlib or json: `re` alone is ~5 ms of a ~60 ms run. A line
    argparse must read (a refusal, --help) or a text only a pattern reads still gets them."""
    target = tmp_path / "cockpit.sqlite"
    shutil.copyfile(demo_template, target)
    env = {**os.environ, "COCKPIT_NOW": "2026-11-23T09:42:00+00:00",
           "COCKPIT_STATE": str(tmp_path / "state"), "COCKPIT_DB": f"sqlite:///{target}"}
    for _ in range(2):  # the first run keeps the report's labels (content/cache.py)
        done = subprocess.run([sys.executable, "-c", LEAN, *command], capture_output=True,
                              text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "loaded: [] 0"
    refused = subprocess.run([sys.executable, "-c", LEAN, *command, "--limit", "x"],
                             capture_output=True, text=True, env=env, timeout=120)
    said = refused.stdout.strip().splitlines()[-1]
    assert said.endswith(" 2") and "'argparse'" in said and "--limit" in refused.stderr
