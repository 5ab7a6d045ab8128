"""Charts made of characters, for the terminal and the Markdown report."""

from __future__ import annotations

from collections.abc import Sequence

_BLOCKS = " ▏▎▍▌▋▊▉█"
_SPARKS = "▁▂▃▄▅▆▇█"


def bar(value: float, largest: float, width: int = 20) -> str:
    """A horizontal bar, to the eighth of a character."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = round(value / largest * width * 8)
    full, part = divmod(max(1, eighths), 8)
    return "█" * full + (_BLOCKS[part] if part else "")


def sparkline(values: Sequence[int]) -> str:
    """One character per value, its height relative to the largest; a space for zero."""
    top = max(values, default=0)
    if top <= 0:
        return " " * len(values)
    return "".join(" " if v <= 0 else _SPARKS[min(7, (v * 8 - 1) // top)] for v in values)


def duration(seconds: int) -> str:
    """3725 → "1 h 02", 125 → "2 min 05"."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours} h {minutes:02d}" if hours else f"{minutes} min {secs:02d}"
