"""`cockpit team add|list|lead|leave|firm`: the people of the team, who leads, the firm's name.

A lead's actions (on SQLite, one laptop without logins, whoever names the lead with `--as`).
On a new database the first `team add` needs nobody's leave: that person becomes the lead."""

from __future__ import annotations

import argparse
from typing import Any

from cockpit.commands._common import out, short_text


def register(sub: Any) -> argparse.ArgumentParser:
    parser = sub.add_parser("team", help="the team: add, list, lead, leave; the firm's name",
                            description="The people who call, and their lead. Someone who "
                            "leaves keeps their calls and notes; their open reminders and "
                            "private contacts go to the lead.")
    actions = parser.add_subparsers(dest="team_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a person (the first one becomes the lead)")
    add.add_argument("name", metavar="NAME", type=short_text, help="the name they sign in with")
    add.add_argument("--lead", action="store_true", help="a team lead")
    add.add_argument("--email", default="", type=short_text, metavar="E")
    add.add_argument("--login", default="", type=short_text, metavar="ROLE",
                     help="their PostgreSQL login role (team mode)")
    actions.add_parser("list", help="everyone, those who left included")
    lead = actions.add_parser("lead", help="make NAME a team lead")
    lead.add_argument("name", metavar="NAME", type=short_text)
    lead.add_argument("--off", action="store_true", help="NAME is no longer a lead")
    leave = actions.add_parser("leave", help="NAME leaves the team (their history stays)")
    leave.add_argument("name", metavar="NAME", type=short_text)
    firm = actions.add_parser("firm", help="show or set the firm's name (said in the scripts)")
    firm.add_argument("name", metavar="NAME", nargs="?", type=short_text)
    from cockpit.commands.base import common_options as _common

    for action in actions.choices.values():  # `team add NAME --db URL`: options after it
        _common(action, inherit=True)
    for action in (add, lead, leave, firm):
        action.add_argument("--as", dest="actor", metavar="NAME", default=None, type=short_text,
                            help="the lead who does it (default: $COCKPIT_CALLER, else the "
                            "first lead)")
    return parser


def run(args: argparse.Namespace) -> int:
    from cockpit.commands._common import services_for
    from cockpit.commands.base import CliError, say
    from cockpit.services.errors import ServiceError

    services = services_for(args)
    actor = getattr(args, "actor", None) or args.settings.caller
    try:
        return _ACTIONS[args.team_action](services, args, actor, say)
    except ServiceError as exc:
        if exc.code == "store_unavailable" or exc.code == "disk_full":
            raise
        raise CliError(str(exc), code=exc.code, **exc.params) from exc


def _add(services: Any, args: argparse.Namespace, actor: str | None, say: Any) -> int:
    caller, first = services.team_add(args.name, actor=actor, lead=args.lead,
                                      email=args.email, login=args.login)
    out(say("team.added_lead" if caller.is_lead else "team.added", name=caller.name))
    if first:
        out(say("team.first_next", name=caller.name))
    return 0


def _list(services: Any, args: argparse.Namespace, actor: str | None, say: Any) -> int:
    members = services.team_members(include_left=True)
    for m in members:
        role = say("team.role_lead") if m.is_lead else say("team.role_caller")
        extra = [x for x in (m.email, m.login and say("team.login", login=m.login)) if x]
        if not m.active and m.left_at is not None:
            left = m.left_at.astimezone(args.settings.zone)
            role = say("team.role_left", date=f"{left:%d/%m/%Y}")
        out(f"{m.name:<20} {role}" + (f" · {' · '.join(extra)}" if extra else ""))
    out(say("team.count", count=sum(m.active for m in members)))
    if not members:
        out(say("team.none_yet"))
    return 0


def _lead(services: Any, args: argparse.Namespace, actor: str | None, say: Any) -> int:
    caller = services.team_set_lead(args.name, actor=actor, on=not args.off)
    out(say("team.now_lead" if caller.is_lead else "team.no_longer_lead", name=caller.name))
    return 0


def _leave(services: Any, args: argparse.Namespace, actor: str | None, say: Any) -> int:
    gone, heir, handover = services.team_leave(args.name, actor=actor)
    out(say("team.left", name=gone.name))
    out(say("team.handed_over", lead=heir.name, reminders=handover.reminders,
            contacts=handover.contacts))
    return 0


def _firm(services: Any, args: argparse.Namespace, actor: str | None, say: Any) -> int:
    if args.name is None:
        out(services.firm_name)
        return 0
    name = services.set_firm_name(args.name, actor=actor)
    out(say("team.firm_set", name=name))
    if services.firm_from_environment:
        out(say("team.firm_overridden", name=services.firm_name))
    return 0


_ACTIONS = {"add": _add, "list": _list, "lead": _lead, "leave": _leave, "firm": _firm}
