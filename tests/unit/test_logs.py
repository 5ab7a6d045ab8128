"""The cockpit's own log: private, rotated at start once past its size, personal data masked."""

from __future__ import annotations

import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from cockpit import logs


@pytest.fixture
def fresh_log(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "cockpit.log"
    monkeypatch.setenv("COCKPIT_LOG", str(path))
    kept = logs.log.path
    logs.log.close()
    yield path
    logs.log.close()
    if kept is not None:
        logs.log.open(kept)


def test_a_full_log_is_rotated_at_start_three_kept(fresh_log: Path) -> None:
    for n in (1, 2, 3):
        fresh_log.with_name(f"cockpit.log.{n}").write_text(f"old {n}\n")
    fresh_log.write_bytes(b"x" * logs.KEEP_BYTES)
    logs.setup()
    logs.log.info("call %d started", 7)
    assert fresh_log.read_text().endswith("INFO call 7 started\n")
    assert fresh_log.with_name("cockpit.log.1").stat().st_size == logs.KEEP_BYTES
    assert fresh_log.with_name("cockpit.log.2").read_text() == "old 1\n"
    assert fresh_log.with_name("cockpit.log.3").read_text() == "old 2\n"
    assert not fresh_log.with_name("cockpit.log.4").exists()  # the oldest went
    assert stat.S_IMODE(fresh_log.stat().st_mode) == 0o600


def test_a_small_log_is_kept_and_numbers_are_masked(fresh_log: Path) -> None:
    fresh_log.write_text("yesterday\n")
    fresh_log.chmod(0o644)
    logs.setup()
    logs.log.warning("dialled %s for %s", "06 12 34 56 78", "jb@nb.fr")
    text = fresh_log.read_text()
    assert text.startswith("yesterday\n") and "[number]" in text and "[e-mail]" in text
    assert "12 34" not in text and "jb@nb.fr" not in text
    assert stat.S_IMODE(fresh_log.stat().st_mode) == 0o600  # made private when opened


def test_a_line_is_stamped_and_one_line_whatever_its_message(fresh_log: Path) -> None:
    logs.setup()
    logs.log.error("import failed: %s", "Bad\nrow\r")
    logs.log.info("a %d wrong format", "x")  # never raises
    first, second = fresh_log.read_text().splitlines()
    date, clock, level, *words = first.split(" ")
    assert len(date) == 10 and date[4] == "-" and clock[8] == "," and len(clock) == 12
    assert (level, " ".join(words)) == ("ERROR", "import failed: Bad row")
    assert " INFO a %d wrong format ('x',)" in second


def test_lines_written_from_threads_never_interleave(fresh_log: Path) -> None:
    logs.setup()

    def write(n: int) -> None:
        for i in range(200):
            logs.log.info("worker %d line %d %s", n, i, "." * 300)

    workers = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    lines = fresh_log.read_text().splitlines()
    assert len(lines) == 800 and all(line.endswith("." * 300) for line in lines)


def test_an_unwritable_log_never_stops_a_command(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    env = {"COCKPIT_LOG": str(blocked / "cockpit.log"), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "cockpit", "--version"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("cockpit ")

