"""Fixtures of the unit tests: a copy of the shipped content to spoil."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cockpit.paths import content_dir


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(content_dir() / "scripts", root / "scripts")
    for name in ("objections.yaml", "personas.yaml"):
        shutil.copy(content_dir() / name, root / name)
    return root
