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
