"""What an anonymised CV removes besides names and contact details: company and bank numbers
(SIRET, SIREN, VAT, IBAN, BIC), the social security number, the birth date and place, the
age and the nationality. Numbers are recognised by their check keys, so a budget or a
version number is never taken for one; a number its label announces ("SIRET : …") goes even
when its key is wrong (a typo does not make it less personal)."""

from __future__ import annotations

import re
from collections.abc import Callable

from cockpit.domain.siret import luhn_ok

COMPANY_ID = "[n° d'entreprise retiré]"
BANK = "[coordonnées bancaires retirées]"
SOCIAL = "[n° de sécurité sociale retiré]"
BIRTH = "[date de naissance retirée]"
BIRTH_PLACE = "[lieu de naissance retiré]"
AGE = "[âge retiré]"
NATIONALITY = "[nationalité retirée]"

Record = Callable[[str, str, str], str]

_MONTHS = (r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|"
           r"novembre|d[ée]cembre|janv\.?|f[ée]vr?\.?|avr\.?|juil\.?|sept\.?|oct\.?|nov\.?|"
           r"d[ée]c\.?")
_DATE = (rf"(?:\d{{1,2}}(?:er)?\s+(?:{_MONTHS})\s+(?:19|20)\d\d|\d{{1,2}}[/.-]\d{{1,2}}[/.-]"
         rf"(?:19|20)?\d\d|(?:19|20)\d\d)")
_PLACE = r"[A-ZÀ-Ý][\w'’-]*(?:[ -](?:sur|sous|en|le|la|les|de|du|[A-ZÀ-Ý][\w'’-]*))*" \
         r"(?:\s*\(\d{2,3}\))?"

# "Né le 02/11/1965 à Brest (29)", "née en 1978", "Date de naissance : 9 septembre 1989".
_BORN = re.compile(rf"\b[Nn][ée]e?\s*(?:\(e\)\s*)?(?:le|en)\s+{_DATE}"
                   rf"(?P<place>\s+à\s+{_PLACE})?", re.IGNORECASE)
_BIRTH_LABEL = re.compile(
    rf"(?P<label>\b(?:date\s+(?:et\s+lieu\s+)?de\s+naissance|DDN|naissance)\s*:?\s*)"
    rf"(?P<date>{_DATE})(?P<place>\s*(?:à|,|-)\s*{_PLACE})?", re.IGNORECASE)
_BIRTH_PLACE = re.compile(rf"(?P<label>(?<!\[)\blieu\s+de\s+naissance\s*:?\s*)(?P<place>{_PLACE})",
                          re.IGNORECASE)
# An age, not a duration: "Âge : 34 ans", "34 ans, marié", "(34 ans)" — never "12 ans
# d'expérience", "pendant 5 ans", "Expérience : 20 ans".
_AGE_LABEL = re.compile(r"\b[ÂâAa]ge\s*:?\s*\d{2}(?:\s*ans)?\b")
_AGE = re.compile(r"(?P<before>(?:^|[,(—–|·•]|\s-)\s*)(?P<age>(?:1[6-9]|[2-7]\d)\s*ans)"
                  r"(?=\s*(?:$|[,)—–|·;.]|\s-\s|\s+(?:mari[ée]|c[ée]libataire|pacs[ée]|"
                  r"divorc[ée]|permis|\d+\s+enfants?)))", re.MULTILINE | re.IGNORECASE)
_NATIONALITY = re.compile(
    r"(?P<label>(?<!\[)\bnationalit[ée]\s*:?\s*|\bde\s+nationalit[ée]\s+)"
    r"(?P<value>[A-Za-zÀ-ÿ-]+(?:\s*(?:/|et|,)\s*[A-Za-zÀ-ÿ-]+)?)", re.IGNORECASE)

# Numbers: groups of digits with spaces, dots or dashes between (a SIREN "732 829 320").
_DIGITS = re.compile(r"(?<![\w.,])\d(?:[ .\u00a0-]?\d){8,13}(?![\w]|[.,]\d)")
_COMPANY_LABEL = re.compile(r"\b(?:SIRE[NT]|N°\s*TVA|TVA(?:\s+intra(?:communautaire)?)?|"
                            r"RCS(?:\s+[A-ZÀ-Ý][\w-]+)?)\s*(?:n°|:)?\s*$", re.IGNORECASE)
_VAT = re.compile(r"\bFR\s?[0-9A-HJ-NP-Z]{2}\s?\d{3}\s?\d{3}\s?\d{3}\b")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,4})?\b")
_BIC = re.compile(r"(?P<label>\b(?:BIC|SWIFT)(?:\s*/\s*SWIFT)?\s*(?:code)?\s*:?\s*)"
                  r"(?P<value>[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?)\b")
