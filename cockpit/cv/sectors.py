"""The employers a CV may name and their sectors: the list shipped with the cockpit
(sectors.yaml, beside this module: sector -> names, abbreviations and group names), then the
file named by COCKPIT_SECTORS (lines like `Acme: Industrie`), which adds to it and wins."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml


class SectorsError(Exception):
    """A sectors file that cannot be used: which file, and what is wrong."""


@lru_cache(maxsize=1)
def shipped() -> dict[str, str]:
    """Every name of the shipped list -> its sector."""
    raw = resources.files("cockpit.cv").joinpath("sectors.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    return {str(name): str(sector) for sector, names in data.items() for name in names}


def configured(path: str | None) -> dict[str, str]:
    """The COCKPIT_SECTORS file: a mapping `employer: sector` (or, as the shipped one,
    `sector: [employers]`)."""
    if not path:
        return {}
    try:
        data = yaml.safe_load(Path(path).expanduser().read_text(encoding="utf-8")) or {}
    except OSError as exc:
        raise SectorsError(f"{path}: cannot read the sectors file ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else path
        raise SectorsError(f"{where}: not valid YAML") from exc
    if not isinstance(data, dict):
        raise SectorsError(f"{path}: expected lines like `BNP Paribas: Banque`")
    out: dict[str, str] = {}
    for key, value in data.items():
        if isinstance(value, str):
            out[str(key)] = value
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            out.update(dict.fromkeys(value, str(key)))
        else:
            raise SectorsError(f"{path}: {key!r}: expected a sector (`{key}: Banque`) or a "
                               "list of employers")
    return out


def employer_sectors(path: str | None = None) -> dict[str, str]:
    """The shipped list with the configured file on top."""
    return {**shipped(), **configured(path)}


def sector_of(company: str, table: dict[str, str]) -> str | None:
    """The sector of a company by its name, as the import may ask it: exact, then whatever
    its case and accents ("LA POSTE", "Societe Generale")."""
    from cockpit.domain.text import fold

    name = " ".join(company.split())
    if name in table:
        return table[name]
    folded = fold(name)
    return next((s for n, s in table.items() if fold(n) == folded and len(n) > 4), None)
