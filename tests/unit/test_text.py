"""Text as the cockpit reads it from files: notes other tools keep as HTML."""

from __future__ import annotations

from cockpit.domain.text import html_as_text


def test_html_as_text_reads_tags_and_leaves_plain_text_alone() -> None:
    assert html_as_text("<div>Budget &lt; 600&euro;</div><div>ok</div>") == "Budget < 600€\nok"
    assert html_as_text("délai <5 jours & prix > 500") == "délai <5 jours & prix > 500"
    assert html_as_text("a <b>gras</b>") == "a gras"
