"""Month names as people write them, French and English, folded (no accents, lower case):
"nov.", "novembre", "Nov", "November" are all 11."""

from __future__ import annotations

_NAMES = (("janvier", "january"), ("fevrier", "february"), ("mars", "march"),
          ("avril", "april"), ("mai", "may"), ("juin", "june"), ("juillet", "july"),
          ("aout", "august"), ("septembre", "september"), ("octobre", "october"),
          ("novembre", "november"), ("decembre", "december"))


def month_number(word: str) -> int:
    """1–12 for a folded month name or the start of one ("nov", "sept.", "juil"), at least
    three letters; 0 for anything else ("novemberish", "jui": June or July?)."""
    word = word.rstrip(".")
    found = {number for number, names in enumerate(_NAMES, 1)
             if len(word) >= 3 and any(name.startswith(word) for name in names)}
    return found.pop() if len(found) == 1 else 0
