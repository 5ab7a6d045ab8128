"""A database file its owner made read-only (chmod 0400) stays so: commands that read work,
those that write say "base en lecture seule", and the file's mode is never put back."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from cockpit.cli import main


@pytest.fixture
def read_only(demo_url: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not demo_url.startswith("sqlite"):
        pytest.skip("a file's mode: SQLite only")
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T09:42:00+00:00")
    path = Path(demo_url.removeprefix("sqlite:///"))
    path.chmod(0o400)
    return path


def test_reading_works_and_the_mode_stays(read_only: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{read_only}"
    before = read_only.read_bytes()
    assert main(["queue", "--db", url, "--caller", "Melissa"]) == 0
    assert main(["needs", "--db", url]) == 0
    captured = capsys.readouterr()
    assert "à appeler" in captured.out and "besoins" in captured.out
    assert "base en lecture seule" in captured.err
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o400
    assert read_only.read_bytes() == before


def test_a_write_is_refused_with_a_clear_message(read_only: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{read_only}"
    assert main(["next", "--db", url, "--caller", "Melissa"]) == 2
    err = capsys.readouterr().err
    assert "base en lecture seule" in err and "rien n'a été enregistré" in err
    assert "Traceback" not in err
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o400
    assert main(["dnc", "--db", url, "add", "01 23 45 67 89"]) == 2
    assert "base en lecture seule" in capsys.readouterr().err
