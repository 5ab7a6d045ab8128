"""What the README's team steps need of a server, on a test cluster: TCP on the loopback at
a free port, TLS with a self-signed certificate (Debian's `ssl = on` with its snakeoil
one), peer authentication of the superuser on the Unix socket (Debian's `local all postgres
peer`), and the README's own lines of postgresql.conf and pg_hba.conf."""

from __future__ import annotations

import fcntl
import getpass
import os
import pwd
import re
import select
import shutil
import socket
import subprocess
import termios
import time
from pathlib import Path

from tests.pg import Server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class TeamServer(Server):
    """A Server, restarted as the README's server: `conf` and `hba` are the README's lines."""

    port = 0

    def _give(self, path: Path, mode: int) -> None:
        path.chmod(mode)
        if os.geteuid() == 0:  # the cluster runs as the postgres account (see Server)
            entry = pwd.getpwnam("postgres")
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def start_as_readme(self, conf: list[str], hba: list[str]) -> None:
        if shutil.which("openssl") is None:
            raise RuntimeError("openssl is not installed: no certificate for sslmode=require")
        self.start()
        cert, key = self.root / "server.crt", self.root / "server.key"
        made = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                               "-days", "2", "-subj", "/CN=dbhost", "-keyout", str(key),
                               "-out", str(cert)], capture_output=True, text=True)
        if made.returncode != 0:
            raise RuntimeError(f"openssl: {made.stderr.strip()}")
        self._give(cert, 0o644)
        self._give(key, 0o600)  # the server refuses a key others can read
        # Peer authentication maps a system account to a role: here the account running the
        # tests stands for Debian's postgres account. No other line of Debian's file: its
        # loopback line would let the test's clients (127.0.0.1) in before the README's.
        ident, hba_file = self.root / "pg_ident.conf", self.root / "pg_hba.conf"
        ident.write_text(f"superuser {getpass.getuser()} postgres\n")
        hba_file.write_text("local all postgres peer map=superuser\n" + "\n".join(hba) + "\n")
        for path in (ident, hba_file):
            self._give(path, 0o644)
        with (self.data / "postgresql.conf").open("a") as handle:
            handle.write("\n".join(conf) + "\n")
        self.port = free_port()
        # The command line wins over postgresql.conf: the test listens on the loopback only
        # (the README's listen_addresses would open every interface of the CI machine).
        options = (f"-k {self.socket} -c listen_addresses=127.0.0.1 -c port={self.port} "
                   f"-c hba_file={hba_file} -c ident_file={ident} -c ssl=on "
                   f"-c ssl_cert_file={cert} -c ssl_key_file={key} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off")
        assert self.bin is not None
        done = subprocess.run(self._as_owner([
            str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
            str(self.root / "server.log"), "-w", "-t", "60", "restart"]),
            capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"pg_ctl restart failed: {done.stderr.strip()}\n{self.log()}")

    def log(self) -> str:
        path = self.root / "server.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


# The prompts of the README's blocks: createuser --pwprompt's two, and `read -rs -p "…: "`.
PROMPT = re.compile(r"(password[^\n]*|again[^\n]*):\s*$", re.IGNORECASE)


def in_a_terminal(argv: list[str], env: dict[str, str], cwd: Path, answers: list[str],
                  timeout: float = 120) -> tuple[int, str]:
    """Run argv on a terminal of its own, typing each answer when a password prompt shows
    (as a person would: a pipe would let the first prompt's reader swallow them all).
    (exit status, everything the terminal showed)."""
    master, slave = os.openpty()

    def controlling_terminal() -> None:  # after setsid: /dev/tty is this terminal
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                               cwd=cwd, start_new_session=True,
                               preexec_fn=controlling_terminal)
    os.close(slave)
    shown, since, pending = "", "", list(answers)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if process.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 4096).decode(errors="replace")
            except OSError:  # the other end closed: everything was read
                break
            if not chunk:
                break
            shown, since = shown + chunk, since + chunk
            if pending and PROMPT.search(since):
                os.write(master, (pending.pop(0) + "\n").encode())
                since = ""
        else:
            process.kill()
            raise RuntimeError(f"still running after {timeout} s; the terminal showed:\n{shown}")
    finally:
        os.close(master)
    return process.wait(timeout=10), shown
