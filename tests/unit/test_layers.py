"""The domain stays pure: importing it loads no UI or database framework."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import cockpit.domain


def test_domain_imports_no_framework() -> None:
    modules = [f"cockpit.domain.{m.name}" for m in pkgutil.iter_modules(cockpit.domain.__path__)]
    assert len(modules) >= 3
    code = (
        "import sys, importlib\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "frameworks = {'textual', 'peewee', 'yaml', 'rich', 'sqlite3', 'psycopg2'}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in frameworks "
        "or m.startswith(('cockpit.store', 'cockpit.tui', 'cockpit.content', "
        "'cockpit.services')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"the domain pulled in: {out.stdout.strip()}"


def test_ui_never_imports_the_store() -> None:
    code = (
        "import sys, importlib, pkgutil, cockpit.tui\n"
        "for m in pkgutil.walk_packages(cockpit.tui.__path__, 'cockpit.tui.'):\n"
        "    importlib.import_module(m.name)\n"
        "loaded = [m for m in sys.modules if m == 'peewee' or m.startswith('cockpit.store')]\n"
        "print(','.join(sorted(loaded)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # The UI gets its services from the caller; importing the UI alone must not load the store.
    assert out.stdout.strip() == "", f"the UI pulled in: {out.stdout.strip()}"
