"""`cockpit check`: validate the scripts, objections and personas; print every problem."""

from __future__ import annotations

import argparse
from typing import Any

USES_DB = False


def register(sub: Any) -> argparse.ArgumentParser:
    return sub.add_parser(
        "check",
        help="validate scripts/, objections.yaml and personas.yaml",
        description="Validate the call content and print every problem as FILE:LINE: message. "
        "Exit 0 when clean, 1 otherwise.",
    )


def run(args: argparse.Namespace) -> int:
    from cockpit.content.loader import check_content
    from cockpit.paths import content_dir

    folder = content_dir(args.content)
    problems = check_content(folder)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) in {folder}")
        return 1
    print(f"content OK: {folder}")
    return 0
