"""Cold start of the cockpit on the large demo, to its first interactive screen, against a
minimal Textual app (header, one label, footer) started the same way. Runs alternate; the
median ratio is printed (target ≤ 1.3). Each program writes "ready" on its standard output
when its first screen is drawn, then quits: both the time to that line (the start-up) and
the time to the process's end are measured, and the CPU time each process (and any child it
waited for) used. `--without fork,gc` measures a start without those tricks (cockpit/boot.py
lists them)."""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time

from _common import ROOT, large_demo_url, median

MINIMAL_APP = """
import os
from textual.app import App
from textual.widgets import Footer, Header, Label

class Minimal(App):
    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        os.write(1, b"ready\\n")
        self.exit()

Minimal().run(headless=True)
"""


# A second, informative baseline: the same widgets as the cockpit, without data or database.
SAME_WIDGETS_APP = """
import os
from textual.app import App
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, OptionList, Static, TextArea

class SameWidgets(App):
    def compose(self):
        yield Static("Cockpit")
        with Horizontal():
            yield OptionList(*[f"person {i}" for i in range(50)])
            with VerticalScroll():
                yield Static("card")
        with Vertical():
            yield Static("script")
            yield Input()
        yield TextArea()
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        os.write(1, b"ready\\n")
        self.exit()

SameWidgets().run(headless=True)
"""


def _cpu_of_children() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def time_command(args: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to the "ready" line, seconds to the end of the process, CPU seconds used)."""
    cpu = _cpu_of_children()
    started = time.perf_counter()
    with subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE) as process:
        assert process.stdout is not None
        line = process.stdout.readline()
        ready = time.perf_counter() - started
        process.stdout.read()
    if process.returncode != 0 or line.strip() != b"ready":
        raise SystemExit(f"{args[:3]} did not start: exit {process.returncode}, said {line!r}")
    return ready, time.perf_counter() - started, _cpu_of_children() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    # Enough pairs that one noisy moment of the machine does not move the median much.
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--size", default="120x40", help="terminal size, COLUMNSxLINES")
    parser.add_argument("--without", default="", metavar="TRICKS",
                        help="start-up tricks to leave out, comma-separated: fork, gc, pgdriver")
    args = parser.parse_args()
    url = large_demo_url()
    # A weekday morning: within calling hours, the queue is full whatever the hour of the run.
    # Both programs are told the terminal's size, as a terminal would tell them. Without it,
    # headless Textual starts at 80x25 (rich's default) then resizes to 80x24 (shutil's): a
    # second layout and redraw of the whole screen that no real terminal causes.
    columns, lines = args.size.split("x")
    env = dict(os.environ, COCKPIT_DB=url, COCKPIT_EXIT_WHEN_READY="1", COCKPIT_HEADLESS="1",
               COCKPIT_NOW="2026-11-23T10:00+01:00", COLUMNS=columns, LINES=lines)
    cockpit_env = dict(env, COCKPIT_BOOT_WITHOUT=args.without)
    programs = {
        "cockpit": [sys.executable, "-m", "cockpit"],
        "minimal": [sys.executable, "-c", MINIMAL_APP],
        "same": [sys.executable, "-c", SAME_WIDGETS_APP],
    }
    envs = {name: cockpit_env if name == "cockpit" else env for name in programs}
    for name, command in programs.items():  # warm the OS file cache, as a user's 2nd start
        time_command(command, envs[name])
    ready: dict[str, list[float]] = {name: [] for name in programs}
    ended: dict[str, list[float]] = {name: [] for name in programs}
    cpu: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, command in programs.items():
            first, last, used = time_command(command, envs[name])
            ready[name].append(first)
            ended[name].append(last)
            cpu[name].append(used)

    def ratio(of: dict[str, list[float]], a: str, b: str) -> float:
        return median([x / y for x, y in zip(of[a], of[b], strict=True)])

    for label, of in (("first screen", ready), ("process end", ended)):
        print(f"{label}: cockpit (large demo) {median(of['cockpit']) * 1000:.0f} ms, "
              f"minimal Textual app {median(of['minimal']) * 1000:.0f} ms, "
              f"same widgets without data {median(of['same']) * 1000:.0f} ms")
    print(f"CPU time: cockpit {median(cpu['cockpit']) * 1000:.0f} ms, "
          f"minimal {median(cpu['minimal']) * 1000:.0f} ms")
    print(f"terminal {args.size}, {args.runs} alternated runs of each"
          + (f", without {args.without}" if args.without else ""))
    print(f"ratio to the first screen (median of pairs): {ratio(ready, 'cockpit', 'minimal'):.2f}"
          f"  (target <= 1.30)")
    print(f"ratio to the process end:                    {ratio(ended, 'cockpit', 'minimal'):.2f}")
    print(f"CPU ratio (median of pairs):                 {ratio(cpu, 'cockpit', 'minimal'):.2f}")
    print(f"same widgets without data, to the first screen: "
          f"{ratio(ready, 'same', 'minimal'):.2f} of the minimal app")


if __name__ == "__main__":
    main()
