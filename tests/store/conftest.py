from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def store_url(tmp_path: Path) -> str:
    """A fresh database URL (a real SQLite file); PostgreSQL joins here in team mode."""
    return f"sqlite:///{tmp_path / 'store.sqlite'}"
