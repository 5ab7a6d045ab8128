"""A job title as people write it names its role: the decision makers of the shipped content
are found whatever the grammatical gender, accents, case or extra words of the title."""

from __future__ import annotations

import pytest

from cockpit.content.loader import load_content
from cockpit.paths import content_dir


@pytest.fixture(scope="module")
def content():
    return load_content(content_dir())


@pytest.mark.parametrize("title", [
    "Responsable de BU", "Directrice de BU Cloud", "Business Unit Manager", "DSI",
    "Directrice des systèmes d'information", "DIRECTRICE INFORMATIQUE", "CTO",
    "Ingénieure commerciale", "Chargée d'affaires IT", "Directrice des achats",
    "Directeur de departement", "Associée", "Responsable staffing Île-de-France",
    "Cheffe de projet SAP",
])
def test_a_decision_makers_title_is_read_as_one(content, title: str) -> None:
    role = content.role_for(title)
    assert role is not None and role.decision_maker, title


@pytest.mark.parametrize("title", [
    "Consultant interne", "Assistante de direction", "Ingénieur d'études Java",
    "Développeur", "Informaticien",
])
def test_a_title_without_the_power_to_order_is_not(content, title: str) -> None:
    role = content.role_for(title)
    assert role is not None and not role.decision_maker, title


def test_a_word_inside_another_word_names_nothing(content) -> None:
    # "cio" inside "Associations", "dsi" inside "Dsigner": whole words only.
    assert content.role_for("Associations") is None
    assert content.role_for("Dsigner graphique") is None
