"""The README's team mode, followed literally: its fenced blocks, read from the README in
order, run on a PostgreSQL server the test starts, each on the "machine" its first line
names (its own HOME), then the cockpit as the lead and as a caller.

The only adaptations, each standing for something the README says:
- `sudo -u postgres CMD` runs CMD with PGUSER=postgres on the server's Unix socket: the
  README's peer authentication of the postgres account (here the account running the tests
  is mapped to that role, see team_server.py);
- PGPORT is the test server's port (5432 on Debian), DBHOST is 127.0.0.1 (the README's
  `export DBHOST=…`);
- the passwords are typed on the standard input, where a person would type them at the
  prompts (createuser --pwprompt, read -rs);
- step 5, copying the owner's do-not-call key to the others' computers, is a copy of the
  file (the README gives no command for it: scp, a USB key)."""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.e2e.team_server import TeamServer, in_a_terminal
from tests.e2e.tmux import installed_cockpit
from tests.pg import binaries

pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.e2e]

ROOT = Path(__file__).resolve().parents[2]
SECTION = "### Team mode: one PostgreSQL server for the whole team"
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>\w*)\s*$")


@dataclass(frozen=True)
class Block:
    lang: str
    text: str
    before: str  # the prose between the previous block and this one


def team_section(readme: str) -> str:
    start = readme.index(SECTION)
    rest = readme[start + len(SECTION):]
    end = re.search(r"^#{1,3} ", rest, flags=re.M)
    return rest[: end.start()] if end else rest


def blocks(section: str) -> list[Block]:
    """The fenced blocks, in order, without the indentation of a list item."""
    found: list[Block] = []
    prose: list[str] = []
    lines = iter(section.splitlines())
    for line in lines:
        fence = FENCE.match(line)
        if fence is None:
            prose.append(line)
            continue
        indent, body = len(fence["indent"]), []
        for inner in lines:
            if inner.strip() == "```":
                break
            body.append(inner[indent:] if inner[:indent].strip() == "" else inner)
        found.append(Block(fence["lang"], "\n".join(body) + "\n", "\n".join(prose)))
        prose = []
    return found


def conf_file(block: Block) -> str:
    """Which file a conf block goes in: the last one the prose before it names."""
    named = re.findall(r"(pg_hba\.conf|postgresql\.conf)", block.before)
    assert named, f"the README does not say which file this goes in:\n{block.text}"
    return named[-1]


def machine(block: Block) -> str:
    first = block.text.splitlines()[0]
    assert first.startswith("# "), f"a README block does not say where it runs:\n{block.text}"
    return first[2:].strip()


def typed(block: Block, passwords: dict[str, str]) -> list[str]:
    """What a person types at the block's prompts: each createuser --pwprompt asks the new
    role's password twice; each `read -rs` the password of the login its .pgpass line names."""
    answers: list[str] = []
    lines = block.text.splitlines()
    for number, line in enumerate(lines):
        if "--pwprompt" in line:
            answers += [passwords[line.split()[-1]]] * 2
        elif line.lstrip().startswith("read -rs"):
            login = next(m[1] for later in lines[number:]
                         if (m := re.search(r":cockpit:(\w+):\$pw", later)))
            answers.append(passwords[login])
    return answers


@pytest.fixture
def server() -> Iterator[TeamServer]:
    if binaries() is None:
        reason = "PostgreSQL is not installed (apt-get install postgresql; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="cockpit-readme-pg-"))  # see conftest's pg_server
    root.chmod(0o755)
    found = TeamServer(root / "cluster")
    yield found
    found.stop()
    shutil.rmtree(root, ignore_errors=True)


class Machines:
    """One HOME per machine of the README, the environment its shell starts with."""

    def __init__(self, base: Path, server: TeamServer) -> None:
        self.base, self.server = base, server
        assert server.bin is not None
        cockpit_bin = str(Path(installed_cockpit()).parent)
        self.path = os.pathsep.join([cockpit_bin, str(server.bin), "/usr/bin", "/bin"])

    def home(self, name: str) -> Path:
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        home = self.base / slug
        home.mkdir(parents=True, exist_ok=True)
        return home

    def env(self, name: str) -> dict[str, str]:
        return {"PATH": self.path, "HOME": str(self.home(name)), "LANG": "C.UTF-8",
                "DBHOST": "127.0.0.1", "PGPORT": str(self.server.port),
                "COCKPIT_NOW": "2026-11-23T09:42:00+00:00"}

    def cwd(self, name: str) -> Path:
        return ROOT if "server" in name else self.home(name)  # the server has the cockpit's folder

    def block(self, name: str, script: str, answers: list[str]) -> tuple[int, str]:
        """A README block in a terminal, the passwords typed at its prompts."""
        # The superuser's commands: the postgres account's peer login on the socket.
        script = script.replace("sudo -u postgres ",
                                f"PGHOST={self.server.socket} PGUSER=postgres ")
        return in_a_terminal(["bash", "-e", "-o", "pipefail", "-c", script], self.env(name),
                             self.cwd(name), answers)

    def run(self, name: str, command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "-c", command], env=self.env(name), cwd=self.cwd(name),
                              capture_output=True, text=True, timeout=120,
                              stdin=subprocess.DEVNULL)


