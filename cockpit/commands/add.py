"""`cockpit add company|contact|freelance FIELD=VALUE…`: one row typed by hand, checked as an
import checks a row; refused while the base holds one that looks the same (it is named),
unless `--even-if-like`."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import out, short_text


def _pair(text: str) -> tuple[str, str]:
    from cockpit.commands.base import say

    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(say("cli.add.bad_pair", value=text))
    return key.strip(), short_text(value)


def register(sub: Any) -> argparse.ArgumentParser:
    from cockpit.domain.creating import FORMS

    fields = "; ".join(f"{kind}: {', '.join(s.key for s in specs)}"
                       for kind, specs in FORMS.items())
    parser = sub.add_parser(
        "add", help="create a company, a contact or a freelance by hand",
        description="Create one row by hand, checked as an import checks it (numbers, "
        f"e-mail, SIRET). Fields — {fields}. A contact naming an unknown company creates it.")
    parser.add_argument("kind", choices=tuple(FORMS), help="what to create")
    parser.add_argument("values", nargs="+", type=_pair, metavar="FIELD=VALUE")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="who creates it (audited)")
    parser.add_argument("--private", action="store_true",
                        help="a contact straight into the caller's private portfolio")
    parser.add_argument("--even-if-like", action="store_true",
                        help="create it although the base holds one that looks the same")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import caller_for, services_for
    from cockpit.commands.base import CliError, language, say
    from cockpit.domain.creating import field_named
    from cockpit.domain.errors import ValidationError
    from cockpit.i18n import Translator
    from cockpit.services.errors import ServiceError

    # "nom=Dupont prénom=Jean téléphone=…": the import's column names name the fields too.
    typed = {field_named(args.kind, key): value for key, value in args.values}
    as_typed = {field_named(args.kind, key): key for key, _ in args.values}
    services = services_for(args)
    caller = caller_for(services, args)
    try:
        if not args.even_if_like:
            like = services.duplicates(args.kind, typed)
            if like:
                for found in like:
                    company = f" · {found.company}" if found.company else ""
                    why = ", ".join(say(f"create.why.{w}") for w in found.why)
                    out(f"#{found.id:<6} {found.name}{company}  ({why})")
                raise CliError(say("cli.add.like", count=len(like)))
        created = services.create(caller.id, args.kind, typed, private=args.private,
                                  even_if_like=True)
    except ValidationError as exc:  # said with the field as the user named it
        field = str(exc.params.get("field", ""))
        said = Translator(language()).error(exc)
        # A field the user left out is named by its label, with the name add takes.
        shown = as_typed.get(field) or (f"{say(f'create.field.{field}')} ({field})"
                                        if field else "")
        if field and said.startswith(field):
            said = shown + said[len(field):]
        named = not field or said.startswith(shown) or exc.code == "create_no_field"
        raise CliError(said if named else
                       say("cli.add.refused", field=shown, reason=said)) from exc
    except ServiceError as exc:
        if exc.code in ("store_unavailable", "disk_full", "read_only"):
            raise
        raise CliError(str(exc), code=exc.code, **exc.params) from exc
    out(say(f"cli.add.created_{created.kind}", id=created.id, name=created.name))
    return 0
