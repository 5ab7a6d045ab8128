"""Settings from the config file; the dial command gets the number to call."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from cockpit.cli import main


@pytest.fixture(autouse=True)
def _command_line_in_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English messages (French is its default)."""
    monkeypatch.setenv("COCKPIT_LANG", "en")


@pytest.fixture(autouse=True)
def _fresh_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from cockpit.settings import VARIABLES

    for variable in VARIABLES.values():
        if variable != "COCKPIT_LANG":
            monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("COCKPIT_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")


def test_config_file_sets_the_database_and_caller(
    tmp_path: Path, demo_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "config.toml").write_text(f'db = "{demo_url}"\ncaller = "Karim"\n')
    assert main(["queue", "--limit", "1"]) == 0
    assert "Karim: " in capsys.readouterr().out


def test_a_bad_config_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "config.toml").write_text('db = "x"\ncolour = "blue"\n')
    assert main(["check"]) == 2
    err = capsys.readouterr().err
    assert "config.toml" in err and "colour" in err


def test_the_dial_command_receives_the_e164_number(demo_url: str, tmp_path: Path) -> None:
    from cockpit.services import open_services
    from tests.conftest import FIXED_NOW

    dialled = tmp_path / "dialled.txt"
    script = tmp_path / "softphone.py"
    script.write_text(f"import sys; open({str(dialled)!r}, 'w').write(sys.argv[-1])\n")
    services = open_services(demo_url, clock=lambda: FIXED_NOW,
                             dial_command=f"{sys.executable} {script}")
    caller = services.find_caller("Melissa")
    person = services.queue_page(caller.id, limit=1).rows[0].person
    call = services.start_call(caller.id, person)
    assert call.dial == ""  # dialled by the softphone, not shown to dial by hand
    for _ in range(50):
        if dialled.exists() and dialled.read_text():
            break
        time.sleep(0.1)
    assert dialled.read_text().startswith("+")