def _ok(done: subprocess.CompletedProcess[str], what: str, server: TeamServer) -> str:
    assert done.returncode == 0, (f"{what} failed ({done.returncode}):\n{done.stdout}\n"
                                  f"{done.stderr}\n--- server log ---\n{server.log()}")
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def _refused(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr + done.stdout, done.stderr
    return done.stderr


def test_the_readme_team_steps_work_as_written(server: TeamServer, tmp_path: Path) -> None:
    found = blocks(team_section((ROOT / "README.md").read_text(encoding="utf-8")))
    conf = [b for b in found if b.lang == "conf"]
    shell = [b for b in found if b.lang == "sh"]
    assert len(shell) >= 4 and len(conf) >= 2
    first_shell = found.index(shell[0])
    assert all(found.index(b) < first_shell for b in conf), "config after the commands"
    lines: dict[str, list[str]] = {"postgresql.conf": [], "pg_hba.conf": []}
    for block in conf:
        lines[conf_file(block)] += block.text.splitlines()
    server.start_as_readme(lines["postgresql.conf"], lines["pg_hba.conf"])

    machines = Machines(tmp_path / "machines", server)
    passwords = {login: secrets.token_hex(12) for login in ("cockpit", "melissa", "karim")}
    outputs: dict[str, str] = {}
    key: Path | None = None
    for number, block in enumerate(shell, 1):
        where = machine(block)
        home = machines.home(where)
        if key is not None and not (home / ".config/cockpit/dnc.key").exists() \
                and "server" not in where:  # step 5: the team's key, copied
            (home / ".config/cockpit").mkdir(parents=True, exist_ok=True)
            shutil.copy2(key, home / ".config/cockpit/dnc.key")
        status, shown = machines.block(where, block.text, typed(block, passwords))
        assert status == 0 and "Traceback" not in shown, (
            f"README block {number} ({where}) failed ({status}):\n{shown}\n"
            f"--- server log ---\n{server.log()}")
        outputs[where] = outputs.get(where, "") + shown
        if (home / ".config/cockpit/dnc.key").exists() and key is None:
            key = home / ".config/cockpit/dnc.key"
        if "Karim" in block.text or "karim" in block.text:
            pgpass = home / ".pgpass"
            if pgpass.exists():
                assert pgpass.stat().st_mode & 0o777 == 0o600

    # Step 5: the owner's first command made the team's do-not-call key.
    assert key is not None and key.is_relative_to(machines.home("the owner, on their computer"))
    melissa, karim = "on Melissa's computer", "on Karim's computer"
    assert melissa in outputs and karim in outputs, list(outputs)
    # One key for the team: the caller adds a number, the lead finds it on the list.
    _ok(machines.run(karim, "cockpit dnc add '06 12 34 56 78'"), "a caller's dnc add", server)
    listed = _ok(machines.run(melissa, "cockpit dnc list"), "the lead's dnc list", server)
    assert "+33612345678" in listed, listed
    # The lead's team: Karim with his login; Melissa the lead.
    team = _ok(machines.run(melissa, "cockpit team list"), "team list", server)
    assert re.search(r"Karim .*karim", team) and re.search(r"Melissa .*melissa", team), team
    # The lead may look at a caller's queue; the caller acts as himself only.
    _ok(machines.run(melissa, "cockpit queue --caller Karim"), "the lead's look", server)
    refused = _refused(machines.run(karim, "cockpit queue --caller Melissa"))
    assert "karim" in refused and "Karim" in refused, refused
    # A caller cannot change the team: a clear refusal, the team as it was.
    refused = _refused(machines.run(karim, "cockpit team add Zoé"))
    assert "Réservé au chef d'équipe, ce que Karim n'est pas" in refused, refused
    refused = _refused(machines.run(karim, "cockpit team add Zoé --as Melissa"))
    assert "vous êtes connecté avec le compte karim" in refused, refused
    assert "Zoé" not in _ok(machines.run(melissa, "cockpit team list"), "team list", server)
    # The server, not the cockpit, asks for the password and for TLS.
    (machines.home(karim) / ".pgpass").rename(machines.home(karim) / "pgpass.aside")
    refused = _refused(machines.run(karim, "cockpit queue"))
    assert "demande un mot de passe\xa0: mettez-le dans ~/.pgpass" in refused, refused
    (machines.home(karim) / "pgpass.aside").rename(machines.home(karim) / ".pgpass")
    plain = machines.run(karim, 'psql "postgresql://karim@$DBHOST/cockpit?sslmode=disable" '
                                "-c 'SELECT 1'")
    assert plain.returncode != 0 and "no pg_hba.conf entry" in plain.stderr, plain.stderr
