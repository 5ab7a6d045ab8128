"""The shipped list of employers and their sectors: data (cockpit/cv/sectors.yaml), well
formed, and the sector of a company whatever its spelling, as the import asks it."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import yaml

from cockpit.cv.sectors import employer_sectors, sector_of, shipped
from cockpit.domain.text import fold


def test_the_shipped_list_is_data_each_name_in_one_sector() -> None:
    raw = resources.files("cockpit.cv").joinpath("sectors.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    assert all(isinstance(names, list) and all(isinstance(n, str) for n in names)
               for names in data.values())
    twice = [n for n, k in Counter(fold(n) for names in data.values() for n in names).items()
             if k > 1]
    assert twice == []
    for group in ("BNPP", "SocGen", "SG", "LCL", "CA-CIB", "La Poste", "SNCF Réseau"):
        assert group in shipped(), group


def test_the_sector_of_a_company_whatever_its_spelling() -> None:
    table = employer_sectors()
    assert sector_of("LA POSTE", table) == "Services postaux"
    assert sector_of("Societe  Generale", table) == "Banque"
    assert sector_of("BNPP", table) == "Banque"
    assert sector_of("bnpp", table) is None  # an acronym only as written
    assert sector_of("Brioche Dorée", table) is None
