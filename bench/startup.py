"""Cold start of the cockpit on the large demo, to its first interactive screen, against a
minimal Textual app (header, one label, footer) started the same way. Runs alternate; the
median ratio is printed (target ≤ 1.3)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

from _common import ROOT, large_demo_url, median

MINIMAL_APP = """
from textual.app import App
from textual.widgets import Footer, Header, Label

class Minimal(App):
    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.exit)

Minimal().run(headless=True)
"""


# A second, informative baseline: the same widgets as the cockpit, without data or database.
SAME_WIDGETS_APP = """
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
        self.call_after_refresh(self.exit)

SameWidgets().run(headless=True)
"""


def time_command(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    url = large_demo_url()
    env = dict(os.environ, COCKPIT_DB=url, COCKPIT_EXIT_WHEN_READY="1", COCKPIT_HEADLESS="1")
    cockpit = [sys.executable, "-m", "cockpit"]
    minimal = [sys.executable, "-c", MINIMAL_APP]
    same = [sys.executable, "-c", SAME_WIDGETS_APP]
    time_command(cockpit, env)  # warm the OS file cache for both, as a user's second start
    time_command(minimal, env)
    ours: list[float] = []
    base: list[float] = []
    widgets: list[float] = []
    for _ in range(args.runs):
        ours.append(time_command(cockpit, env))
        base.append(time_command(minimal, env))
        widgets.append(time_command(same, env))
    ratios = [a / b for a, b in zip(ours, base, strict=True)]
    print(f"cockpit start (large demo): median {median(ours) * 1000:.0f} ms")
    print(f"minimal Textual app:        median {median(base) * 1000:.0f} ms")
    print(f"ratio (median of pairs):    {median(ratios):.2f}  (target <= 1.30)")
    print(f"same widgets, no data:      median {median(widgets) * 1000:.0f} ms "
          f"(ratio to minimal {median(widgets) / median(base):.2f}; "
          f"cockpit to it {median(ours) / median(widgets):.2f})")


if __name__ == "__main__":
    main()
