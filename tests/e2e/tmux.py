"""Drive a real terminal: the installed `cockpit` runs in tmux; we type and read the screen."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path


class Tmux:
    """One tmux server of our own (its own socket), one window of a fixed size."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("tmux is not installed (.ci/run installs it)")
        self.socket = f"cockpit-test-{uuid.uuid4().hex[:8]}"
        self.session = "e2e"
        self.width, self.height = width, height

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, check=check)

    def start(self, argv: Sequence[str], env: Mapping[str, str], cwd: Path) -> None:
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        # COLUMNS/LINES inherited from a test runner would override the real terminal size.
        command = (f"cd {shlex.quote(str(cwd))} && env -u COLUMNS -u LINES {exports} "
                   f"{shlex.join(argv)}")
        self._tmux("new-session", "-d", "-s", self.session, "-x", str(self.width),
                   "-y", str(self.height), command)
        # Without a client attached tmux may keep its default 80x24: set the size we want.
        self._tmux("resize-window", "-t", self.session, "-x", str(self.width),
                   "-y", str(self.height), check=False)
        # Keep the pane after the program exits so its last screen can still be read.
        self._tmux("set-option", "-t", self.session, "remain-on-exit", "on")

    def send(self, *keys: str, literal: bool = False) -> None:
        args = ["send-keys", "-t", self.session]
        if literal:
            args.append("-l")
        self._tmux(*args, *keys)

    def type(self, text: str) -> None:
        self.send(text, literal=True)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session).stdout

    def pane_pid(self) -> int:
        out = self._tmux("display-message", "-p", "-t", self.session, "#{pane_pid}").stdout
        return int(out.strip())

    def pane_title(self) -> str:
        """The title the program set with an escape sequence (OSC 0 or 2), else the host's."""
        out = self._tmux("display-message", "-p", "-t", self.session, "#{pane_title}").stdout
        return out.strip()

    def is_dead(self) -> bool:
        out = self._tmux("display-message", "-p", "-t", self.session, "#{pane_dead}",
                         check=False).stdout
        return out.strip() == "1"

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} not on screen after {timeout} s:\n{screen}")

    def wait_until_dead(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.is_dead():
                return
            time.sleep(0.1)
        raise AssertionError(f"the program did not exit:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server", check=False)


def installed_cockpit() -> str:
    """The `cockpit` command installed next to the running Python (./dev installs it there)."""
    here = Path(os.environ.get("VIRTUAL_ENV", "")) / "bin" / "cockpit"
    if here.exists():
        return str(here)
    import sys

    beside = Path(sys.executable).parent / "cockpit"
    if beside.exists():
        return str(beside)
    found = shutil.which("cockpit")
    if found is None:
        raise RuntimeError("the cockpit command is not installed (run ./dev setup)")
    return found
