"""The French preposition before a place: "en Auvergne-Rhône-Alpes", "à Lyon", "au Québec"."""

from __future__ import annotations

from cockpit.domain.text import fold

# Regions and countries by their preposition; anything else is taken for a city ("à").
_PREPOSITION = {
    "en": ("Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire",
           "Corse", "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie",
           "Provence-Alpes-Côte d'Azur", "PACA", "Guadeloupe", "Martinique", "Guyane",
           "Belgique", "Suisse", "Allemagne", "Espagne", "Italie", "France", "Europe"),
    "dans le": ("Grand Est",),
    "dans les": ("Hauts-de-France", "Pays de la Loire"),
    "au": ("Québec", "Luxembourg", "Canada", "Maroc", "Royaume-Uni"),
}


_BY_NAME = {fold(name): prep for prep, names in _PREPOSITION.items() for name in names}


def with_preposition(place: str) -> str:
    """`place` with the preposition French puts before it; "à" for a city."""
    name = place.strip()
    preposition = _BY_NAME.get(fold(name))
    if preposition:
        return f"{preposition} {name}"
    if name.startswith("Le "):
        return f"au {name[3:]}"  # au Havre, au Mans
    if name.startswith("Les "):
        return f"aux {name[4:]}"  # aux Ulis
    return f"à {name}"
