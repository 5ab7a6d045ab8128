"""`cockpit search TEXT`: what `/` finds in the cockpit — companies, people, freelances and
needs, by name (accents and case aside), number in any spelling, e-mail or skill."""

from __future__ import annotations

from cockpit.commands._common import TEXT_MAX, count, out
from cockpit.commands.base import type_error
from cockpit.domain.named import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import Any


def _text(raw: str) -> str:
    if len(raw) > TEXT_MAX:
        raise type_error(f"at most {TEXT_MAX} characters")
    return raw


def register(sub: Any) -> argparse.ArgumentParser:
    import argparse

    parser = sub.add_parser("search", help="find companies, people, freelances and needs",
                            description="The search of the cockpit's `/`: a name (accents and "
                            "case aside), a number in any spelling, an e-mail, a skill.")
    parser.add_argument("text", nargs="+", type=_text, metavar="TEXT", help="what to look for")
    parser.add_argument("--caller", metavar="NAME", default=argparse.SUPPRESS,
                        help="who searches: a caller does not see a colleague's private "
                        "contacts (default: first caller)")
    parser.add_argument("--limit", type=count, default=8, metavar="N",
                        help="results shown per kind (default 8)")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import caller_for, lean_services, services_for

    lean = lean_services(args)  # the driver alone when the database needs nothing else
    if lean is not None:
        try:
            caller = lean.acting_caller(args.settings.caller or None)
            if caller is not None:  # else the full way says who there is
                return _found(lean, caller.id, args)
        finally:
            lean.close()
    services = services_for(args)
    return _found(services, caller_for(services, args).id, args)


def _found(services: Any, caller_id: int, args: argparse.Namespace) -> int:
    from cockpit.commands.base import language
    from cockpit.i18n import Translator
    from cockpit.tui.search_words import group_title, hit_ref, hit_words

    typed = " ".join(args.text)
    tr = Translator(language())
    found = services.search(caller_id, typed, per_kind=min(args.limit, 200))
    if found.empty:
        out(tr("search.none", typed=typed))
        return 1
    for group in found.groups:
        if not group.hits:
            continue
        out(group_title(group, tr))
        for hit in group.hits:
            out(f"  {hit_ref(hit):<16} " + " · ".join((hit.name, *hit_words(hit, tr))))
    return 0
