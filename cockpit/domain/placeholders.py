"""Placeholders in script text: {contact.last_name}, {capture.callback_at}…"""

from __future__ import annotations

import re
from collections.abc import Mapping

_PATTERN = re.compile(r"\{([a-z_]+\.[a-z_]+)\}")


def placeholders_in(text: str) -> list[str]:
    return _PATTERN.findall(text)


def render(text: str, context: Mapping[str, Mapping[str, object]]) -> str:
    """Fill the placeholders; a missing value shows as [name] so the caller sees the gap."""

    def fill(match: re.Match[str]) -> str:
        group, _, key = match.group(1).partition(".")
        value = (context.get(group) or {}).get(key)
        if value is None or value == "":
            return f"[{match.group(1)}]"
        return str(value)

    return _PATTERN.sub(fill, text)
