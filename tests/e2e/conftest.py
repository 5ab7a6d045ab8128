from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.e2e.tmux import Tmux


@pytest.fixture
def tmux() -> Iterator[Tmux]:
    try:
        terminal = Tmux(width=120, height=40)
    except RuntimeError as exc:
        pytest.skip(str(exc))
    try:
        yield terminal
    finally:
        terminal.close()
