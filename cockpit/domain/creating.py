"""A company, a person or a freelance typed by hand: which fields each has, each value checked
as a capture during a call is (phones to E.164, e-mails, SIRET by its key, rates), and what
makes an existing row "the same one" so that it is offered instead of created twice.

Pure: the store finds the candidates, this module says which fields they share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cockpit.domain.captures import parse_capture
from cockpit.domain.errors import ValidationError
from cockpit.domain.phones import Phone, parse_phone
from cockpit.domain.script import Capture
from cockpit.domain.siret import normalise_siret
from cockpit.domain.text import control_characters, fold

KINDS = ("company", "contact", "freelance")
TEXT_LIMIT = 200  # characters of a name, a role, a city: longer is a paste gone wrong
SKILLS_LIMIT = 2000  # a freelance's skills may run long, not to a pasted CV


@dataclass(frozen=True, slots=True)
class Spec:
    key: str
    type: str = "text"  # a capture type: text | phone | email | money | siret | yesno
    required: bool = False


FORMS: Mapping[str, tuple[Spec, ...]] = {
    "company": (Spec("name", required=True), Spec("kind"), Spec("sector"), Spec("city"),
                Spec("website"), Spec("switchboard", "phone")),
    "contact": (Spec("civility"), Spec("first_name"), Spec("last_name", required=True),
                Spec("company"), Spec("role"), Spec("decision_maker", "yesno"),
                Spec("email", "email"), Spec("direct_phone", "phone"),
                Spec("mobile_phone", "phone")),
    "freelance": (Spec("first_name"), Spec("last_name", required=True), Spec("title"),
                  Spec("skills"), Spec("day_rate", "money"), Spec("city"), Spec("mobility"),
                  Spec("siret", "siret"), Spec("email", "email"),
                  Spec("mobile_phone", "phone")),
}

# What a caller types for a company's kind, folded, and what it is.
COMPANY_KINDS = {"esn": "esn_classique", "ssii": "esn_classique",
                 "esn classique": "esn_classique", "conseil": "esn_conseil",
                 "esn conseil": "esn_conseil", "cabinet de conseil": "esn_conseil",
                 "client": "end_client", "client final": "end_client",
                 "end client": "end_client", "autre": "other", "other": "other", "": "other"}
CIVILITIES = {"m": "Monsieur", "m.": "Monsieur", "mr": "Monsieur", "mr.": "Monsieur",
              "monsieur": "Monsieur", "mme": "Madame", "mme.": "Madame", "madame": "Madame",
              "mrs": "Madame", "ms": "Madame", "": ""}


@dataclass
class Checked:
    """The values as they will be stored, and the refusals by field."""

    values: dict[str, Any] = field(default_factory=dict)
    phones: list[tuple[Phone, str]] = field(default_factory=list)  # (number, its field)
    errors: dict[str, ValidationError] = field(default_factory=dict)


# The import's kind of row for each form: its column names name the form's fields too.
_IMPORT_KIND = {"company": "companies", "contact": "contacts", "freelance": "freelances"}
# A number typed without saying which: the line a contact is reached on, a freelance's mobile.
_PHONE = {"company": "switchboard", "contact": "direct_phone", "freelance": "mobile_phone"}


def field_named(kind: str, typed: str) -> str:
    """The form's field a typed name means: its own (`last_name`), or any name an import
    reads for it ("nom", "Prénom", "téléphone", "Société"); else the name as typed, which
    check() then refuses by name."""
    from cockpit.domain.import_columns import header_key
    from cockpit.domain.importing import field_keys

    known = {spec.key for spec in FORMS.get(kind, ())}
    if typed in known or kind not in _IMPORT_KIND:
        return typed
    key = header_key(typed)
    for name, keys in field_keys(_IMPORT_KIND[kind]).items():
        if key in keys or key == header_key(name):  # the first field so named decides
            name = _PHONE[kind] if name == "phone" else name
            return name if name in known else typed
    return typed


def check(kind: str, typed: Mapping[str, str], now: datetime) -> Checked:
    """Every field of the form checked; a field not in the form is refused by name."""
    if kind not in FORMS:
        raise ValidationError(f"nothing to create called {kind!r}", code="create_kind",
                              kind=kind)
    known = {spec.key for spec in FORMS[kind]}
    checked = Checked()
    for key in typed:
        if key not in known:
            checked.errors[key] = ValidationError(
                f"no field {key!r} for a {kind}", code="create_no_field", field=key,
                fields=", ".join(sorted(known)))
    for spec in FORMS[kind]:
        raw = (typed.get(spec.key) or "").strip()
        try:
            value = _value(spec, raw, now)
        except ValidationError as exc:
            checked.errors[spec.key] = exc
            continue
        if isinstance(value, Phone):
            checked.phones.append((value, spec.key))
        elif value not in ("", None):
            checked.values[spec.key] = value
    return checked


def _value(spec: Spec, raw: str, now: datetime) -> Any:
    if not raw:
        if spec.required:
            raise ValidationError(f"{spec.key} is required", code="capture_required",
                                  field=spec.key)
        return None
    if control_characters(raw):
        raise ValidationError(f"{spec.key} holds control characters", code="create_controls",
                              field=spec.key)
    limit = SKILLS_LIMIT if spec.key == "skills" else TEXT_LIMIT
    if len(raw) > limit:
        raise ValidationError(f"{spec.key} is too long", code="capture_too_long",
                              field=spec.key, length=len(raw), limit=limit)
    if spec.type == "phone":
        return parse_phone(raw)
    if spec.type == "siret":
        return normalise_siret(raw)
    if spec.key == "kind":
        found = COMPANY_KINDS.get(fold(raw))
        if found is None:
            raise ValidationError(f"unknown company kind {raw!r}", code="create_company_kind",
                                  value=raw)
        return found
    if spec.key == "civility":
        civility = CIVILITIES.get(fold(raw))
        if civility is None:
            raise ValidationError(f"unknown civility {raw!r}", code="create_civility",
                                  value=raw)
        return civility
    if spec.type == "text":
        return " ".join(raw.split())
    value = parse_capture(Capture(spec.key, spec.key, spec.type), raw, now)
    return int(str(value)) if spec.type == "money" else value


@dataclass(frozen=True, slots=True)
class Existing:
    """A row already in the base that may be the one typed."""

    kind: str  # company | contact | freelance
    id: int
    name: str
    company: str
    email: str
    numbers: frozenset[str]  # E.164, every number it has
    siret: str = ""
    own_numbers: frozenset[str] = frozenset()  # its direct lines and mobiles only


def same_as(kind: str, checked: Checked, existing: Existing) -> list[str]:
    """Why `existing` looks like the row typed ("email", "phone", "name", "siret"); empty
    when it does not. Colleagues sharing a switchboard are not the same person: a shared
    number counts only with the same name."""
    values = checked.values
    why: list[str] = []
    if kind == "company":
        return ["name"] if fold(values.get("name", "")) == fold(existing.name) else []
    email = str(values.get("email", ""))
    if email and fold(email) == fold(existing.email):
        why.append("email")
    if values.get("siret") and values["siret"] == existing.siret:
        why.append("siret")
    typed_name = " ".join(fold(f"{values.get('first_name', '')} "
                               f"{values.get('last_name', '')}").split())
    named = typed_name == " ".join(fold(existing.name).split())
    shared = [phone for phone, _ in checked.phones if phone.e164 in existing.numbers]
    # A direct line or a mobile is its owner's; a switchboard is shared by colleagues.
    if shared and (kind == "freelance" or named or any(
            p.kind == "mobile" or p.e164 in existing.own_numbers for p in shared)):
        why.append("phone")
    same_company = fold(str(values.get("company", ""))) == fold(existing.company)
    if named and (kind == "freelance" or same_company):
        why.append("name")
    return why
