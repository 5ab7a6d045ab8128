"""Every file a command writes: never over the database (nor through a link to it), never over
a file without --force, never through a symlink, owner-only, one clear line when it cannot."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cockpit.cli import main

# Each command that writes a file, given where: its arguments.
WRITERS: dict[str, Callable[[Path, Path], list[str]]] = {
    "export": lambda out, work: ["export", "contacts", str(out)],
    "person": lambda out, work: ["person", "export", "contact:1", "--out", str(out)],
    "reminders": lambda out, work: ["reminders", "--ics", str(out)],
    "report": lambda out, work: ["report", "--out", str(out)],
    "recap": lambda out, work: ["recap", "need", "1", "--eml", str(out)],
    "cv": lambda out, work: ["cv", "anonymise", str(work / "cv.txt"), "--out", str(out)],
}


@pytest.fixture
def db(tmp_path: Path, demo_template: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "cockpit.sqlite"
    shutil.copyfile(demo_template, path)
    path.chmod(0o600)
    monkeypatch.setenv("COCKPIT_DB", f"sqlite:///{path}")
    monkeypatch.setenv("COCKPIT_LANG", "fr")
    (tmp_path / "cv.txt").write_text("Jean Dupont\nDéveloppeur chez BNP Paribas\n")
    old = os.umask(0o022)  # what most sessions have: a file would be readable by everyone
    yield path
    os.umask(old)


def _rows(db: Path) -> tuple[str, int, int]:
    connection = sqlite3.connect(db)
    try:
        return (connection.execute("PRAGMA integrity_check").fetchone()[0],
                connection.execute("SELECT COUNT(*) FROM contact").fetchone()[0],
                connection.execute("SELECT COUNT(*) FROM call").fetchone()[0])
    finally:
        connection.close()


def _refused(argv: list[str], capsys: pytest.CaptureFixture[str], *words: str) -> str:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, err
    return err


@pytest.mark.parametrize("command", sorted(WRITERS))
@pytest.mark.parametrize("how", ["itself", "symlink", "hardlink", "wal", "folder-link"])
def test_no_output_replaces_the_database(command: str, how: str, db: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    before = _rows(db)
    target = {"itself": db, "wal": db.with_name(db.name + "-wal")}.get(how)
    if how == "symlink":
        target = tmp_path / "export.csv"
        target.symlink_to(db)
    elif how == "hardlink":
        target = tmp_path / "export.csv"
        os.link(db, target)
    elif how == "folder-link":  # a link to the database's folder, the name of the database
        (tmp_path / "elsewhere").symlink_to(tmp_path)
        target = tmp_path / "elsewhere" / db.name
    assert target is not None
    _refused(WRITERS[command](target, tmp_path), capsys, str(target))
    assert _rows(db) == before
    assert before[0] == "ok"


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_existing_file_is_replaced_only_with_force_and_every_file_is_owner_only(
        command: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.file"
    if command == "recap":
        out = tmp_path / "out.eml"
    assert main(WRITERS[command](out, tmp_path)) == 0
    assert (out.stat().st_mode & 0o777) == 0o600
    out.write_text("précieux")
    out.chmod(0o644)
    _refused(WRITERS[command](out, tmp_path), capsys, str(out), "--force")
    assert out.read_text() == "précieux"
    assert main([*WRITERS[command](out, tmp_path), "--force"]) == 0
    assert out.read_text() != "précieux" and (out.stat().st_mode & 0o777) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no leftover


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_symlink_at_the_target_is_refused_not_followed(
        command: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("intact")
    link = tmp_path / "link.eml"
    link.symlink_to(victim)
    _refused([*WRITERS[command](link, tmp_path), "--force"], capsys, str(link))
    assert victim.read_text() == "intact" and link.is_symlink()


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_missing_folder_a_folder_or_an_unwritable_place_gets_one_line(
        command: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nowhere" / "out.eml"
    _refused(WRITERS[command](missing, tmp_path), capsys, str(missing))
    assert not missing.parent.exists()
    folder = tmp_path / "a-folder.eml"
    folder.mkdir()
    _refused(WRITERS[command](folder, tmp_path), capsys, str(folder))


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_unwritable_folder_gets_one_line(command: str, db: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    # The tests run as root, whom permissions do not stop: /sys refuses new files to anyone.
    place = Path("/sys")
    if not place.is_dir() or (os.access(place, os.W_OK) and _creatable(place)):
        pytest.skip("no folder here refuses a new file to this user")
    target = place / "cockpit-export.eml"
    _refused(WRITERS[command](target, tmp_path), capsys, str(target))


def _creatable(folder: Path) -> bool:
    try:
        fd = os.open(folder / ".cockpit-probe", os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError:
        return False
    os.close(fd)
    os.unlink(folder / ".cockpit-probe")
    return True


def _bad_rows(tmp_path: Path) -> Path:
    source = tmp_path / "contacts.csv"
    source.write_text("Société;Prénom;Nom;Téléphone\nACME;Jean;Dupont;pas un numéro\n"
                      "ACME;Anne;Martin;01 42 68 53 00\n", encoding="utf-8")
    return source


@pytest.mark.parametrize("how", ["symlink", "hardlink", "existing"])
def test_the_rejected_rows_file_never_replaces_the_database_nor_a_file(
        how: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _bad_rows(tmp_path)
    rejected = tmp_path / "contacts.rejected.csv"
    if how == "symlink":
        rejected.symlink_to(db)
    elif how == "hardlink":
        os.link(db, rejected)
    else:
        rejected.write_text("précieux")
    before = _rows(db)
    _refused(["import", "contacts", str(source), "--skip-invalid"], capsys, str(rejected))
    assert _rows(db) == before  # nothing imported either: the refusal comes first
    if how == "existing":
        assert rejected.read_text() == "précieux"
        assert main(["import", "contacts", str(source), "--skip-invalid", "--force"]) == 0
        assert "pas un numéro" in rejected.read_text(encoding="utf-8-sig")
        assert (rejected.stat().st_mode & 0o777) == 0o600


def test_the_rejected_rows_file_is_owner_only(db: Path, tmp_path: Path) -> None:
    source = _bad_rows(tmp_path)
    assert main(["import", "contacts", str(source), "--skip-invalid"]) == 0
    rejected = tmp_path / "contacts.rejected.csv"
    assert (rejected.stat().st_mode & 0o777) == 0o600


def test_drafts_saved_in_a_folder_never_replace_one_another(db: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            ) -> None:
    # The cockpit's ctrl+e saves in a folder under the time's name: twice the same second.
    monkeypatch.setenv("COCKPIT_NOW", "2026-11-23T10:42:00+01:00")
    folder = tmp_path / "mails"
    assert main(["recap", "need", "1", "--eml", str(folder)]) == 0
    assert main(["recap", "need", "1", "--eml", str(folder)]) == 0
    saved = sorted(folder.iterdir())
    assert len(saved) == 2 and all((p.stat().st_mode & 0o777) == 0o600 for p in saved)


def test_a_need_title_on_two_lines_still_gives_a_draft(db: Path, tmp_path: Path) -> None:
    connection = sqlite3.connect(db)
    connection.execute("UPDATE need SET title = 'Dev Java\nsenior' WHERE id = 1")
    connection.commit()
    connection.close()
    out = tmp_path / "recap.eml"
    assert main(["recap", "need", "1", "--eml", str(out)]) == 0
    import email
    from email.header import decode_header, make_header

    message = email.message_from_bytes(out.read_bytes())
    assert "Dev Java senior" in str(make_header(decode_header(message["Subject"])))


def test_messages_follow_the_language(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    french = _refused(["export", "contacts", str(db)], capsys)
    english = _refused(["--lang", "en", "export", "contacts", str(db)], capsys)
    assert "base de données" in french and "database in use" in english


def test_a_draft_folder_in_a_folder_that_does_not_exist_is_refused(
        db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A typo in a typed folder must not silently become a tree of new folders.
    target = tmp_path / "nowhere" / "mails"
    _refused(["recap", "need", "1", "--eml", str(target)], capsys,
             "le dossier", str(tmp_path / "nowhere"), "n'existe pas")
    assert not (tmp_path / "nowhere").exists()


def test_a_draft_folder_named_as_the_database_says_it_is_the_database(
        db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["recap", "need", "1", "--eml", str(db)], capsys, str(db))
    assert "base de données en service" in err, err


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_dash_for_a_file_is_refused_and_no_file_named_dash_is_left(
        command: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """“-” means the standard output to most tools: here it wrote a file named “-” (with
    people's data in it) where the user stood."""
    monkeypatch.chdir(tmp_path)
    _refused(WRITERS[command](Path("-"), tmp_path), capsys, "«\xa0-\xa0»")
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("command", sorted(WRITERS))
@pytest.mark.parametrize("which", ["dnc-key", "key-hardlink", "config", "log", "old-log",
                                   "drafts", "state-link"])
def test_no_output_replaces_the_cockpits_own_files(
    command: str, which: str, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    """The do-not-call key above all: replaced by an export (--force), the numbers of the
    people erased could no longer be matched, and they would be called again."""
    home = tmp_path / "home"
    key, config = home / "dnc.key", home / "config.toml"
    state = tmp_path / "state"
    log = state / "cockpit" / "cockpit.log"
    for path, text in ((key, "ab" * 32 + "\n"), (config, 'lang = "fr"\n'), (log, "started\n"),
                       (log.with_name("cockpit.log.2"), "older\n")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    (state / "cockpit" / "drafts").mkdir()
    monkeypatch.setenv("COCKPIT_DNC_KEY_FILE", str(key))
    monkeypatch.setenv("COCKPIT_CONFIG", str(config))
    monkeypatch.setenv("COCKPIT_STATE", str(state))
    monkeypatch.delenv("COCKPIT_LOG", raising=False)
    (tmp_path / "elsewhere").symlink_to(state / "cockpit")
    target = {"dnc-key": key, "key-hardlink": tmp_path / "export.csv", "config": config,
              "log": log, "old-log": log.with_name("cockpit.log.2"),
              "drafts": state / "cockpit" / "drafts" / "export.csv",
              "state-link": tmp_path / "elsewhere" / "export.csv"}[which]
    if which == "key-hardlink":
        os.link(key, target)
    kept = {path: path.read_bytes() for path in (key, config, log.with_name("cockpit.log.2"))}
    argv = [*WRITERS[command](target, tmp_path), "--force"]
    if command == "recap":
        argv.remove("--force")  # a draft never replaces a file: it takes a new name
    _refused(argv, capsys, str(target), "fichiers du cockpit")
    assert {path: path.read_bytes() for path in kept} == kept
    assert not (state / "cockpit" / "drafts" / "export.csv").exists()


@pytest.mark.parametrize("argv", [
    ["import", "contacts", "liste\x1b[2J\x1b]0;pwn\x07.csv"],
    ["queue", "--limit", "\x1b]0;pwn\x07"],
    ["export", "contacts", "/nowhere\x1b[2J/x.csv"],
    ["cv", "anonymise", "cv\x1b[31m.txt"],
    ["queue", "--db", "sqlite:////tmp/x\x1b[2J%00.sqlite"],
], ids=["import", "argument", "export", "cv", "url"])
def test_an_error_quoting_what_was_typed_sends_no_control_character_to_the_terminal(
        argv: list[str], db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file named with an escape sequence (a list saved by another tool, a link in a mail)
    could clear or retitle the caller's terminal through the message that names it."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "␛" in err and not any(ch in err for ch in "\x1b\x07"), repr(err)
    assert err.count("\n") == 1


@pytest.mark.parametrize("url", ["sqlite:///", "sqlite://", "sqlite:"])
def test_a_database_url_naming_no_file_is_refused_not_opened_in_memory(
        url: str, db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--db sqlite:///` opened a database in memory: a team added, a list imported, all
    said done, and all gone when the command ended."""
    assert main(["team", "add", "Bob", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "ne nomme aucun fichier" in err and err.count("\n") == 1, err