# The NIR: sex, year, month, department (2A/2B too), commune, order, key — 15 characters.
_NIR = re.compile(r"(?<![\w])[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])"
                  r"[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?(?![\w])", re.IGNORECASE)
_NIR_LABEL = re.compile(r"(?:s[ée]curit[ée]\s+sociale|n°\s*SS|NIR|\bSS)\s*(?:n°|:)?\s*$",
                        re.IGNORECASE)


def remove_bank_and_social(text: str, record: Record) -> str:
    """Before the phone numbers: their digits hold groups that read as one."""
    text = _IBAN.sub(lambda m: _iban(m, record), text)
    text = _BIC.sub(lambda m: m.group("label") + record("bank", m.group("value"), BANK), text)
    return _NIR.sub(lambda m: _nir(m, record), text)


def remove_identifiers(text: str, record: Record) -> str:
    """After the phone numbers (nine digits of one pass a SIREN's key one time in ten): the
    company numbers, then the birth, age and nationality."""
    text = _VAT.sub(lambda m: _vat(m, record), text)
    text = _DIGITS.sub(lambda m: _company_number(m, record), text)
    text = _BORN.sub(lambda m: _born(m, record), text)
    text = _BIRTH_LABEL.sub(lambda m: _birth_label(m, record), text)
    text = _BIRTH_PLACE.sub(
        lambda m: m.group("label") + record("birth", m.group("place"), BIRTH_PLACE), text)
    text = _AGE_LABEL.sub(lambda m: record("age", m.group(0), AGE), text)
    text = _AGE.sub(lambda m: m.group("before") + record("age", m.group("age"), AGE), text)
    return _NATIONALITY.sub(
        lambda m: m.group("label") + record("nationality", m.group("value"), NATIONALITY), text)


def _labelled(match: re.Match[str], label: re.Pattern[str]) -> bool:
    before = match.string[max(0, match.start() - 40):match.start()]
    return bool(label.search(before))


def _company_number(match: re.Match[str], record: Record) -> str:
    raw = match.group(0)
    digits = re.sub(r"\D", "", raw)
    if len(digits) not in (9, 14):
        return raw
    if siren_ok(digits) or _labelled(match, _COMPANY_LABEL):
        return record("company_id", raw, COMPANY_ID)
    return raw


def siren_ok(digits: str) -> bool:
    """A SIREN (9) or SIRET (14) whose key checks (La Poste's SIRET by their own rule)."""
    if len(digits) == 9:
        return luhn_ok(digits) and digits != "000000000"
    if len(digits) == 14:
        if digits.startswith("356000000"):
            return sum(int(c) for c in digits) % 5 == 0
        return luhn_ok(digits[:9]) and luhn_ok(digits)
    return False


def vat_key(siren: str) -> int:
    return (12 + 3 * (int(siren) % 97)) % 97


def _vat(match: re.Match[str], record: Record) -> str:
    raw = match.group(0)
    compact = re.sub(r"\s", "", raw)
    key, siren = compact[2:4], compact[4:]
    if (key.isdigit() and int(key) == vat_key(siren)) or _labelled(match, _COMPANY_LABEL):
        return record("company_id", raw, COMPANY_ID)
    return raw


def iban_ok(compact: str) -> bool:
    moved = compact[4:] + compact[:4]
    try:
        number = int("".join(str(int(ch, 36)) for ch in moved))
    except ValueError:
        return False
    return 15 <= len(compact) <= 34 and number % 97 == 1


def _iban(match: re.Match[str], record: Record) -> str:
    raw = match.group(0)
    if iban_ok(re.sub(r"\s", "", raw).upper()):
        return record("bank", raw, BANK)
    return raw


def nir_ok(compact: str) -> bool:
    body = compact[:13].upper().replace("2A", "19").replace("2B", "18")
    if len(compact) != 15 or not body.isdigit() or not compact[13:].isdigit():
        return False
    return 97 - int(body) % 97 == int(compact[13:])


def _nir(match: re.Match[str], record: Record) -> str:
    raw = match.group(0)
    compact = re.sub(r"[ .]", "", raw)
    if nir_ok(compact) or (len(compact) >= 13 and _labelled(match, _NIR_LABEL)):
        return record("social", raw, SOCIAL)
    return raw


def _born(match: re.Match[str], record: Record) -> str:
    place = match.group("place")
    core = match.group(0)[:match.start("place") - match.start()] if place else match.group(0)
    out = record("birth", core, BIRTH)
    if place:
        out += " à " + record("birth", place.strip()[2:].strip(), BIRTH_PLACE)
    return out


def _birth_label(match: re.Match[str], record: Record) -> str:
    out = match.group("label") + record("birth", match.group("date"), BIRTH)
    place = match.group("place")
    if place:
        name = re.sub(r"^\s*(?:à|,|-)\s*", "", place)
        out += place[:len(place) - len(name)] + record("birth", name, BIRTH_PLACE)
    return out
