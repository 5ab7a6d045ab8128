from __future__ import annotations

from cockpit.content.loader import load_content
from cockpit.paths import content_dir
from cockpit.store.demo_words import PERSONAS


def test_demo_personas_exist_in_the_content() -> None:
    assert set(PERSONAS) == set(load_content(content_dir()).personas)
