"""The old CRM's two lists, as rules: "activité générale" (decision makers nobody called for
N days, narrowed by sector, company and technology) and what a typed filter means.

Pure: the store reads the candidates, this module says which ones a filter keeps and in
what order, so the command and the screen agree line for line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from cockpit.domain.errors import ValidationError
from cockpit.domain.text import fold

DEFAULT_DAYS = 90  # SAMBA's default: a quarter without a call
MAX_DAYS = 3650  # ten years: beyond, nothing the firm keeps is older


@dataclass(frozen=True, slots=True)
class ActivityFilter:
    """What the caller typed: each text is matched as a part of the value, without accents
    or case ("cafe" finds "Café de Paris"); an empty text does not filter."""

    days: int = DEFAULT_DAYS
    sector: str = ""
    company: str = ""
    tech: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.days <= MAX_DAYS:
            raise ValidationError(f"days must be between 1 and {MAX_DAYS} (got {self.days})",
                                  code="activity_days", days=self.days, max=MAX_DAYS)

    def cutoff(self, now: datetime) -> datetime:
        """Contacted before this moment = not contacted for `days` days."""
        return now - timedelta(days=self.days)

    def keeps(self, *, sector: str, company: str, technologies: Iterable[str]) -> bool:
        if self.sector and fold(self.sector) not in fold(sector):
            return False
        if self.company and fold(self.company) not in fold(company):
            return False
        if self.tech:
            wanted = fold(self.tech)
            return any(wanted in fold(t) for t in technologies)
        return True


def parse_days(text: str) -> int:
    """Days as typed in a field ("90", " 30 "); a clear refusal otherwise."""
    cleaned = text.strip()
    if not cleaned.isdigit():
        raise ValidationError(f"not a number of days: {text!r}", code="activity_days_text",
                              text=text)
    return int(cleaned)


def technologies_of(*texts: str) -> list[str]:
    """Words of the company's stack and its needs' technologies ("Java, Spring / K8s")."""
    words: list[str] = []
    for text in texts:
        for word in text.replace(",", " ").replace("/", " ").replace(";", " ").split():
            if word not in words:
                words.append(word)
    return words
