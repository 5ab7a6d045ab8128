"""What an anonymised CV puts in place of what it removes, and the marks its two halves
share (the text's own in anonymise.py, its employers' in anonymise_employers.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

NAME = "Le consultant"
EMAIL = "[e-mail retiré]"
PHONE = "[téléphone retiré]"
ADDRESS = "[adresse retirée]"
LINK = "[lien retiré]"
OTHER_PERSON = "[nom retiré]"  # someone else the CV names: a reference, a manager
UNKNOWN_EMPLOYER = "[entreprise]"

# Words in an employer's name that give its sector away, for employers the lists do not know.
DEFAULT_SECTOR_WORDS: Mapping[str, str] = {
    "banque": "Banque", "bank": "Banque", "credit": "Banque", "caisse d'epargne": "Banque",
    "assurance": "Assurance", "assurances": "Assurance", "mutuelle": "Assurance",
    "insurance": "Assurance", "telecom": "Télécoms", "telecoms": "Télécoms",
    "energie": "Énergie", "energy": "Énergie", "hopital": "Santé", "sante": "Santé",
    "pharma": "Pharmacie", "aero": "Aéronautique", "aeronautique": "Aéronautique",
    "automobile": "Automobile", "transport": "Transport", "logistique": "Transport",
    "consulting": "ESN", "conseil": "ESN", "ingenierie": "ESN", "informatique": "ESN",
    "digital": "ESN", "ministere": "Administration", "mairie": "Administration",
    "region": "Administration", "retail": "Commerce", "distribution": "Grande distribution",
}

# An employer named after one of these markers is replaced even if no list knows it.
_MARKER = re.compile(
    r"(?P<marker>\b(?i:chez|client\s*:|soci[ée]t[ée]\s*:|employeur\s*:|entreprise\s*:|"
    r"client\s+final\s*:|pour le compte de|au sein de|aupr[èe]s de|at)\s+)"
    r"(?P<name>[A-ZÀ-Ý0-9][\w&'’.-]*(?:[ \t]+(?:[A-ZÀ-Ý0-9&][\w&'’.-]*|de|du|des|la|le|et|&))*)",
)

_SECTOR = "\ue000"

# record(kind, original, replacement) -> replacement: notes what was replaced, says with what.
Record = Callable[[str, str, str], str]
